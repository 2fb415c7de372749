import type { Option } from './options.js';

/**
 * The decision context of one state toward its main threat j* (THEORY §5.2): the threat T and the
 * z variables, each in [0,1], plus which options are available (THEORY §5.3 masks).
 *
 * Field names are THEORY's symbols so that each can be looked up there.
 */
export interface DecisionContext {
  /** T = T_ij*: threat from the main threat. */
  T: number;
  /** D = min(1, W_ij/W_sat): own dependence on the target. */
  D: number;
  /** Dt = min(1, W_ji/W_sat): the target's dependence on i (leverage). */
  Dt: number;
  /** θ_ij: defensive advantage of the dyad, MAD included (P3 component, Paul reason 2). */
  theta: number;
  /** ν: territorial-integrity norm (P3 component, Paul reason 3). */
  nu: number;
  /** ideo_j: the target's expansionist ideology (P3 uses 1 − ideo_j, Paul reason 4). */
  ideo: number;
  /** λ: importance of legitimacy. */
  lam: number;
  /** r = cinc_i / (cinc_i + cinc_j): relative capability. */
  r: number;
  /** disp = |2r − 1|: power disparity. Defaults to |2r − 1|; give it separately only for z-level tests (P8). */
  disp?: number;
  /** A: ally availability against the target. */
  A: number;
  /** ρ_I: strength of the best institution containing both i and j (0 if none). */
  rhoI: number;
  /** ρ_E: strength × shared threat of the best club containing i but not j (0 if none). */
  rhoE: number;
  /** CON: concentration of capabilities. */
  con: number;
  /** ally_ij: whether i is formally allied with its target (P15). */
  allyT: boolean;
  /** G_ij*: proximity of the target (used by V_BAND). */
  G: number;
  /** True when IE would have to found a new club (no exclusive venue exists); adds κ_create to IE's cost. */
  newClub?: boolean;
  /** Availability of each option; omitted options are available. NONE is always available. */
  available?: Partial<Record<Option, boolean>>;
}

// Packed layout used on the hot path: one Float64Array slot per context variable.
/** @internal */ export const Z_T = 0;
/** @internal */ export const Z_D = 1;
/** @internal */ export const Z_DT = 2;
/** @internal */ export const Z_THETA = 3;
/** @internal */ export const Z_NU = 4;
/** @internal */ export const Z_IDEO = 5;
/** @internal */ export const Z_LAM = 6;
/** @internal */ export const Z_R = 7;
/** @internal */ export const Z_DISP = 8;
/** @internal */ export const Z_A = 9;
/** @internal */ export const Z_RHOI = 10;
/** @internal */ export const Z_RHOE = 11;
/** @internal */ export const Z_CON = 12;
/** @internal */ export const Z_ALLY = 13;
/** @internal */ export const Z_G = 14;
/** @internal */ export const Z_NEWCLUB = 15;
/** @internal Number of slots in a packed context. */
export const Z_SIZE = 16;
