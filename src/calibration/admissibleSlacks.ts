import type { ModelParameters } from '../model/ModelParameters.js';

/**
 * The coupled constraints C2–C8 of the admissible set 𝒫 (model §5.4) as linear slacks: every
 * entry is ≥ 0 exactly when the constraint holds (C2's ladder written pairwise, C3 in its widened
 * form, which is the plain form when the Feng & He switch c_P is 0). Each is an affine function of
 * the choice-rule parameters, which is what lets the estimator keep to 𝒫 with a log-barrier.
 * `test/calibration/admissibleSlacks.test.ts` checks that they agree with `checkAdmissible`.
 */
export function admissibleSlacks(p: ModelParameters): number[] {
  const inst = [p.kappaII, p.kappaIE];
  const soft = [p.kappaSE, p.kappaSS, p.kappaSL];
  const hard = [p.kappaHI, p.kappaHE];
  const out: number[] = [];
  for (const a of inst) for (const b of soft) out.push(b - a); // C2: κ_II, κ_IE ≤ κ_SE, κ_SS, κ_SL
  for (const a of soft) for (const b of hard) out.push(b - a); // C2: κ_SE, κ_SS, κ_SL ≤ κ_HI, κ_HE
  // C3 (widened by c_P, C6)
  out.push(p.betaE - p.betaI - p.zeta - 2 * p.cP);
  out.push(p.betaS - p.betaI - p.dI - p.sigmaC - p.zeta - p.cP);
  out.push(p.betaH - p.betaS - (p.dS + p.dH + p.sigmaE + p.pS + p.pH + p.lS + p.lL + p.lH + p.cA2 + p.cD + p.cDH + p.eta));
  out.push(p.betaH - p.betaE - (p.dS + p.dI + p.dH + p.pS + p.pH + p.lS + p.lH + p.cD + p.cDH + p.zeta + p.epsC + p.eta));
  out.push(p.dS + p.dH - p.sigmaC); // C4
  out.push(2 * (p.cD + p.cDH) - p.cR); // C5
  out.push(p.cR - p.cP); // C6 (N27)
  out.push(p.betaI - p.epsC); // C7
  out.push(p.cA - p.cA2); // C8
  return out;
}
