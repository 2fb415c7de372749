import type { ModelParameters } from '../model/ModelParameters.js';
import type { DecisionContext } from './DecisionContext.js';
import type { Option } from './options.js';

/** One additive term of a utility V_a, named by its THEORY §5.4 symbols. */
export interface UtilityTerm {
  /** The term as THEORY writes it, e.g. `−κ_HI`, `T·β_H`, `−T·d_H·D`, `ξ·X`. */
  term: string;
  value: number;
}

/**
 * The utilities of THEORY §5.4 broken into their additive terms, for explaining a decision. The
 * terms of each option sum to its V_a (as computed on the engine's hot path; tested to 1e-12).
 * Pure; allocates (not for the hot path).
 */
export function utilityTerms(ctx: DecisionContext, p: ModelParameters): Record<Option, UtilityTerm[]> {
  const T = ctx.T;
  const P3 = (ctx.theta + ctx.nu + (1 - ctx.ideo)) / 3;
  const disp = ctx.disp ?? Math.abs(2 * ctx.r - 1);
  const allyT = ctx.allyT ? 1 : 0;
  const X = T > p.tStar ? (T - p.tStar) / (1 - p.tStar) : 0;
  const t = (term: string, value: number): UtilityTerm => ({ term, value });
  const hard = (beta: number): UtilityTerm[] => [
    t('T·β_H', T * beta), t('−T·d_H·D', -T * p.dH * ctx.D), t('−T·p_H·P3', -T * p.pH * P3), t('−T·l_H·λ', -T * p.lH * ctx.lam),
    t('−T·c_DH·disp', -T * p.cDH * disp), t('−T·η·ally', -T * p.eta * allyT),
  ];
  const soft = (): UtilityTerm[] => [
    t('T·β_S', T * p.betaS), t('T·p_S·P3', T * p.pS * P3), t('T·l_S·λ', T * p.lS * ctx.lam), t('T·c_D·disp', T * p.cD * disp),
  ];
  const inst = (): UtilityTerm[] => [
    t('T·(d_S + d_I)·D', T * (p.dS + p.dI) * ctx.D), t('T·p_S·P3', T * p.pS * P3), t('T·l_S·λ', T * p.lS * ctx.lam),
    t('T·c_D·disp', T * p.cD * disp),
  ];
  return {
    NONE: [t('0', 0)],
    BAND: [t('−κ_BAND', -p.kappaBAND), t('T·b·(1−r)(1−A)·G', T * p.b * (1 - ctx.r) * (1 - ctx.A) * ctx.G)],
    HI: [t('−κ_HI', -p.kappaHI), ...hard(p.betaH), t('T·c_R·r', T * p.cR * ctx.r), t('ξ·X', p.xi * X)],
    HE: [t('−κ_HE', -p.kappaHE), ...hard(p.betaH), t('T·c_A·A', T * p.cA * ctx.A), t('ξ·X', p.xi * X)],
    SE: [t('−κ_SE', -p.kappaSE), ...soft(), t('T·d_S·D', T * p.dS * ctx.D), t('T·c_A2·A', T * p.cA2 * ctx.A)],
    SS: [t('−κ_SS', -p.kappaSS), ...soft(), t('T·(d_S − σ_C)·D', T * (p.dS - p.sigmaC) * ctx.D), t('T·σ_E·Dt', T * p.sigmaE * ctx.Dt)],
    SL: [t('−κ_SL', -p.kappaSL), ...soft(), t('T·d_S·D', T * p.dS * ctx.D), t('T·l_L·λ', T * p.lL * ctx.lam)],
    II: [t('−κ_II', -p.kappaII), t('T·β_I', T * p.betaI), ...inst(), t('T·ζ·ρ_I', T * p.zeta * ctx.rhoI),
      t('−T·ε_C·CON', -T * p.epsC * ctx.con), t('T·c_P·r', T * p.cP * ctx.r)],
    IE: [t('−κ_IE', -p.kappaIE), t('−κ_create', ctx.newClub ? -p.kappaCreate : 0), t('T·β_E', T * p.betaE), ...inst(),
      t('T·ζ·ρ_E', T * p.zeta * ctx.rhoE), t('T·ε_C·CON', T * p.epsC * ctx.con), t('−T·c_P·r', -T * p.cP * ctx.r)],
  };
}
