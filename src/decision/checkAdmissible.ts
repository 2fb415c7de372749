import type { ModelParameters } from '../model/ModelParameters.js';
import { CONDITION_KEYS } from '../model/ModelParameters.js';

/** One violated constraint of the admissible parameter set 𝒫 (THEORY §5.4). */
export interface AdmissibilityViolation {
  /**
   * The constraint: C1–C8 of THEORY §5.4, or `range` for the implementation's bounds on effect
   * parameters (shares and probabilities in [0,1], the threat weights summing to 1, ε_H ≥ ε_S ≥ ε_I,
   * k ≥ 2 for episodes) that §5.5–5.7 and the E properties assume.
   */
  constraint: 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'C7' | 'C8' | 'range';
  /** A readable statement of what fails, with the numbers. */
  message: string;
  /** The parameters involved. */
  parameters: string[];
}

const TOL = 1e-12;

/** Keys whose values are shares or rates that must lie in [0,1]. */
const UNIT_INTERVAL: readonly (keyof ModelParameters)[] = [
  'wP', 'wG', 'wO', 'thetaNuc', 'phiH', 'cHE', 'epsE', 'deltaE', 'entMin', 's', 'sRed', 'rhoX',
  'alphaL', 'alphaE', 'alphaB', 'deltaBand', 'sNew', 'tauJoin', 'epsH', 'epsS', 'epsI', 'etaB',
  'rhoL', 'deltaS', 'sMin', 'tMin', 'epsReass', 'epsArm', 'wShift', 'epsEsc', 'piPole', 'kConv',
  'affinityThreat', 'affinityCoop', 'affinityConflict',
];

/**
 * Checks model parameters against the admissible set 𝒫 of THEORY §5.4 (C1–C8) and the ranges the
 * effect equations assume. Pure; never throws for a well-typed object.
 *
 * @returns the violated constraints, empty when the parameters are admissible.
 * @example
 * checkAdmissible({ ...defaultParameters(), betaH: 1 }) // → [{ constraint: 'C3', ... }]
 */
export function checkAdmissible(p: ModelParameters): AdmissibilityViolation[] {
  const out: AdmissibilityViolation[] = [];
  const add = (constraint: AdmissibilityViolation['constraint'], message: string, parameters: string[]): void => {
    out.push({ constraint, message, parameters });
  };

  // C1: all coefficients ≥ 0 and finite; μ > 0; 0 < T* < 1.
  const specific = new Set(['mu', 'tStar', 'd0', 'wSat', 'tauW', 'allianceLapseYears', 'affinityMin', 'affinityHalfLife']); // checked below with their own bounds
  for (const [key, value] of Object.entries(p)) {
    if (typeof value === 'number' && !specific.has(key) && !(Number.isFinite(value) && value >= 0)) {
      add('C1', `${key} must be a finite number ≥ 0 (got ${value})`, [key]);
    }
  }
  for (const key of CONDITION_KEYS) {
    const w = p.omega[key];
    if (!(Number.isFinite(w) && w > 0)) add('C1', `omega.${key} must be > 0 (model §5.6: every ω_c > 0; got ${w})`, [`omega.${key}`]);
  }
  if (!(p.mu > 0 && Number.isFinite(p.mu))) add('C1', `mu (μ) must be a finite number > 0 (got ${p.mu})`, ['mu']);
  if (!(p.tStar > 0 && p.tStar < 1)) add('C1', `tStar (T*) must lie in (0, 1) (got ${p.tStar})`, ['tStar']);
  if (!(p.d0 > 0 && Number.isFinite(p.d0))) add('C1', `d0 must be a finite number > 0 (got ${p.d0})`, ['d0']);
  if (!(p.wSat > 0 && Number.isFinite(p.wSat))) add('C1', `wSat must be a finite number > 0 (got ${p.wSat})`, ['wSat']);
  if (!(p.tauW > 0 && Number.isFinite(p.tauW))) add('C1', `tauW (τ_W) must be a finite number > 0 (got ${p.tauW}); c3 divides by it`, ['tauW']);
  if (!(Number.isInteger(p.shiftWindow) && p.shiftWindow >= 1 && p.shiftWindow <= 1000)) {
    add('C1', `shiftWindow must be a whole number of years from 1 to 1000 (got ${p.shiftWindow}); the power shift compares shares that many years apart (N32)`, ['shiftWindow']);
  }
  if (!(p.allianceLapseYears > 0 && Number.isFinite(p.allianceLapseYears))) {
    add('C1', `allianceLapseYears must be a finite number > 0 (got ${p.allianceLapseYears}); a formed alliance lapses only after its threat has faded for that long (N29)`, ['allianceLapseYears']);
  }

  if (!(p.affinityMin > 0 && p.affinityMin <= 1)) {
    add('range', `affinityMin (a_min) must lie in (0, 1] (got ${p.affinityMin}); affinity is in [−1, 1] and a_min > 0 keeps neutral states (a = 0) eligible partners (N54)`, ['affinityMin']);
  }
  if (!(p.affinityHalfLife > 0 && Number.isFinite(p.affinityHalfLife))) {
    add('range', `affinityHalfLife must be a finite number > 0 (got ${p.affinityHalfLife}); affinity returns to its seed with this half-life in years (N54)`, ['affinityHalfLife']);
  }

  // C2: cost ladder κ_II, κ_IE ≤ κ_SE, κ_SS, κ_SL ≤ κ_HI, κ_HE.
  const instMax = Math.max(p.kappaII, p.kappaIE);
  const softMin = Math.min(p.kappaSE, p.kappaSS, p.kappaSL);
  const softMax = Math.max(p.kappaSE, p.kappaSS, p.kappaSL);
  const hardMin = Math.min(p.kappaHI, p.kappaHE);
  if (instMax > softMin + TOL) {
    add('C2', `institutional costs must not exceed soft costs: max(κ_II, κ_IE) = ${instMax} > min(κ_SE, κ_SS, κ_SL) = ${softMin}`,
      ['kappaII', 'kappaIE', 'kappaSE', 'kappaSS', 'kappaSL']);
  }
  if (softMax > hardMin + TOL) {
    add('C2', `soft costs must not exceed hard costs: max(κ_SE, κ_SS, κ_SL) = ${softMax} > min(κ_HI, κ_HE) = ${hardMin}`,
      ['kappaSE', 'kappaSS', 'kappaSL', 'kappaHI', 'kappaHE']);
  }

  // C3 (sufficient closed form), widened by C6 when the Feng & He switch c_P is on.
  const gap = (name: string, lhs: number, rhs: number, rhsWide: number, params: string[]): void => {
    if (lhs + TOL < rhs) add('C3', `${name}: ${lhs.toPrecision(6)} < ${rhs.toPrecision(6)}`, params);
    else if (lhs + TOL < rhsWide) {
      add('C6', `${name} with the Feng & He switch c_P = ${p.cP} on: ${lhs.toPrecision(6)} < ${rhsWide.toPrecision(6)}`, [...params, 'cP']);
    }
  };
  gap('β_E − β_I ≥ ζ (+ 2c_P)', p.betaE - p.betaI, p.zeta, p.zeta + 2 * p.cP, ['betaE', 'betaI', 'zeta']);
  gap('β_S − β_I ≥ d_I + σ_C + ζ (+ c_P)', p.betaS - p.betaI, p.dI + p.sigmaC + p.zeta,
    p.dI + p.sigmaC + p.zeta + p.cP, ['betaS', 'betaI', 'dI', 'sigmaC', 'zeta']);
  const hs = p.dS + p.dH + p.sigmaE + p.pS + p.pH + p.lS + p.lL + p.lH + p.cA2 + p.cD + p.cDH + p.eta;
  gap('β_H − β_S ≥ d_S + d_H + σ_E + p_S + p_H + l_S + l_L + l_H + c_A2 + c_D + c_DH + η', p.betaH - p.betaS, hs, hs,
    ['betaH', 'betaS', 'dS', 'dH', 'sigmaE', 'pS', 'pH', 'lS', 'lL', 'lH', 'cA2', 'cD', 'cDH', 'eta']);
  const he = p.dS + p.dI + p.dH + p.pS + p.pH + p.lS + p.lH + p.cD + p.cDH + p.zeta + p.epsC + p.eta;
  gap('β_H − β_E ≥ d_S + d_I + d_H + p_S + p_H + l_S + l_H + c_D + c_DH + ζ + ε_C + η', p.betaH - p.betaE, he, he,
    ['betaH', 'betaE', 'dS', 'dI', 'dH', 'pS', 'pH', 'lS', 'lH', 'cD', 'cDH', 'zeta', 'epsC', 'eta']);

  // C4: hard options are the most interdependence-averse.
  if (p.sigmaC > p.dS + p.dH + TOL) add('C4', `σ_C = ${p.sigmaC} > d_S + d_H = ${p.dS + p.dH}`, ['sigmaC', 'dS', 'dH']);
  // C5: disparity (He & Feng 2008): 2(c_D + c_DH) ≥ c_R.
  if (2 * (p.cD + p.cDH) + TOL < p.cR) add('C5', `2(c_D + c_DH) = ${2 * (p.cD + p.cDH)} < c_R = ${p.cR}`, ['cD', 'cDH', 'cR']);
  // C6, amended (model note N27): with the Feng & He switch on, c_P ≤ c_R, so that P8 (∂/∂r of
  // log-odds(HI : any soft or institutional option) ≥ 0) holds: against II that slope is T(c_R − c_P)/μ.
  if (p.cP > p.cR + TOL) add('C6', `with the Feng & He switch on, c_P = ${p.cP} must not exceed c_R = ${p.cR} (P8)`, ['cP', 'cR']);
  // C7: β_I ≥ ε_C, so NONE sits at the bottom of the threat ladder.
  if (p.betaI + TOL < p.epsC) add('C7', `β_I = ${p.betaI} < ε_C = ${p.epsC}`, ['betaI', 'epsC']);
  // C8: formal alliances gain more from available allies than ententes.
  if (p.cA + TOL < p.cA2) add('C8', `c_A = ${p.cA} < c_A2 = ${p.cA2}`, ['cA', 'cA2']);

  // Ranges assumed by §5.2 and §5.5–5.7.
  for (const key of UNIT_INTERVAL) {
    const v = p[key] as number;
    if (Number.isFinite(v) && v > 1) add('range', `${key} must lie in [0, 1] (got ${v})`, [key]);
  }
  const wSum = p.wP + p.wG + p.wO;
  if (Math.abs(wSum - 1) > 1e-9) add('range', `threat weights must sum to 1: wP + wG + wO = ${wSum}`, ['wP', 'wG', 'wO']);
  if (!(p.epsH >= p.epsS && p.epsS >= p.epsI)) {
    add('range', `provocation ladder ε_H ≥ ε_S ≥ ε_I fails (${p.epsH}, ${p.epsS}, ${p.epsI})`, ['epsH', 'epsS', 'epsI']);
  }
  // E8 with the §5.7 negative externality: an institutional act's provocation plus the escalation it
  // can add stays within a soft act's provocation (model note N27).
  if (p.epsI + p.epsEsc > p.epsS + TOL) {
    add('range', `ε_I + ε_esc = ${p.epsI + p.epsEsc} exceeds ε_S = ${p.epsS}: an institutional act would provoke more than a soft one (E8)`, ['epsEsc', 'epsI', 'epsS']);
  }
  if (!(Number.isInteger(p.episodeK) && Number.isInteger(p.episodeWindow) && p.episodeK >= 2 && p.episodeK <= p.episodeWindow)) {
    add('range', `episodes need whole numbers 2 ≤ episodeK ≤ episodeWindow (got ${p.episodeK}, ${p.episodeWindow}); model §1, E12`,
      ['episodeK', 'episodeWindow']);
  }
  if (p.conOver !== 'majors' && p.conOver !== 'all') add('range', `conOver must be 'majors' or 'all'`, ['conOver']);
  return out;
}
