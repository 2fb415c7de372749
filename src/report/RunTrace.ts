import { FAMILY_OF } from '../decision/options.js';
import type { Simulation } from '../engine/Simulation.js';
import type { MembershipRow, RunTables, StateTickRow, ThreatRow } from './RunTables.js';

/** Options of {@link RunTrace}. */
export interface RunTraceOptions {
  /**
   * The ticks after which the whole threat matrix is recorded (n² rows each). Default: the first,
   * the last and the three quartiles of a run of `ticks` ticks ({@link defaultThreatTicks}).
   */
  threatTicks?: readonly number[];
  /** The run's length, used for the default threat ticks. */
  ticks: number;
}

/**
 * The ticks at which the report shows the threat matrix by default: the first and last tick and
 * the three quartiles between them, without repeats (so a 100-tick run gives 0, 25, 50, 74, 99).
 */
export function defaultThreatTicks(ticks: number): number[] {
  if (ticks <= 0) return [];
  const last = ticks - 1;
  const out = [0, Math.round(last / 4), Math.round(last / 2), Math.round((3 * last) / 4), last];
  return [...new Set(out)];
}

/**
 * Records, after each tick of a simulation, the rows the report needs and the run's other tables
 * do not hold: each state's capability share, legitimacy, restraint, main threat and action
 * (every tick); every membership in an institution or alliance with whether it includes the
 * state's main threat (every tick); and the threat matrix T_ij at the chosen ticks.
 *
 * It reads only the simulation's public API (`world`, `threat`), after `step()`. Rows come in a
 * fixed order (tick, then the scenario's state order, then institution id), so the same run gives
 * the same tables. Cost per tick: one world snapshot (O(n²) for the alliance scan).
 *
 * @example
 * const sim = createSimulation(scenario, { seed: 42 });
 * const trace = new RunTrace({ ticks: 100 });
 * for (let t = 0; t < 100; t++) { sim.step(); trace.record(sim); }
 * trace.tables.memberships.filter((m) => m.relation === 'exclusive');
 */
export class RunTrace {
  /** The rows so far. */
  readonly tables: RunTables = { states: [], threats: [], memberships: [] };
  private readonly threatTicks: ReadonlySet<number>;

  constructor(options: RunTraceOptions) {
    this.threatTicks = new Set(options.threatTicks ?? defaultThreatTicks(options.ticks));
  }

  /** Whether the threat matrix is recorded after `tick`. */
  recordsThreatsAt(tick: number): boolean {
    return this.threatTicks.has(tick);
  }

  /** Records the tick `sim` has just completed. Call once after each `step()`. */
  record(sim: Simulation): void {
    const world = sim.world;
    const tick = world.tick - 1;
    if (tick < 0) throw new RangeError('RunTrace.record: the simulation has not completed a tick yet');
    const year = sim.scenario.meta.startYear + tick / sim.scenario.meta.ticksPerYear;
    const { states: stateRows, threats, memberships } = this.tables;
    const threatOf = new Map<string, string>();
    for (const s of world.states) {
      const action = s.lastAction ?? 'NONE';
      const row: StateTickRow = {
        tick, year, state: s.id, cinc: s.cinc, legitimacy: s.legitimacy, restraint: s.restraint,
        mainThreat: s.mainThreat ?? '', threat: s.threat, action, family: FAMILY_OF[action],
      };
      stateRows.push(row);
      threatOf.set(s.id, s.mainThreat ?? '');
    }
    const relation = (j: string, members: (m: string) => boolean): MembershipRow['relation'] =>
      j === '' ? 'none' : members(j) ? 'inclusive' : 'exclusive';
    const partners = new Map<string, string[]>();
    const addPartner = (a: string, b: string): void => {
      const list = partners.get(a);
      if (list === undefined) partners.set(a, [b]);
      else list.push(b);
    };
    for (const [a, b] of world.alliances) {
      addPartner(a, b);
      addPartner(b, a);
    }
    for (const s of world.states) {
      const j = threatOf.get(s.id) ?? '';
      for (const inst of world.institutions) {
        if (!inst.members.includes(s.id)) continue;
        memberships.push({
          tick, year, state: s.id, kind: 'institution', group: inst.id, mainThreat: j,
          relation: relation(j, (m) => inst.members.includes(m)),
        });
      }
      const allies = (partners.get(s.id) ?? []).slice().sort();
      for (const partner of allies) {
        memberships.push({
          tick, year, state: s.id, kind: 'alliance', group: partner, mainThreat: j,
          relation: relation(j, (m) => m === partner),
        });
      }
    }
    if (this.threatTicks.has(tick)) {
      for (const a of world.states) {
        for (const b of world.states) {
          if (a.id === b.id) continue;
          const row: ThreatRow = { tick, year, from: a.id, to: b.id, threat: sim.threat(a.id, b.id) };
          threats.push(row);
        }
      }
    }
  }
}
