import type { FamilyRecord, OptionRecord } from '../decision/options.js';

/**
 * A state running a dual track toward a great power after a tick (model §5.9): within the episode
 * window it took a balancing (non-friction) institutional act against `power` through a venue that
 * includes it and one through a venue that excludes it; the venues are the last of each kind.
 */
export interface DualTrackRecord {
  /** The state (id). */
  state: string;
  /** The great power (id) its acts are against. */
  power: string;
  /** Institution (id) of its last inclusive balancing act against the power in the window. */
  inclusive: string;
  /** Institution (id) of its last exclusive balancing act against the power in the window. */
  exclusive: string;
}

/**
 * One state's position toward one great power after a tick (model §5.2 and §5.9, note N57): the
 * threat it perceived from the power in the tick, and its institutions that include and exclude it.
 */
export interface GreatPowerPositionRecord {
  /** The state (id). */
  state: string;
  /** The great power (id): COW `major` at the tick. */
  power: string;
  /** T_ig in the tick (the value of the tick's threat arithmetic; equal to `threat` of the state's main threat when that is the power). */
  threat: number;
  /** Whether the power was the state's main threat j* in the tick. */
  main: boolean;
  /** Live institutions (ids) of which the state is a full member after the tick and the power is a member too. */
  inclusive: readonly string[];
  /** Live institutions (ids) of which the state is a full member after the tick and the power is not. */
  exclusive: readonly string[];
}

/**
 * One state's part in one institution's procedures in a tick (model §5.12, note N59): the
 * application it chose, its admission, its lapsed candidacy, the blocks it cast as a member and the
 * blocks it received as a candidate. Listed only when one of the counts is not 0.
 */
export interface ProcedureRecord {
  /** The institution (id). */
  institution: string;
  /** The state (id). */
  state: string;
  /** 1 when the state applied to the institution in the tick (a chosen application). */
  applied: number;
  /** 1 when the institution admitted the state (a candidate) in the tick. */
  admitted: number;
  /** 1 when the state's chosen candidacy lapsed in the tick. */
  lapsed: number;
  /** Blocks the state cast, as a member, against the institution's candidates. */
  blocksCast: number;
  /** Blocks the state received, as a candidate. */
  blocksReceived: number;
}

/**
 * The measures of one tick (THEORY §5.9). `tick` is the 0-based tick in which the actions were
 * taken; the state after it is the state at tick + 1.
 */
export interface TickRecord {
  tick: number;
  /** Calendar year of the tick: startYear + tick / ticksPerYear. */
  year: number;
  /** How many states chose each option. */
  actions: OptionRecord;
  /** How many states chose an option of each family (THEORY §5.3). */
  families: FamilyRecord;
  /** Ray & Singer concentration over the great powers (or all states), THEORY §3. */
  con: number;
  /** 1/Σ S_i² over the same set. */
  effectivePoles: number;
  /** States with cinc_i ≥ π_pole. */
  poles: number;
  /** Mean over states of the threat from their main threat. */
  meanThreat: number;
  /** Formal alliances (pairs) in force after the tick. */
  alliances: number;
  /** Alliances formed in the tick. */
  alliancesFormed: number;
  /** Pairs with an entente at or above entMin after the tick. */
  ententes: number;
  /** Live institutions after the tick. */
  institutions: number;
  /** Clubs founded in the tick (IE with no venue). */
  clubsFounded: number;
  /** Institutions dissolved in the tick. */
  institutionsDissolved: number;
  /** Memberships in institutions that include the member's main threat (THEORY §2.6, inclusive). */
  inclusiveMemberships: number;
  /** Memberships in institutions that exclude the member's main threat (exclusive). */
  exclusiveMemberships: number;
  meanLegitimacy: number;
  /** Mean restraint R_j over states under pressure (0 when none is). */
  meanRestraint: number;
  /** Mean Ω_j over states under pressure (0 when none is). */
  meanOmega: number;
  /** Aggression events in the tick. */
  aggressions: number;
  /** Aggressions between two great powers. */
  majorWars: number;
  /** States in a soft-balancing episode after the tick (THEORY §2.1: sustained, against a threat). */
  softEpisodes: number;
  /**
   * Soft or institutional acts in the tick that are not soft balancing (friction, model §1):
   * `frictionSoft + frictionInstitutional`.
   */
  friction: number;
  /** Friction among the soft acts (SE, SS, SL) of the tick. */
  frictionSoft: number;
  /** Friction among the institutional acts (II, IE) of the tick. */
  frictionInstitutional: number;
  /**
   * Balancing acts per family (model §5.9): `families` with friction taken out of soft and
   * institutional; accommodation and hard acts as in `families`. Friction is reported beside
   * (frictionSoft, frictionInstitutional), never inside.
   */
  balancing: FamilyRecord;
  /** Pairs (state, great power) running a dual track after the tick (model §5.9): `dualTrack.length`. */
  dualTrackPairs: number;
  /** The pairs themselves, in canonical order (state, then power). */
  dualTrack: DualTrackRecord[];
  /**
   * Every state's position toward every great power of the tick (note N57), one entry per (state,
   * power), state ≠ power, in canonical order (state, then power).
   */
  greatPowers: GreatPowerPositionRecord[];
  /** Applications the states chose in the tick (model §5.12, note N59). */
  applications: number;
  /** Blocks cast in the tick's accession votes (model §5.12). */
  blocks: number;
  /** Candidates admitted in the tick. */
  accessions: number;
  /** Chosen candidacies that lapsed unadmitted in the tick (N59). */
  applicationsLapsed: number;
  /** Per (institution, state), in canonical order (institution id, then state id): the tick's procedures. */
  procedures: ProcedureRecord[];
  /** Cumulative public goods (He & Feng, §5.7). */
  publicGoods: number;
}
