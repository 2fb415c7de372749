import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import { DRAWS_PER_TICK, type StateStreams } from '../random/StateStreams.js';
import { activeAt } from '../scenario/activeAt.js';
import { compareIds } from './createWorld.js';
import type { StashedState } from './restrictWorld.js';
import type { World } from './World.js';

/**
 * Which states are in the system at each tick (model note N43): a state with spells is in the
 * system at tick t when the year of t (`startYear + t/ticksPerYear`) lies in one of its spells
 * [from, to). Draws every state's uniforms each tick, in or out of the system, so that a state's
 * draws depend on (seed, id, tick) alone (THEORY §6 S2), and hands the world those of its states.
 * @internal
 */
export class SpellSchedule {
  /** Every state of the scenario, in canonical (id) order: the order of the random streams. */
  readonly universe: readonly string[];
  /** States that left the system, with the values they had, in case they enter again. */
  readonly stash = new Map<string, StashedState>();
  private readonly spells: ({ from: number | null; to: number | null; into?: string }[] | undefined)[];
  private readonly startYear: number;
  private readonly ticksPerYear: number;
  private current = '';
  /** The ticks at which some spell begins or ends (the only ticks the set can change). */
  private readonly boundaries = new Set<number>();
  private readonly all: Float64Array;
  /** The most states in the system at once over the run (the world's matrices are sized for it). */
  readonly maxActive: number;
  /** Position in `universe` of each world state. */
  private position: Int32Array = new Int32Array(0);

  private constructor(scenario: ResolvedScenario) {
    const states = [...scenario.states].sort((a, b) => compareIds(a.id, b.id));
    this.universe = states.map((s) => s.id);
    this.spells = states.map((s) => s.spells);
    this.startYear = scenario.meta.startYear;
    this.ticksPerYear = scenario.meta.ticksPerYear;
    this.all = new Float64Array(states.length * DRAWS_PER_TICK);
    this.current = this.key(0);
    const tpy = this.ticksPerYear;
    const yearOf = (t: number): number => this.startYear + t / tpy;
    for (const list of this.spells) {
      for (const sp of list ?? []) {
        for (const b of [sp.from, sp.to]) {
          if (b === null || b <= this.startYear) continue;
          // The first tick whose year is at or after b.
          let t = Math.ceil((b - this.startYear) * tpy);
          while (t > 0 && yearOf(t - 1) >= b) t--;
          while (yearOf(t) < b) t++;
          this.boundaries.add(t);
        }
      }
    }
    let most = this.activeAt(0).size;
    for (const t of this.boundaries) most = Math.max(most, this.activeAt(t).size);
    this.maxActive = most;
  }

  /** The schedule of a scenario, or null when no state has spells (every state throughout). */
  static of(scenario: ResolvedScenario): SpellSchedule | null {
    return scenario.states.some((s) => s.spells !== undefined) ? new SpellSchedule(scenario) : null;
  }

  private key(tick: number): string {
    const year = this.startYear + tick / this.ticksPerYear;
    return this.spells.map((sp) => (activeAt(sp, year) ? '1' : '0')).join('');
  }

  /** The ids of the states in the system at `tick`. */
  activeAt(tick: number): Set<string> {
    const year = this.startYear + tick / this.ticksPerYear;
    return new Set(this.universe.filter((_, k) => activeAt(this.spells[k], year)));
  }

  /**
   * The state that absorbed `state` if it left the system by its latest spell ended by `tick`
   * (the spell's `into`, model note N46); undefined when none is declared.
   */
  absorberOf(state: string, tick: number): string | undefined {
    const year = this.startYear + tick / this.ticksPerYear;
    const list = this.spells[this.universe.indexOf(state)];
    let latest: { to: number | null; into?: string } | undefined;
    for (const sp of list ?? []) if (sp.to !== null && sp.to <= year && (latest === undefined || sp.to > (latest.to as number))) latest = sp;
    return latest?.into;
  }

  /** Whether the set of states in the system at `tick` differs from the last one seen (and remembers it). */
  changesAt(tick: number): boolean {
    if (!this.boundaries.has(tick)) return false;
    const key = this.key(tick);
    if (key === this.current) return false;
    this.current = key;
    return true;
  }

  /** Binds the schedule to a (re)built world: where each of its states sits among all states. */
  bind(w: World): void {
    const at = new Map(this.universe.map((id, k) => [id, k]));
    this.position = Int32Array.from(w.ids, (id) => at.get(id) as number);
  }

  /** Draws this tick's uniforms for every state and copies those of the world's states into `out`. */
  draw(streams: StateStreams, w: World, out: Float64Array): void {
    streams.drawTick(this.all);
    const pos = this.position;
    for (let i = 0; i < w.n; i++) {
      const from = pos[i] * DRAWS_PER_TICK;
      for (let k = 0; k < DRAWS_PER_TICK; k++) out[i * DRAWS_PER_TICK + k] = this.all[from + k];
    }
  }
}
