import type { ModelParameters } from '../model/ModelParameters.js';

/**
 * What a threat-perception model sees: the world's state at the start of the tick, as read-only
 * typed arrays in the engine's state order (matrices row-major, `m[i * n + j]`).
 */
export interface PerceptionView {
  /** Number of states. */
  readonly n: number;
  /** cinc_i (THEORY §5.2), summing to 1. */
  readonly cinc: Float64Array;
  /**
   * cinc_i `params.shiftWindow` years ago (or at the start of the run while it is younger), for the
   * power shift of model note N32; absent in views built without history (then no shift is seen).
   */
  readonly cincPast?: Float64Array;
  /** G_ij = exp(−d_ij/d0). */
  readonly proximity: Float64Array;
  /** off_j: offensive posture. */
  readonly off: Float64Array;
  /** nuc_j ∈ {0,1}. */
  readonly nuc: Uint8Array;
  /** ahat_ij: i's perceived aggressive intent of j. */
  readonly ahat: Float64Array;
  /** θ: the system's conventional defensive advantage. */
  readonly theta: number;
  /** The model parameters (weights w_P, w_G, w_O; θ_nuc). */
  readonly params: ModelParameters;
}

/**
 * A threat-perception model: fills the threat matrix T_ij ∈ [0,1] for one tick. Register a custom
 * one by passing it to `createSimulation(scenario, { perception })`.
 */
export interface PerceptionModel {
  /** A short name, recorded with results. */
  readonly name: string;
  /** Writes T_ij for every i ≠ j into `out` (row-major n×n) and 0 on the diagonal. Must not allocate per call. */
  threatMatrix(view: PerceptionView, out: Float64Array): void;
}

/** θ_ij = 1 − (1 − θ)(1 − θ_nuc·nuc_i·nuc_j): defensive advantage of a dyad including MAD (THEORY §5.2). */
export function dyadDefence(theta: number, thetaNuc: number, nucI: number, nucJ: number): number {
  return 1 - (1 - theta) * (1 - thetaNuc * nucI * nucJ);
}
