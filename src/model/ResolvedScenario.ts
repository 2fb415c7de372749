import type { WorldChange } from '../engine/WorldChange.js';
import type { ModelParameters, SystemConditions } from './ModelParameters.js';

/** Capability components of one state (THEORY §5.1): all > 0. */
export interface Capabilities {
  mil: number;
  eco: number;
  pop: number;
}

/** The six COW NMC components (THEORY §3). */
export interface SixComponents {
  milex: number;
  milper: number;
  irst: number;
  pec: number;
  tpop: number;
  upop: number;
}

/** One state with every default filled (THEORY §5.1). */
export interface ResolvedState {
  id: string;
  name: string;
  major: boolean;
  /** mil, eco, pop; when the scenario gave six components, their grouped shares (THEORY data notes). */
  capabilities: Capabilities;
  /** The six components as given, when the scenario gave them. */
  components?: SixComponents;
  /** Per-tick growth rates of mil, eco and pop. */
  growth: Capabilities;
  location?: { lat: number; lon: number };
  offensive: number;
  nuclear: boolean;
  revisionism: number;
  ideology: number;
  legitimacy: number;
  legitimacyBaseline: number;
  domesticSupport: number;
  /**
   * When the state is in the system (model note N43), as decimal years, `null` for an open end; in
   * order and disjoint. Absent: throughout the run. `into`: the state of the scenario that absorbs
   * this one when the spell ends (model note N46; named by the `state-left` event).
   */
  spells?: { from: number | null; to: number | null; into?: string }[];
}

/** One dyad's explicit data. */
export interface ResolvedDyad {
  between: [string, string];
  distance?: number;
  trade: number;
  alliance: boolean;
  /** Decimal year at which the alliance, an input, ends (from the data or the file); absent: it lasts the run (N29). */
  allianceEnds?: number;
  entente: number;
}

/** An initial perceived intent ahat_ij that differs from the prior ideo_j. */
export interface ResolvedPerception {
  from: string;
  to: string;
  intent: number;
}

/**
 * Affinity seeds (model note N54): the pairs with a nonzero seed a_ij = a_ji ∈ [−1, 1], blocs and
 * pairs already combined (later entries win).
 */
export interface ResolvedAffinity {
  pairs: { between: [string, string]; value: number }[];
}

/** One institution with every default filled. */
export interface ResolvedInstitution {
  id: string;
  name: string;
  members: string[];
  strength: number;
  kind: 'security' | 'economic' | 'political' | 'general';
  decisionRule: 'consensus' | 'majority' | 'weighted';
  strictness: number;
  /** States holding a status short of membership (model §5.11), never also members. */
  statuses: { state: string; status: 'candidate' | 'observer' | 'associate' }[];
  /** Members whose block is decisive under any rule (model §5.12, note N60); each also in `members`. */
  vetoMembers: string[];
}

/** What a time-varying expression sets before every tick. */
export type ExpressionTarget =
  | { kind: 'system'; field: 'lambda' | 'nu' | 'theta' }
  | { kind: 'growth'; state: string; component: 'mil' | 'eco' | 'pop' };

/** A quantity written as an expression of `year` and `tick` (mathjs syntax, locked down). */
export interface ResolvedExpression {
  target: ExpressionTarget;
  expression: string;
  /** Where it was written, e.g. `system.lambda`. */
  path: string;
}

/** A scenario event: changes applied before a given tick, or when a condition first holds. */
export interface ResolvedEvent {
  /** Position in the scenario's `events`. */
  index: number;
  label: string;
  source?: string;
  /** The tick before which it applies (from `at.year` or `at.tick`), or null for a conditional event. */
  tick: number | null;
  /** The condition (an expression of the previous tick's measures), or null. */
  when: string | null;
  /** Whether a conditional event fires only once. */
  once: boolean;
  changes: WorldChange[];
}

/** One state's capability path: shares per year from {@link ResolvedPaths.firstYear}. */
export interface CapabilityPath {
  state: string;
  mil: number[];
  eco: number[];
  pop: number[];
}

/** One state's trade path: its share of world trade per year. */
export interface TradePath {
  state: string;
  share: number[];
}

/** A value of a path that is not a plain data value (listed by `validate --resolved`). */
export interface PathNote {
  /** What it is about, e.g. `states[2].capabilities.eco`. */
  path: string;
  kind: 'interpolated' | 'projected' | 'override' | 'smallest';
  years: number[];
  message: string;
}

/**
 * Exogenous yearly paths the engine follows (model notes N40–N43): row k is the year
 * `firstYear + k`, up to `lastYear`; interpolated linearly within a year; after `lastYear` the
 * last row holds. The model's effects are deviations that decay with `halfLife` years.
 */
export interface ResolvedPaths {
  firstYear: number;
  lastYear: number;
  halfLife: number;
  capabilities: CapabilityPath[];
  trade: TradePath[];
  notes: PathNote[];
}

/** Scenario metadata. */
export interface ScenarioMeta {
  id: string;
  title: string;
  description: string;
  startYear: number;
  ticksPerYear: number;
  sources: string[];
}

/**
 * A scenario with every default filled, every name bound and every invariant checked: the only
 * form the engine accepts (define → resolve → run). Made by `resolveScenario`.
 */
export interface ResolvedScenario {
  readonly meta: ScenarioMeta;
  readonly states: readonly ResolvedState[];
  readonly dyads: readonly ResolvedDyad[];
  readonly perceptions: readonly ResolvedPerception[];
  readonly institutions: readonly ResolvedInstitution[];
  /** World conditions at the start (expressions evaluated at tick 0). */
  readonly system: SystemConditions;
  /** Time-varying quantities, re-evaluated before every tick. */
  readonly expressions: readonly ResolvedExpression[];
  /** Scheduled and conditional events, in the scenario's order. */
  readonly events: readonly ResolvedEvent[];
  readonly parameters: ModelParameters;
  /**
   * How distances are known: `none` (no geography: every d_ij = 0), `locations` (great-circle
   * distances between capitals, dyad distances overriding), or `pairs` (explicit dyad distances).
   */
  readonly distances: 'none' | 'locations' | 'pairs';
  /** Exogenous yearly paths (capabilities, trade) the engine follows, or null. Plain data. */
  readonly paths: ResolvedPaths | null;
  /** Affinity seeds (model note N54); absent or null: no affinity (the model without it). */
  readonly affinity?: ResolvedAffinity | null;
  /** Non-fatal remarks, e.g. parameters outside 𝒫 accepted with `allowInadmissible`. */
  readonly warnings: readonly string[];
}
