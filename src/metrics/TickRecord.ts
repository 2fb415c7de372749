import type { FamilyRecord, OptionRecord } from '../decision/options.js';

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
  /** Soft or institutional acts in the tick that are not soft balancing (friction, §2.1). */
  friction: number;
  /** Cumulative public goods (He & Feng, §5.7). */
  publicGoods: number;
}
