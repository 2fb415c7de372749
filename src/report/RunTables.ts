import type { Family, Option } from '../decision/options.js';
import type { ColumnType } from '../experiments/tables.js';

/**
 * One state after one tick: the row of the `states` table a run writes for the report (and for
 * anyone who wants state-level trajectories in R or pandas).
 */
export interface StateTickRow {
  /** The 0-based tick in which the state acted; the values are those after the tick. */
  tick: number;
  /** Calendar year of the tick. */
  year: number;
  state: string;
  /** cinc_i after the tick (THEORY §5.2). */
  cinc: number;
  /** Legitimacy after the tick (THEORY §5.7). */
  legitimacy: number;
  /** Restraint R_i in the tick (THEORY §5.6; 0 when not under pressure). */
  restraint: number;
  /** The main threat j* in the tick (empty for a state alone in the system). */
  mainThreat: string;
  /** T_ij* in the tick. */
  threat: number;
  /** The option chosen in the tick. */
  action: Option;
  /** Its family (THEORY §5.3). */
  family: Family;
}

/** One directed threat T_ij at one of the chosen ticks: a cell of the threat matrix. */
export interface ThreatRow {
  tick: number;
  year: number;
  /** The perceiving state i. */
  from: string;
  /** The perceived state j. */
  to: string;
  /** T_ij (THEORY §5.2). */
  threat: number;
}

/**
 * Whether a group a state belongs to includes its main threat (`inclusive`, THEORY §2.6: binding
 * the threat inside) or not (`exclusive`: a club that shuts it out); `none` when the state has no
 * main threat.
 */
export type MembershipRelation = 'inclusive' | 'exclusive' | 'none';

/** One membership of one state after one tick: in an institution, or a formal alliance with a partner. */
export interface MembershipRow {
  tick: number;
  year: number;
  state: string;
  /** `institution` (group is its id) or `alliance` (group is the partner's id). */
  kind: 'institution' | 'alliance';
  group: string;
  /** The state's main threat in the tick. */
  mainThreat: string;
  /** Whether the group includes the main threat. */
  relation: MembershipRelation;
}

/** The additional tidy tables a run records for the report: states, threats and memberships over time. */
export interface RunTables {
  states: StateTickRow[];
  threats: ThreatRow[];
  memberships: MembershipRow[];
}

/**
 * The columns of each table after the run's key (run, point, replicate, seed), in order, with their
 * types — part of the output format (docs/cli.md). Strings that do not apply (no main threat) are
 * missing (NA in CSV, null in NDJSON).
 */
export const RUN_TABLE_COLUMNS = {
  states: [
    { name: 'tick', type: 'int' }, { name: 'year', type: 'float' }, { name: 'state', type: 'string' }, { name: 'cinc', type: 'float' },
    { name: 'legitimacy', type: 'float' }, { name: 'restraint', type: 'float' }, { name: 'mainThreat', type: 'string' },
    { name: 'threat', type: 'float' }, { name: 'action', type: 'string' }, { name: 'family', type: 'string' },
  ],
  threats: [
    { name: 'tick', type: 'int' }, { name: 'year', type: 'float' }, { name: 'from', type: 'string' }, { name: 'to', type: 'string' },
    { name: 'threat', type: 'float' },
  ],
  memberships: [
    { name: 'tick', type: 'int' }, { name: 'year', type: 'float' }, { name: 'state', type: 'string' }, { name: 'kind', type: 'string' },
    { name: 'group', type: 'string' }, { name: 'mainThreat', type: 'string' }, { name: 'relation', type: 'string' },
  ],
} as const satisfies { [K in keyof RunTables]: readonly { name: keyof RunTables[K][number]; type: ColumnType }[] };
