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
}

/** One dyad's explicit data. */
export interface ResolvedDyad {
  between: [string, string];
  distance?: number;
  trade: number;
  alliance: boolean;
  entente: number;
}

/** An initial perceived intent ahat_ij that differs from the prior ideo_j. */
export interface ResolvedPerception {
  from: string;
  to: string;
  intent: number;
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
  readonly system: SystemConditions;
  readonly parameters: ModelParameters;
  /**
   * How distances are known: `none` (no geography: every d_ij = 0), `locations` (great-circle
   * distances between capitals, dyad distances overriding), or `pairs` (explicit dyad distances).
   */
  readonly distances: 'none' | 'locations' | 'pairs';
  /** Non-fatal remarks, e.g. parameters outside 𝒫 accepted with `allowInadmissible`. */
  readonly warnings: readonly string[];
}
