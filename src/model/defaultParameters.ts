import type { ModelParameters, SystemConditions } from './ModelParameters.js';

/**
 * Default model parameters. All values are design choices [D] of this implementation, chosen to lie
 * inside the admissible set 𝒫 (THEORY §5.4, C1–C8) with slack, so that turning on a switchable
 * hypothesis (ε_C ≤ 0.5, c_P ≤ 0.25) keeps them admissible; `checkAdmissible(defaultParameters())`
 * returns no violation (tested). The derivation of the β gaps is in docs/model-notes.md (N1).
 *
 * Returns a fresh object each call, so callers may modify it.
 */
export function defaultParameters(): ModelParameters {
  return {
    // §5.2
    wP: 0.4, wG: 0.3, wO: 0.3, d0: 3000, thetaNuc: 0.8,
    // §5.4 choice: costs follow the C2 ladder (institutions ≤ soft ≤ hard)
    mu: 0.5, tStar: 0.6, wSat: 0.2,
    kappaBAND: 1.5, kappaHI: 3, kappaHE: 3, kappaSE: 1.5, kappaSS: 1.5, kappaSL: 1.5,
    kappaII: 1, kappaIE: 1, kappaCreate: 0.5,
    b: 3, xi: 2,
    // C3 gaps: β_H−β_S = 4.5 ≥ 4.5; β_H−β_E = 5 ≥ 4.2+ε_C; β_S−β_I = 1.5 ≥ 1+c_P; β_E−β_I = 1 ≥ 0.5+2c_P
    betaH: 6.5, betaS: 2, betaI: 0.5, betaE: 1.5,
    dH: 0.5, pH: 0.5, lH: 0.5, cR: 0.4, cDH: 0.3, eta: 0.5, cA: 0.6,
    dS: 0.3, pS: 0.3, lS: 0.3, cA2: 0.3, cD: 0.3, sigmaC: 0.3, sigmaE: 0.4, lL: 0.3, dI: 0.2, zeta: 0.5,
    epsC: 0, cP: 0,
    // §5.5
    phiH: 0.02, kConv: 1, cHE: 0.005, chi: 0.5, chiClub: 1,
    epsE: 0.2, deltaE: 0.1, entMin: 0.1,
    allianceLapseYears: 5, // N29: the fixed term of the period's alliance treaties
    s: 0.1, sRed: 0.2, rhoX: 0.1,
    alphaL: 0.2, alphaE: 0.2, alphaB: 0.1, gB: 0.05, deltaBand: 0.1,
    epsDyn: 0.02, sNew: 0.3, tauJoin: 0.3,
    voiceCandidate: 0.25, voiceObserver: 0.25, voiceAssociate: 0.5, // model §5.11, note N51 [D]
    kappaBlock: 0.01, epsBlock: 0.02, // model §5.12, note N52 [D]
    kappaExit: 0, // model §5.13, note N53: off by default [D]
    // model note N54 [D]: affinity acts only in scenarios with an `affinity` section
    affinityThreat: 1, affinityMin: 0.5, affinityHalfLife: 10, affinityCoop: 0.05, affinityConflict: 0.1,
    applicationLapseYears: 10, // model §5.12, note N59: two episode windows (2K) [D]
    holdYears: 0, // model §5.12, note N61: holds off by default [D]
    epsH: 0.1, epsS: 0.05, epsI: 0.02,
    // §5.6
    wSL: 1, wSS: 1, wSE: 1, wII: 1, wIE: 1, epsCoord: 0.25,
    kR: 2,
    omega: { lowThreat: 1, legitimacy: 1, aftermath: 1, institutions: 1, defence: 1, interdependence: 1, domesticSupport: 1 },
    tauW: 10, ell: 1,
    // §5.7
    etaB: 0.1, epsReass: 0.05,
    wShift: 1, shiftWindow: 10, // N32: a rise counts as much as the share it adds; a decade [D]
    epsArm: 0.1, // N31: arming is the hard act par excellence; its evidence sits at the top of the ladder, ε_arm = ε_H [D]
    rhoL: 0.1, deltaAgg: 0.5, deltaS: 0.05, sMin: 0.05,
    epsPg: 0.01, iotaStar: 0.5, epsEsc: 0.03, // ε_I + ε_esc ≤ ε_S (N27)
    // §2.1, §3
    tMin: 0.2, episodeK: 3, episodeWindow: 5, piPole: 0.1, conOver: 'majors',
  };
}

/** Default world conditions (THEORY §5.1 "system"); scenarios set them from history. [D] */
export function defaultSystemConditions(): SystemConditions {
  return { lambda: 0.5, nu: 0.5, theta: 0.3, lastMajorWar: null };
}
