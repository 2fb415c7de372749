import type { DecisionPolicy } from '../decision/DecisionPolicy.js';
import { FAMILIES, OPTIONS, FAMILY_INDEX_OF_OPTION, toOptionRecord, type FamilyRecord } from '../decision/options.js';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import { statusOfCode, type MembershipStatus } from '../institutions/MembershipStatus.js';
import type { DualTrackRecord, TickRecord } from '../metrics/TickRecord.js';
import { writeCincShares } from '../metrics/cincShares.js';
import { procedureRecords } from '../metrics/procedureRecords.js';
import type { PerceptionModel, PerceptionView } from '../perception/PerceptionModel.js';
import { powerThreat } from '../perception/powerThreat.js';
import { waltThreat } from '../perception/waltThreat.js';
import { threatEntry } from '../perception/perceivePhase.js';
import { applyPendingBeliefs } from '../effects/beliefs.js';
import { StateStreams } from '../random/StateStreams.js';
import { isResolvedScenario } from '../scenario/resolvedBrand.js';
import { createWorld } from './createWorld.js';
import { PHASES } from './phases.js';
import { PerceptionViewRecord } from './PerceptionViewRecord.js';
import { TickContextRecord } from './TickContextRecord.js';
import { createScratch, type Scratch } from './Scratch.js';
import type { SimulationEvent } from './SimulationEvent.js';
import type { TickContext } from './TickContext.js';
import type { World } from './World.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import type { WorldSnapshot } from './WorldSnapshot.js';
import { applyChange } from './applyChange.js';
import { ScenarioDynamics } from './ScenarioDynamics.js';
import { endInputAlliances } from './endInputAlliances.js';
import { tickRates } from './TickRates.js';
import { PathFollower } from './PathFollower.js';
import { restrictScenario, restrictWorld } from './restrictWorld.js';
import { SpellSchedule } from './SpellSchedule.js';
import type { DecisionExplanation } from './DecisionExplanation.js';
import { explainDecision } from './explainDecision.js';
import { greatPowerRecords, membershipSnapshot, type MembershipSnapshot } from './greatPowerRecords.js';
import type { WorldChange } from './WorldChange.js';

/** Options of {@link createSimulation}. */
export interface SimulationOptions {
  /** The run seed (default 0). Same scenario + seed ⇒ the same trajectory (THEORY §6 S2). */
  seed?: number | string;
  /** Threat perception: 'walt' (default, THEORY §5.2), 'power' (the power-only baseline) or a custom model. */
  perception?: 'walt' | 'power' | PerceptionModel;
  /** A custom decision policy; default: the logit of THEORY §5.4. */
  policy?: DecisionPolicy;
  /** Keep an event log (alliances, clubs, aggression, episodes); default true. */
  collectEvents?: boolean;
  /** Called after each phase of each tick with its name and duration in ms (for profiling). */
  onPhase?: (phase: string, milliseconds: number) => void;
  /**
   * Called after the decide phase of each tick, before any act takes effect: it may read the
   * tick's contexts and masks and replace the sampled acts (`scratch.action`, `scratch.actionCounts`).
   * The calibration's drive along the observed history uses it to record the model's contexts and
   * to make the observed acts the ones that take effect (docs/validation.md). Default: none.
   * @internal
   */
  afterDecide?: (ctx: TickContext) => void;
}

/** A running simulation: step it, read its state. Created by {@link createSimulation}. */
export interface Simulation {
  /** The scenario it runs. */
  readonly scenario: ResolvedScenario;
  /** The run seed. */
  readonly seed: number | string;
  /** Completed ticks. */
  readonly tick: number;
  /** Calendar year of the next tick. */
  readonly year: number;
  /** A fresh plain-data snapshot of the world (built on each access). */
  readonly world: WorldSnapshot;
  /** Events so far (empty when `collectEvents` is false). */
  readonly events: readonly SimulationEvent[];
  /** Runs one tick and returns its record. */
  step(): TickRecord;
  /** Runs `ticks` ticks and returns their records. */
  run(ticks: number): TickRecord[];
  /**
   * Runs one tick and explains the decision `state` took in it: its threats with Walt's four
   * components, its context, each option's utility broken into terms, the probabilities and the draw.
   */
  stepAndExplain(state: string): { record: TickRecord; explanation: DecisionExplanation };
  /** ahat_ij after the last tick: how aggressive `from` believes `to` to be. */
  perceivedIntent(from: string, to: string): number;
  /** T_ij of the last tick (0 before the first). */
  threat(from: string, to: string): number;
  /**
   * Changes the world before the next tick (what scenario events do). Validated first: an invalid
   * change throws a WorldChangeError and changes nothing.
   */
  apply(change: WorldChange): void;
  /** Whether two states are formally allied now. */
  allied(a: string, b: string): boolean;
  /** Current bilateral trade X_ab. */
  trade(a: string, b: string): number;
}

/**
 * Creates a simulation of a resolved scenario (define → resolve → run).
 *
 * @example
 * const sim = createSimulation(resolveScenario(input), { seed: 42 });
 * sim.run(100);
 * console.log(sim.world.alliances);
 * @throws TypeError when `scenario` did not come from `resolveScenario`.
 */
export function createSimulation(scenario: ResolvedScenario, options: SimulationOptions = {}): Simulation {
  if (!isResolvedScenario(scenario)) {
    throw new TypeError('createSimulation takes a resolved scenario: pass resolveScenario(yourScenario)');
  }
  return new Engine(scenario, options);
}

/**
 * The engine behind {@link Simulation}, with its internal buffers reachable for tests and tools
 * that check invariants. Not part of the public API.
 * @internal
 */
export class Engine implements Simulation {
  readonly scenario: ResolvedScenario;
  readonly seed: number | string;
  private w: World;
  private s: Scratch;
  private readonly streams: StateStreams;
  /** States that enter or leave during the run (model note N43), or null when every state is in the system throughout. */
  private readonly spells: SpellSchedule | null;
  private ctx: TickContext;
  private readonly eventLog: SimulationEvent[];
  private readonly index: Map<string, number>;
  private readonly dynamics: ScenarioDynamics;
  /** The exogenous paths (model notes N40–N42), or null when the scenario has none. */
  private readonly paths: PathFollower | null;
  private lastRecord: TickRecord | null = null;
  /** The world's parameterVersion the rates were converted at. */
  private ratesVersion = 0;
  /** The first input alliance end not yet applied (World.inputEnds). */
  private nextInputEnd = 0;
  private readonly onPhase: ((phase: string, milliseconds: number) => void) | null;
  private readonly afterDecide: ((ctx: TickContext) => void) | null;

  constructor(scenario: ResolvedScenario, options: SimulationOptions) {
    this.scenario = scenario;
    this.seed = options.seed ?? 0;
    const perception = options.perception === undefined || options.perception === 'walt' ? waltThreat
      : options.perception === 'power' ? powerThreat : options.perception;
    // With the built-in Walt model the engine takes the fused path (TickContext.fused): no stored
    // threat matrix, the belief update applied in the next tick's threat pass.
    const fused = perception === waltThreat;
    this.spells = SpellSchedule.of(scenario);
    // With states entering and leaving, the matrices are sized for the most states in the system at
    // once, so that every rebuild (N43) reuses them in place (restrictWorld).
    this.w = this.spells === null ? createWorld(scenario)
      : createWorld(restrictScenario(scenario, this.spells.activeAt(0)), undefined, { capacity: this.spells.maxActive });
    this.s = createScratch(this.w, tickRates(scenario.parameters, this.w.ticksPerYear).episodeTicks, scenario.parameters.entMin, !fused);
    // Streams for every state of the scenario, in or out of the system: a state's draws are a function of (seed, id, tick).
    this.streams = new StateStreams(this.seed, this.spells === null ? this.w.ids : this.spells.universe);
    this.eventLog = [];
    this.index = new Map(this.w.ids.map((id, i) => [id, i]));
    this.dynamics = new ScenarioDynamics(scenario, this.index);
    this.spells?.bind(this.w);
    this.paths = scenario.paths === null || scenario.paths === undefined ? null : new PathFollower(scenario.paths, this.w, this.index);
    this.onPhase = options.onPhase ?? null;
    this.afterDecide = options.afterDecide ?? null;
    // A private copy: set-parameter changes must not leak into the scenario object.
    const params = { ...scenario.parameters, omega: { ...scenario.parameters.omega } };
    const view = perceptionView(this.w, this.s, params);
    this.ctx = new TickContextRecord(
      this.w, this.s, params, tickRates(params, this.w.ticksPerYear), perception, view, options.policy ?? null,
      options.collectEvents === false ? null : this.eventLog, 0, this.w.startYear, fused,
    );
    for (let i = 0; i < this.s.action.length; i++) this.s.action[i] = -1;
  }

  /**
   * The internal world and scratch buffers (read them, do not write them), complete as after the
   * general path: the pending belief update is applied and the last tick's threat matrix stored.
   * @internal
   */
  get internals(): { world: World; scratch: Scratch } {
    this.materializeThreat();
    this.settleBeliefs();
    return { world: this.w, scratch: this.s };
  }

  /**
   * Stores the last tick's T_ij in the scratch matrix when the fused path left it out: recomputed
   * from the beliefs it was computed from (still in place: their update is pending) with the
   * same arithmetic. Before any change to the world, which could change its inputs.
   */
  private materializeThreat(): void {
    const { w, s } = this;
    if (s.threatStored) return;
    const n = w.n;
    if (s.threat.length < n * n) s.threat = new Float64Array(n * n); // zero: T before the first tick
    if (w.tick > 0) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s.threat[i * n + j] = threatEntry(w, s, i, j);
    s.threatStored = true;
  }

  /** Applies the belief update the last tick left pending (after storing its threat matrix). */
  private settleBeliefs(): void {
    if (!this.s.beliefsPending) return;
    this.materializeThreat();
    applyPendingBeliefs(this.w, this.s);
  }

  get tick(): number { return this.w.tick; }
  get year(): number { return this.w.startYear + this.w.tick / this.w.ticksPerYear; }
  get events(): readonly SimulationEvent[] { return this.eventLog; }

  stepAndExplain(state: string): { record: TickRecord; explanation: DecisionExplanation } {
    const i = this.index.get(state);
    if (i === undefined) throw new RangeError(`unknown state "${state}"`);
    const n = this.w.n;
    const beliefs = new Float64Array(n);
    this.beforeUpdate = () => beliefs.set(this.w.ahat.subarray(i * n, i * n + n));
    try {
      const record = this.step();
      this.materializeThreat();
      return { record, explanation: explainDecision(this.ctx, i, beliefs) };
    } finally {
      this.beforeUpdate = null;
    }
  }

  /** A hook run after the decision phases and before beliefs change (stepAndExplain). */
  private beforeUpdate: (() => void) | null = null;

  step(): TickRecord {
    this.advance();
    const record = this.record();
    this.lastRecord = record;
    return record;
  }

  run(ticks: number): TickRecord[] {
    if (!(Number.isInteger(ticks) && ticks >= 0)) throw new RangeError(`ticks must be a whole number ≥ 0 (got ${ticks})`);
    const out: TickRecord[] = [];
    for (let t = 0; t < ticks; t++) out.push(this.step());
    return out;
  }

  /** Runs one tick without building a record (benchmarks, streaming). @internal */
  advance(): void {
    // Scenario expressions and events, before the tick and outside its hot path.
    if (this.dynamics.needsRecord && this.w.tick > 0 && this.lastRecord?.tick !== this.w.tick - 1) this.lastRecord = this.record();
    // The paths first, so that a scenario event's change to a followed quantity is a deviation from them.
    // (Nothing the paths write is read by the pending belief update or the stored threat matrix.)
    if (this.spells !== null) this.updateSystem();
    const ctx = this.ctx; // after updateSystem: a rebuild brings a new context
    if (this.paths !== null) this.paths.beforeTick(this.w);
    this.nextInputEnd = endInputAlliances(this.w, this.nextInputEnd, ctx.events);
    this.dynamics.beforeTick(this.w, ctx.params, this.index, ctx.events, this.lastRecord, () => this.settleBeliefs());
    if (this.ratesVersion !== this.w.parameterVersion) { // a set-parameter change: convert again (N28)
      tickRates(ctx.params, this.w.ticksPerYear, ctx.rates);
      this.ratesVersion = this.w.parameterVersion;
    }
    ctx.tick = this.w.tick;
    ctx.year = this.year;
    if (this.spells === null) this.streams.drawTick(this.s.draws);
    else this.spells.draw(this.streams, this.w, this.s.draws);
    for (let k = 0; k < PHASES.length; k++) { // indexed: the iterator's objects were an allocation per phase and tick
      const phase = PHASES[k];
      if (phase.name === 'update' && this.beforeUpdate !== null) this.beforeUpdate();
      if (this.onPhase === null) phase.run(ctx);
      else {
        const t0 = performance.now();
        phase.run(ctx);
        this.onPhase(phase.name, performance.now() - t0);
      }
      if (phase.name === 'decide' && this.afterDecide !== null) this.afterDecide(ctx);
    }
    this.w.tick++;
  }

  /**
   * States enter and leave the system on their dates (model note N43): when the set of states in
   * the system at the coming tick differs from the world's, the world is rebuilt for the new set
   * (restrictWorld) — rarely, between ticks, outside the hot path — and everything bound to it
   * (context, perception view, index, paths) follows.
   */
  private updateSystem(): void {
    const spells = this.spells as SpellSchedule;
    if (!spells.changesAt(this.w.tick)) return;
    const active = spells.activeAt(this.w.tick);
    // The old world's pending belief update is applied; its threat matrix is not needed any more.
    if (this.s.beliefsPending) applyPendingBeliefs(this.w, this.s);
    const before = new Set(this.w.ids);
    const p = this.scenario.parameters;
    const rebuilt = restrictWorld(this.scenario, this.w, this.s, active, spells.stash, this.ctx.rates.episodeTicks, p.entMin, !this.ctx.fused);
    this.w = rebuilt.world;
    this.s = rebuilt.scratch;
    this.index.clear();
    this.w.ids.forEach((id, i) => this.index.set(id, i));
    // A new context for the new world, not writes into the old one (see TickContextRecord).
    const old = this.ctx;
    const ctx = new TickContextRecord(
      this.w, this.s, old.params, old.rates, old.perception, perceptionView(this.w, this.s, old.params), old.policy, old.events,
      old.tick, old.year, old.fused === true,
    );
    this.ctx = ctx;
    this.paths?.bind(this.w, this.index);
    spells.bind(this.w);
    // The rebuilt world lists the input alliance ends anew, renumbered: those before this tick were applied (N29).
    const ends = this.w.inputEnds;
    let next = 0;
    while (next < ends.length && ends[next].tick < this.w.tick) next++;
    this.nextInputEnd = next;
    for (const id of before) {
      if (active.has(id)) continue;
      const into = spells.absorberOf(id, this.w.tick);
      ctx.events?.push({ tick: this.w.tick, type: 'state-left', state: id, ...(into === undefined ? {} : { into }) });
    }
    for (const id of this.w.ids) if (!before.has(id)) ctx.events?.push({ tick: this.w.tick, type: 'state-entered', state: id });
  }

  /** The record of the last completed tick. @internal */
  record(): TickRecord {
    const s = this.s;
    const w = this.w;
    const fam = [0, 0, 0, 0];
    for (let a = 0; a < OPTIONS.length; a++) fam[FAMILY_INDEX_OF_OPTION[a]] += s.actionCounts[a];
    const families = Object.fromEntries(FAMILIES.map((f, k) => [f, fam[k]])) as FamilyRecord;
    const balancing = { ...families, soft: families.soft - s.frictionSoft, institutional: families.institutional - s.frictionInstitutional };
    const n = w.n;
    const dualTrack: DualTrackRecord[] = [];
    for (let d = 0; d < s.dualTrackPairs; d++) {
      const pair = s.dualPairs[d];
      const i = Math.floor(pair / n);
      dualTrack.push({
        state: w.ids[i], power: w.ids[pair - i * n], inclusive: s.dualVenueIds[s.dualInclVenue[pair]], exclusive: s.dualVenueIds[s.dualExclVenue[pair]],
      });
    }
    let institutions = 0;
    for (let q = 0; q < w.instSlots; q++) institutions += w.instAlive[q];
    this.memberships = membershipSnapshot(w, this.memberships);
    const greatPowers = greatPowerRecords(w, s, this.memberships);
    return {
      tick: w.tick - 1,
      year: w.startYear + (w.tick - 1) / w.ticksPerYear,
      actions: toOptionRecord(s.actionCounts),
      families,
      con: s.con,
      effectivePoles: s.effectivePoles,
      poles: s.poles,
      meanThreat: s.meanThreat,
      alliances: s.alliancesInForce,
      alliancesFormed: s.alliancesFormed,
      ententes: s.ententes,
      institutions,
      clubsFounded: s.clubsFounded,
      institutionsDissolved: s.dissolved,
      inclusiveMemberships: s.inclusiveMemberships,
      exclusiveMemberships: s.exclusiveMemberships,
      meanLegitimacy: s.meanLegitimacy,
      meanRestraint: s.meanRestraint,
      meanOmega: s.meanOmega,
      aggressions: s.aggressions,
      majorWars: s.majorWars,
      softEpisodes: s.softEpisodes,
      friction: s.friction,
      frictionSoft: s.frictionSoft,
      frictionInstitutional: s.frictionInstitutional,
      balancing,
      dualTrackPairs: s.dualTrackPairs,
      dualTrack,
      get greatPowers() { return greatPowers(); }, // built on first read (enumerable: JSON and copies include it)
      applications: s.applications,
      blocks: s.accessionBlocks,
      accessions: s.accessions,
      applicationsLapsed: s.applicationsLapsed,
      procedures: procedureRecords(w, s),
      publicGoods: w.publicGoods,
    };
  }

  /** The memberships the last record's positions per great power are named from (note N57). */
  private memberships: MembershipSnapshot | null = null;

  get world(): WorldSnapshot {
    const w = this.w;
    const s = this.s;
    const n = w.n;
    const cinc = new Float64Array(n);
    writeCincShares(w.mil, w.eco, w.pop, cinc);
    const started = w.tick > 0;
    // In the scenario's order (with states entering and leaving, inputIndex numbers the states in the system).
    const byInput = new Array<number>(n);
    for (let i = 0; i < n; i++) byInput[w.inputIndex[i]] = i;
    const states = byInput.map((i) => {
      return {
        id: w.ids[i], name: w.names[i], major: w.major[i] === 1,
        capabilities: { mil: w.mil[i], eco: w.eco[i], pop: w.pop[i] },
        cinc: cinc[i], offensive: w.off[i], nuclear: w.nuc[i] === 1, revisionism: w.rev[i], ideology: w.ideo[i],
        legitimacy: w.leg[i], legitimacyBaseline: w.legBase[i], domesticSupport: w.dom[i],
        mainThreat: started ? w.ids[s.target[i]] : null,
        threat: started ? s.tMain[i] : 0,
        restraint: started ? s.restraint[i] : 0,
        lastAction: started ? OPTIONS[s.action[i]] : null,
      };
    });
    const alliances: [string, string][] = [];
    const ententes: { between: [string, string]; level: number }[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (w.ally[i * n + j] === 1) alliances.push([w.ids[i], w.ids[j]]);
        const e = w.ent[i * n + j];
        if (e >= this.scenario.parameters.entMin) ententes.push({ between: [w.ids[i], w.ids[j]], level: e });
      }
    }
    const institutions = [];
    for (let q = 0; q < w.instSlots; q++) {
      if (w.instAlive[q] === 0) continue;
      const members: string[] = [];
      for (let i = 0; i < n; i++) if (w.member[q * n + i] === 1) members.push(w.ids[i]);
      const statuses: { state: string; status: MembershipStatus }[] = [];
      if (w.statusCount[q] > 0) {
        for (let i = 0; i < n; i++) {
          const st = statusOfCode(w.status[q * n + i]);
          if (st !== null && st !== 'member') statuses.push({ state: w.ids[i], status: st });
        }
      }
      institutions.push({
        id: w.instIds[q], name: w.instNames[q], kind: w.instKind[q], decisionRule: w.instRule[q],
        strictness: w.instStrictness[q], strength: w.instStrength[q], members, statuses,
        foundedAgainst: w.instAgainst[q] >= 0 ? w.ids[w.instAgainst[q]] : null,
      });
    }
    institutions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      tick: w.tick, year: this.year, states, alliances, ententes, institutions,
      system: { lambda: w.lambda, nu: w.nu, theta: w.theta, lastMajorWar: w.lastMajorWar === -Infinity ? null : w.lastMajorWar },
      publicGoods: w.publicGoods,
    };
  }

  private pair(a: string, b: string): number {
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined) throw new RangeError(`unknown state "${a}"`);
    if (j === undefined) throw new RangeError(`unknown state "${b}"`);
    return i * this.w.n + j;
  }

  apply(change: WorldChange): void {
    this.settleBeliefs();
    applyChange(this.w, this.ctx.params, change, this.index, this.ctx.events, this.year);
  }

  perceivedIntent(from: string, to: string): number {
    const k = this.pair(from, to);
    this.settleBeliefs();
    return this.w.ahat[k];
  }

  threat(from: string, to: string): number {
    const k = this.pair(from, to);
    const s = this.s;
    if (s.threatStored) return s.threat[k];
    if (this.w.tick === 0) return 0;
    // Fused path: the tick's beliefs are still in place (their update is pending), so T_ij is
    // recomputed exactly as the tick computed it.
    const n = this.w.n;
    return threatEntry(this.w, s, (k / n) | 0, k % n);
  }
  allied(a: string, b: string): boolean { return this.w.ally[this.pair(a, b)] === 1; }
  trade(a: string, b: string): number { return this.w.trade[this.pair(a, b)]; }
}

/**
 * The perception model's view of a world. One constructor for the first world and every rebuilt
 * one (N43), so that every view has the same hidden class and the phases compiled against it stay
 * optimised after a rebuild (see PerceptionViewRecord).
 */
function perceptionView(w: World, s: Scratch, params: ModelParameters): PerceptionView {
  return new PerceptionViewRecord(w, s, params);
}
