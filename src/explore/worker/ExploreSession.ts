import { Terminal } from '../../cli/Terminal.js';
import { formatExplanation } from '../../cli/formatExplanation.js';
import { checkAdmissible, type AdmissibilityViolation } from '../../decision/checkAdmissible.js';
import { FAMILY_OF } from '../../decision/options.js';
import { createSimulation, type Simulation } from '../../engine/Simulation.js';
import type { SimulationEvent } from '../../engine/SimulationEvent.js';
import type { WorldChange } from '../../engine/WorldChange.js';
import type { TickRecord } from '../../metrics/TickRecord.js';
import type { ModelParameters } from '../../model/ModelParameters.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { sweepLayout, tickCells } from '../../experiments/tables.js';
import { FAMILIES } from '../../decision/options.js';
import { hasExpressionCompiler, needsExpressions, registerExpressionCompiler } from '../../engine/expressionCompiler.js';
import type { ExploreDataTables, ExploreLibraries } from './ExploreLibraries.js';
import { PARAMETER_SLIDERS, type ExploreEnsemble, type ExploreFrame, type ExploreReply, type ExploreScenarioInfo, type ExploreSetting } from '../ExploreMessages.js';

/** A change made with a slider, and the tick it precedes (kept to replay the run for explanations). */
interface LoggedChange {
  tick: number;
  change: WorldChange;
}

/** A terminal that styles nothing, for formatting explanations as plain lines. */
const PLAIN = new Terminal({ stdout: { write: () => true }, stderr: { write: () => true }, env: { NO_COLOR: '1' } });

/** A model event as one line of the timeline. */
function eventText(e: SimulationEvent): string {
  switch (e.type) {
    case 'scenario-event': return e.label;
    case 'alliance-formed': return `${e.actor} and ${e.partner} ally against ${e.target}`;
    case 'alliance-lapsed': return `alliance of ${e.actor} and ${e.partner} against ${e.target} lapses`;
    case 'club-founded': return `club ${e.institution} founded against ${e.target}`;
    case 'institution-dissolved': return `${e.institution} dissolved`;
    case 'aggression': return `${e.actor} attacks ${e.target}${e.majorWar ? ' (major war)' : ''}`;
    case 'episode-start': return `${e.actor} begins soft balancing against ${e.target}`;
    case 'episode-end': return `${e.actor} ends soft balancing against ${e.target}`;
    case 'institution-joined': return `${e.state} joins ${e.institution}`;
    case 'institution-left': return `${e.state} leaves ${e.institution}`;
    case 'accession': return `${e.institution} ${e.admitted ? 'admits' : 'does not admit'} ${e.state} (${e.votes})`;
    case 'application': return `${e.state} applies to ${e.institution} (${e.act} against ${e.target})`;
    case 'application-lapsed': return `${e.state}'s application to ${e.institution} lapses`;
    case 'institution-status': return e.status === 'none' ? `${e.state} gives up its status in ${e.institution}` : `${e.state} becomes ${e.status === 'associate' ? 'an' : 'a'} ${e.status} of ${e.institution}`;
    case 'institution-founded': return `${e.institution} founded`;
    case 'alliance-begun': return `alliance ${e.between.join('–')} begins`;
    case 'alliance-ended': return `alliance ${e.between.join('–')} ends`;
    case 'state-entered': return `${e.state} enters the state system`;
    case 'state-left': return e.into === undefined ? `${e.state} leaves the state system` : `${e.state} leaves the state system, absorbed into ${e.into}`;
  }
}

/**
 * The explorer's model side, as the page's Web Worker runs it: one simulation of one scenario and
 * seed, stepped on request, changed by sliders between ticks (each change logged with its tick), and
 * replayed from tick 0 with the same seed and changes to explain a past decision. Deterministic:
 * the same scenario, seed and changes at the same ticks give the same frames. What the core does
 * not hold — mathjs for expressions and ensembles, scenario validation for dropped files — comes
 * from `libraries`, asked for only when needed (the page's worker loads each as a chunk then).
 */
export class ExploreSession {
  constructor(private readonly libraries: ExploreLibraries) {}

  private scenario: ResolvedScenario | null = null;
  private sim: Simulation | null = null;
  private seed = 42;
  private params: ModelParameters | null = null;
  private system = { lambda: 0, nu: 0, theta: 0 };
  private changes: LoggedChange[] = [];
  /** The latest value of each slider moved, re-applied at tick 0 on reset. */
  private settings = new Map<string, { setting: ExploreSetting; value: number }>();
  private eventCursor = 0;
  /** Every tick record of the run so far (for the CSV export). */
  private records: TickRecord[] = [];

  /** Loads a resolved scenario and starts a run at tick 0. */
  load(scenario: ResolvedScenario, seed: number): ExploreReply {
    if (needsExpressions(scenario) && !hasExpressionCompiler()) registerExpressionCompiler(this.libraries.math().compileExpression);
    this.scenario = scenario;
    this.settings.clear();
    this.start(seed);
    return { type: 'loaded', info: this.info(), frame: this.frame([]) };
  }

  /**
   * Validates a dropped scenario file as `counterpoise validate` does, and loads it when it is
   * valid; its data references are drawn from `tables` when the page carries the COW tables.
   */
  loadFile(name: string, text: string, seed: number, tables: ExploreDataTables | null = null): ExploreReply {
    const checked = this.libraries.scenarioFiles().validateScenarioFile(name, text, tables);
    return checked.ok ? this.load(checked.scenario, seed) : { type: 'issues', file: name, lines: checked.lines };
  }

  /** Restarts the run at tick 0 with a seed, keeping the sliders' values (applied before the first tick). */
  reset(seed: number): ExploreFrame {
    this.start(seed);
    return this.frame([]);
  }

  /** Runs `ticks` ticks and returns the frame after them. */
  step(ticks: number): ExploreFrame {
    const sim = this.requireSim();
    const records: TickRecord[] = [];
    for (let k = 0; k < ticks; k++) records.push(sim.step());
    this.records.push(...records);
    return this.frame(records);
  }

  /** Completed ticks. */
  get tick(): number {
    return this.sim?.tick ?? 0;
  }

  /**
   * Moves a slider: applies the value before the next tick when it is allowed — a system condition
   * in [0,1] not written as an expression, a model parameter that keeps the parameters in the
   * admissible set (`checkAdmissible`: otherwise the violated constraints are returned and nothing
   * changes).
   */
  set(setting: ExploreSetting, value: number): ExploreReply {
    const sim = this.requireSim();
    const scenario = this.scenario as ResolvedScenario;
    const refuse = (note: string, violations: AdmissibilityViolation[] = []): ExploreReply => (
      { type: 'set', setting, value, applied: false, violations, note });
    if (!Number.isFinite(value)) return refuse(`${setting.key} must be a finite number`);
    let change: WorldChange;
    if (setting.kind === 'system') {
      if (setting.key !== 'lambda' && setting.key !== 'nu' && setting.key !== 'theta') return refuse(`no system condition "${setting.key}"`);
      if (scenario.expressions.some((e) => e.target.kind === 'system' && e.target.field === setting.key)) {
        return refuse(`${setting.key} follows the scenario's expression of time; it cannot be set by hand`);
      }
      if (value < 0 || value > 1) return refuse(`${setting.key} must lie in [0, 1]`);
      change = { type: 'set-system', field: setting.key, value };
      this.system[setting.key] = value;
    } else {
      const params = this.params as ModelParameters;
      if (typeof (params as unknown as Record<string, unknown>)[setting.key] !== 'number') return refuse(`no numeric model parameter "${setting.key}"`);
      const next = { ...params, [setting.key]: value } as ModelParameters;
      const violations = checkAdmissible(next);
      if (violations.length > 0) {
        return refuse(violations.map((v) => `${v.constraint}: ${v.message}`).join('; '), violations);
      }
      change = { type: 'set-parameter', key: setting.key, value };
      this.params = next;
    }
    sim.apply(change);
    this.changes.push({ tick: sim.tick, change });
    this.settings.set(`${setting.kind}.${setting.key}`, { setting, value });
    return { type: 'set', setting, value, applied: true, violations: [], note: '' };
  }

  /**
   * Explains the decision `state` took in `tick` (a completed tick): replays the run from tick 0
   * with the same seed and the same slider changes at the same ticks, then explains that tick as
   * `counterpoise explain` does, in the same lines.
   */
  explain(state: string, tick: number): ExploreReply {
    const sim = this.requireSim();
    const scenario = this.scenario as ResolvedScenario;
    if (!scenario.states.some((s) => s.id === state)) return { type: 'error', message: `no state "${state}" in ${scenario.meta.id}` };
    if (!(Number.isInteger(tick) && tick >= 0 && tick < sim.tick)) {
      return { type: 'error', message: `tick ${tick} has not run yet: step the run first (completed ticks: ${sim.tick})` };
    }
    const replay = createSimulation(scenario, { seed: this.seed, collectEvents: false });
    let c = 0;
    for (let t = 0; t < tick; t++) {
      while (c < this.changes.length && this.changes[c].tick === t) replay.apply(this.changes[c++].change);
      replay.step();
    }
    while (c < this.changes.length && this.changes[c].tick === tick) replay.apply(this.changes[c++].change);
    const { explanation } = replay.stepAndExplain(state);
    return { type: 'explained', state, tick, lines: formatExplanation(explanation, this.seed, PLAIN) };
  }

  /**
   * The run's ticks so far as CSV, one row per tick, with the columns of the ticks table that
   * `counterpoise run` writes, from `tick` on (tick, year, action_*, family_*, con, …).
   */
  ticksCsv(): ExploreReply {
    const scenario = this.scenario as ResolvedScenario;
    const layout = sweepLayout([], scenario.states.map((x) => x.id));
    const columns = layout.ticks.slice(layout.key.length).map((c) => c.name);
    const lines = [columns.join(','), ...this.records.map((r) => tickCells(r).map(String).join(','))];
    return { type: 'csv', name: `${scenario.meta.id}-seed${this.seed}-ticks.csv`, text: `${lines.join('\n')}\n` };
  }

  /**
   * Runs an ensemble: `seeds` runs of `ticks` ticks with seeds `seed`, `seed + 1`, …, each with the
   * sliders' current values applied before the first tick, and summarises the states choosing each
   * family per tick over the seeds: mean and the t-based 95 % interval of the mean (summarizeSample).
   */
  ensemble(seed: number, seeds: number, ticks: number): ExploreReply {
    const scenario = this.scenario;
    if (scenario === null) throw new Error('no scenario loaded');
    if (!(Number.isInteger(seeds) && seeds >= 1 && seeds <= 1000 && Number.isInteger(ticks) && ticks >= 1 && ticks <= 100_000)) {
      return { type: 'error', message: 'an ensemble needs 1–1000 seeds and 1–100000 ticks' };
    }
    const list = Array.from({ length: seeds }, (_, k) => seed + k);
    const counts = FAMILIES.map(() => Array.from({ length: ticks }, () => new Array<number>(seeds)));
    list.forEach((s, k) => {
      const sim = createSimulation(scenario, { seed: s, collectEvents: false });
      for (const { setting, value } of this.settings.values()) {
        sim.apply(setting.kind === 'system'
          ? { type: 'set-system', field: setting.key as 'lambda' | 'nu' | 'theta', value }
          : { type: 'set-parameter', key: setting.key, value });
      }
      for (let t = 0; t < ticks; t++) {
        const r = sim.step();
        FAMILIES.forEach((f, i) => { counts[i][t][k] = r.families[f]; });
      }
    });
    const { summarizeSample } = this.libraries.math();
    const bands: ExploreEnsemble = { seeds: list, ticks, families: {} };
    FAMILIES.forEach((f, i) => {
      const sums = counts[i].map((xs) => summarizeSample(xs));
      bands.families[f] = {
        mean: sums.map((x) => x.mean),
        low: sums.map((x) => (Number.isNaN(x.ciLow) ? x.mean : x.ciLow)),
        high: sums.map((x) => (Number.isNaN(x.ciHigh) ? x.mean : x.ciHigh)),
      };
    });
    return { type: 'ensemble', bands };
  }

  private requireSim(): Simulation {
    if (this.sim === null) throw new Error('no scenario loaded');
    return this.sim;
  }

  private start(seed: number): void {
    const scenario = this.scenario;
    if (scenario === null) throw new Error('no scenario loaded');
    this.seed = seed;
    this.sim = createSimulation(scenario, { seed });
    this.params = { ...scenario.parameters, omega: { ...scenario.parameters.omega } };
    this.system = { lambda: scenario.system.lambda, nu: scenario.system.nu, theta: scenario.system.theta };
    this.changes = [];
    this.records = [];
    this.eventCursor = 0;
    const kept = [...this.settings.values()];
    this.settings.clear();
    for (const { setting, value } of kept) this.set(setting, value);
  }

  private info(): ExploreScenarioInfo {
    const s = this.scenario as ResolvedScenario;
    const parameters: Record<string, number> = {};
    for (const p of PARAMETER_SLIDERS) parameters[p.key] = (s.parameters as unknown as Record<string, number>)[p.key];
    return {
      id: s.meta.id, title: s.meta.title, startYear: s.meta.startYear, ticksPerYear: s.meta.ticksPerYear,
      states: s.states.map((x) => ({ id: x.id, name: x.name, major: x.major, ...(x.location === undefined ? {} : { location: x.location }) })),
      system: { lambda: s.system.lambda, nu: s.system.nu, theta: s.system.theta },
      parameters,
      expressionFields: s.expressions.filter((e) => e.target.kind === 'system').map((e) => (e.target as { field: string }).field),
      events: s.events.map((e) => ({ label: e.label, tick: e.tick })),
    };
  }

  private frame(records: TickRecord[]): ExploreFrame {
    const sim = this.requireSim();
    const world = sim.world;
    const ids = world.states.map((s) => s.id);
    const threat: number[] = [];
    if (sim.tick > 0) for (const a of ids) for (const b of ids) threat.push(a === b ? 0 : sim.threat(a, b));
    else for (let k = 0; k < ids.length * ids.length; k++) threat.push(0);
    const events = sim.events.slice(this.eventCursor).map((e) => ({ tick: e.tick, text: eventText(e), scenario: e.type === 'scenario-event' }));
    this.eventCursor = sim.events.length;
    return {
      tick: sim.tick, year: sim.year, records,
      shares: world.states.map((s) => s.cinc),
      actions: world.states.map((s) => s.lastAction),
      families: world.states.map((s) => (s.lastAction === null ? null : FAMILY_OF[s.lastAction])),
      mainThreats: world.states.map((s) => s.mainThreat),
      threat, events,
      alliances: world.alliances, ententes: world.ententes,
      institutions: world.institutions.map((q) => ({ id: q.id, members: q.members })),
    };
  }
}
