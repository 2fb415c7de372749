import type { ModelParameters } from '../model/ModelParameters.js';
import type { DecisionContext } from './DecisionContext.js';
import {
  Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA,
} from './DecisionContext.js';
import { OPTIONS, OPTION_COUNT, toOptionRecord, type OptionRecord } from './options.js';
import { writeLogit, writeUtilities } from './utilities.js';

/** What {@link strategyProbabilities} returns: per option, its probability and its utility V_a. */
export interface StrategyProbabilities {
  /** p_a of THEORY §5.4; 0 for masked options; the rest sum to 1. */
  probabilities: OptionRecord;
  /** V_a of THEORY §5.4, for every option, masked or not (log-odds are (V_a − V_b)/μ). */
  utilities: OptionRecord;
}

/** @internal Packs a {@link DecisionContext} into the hot-path layout. */
export function packContext(ctx: DecisionContext, z: Float64Array = new Float64Array(Z_SIZE)): Float64Array {
  z[Z_T] = ctx.T;
  z[Z_D] = ctx.D;
  z[Z_DT] = ctx.Dt;
  z[Z_THETA] = ctx.theta;
  z[Z_NU] = ctx.nu;
  z[Z_IDEO] = ctx.ideo;
  z[Z_LAM] = ctx.lam;
  z[Z_R] = ctx.r;
  z[Z_DISP] = ctx.disp ?? Math.abs(2 * ctx.r - 1);
  z[Z_A] = ctx.A;
  z[Z_RHOI] = ctx.rhoI;
  z[Z_RHOE] = ctx.rhoE;
  z[Z_CON] = ctx.con;
  z[Z_ALLY] = ctx.allyT ? 1 : 0;
  z[Z_G] = ctx.G;
  z[Z_NEWCLUB] = ctx.newClub ? 1 : 0;
  return z;
}

/** @internal The availability mask of a context (NONE always available). */
export function packMask(ctx: DecisionContext, mask: Uint8Array = new Uint8Array(OPTION_COUNT)): Uint8Array {
  for (let a = 0; a < OPTION_COUNT; a++) mask[a] = ctx.available?.[OPTIONS[a]] === false ? 0 : 1;
  mask[0] = 1;
  return mask;
}

/**
 * The choice rule of THEORY §5.4 for one state: utilities of the nine options and their logit
 * probabilities, given the context toward its main threat. Pure; allocates its result.
 *
 * @example
 * const { probabilities } = strategyProbabilities(
 *   { T: 0.5, D: 0.2, Dt: 0.1, theta: 0.3, nu: 0.5, ideo: 0.4, lam: 0.5, r: 0.3, A: 0.4,
 *     rhoI: 0.6, rhoE: 0, con: 0.3, allyT: false, G: 0.8 },
 *   defaultParameters());
 */
export function strategyProbabilities(ctx: DecisionContext, params: ModelParameters): StrategyProbabilities {
  const z = packContext(ctx);
  const mask = packMask(ctx);
  const v = new Float64Array(OPTION_COUNT);
  const p = new Float64Array(OPTION_COUNT);
  writeUtilities(params, z, 0, v, 0);
  writeLogit(v, mask, params.mu, p, 0);
  return { probabilities: toOptionRecord(p), utilities: toOptionRecord(v) };
}
