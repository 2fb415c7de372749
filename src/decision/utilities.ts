import type { ModelParameters } from '../model/ModelParameters.js';
import { OPTION_COUNT } from './options.js';
import {
  Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_T, Z_THETA,
} from './DecisionContext.js';
import { fdlibmExpInPlace } from '../model/fdlibmExpLog.js';

/**
 * Writes the nine utilities V_a of THEORY §5.4 into `out` (engine order, see OPTIONS), from a packed
 * context at `z[zb…]` into `out[ob…ob+8]`. Pure arithmetic, no allocation: the decide phase's hot path.
 *
 * Utilities are written for every option whatever the mask; masking happens in the logit.
 * @internal
 */
export function writeUtilities(p: ModelParameters, z: Float64Array, zb: number, out: Float64Array, ob: number): void {
  const T = z[zb + Z_T];
  const D = z[zb + Z_D];
  const Dt = z[zb + Z_DT];
  // THEORY §5.2: P3 = (θ_ij + ν + (1 − ideo_j)) / 3, Paul reasons 2–4.
  const P3 = (z[zb + Z_THETA] + z[zb + Z_NU] + (1 - z[zb + Z_IDEO])) / 3;
  const lam = z[zb + Z_LAM];
  const r = z[zb + Z_R];
  const disp = z[zb + Z_DISP];
  const A = z[zb + Z_A];
  const allyT = z[zb + Z_ALLY];
  // THEORY §5.2: existential part X = max(0, T − T*) / (1 − T*).
  const X = T > p.tStar ? (T - p.tStar) / (1 - p.tStar) : 0;

  // THEORY §5.4: u_a(z), threat-responsiveness of each balancing option.
  const hardCommon = p.betaH - p.dH * D - p.pH * P3 - p.lH * lam - p.cDH * disp - p.eta * allyT;
  const uHI = hardCommon + p.cR * r;
  const uHE = hardCommon + p.cA * A;
  const softCommon = p.betaS + p.pS * P3 + p.lS * lam + p.cD * disp;
  const uSE = softCommon + p.dS * D + p.cA2 * A;
  const uSS = softCommon + (p.dS - p.sigmaC) * D + p.sigmaE * Dt;
  const uSL = softCommon + p.dS * D + p.lL * lam;
  const instCommon = (p.dS + p.dI) * D + p.pS * P3 + p.lS * lam + p.cD * disp;
  // P13 (ε_C·con) and P14 (c_P·r) are switchable hypotheses, 0 by default (THEORY C6).
  const uII = p.betaI + instCommon + p.zeta * z[zb + Z_RHOI] - p.epsC * z[zb + Z_CON] + p.cP * r;
  const uIE = p.betaE + instCommon + p.zeta * z[zb + Z_RHOE] + p.epsC * z[zb + Z_CON] - p.cP * r;

  out[ob + 0] = 0; // V_NONE = 0
  // V_BAND = −κ_B + T·b·(1 − r)(1 − A)·G_ij*  (Walt: weak, isolated, near)
  out[ob + 1] = -p.kappaBAND + T * p.b * (1 - r) * (1 - A) * z[zb + Z_G];
  // V_a = −κ_a + T·u_a(z) + ξ_a·X, with ξ_HI = ξ_HE = ξ and 0 elsewhere
  out[ob + 2] = -p.kappaHI + T * uHI + p.xi * X;
  out[ob + 3] = -p.kappaHE + T * uHE + p.xi * X;
  out[ob + 4] = -p.kappaSE + T * uSE;
  out[ob + 5] = -p.kappaSS + T * uSS;
  out[ob + 6] = -p.kappaSL + T * uSL;
  out[ob + 7] = -p.kappaII + T * uII;
  // IE "creates a club if none exists; costs more" (THEORY §5.3): κ_create when no venue exists.
  out[ob + 8] = -p.kappaIE - p.kappaCreate * z[zb + Z_NEWCLUB] + T * uIE;
}

/**
 * The multinomial logit of THEORY §5.4: p_a = 1[a available]·exp(V_a/μ) / Σ_b 1[b available]·exp(V_b/μ).
 * Reads utilities `v`, mask and writes probabilities `out`, all at offset `b`; masked options get exactly 0. Numerically stable (the maximum
 * available utility is subtracted first). No allocation.
 * @internal
 */
export function writeLogit(v: Float64Array, mask: Uint8Array, mu: number, out: Float64Array, b: number): void {
  let max = -Infinity;
  for (let a = b; a < b + OPTION_COUNT; a++) if (mask[a] !== 0 && v[a] > max) max = v[a];
  // e^((V_a − max)/μ), e^−∞ = 0 for a masked option; fdlibm's exp, the same bits in every engine (docs/model.md §5.8).
  for (let a = b; a < b + OPTION_COUNT; a++) out[a] = mask[a] !== 0 ? (v[a] - max) / mu : -Infinity;
  fdlibmExpInPlace(out, b, b + OPTION_COUNT);
  let sum = 0;
  for (let a = b; a < b + OPTION_COUNT; a++) sum += out[a];
  for (let a = b; a < b + OPTION_COUNT; a++) out[a] /= sum;
}
