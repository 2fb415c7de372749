import type { MembershipStatus } from '../institutions/MembershipStatus.js';

/** State attributes that a {@link WorldChange} may set, with their domains. */
export type StateField =
  | 'offensive' | 'revisionism' | 'ideology' | 'legitimacy' | 'legitimacyBaseline' | 'domesticSupport' // [0,1]
  | 'nuclear' | 'major' // boolean
  | 'mil' | 'eco' | 'pop' // > 0
  | 'growth.mil' | 'growth.eco' | 'growth.pop'; // > −1

/** System conditions that a {@link WorldChange} may set (all in [0,1]). */
export type SystemField = 'lambda' | 'nu' | 'theta';

/**
 * A change to the world between ticks: what scenario events do (issue "scenario files") and what
 * scripts may do by hand with `Simulation.apply`. States and institutions are named by id.
 */
export type WorldChange =
  | { type: 'set-state'; state: string; field: StateField; value: number | boolean }
  | { type: 'set-system'; field: SystemField; value: number }
  | { type: 'set-parameter'; key: string; value: number }
  | { type: 'join'; institution: string; state: string }
  | { type: 'leave'; institution: string; state: string }
  /** A state's status in an institution (model §5.11): `member` is a join, `none` a leave of any status. */
  | { type: 'set-status'; institution: string; state: string; status: MembershipStatus | 'none' }
  | {
    type: 'found-institution'; institution: string; name?: string; members: string[]; strength?: number;
    kind?: 'security' | 'economic' | 'political' | 'general'; decisionRule?: 'consensus' | 'majority' | 'weighted'; strictness?: number;
    /** Founding members whose block is decisive under any rule (model §5.12, note N60). */
    vetoMembers?: string[];
  }
  | { type: 'dissolve-institution'; institution: string }
  | { type: 'set-institution'; institution: string; field: 'strength' | 'strictness'; value: number }
  | { type: 'alliance'; between: [string, string]; inForce: boolean }
  | { type: 'set-trade'; between: [string, string]; value: number }
  | { type: 'set-intent'; from: string; to: string; value: number }
  /**
   * One sanctions act of the model by `sender` on `target` (THEORY §5.5, E6): both lose
   * s·min(X_ij, eco_i, eco_j) of eco, and their trade is cut by s_red; it then recovers toward its
   * baseline at rate ρ_X (model note N6), as after the model's own sanctions.
   */
  | { type: 'sanction'; sender: string; target: string }
  /** A major war ends: the post-war clock restarts at `year` (default: the year of the next tick). */
  | { type: 'war-ends'; year?: number };
