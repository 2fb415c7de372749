import type { MembershipStatus } from '../institutions/MembershipStatus.js';
import type { Capabilities } from '../model/ResolvedScenario.js';
import type { SystemConditions } from '../model/ModelParameters.js';
import type { Option } from '../decision/options.js';

/** One state as it stands after the last completed tick. */
export interface StateSnapshot {
  id: string;
  name: string;
  major: boolean;
  /**
   * mil, eco, pop in the run's unit: the scenario's, times 2^−k once the engine has rescaled them
   * to keep them bounded (only when the largest passes 2^128; shares are unaffected).
   */
  capabilities: Capabilities;
  /** cinc_i of the current capabilities (THEORY §5.2). */
  cinc: number;
  offensive: number;
  nuclear: boolean;
  revisionism: number;
  ideology: number;
  legitimacy: number;
  legitimacyBaseline: number;
  domesticSupport: number;
  /** The main threat in the last tick (null before the first tick). */
  mainThreat: string | null;
  /** T_ij* in the last tick. */
  threat: number;
  /** Restraint R_i in the last tick (THEORY §5.6). */
  restraint: number;
  /** The option chosen in the last tick (null before the first tick). */
  lastAction: Option | null;
}

/** One live institution. */
export interface InstitutionSnapshot {
  id: string;
  name: string;
  kind: string;
  decisionRule: string;
  strictness: number;
  strength: number;
  /** Member ids in canonical (id) order. */
  members: string[];
  /** States holding a status short of membership (model §5.11), in canonical order; never members. */
  statuses: { state: string; status: MembershipStatus }[];
  /** For clubs founded during the run, the state they were founded against. */
  foundedAgainst: string | null;
}

/** A read-only, plain-data picture of the world after the last completed tick. */
export interface WorldSnapshot {
  /** Completed ticks. */
  tick: number;
  /** Calendar year of the next tick. */
  year: number;
  /** States in the scenario's order. */
  states: StateSnapshot[];
  /** Allied pairs, each ordered by id, sorted. */
  alliances: [string, string][];
  /** Ententes at or above entMin. */
  ententes: { between: [string, string]; level: number }[];
  institutions: InstitutionSnapshot[];
  system: SystemConditions;
  publicGoods: number;
}
