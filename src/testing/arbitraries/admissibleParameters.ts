import fc from 'fast-check';
import type { ModelParameters } from '../../model/ModelParameters.js';
import { gridNumber } from './gridNumber.js';

/**
 * How a switchable hypothesis (THEORY §5.4 C6) is drawn: `off` (its coefficient is exactly 0, the
 * default model), `on` (strictly positive) or `random` (off or on, shrinking toward off).
 */
export type SwitchMode = 'off' | 'on' | 'random';

/** Options of {@link admissibleParameters}. */
export interface AdmissibleParametersOptions {
  /** ε_C, the He-2008-by-concentration hypothesis (P13). Default `random`. */
  epsC?: SwitchMode;
  /** c_P, the Feng & He 2017 relative-position hypothesis (P14). Default `random`. */
  cP?: SwitchMode;
  /**
   * Largest value of a free coefficient of the utilities u_a(z) (d_H, p_H, …, ζ, ε_C, c_P). The β
   * gaps are built on top of them. Default 2.
   */
  maxCoefficient?: number;
}

const GRID = 200;

/** A coefficient in [0, max] (grid of 200 steps; shrinks toward 0). */
const coefficient = (max: number): fc.Arbitrary<number> => gridNumber(0, max, GRID);
/** A share or rate in [0, 1]. */
const unit = (): fc.Arbitrary<number> => gridNumber(0, 1, GRID);

function switchCoefficient(mode: SwitchMode, max: number): fc.Arbitrary<number> {
  const on = gridNumber(max / GRID, max, GRID - 1);
  if (mode === 'off') return fc.constant(0);
  if (mode === 'on') return on;
  return fc.oneof(fc.constant(0), on);
}

/**
 * Model parameters drawn from the admissible set 𝒫 of THEORY §5.4 — C1 to C8, with the switches —
 * and inside the ranges that `checkAdmissible` enforces for the effect parameters (shares in [0,1],
 * w_P + w_G + w_O = 1, ε_H ≥ ε_S ≥ ε_I, 2 ≤ k ≤ K, every ω_c > 0). Constructive, so no draw is ever
 * rejected:
 *
 * - C1: every coefficient is drawn ≥ 0; μ ∈ [0.1, 5]; T* ∈ [0.05, 0.95]; the scales d0, W_sat and τ_W > 0.
 * - C4, C5, C8: σ_C = u·(d_S + d_H), c_R = u·2(c_D + c_DH), c_A = c_A2 + extra.
 * - C7: β_I = ε_C + gap.
 * - C3 with the C6 widening (THEORY's sufficient closed form):
 *   β_E = β_I + ζ + 2c_P + gap;  β_S = β_I + d_I + σ_C + ζ + c_P + gap;
 *   β_H = max(β_S + (d_S + d_H + σ_E + p_S + p_H + l_S + l_L + l_H + c_A2 + c_D + c_DH + η),
 *             β_E + (d_S + d_I + d_H + p_S + p_H + l_S + l_H + c_D + c_DH + ζ + ε_C + η)) + gap.
 * - C2: κ_II, κ_IE first; each soft κ = max(κ_II, κ_IE) + extra; each hard κ = max of the soft + extra.
 *
 * Gaps and extras include 0, so the boundary of 𝒫 (where C3 holds with equality) is sampled too.
 * Every draw passes `checkAdmissible` (tested).
 *
 * @example
 * fc.assert(fc.property(admissibleParameters({ cP: 'on' }), (p) => p.betaE - p.betaI >= p.zeta + 2 * p.cP));
 */
export function admissibleParameters(options: AdmissibleParametersOptions = {}): fc.Arbitrary<ModelParameters> {
  const M = options.maxCoefficient ?? 2;
  if (!(M > 0)) throw new RangeError(`maxCoefficient must be > 0 (got ${M})`);
  const epsC = switchCoefficient(options.epsC ?? 'random', M);
  const cP = switchCoefficient(options.cP ?? 'random', M);

  const choice = fc.record({
    mu: gridNumber(0.1, 5, 490),
    tStar: gridNumber(0.05, 0.95, 90),
    wSat: gridNumber(0.01, 1, 99),
    kappaII: coefficient(3), kappaIE: coefficient(3),
    softExtra: fc.tuple(coefficient(2), coefficient(2), coefficient(2)),
    hardExtra: fc.tuple(coefficient(3), coefficient(3)),
    kappaBAND: coefficient(5), kappaCreate: coefficient(2),
    b: coefficient(5), xi: coefficient(5),
    dH: coefficient(M), pH: coefficient(M), lH: coefficient(M), cDH: coefficient(M), eta: coefficient(M),
    dS: coefficient(M), pS: coefficient(M), lS: coefficient(M), cA2: coefficient(M), cD: coefficient(M),
    sigmaE: coefficient(M), lL: coefficient(M), dI: coefficient(M), zeta: coefficient(M),
    sigmaCShare: unit(), cRShare: unit(), cAExtra: coefficient(M),
    epsC, cP,
    gapI: coefficient(2), gapE: coefficient(2), gapS: coefficient(2), gapH: coefficient(2),
  });

  const perception = fc.record({
    rawWeights: fc.tuple(unit(), unit(), unit()),
    d0: gridNumber(100, 10_000, 99),
    thetaNuc: unit(),
  });

  const effects = fc.record({
    phiH: unit(), kConv: unit(), cHE: unit(), chi: coefficient(2), chiClub: coefficient(2),
    epsE: unit(), deltaE: unit(), entMin: unit(), s: unit(), sRed: unit(), rhoX: unit(),
    alphaL: unit(), alphaE: unit(), alphaB: unit(), gB: coefficient(1), deltaBand: unit(),
    epsDyn: gridNumber(0, 0.5, 100), sNew: unit(), tauJoin: unit(),
    voice: fc.tuple(unit(), unit(), unit()), block: fc.tuple(unit(), unit()), kappaExit: gridNumber(0, 0.5, 100),
    applicationLapseYears: gridNumber(0, 30, 30), // years, ≥ 0 (0 = never; N59)
    holdYears: gridNumber(0, 10, 20), // years, ≥ 0 (0 = off; N61)
    allianceLapseYears: gridNumber(0.5, 50, 99), // years, > 0 (C1, N29)
    affinity: fc.tuple(unit(), gridNumber(0.01, 1, 99), gridNumber(0.5, 50, 99), unit(), unit()), // κ_a, a_min, half-life, γ_c, γ_x (N54)
    provocation: fc.tuple(unit(), unit(), unit()),
  });

  const restraint = fc.record({
    wSL: coefficient(2), wSS: coefficient(2), wSE: coefficient(2), wII: coefficient(2), wIE: coefficient(2),
    epsCoord: unit(), kR: coefficient(5),
    omega: fc.tuple(
      gridNumber(0.01, 1, 99), gridNumber(0.01, 1, 99), gridNumber(0.01, 1, 99), gridNumber(0.01, 1, 99),
      gridNumber(0.01, 1, 99), gridNumber(0.01, 1, 99), gridNumber(0.01, 1, 99),
    ),
    // τ_W is a time scale: c3 = exp(−(t − tLastMajorWar)/τ_W) needs τ_W > 0 (at τ_W = 0 and a war this
    // year it is 0/0). checkAdmissible does not yet require it; see docs/testing.md.
    tauW: gridNumber(0.5, 50, 99), ell: coefficient(3),
  });

  const updates = fc.record({
    etaB: unit(), epsReass: unit(), epsArm: unit(), wShift: unit(), shiftWindow: fc.integer({ min: 1, max: 20 }), rhoL: unit(), deltaAgg: coefficient(2), deltaS: unit(), sMin: unit(),
    epsPg: unit(), iotaStar: unit(), epsEsc: unit(),
    tMin: unit(), episodeWindow: fc.integer({ min: 2, max: 8 }), episodeKShare: unit(), piPole: unit(),
    conOver: fc.constantFrom<'majors' | 'all'>('majors', 'all'),
  });

  return fc.record({ choice, perception, effects, restraint, updates }).map(({ choice: c, perception: g, effects: e, restraint: r, updates: u }) => {
    // C2: institutions ≤ soft ≤ hard.
    const instMax = Math.max(c.kappaII, c.kappaIE);
    const [kappaSE, kappaSS, kappaSL] = c.softExtra.map((x) => instMax + x);
    const softMax = Math.max(kappaSE, kappaSS, kappaSL);
    const [kappaHI, kappaHE] = c.hardExtra.map((x) => softMax + x);
    // C4, C5, C8.
    const sigmaC = c.sigmaCShare * (c.dS + c.dH);
    // C6 amended (model note N27): c_P ≤ c_R; then C5: 2(c_D + c_DH) ≥ c_R, raising c_D if needed.
    const cP = c.cP;
    const cR = cP + c.cRShare * 2 * (c.cD + c.cDH);
    const cD = Math.max(c.cD, cR / 2 - c.cDH);
    const cA = c.cA2 + c.cAExtra;
    // C7, then C3 with the C6 widening.
    const betaI = c.epsC + c.gapI;
    const betaE = betaI + c.zeta + 2 * c.cP + c.gapE;
    const betaS = betaI + c.dI + sigmaC + c.zeta + c.cP + c.gapS;
    const hardOverSoft = c.dS + c.dH + c.sigmaE + c.pS + c.pH + c.lS + c.lL + c.lH + c.cA2 + cD + c.cDH + c.eta;
    const hardOverExclusive = c.dS + c.dI + c.dH + c.pS + c.pH + c.lS + c.lH + cD + c.cDH + c.zeta + c.epsC + c.eta;
    const betaH = Math.max(betaS + hardOverSoft, betaE + hardOverExclusive) + c.gapH;

    const wSum = g.rawWeights[0] + g.rawWeights[1] + g.rawWeights[2];
    const [wP, wG, wO] = wSum > 0 ? g.rawWeights.map((x) => x / wSum) : [1 / 3, 1 / 3, 1 / 3];
    const [epsH, epsS, epsI] = [...e.provocation].sort((x, y) => y - x);
    const episodeK = 2 + Math.floor(u.episodeKShare * (u.episodeWindow - 2) + 1e-9);
    const [lowThreat, legitimacy, aftermath, institutions, defence, interdependence, domesticSupport] = r.omega;

    const p: ModelParameters = {
      wP, wG, wO, d0: g.d0, thetaNuc: g.thetaNuc,
      mu: c.mu, tStar: c.tStar, wSat: c.wSat,
      kappaBAND: c.kappaBAND, kappaHI, kappaHE, kappaSE, kappaSS, kappaSL, kappaII: c.kappaII, kappaIE: c.kappaIE,
      kappaCreate: c.kappaCreate, b: c.b, xi: c.xi,
      betaH, betaS, betaI, betaE,
      dH: c.dH, pH: c.pH, lH: c.lH, cR, cDH: c.cDH, eta: c.eta, cA,
      dS: c.dS, pS: c.pS, lS: c.lS, cA2: c.cA2, cD, sigmaC, sigmaE: c.sigmaE, lL: c.lL, dI: c.dI, zeta: c.zeta,
      epsC: c.epsC, cP,
      phiH: e.phiH, kConv: e.kConv, cHE: e.cHE, chi: e.chi, chiClub: e.chiClub,
      epsE: e.epsE, deltaE: e.deltaE, allianceLapseYears: e.allianceLapseYears, entMin: e.entMin, s: e.s, sRed: e.sRed, rhoX: e.rhoX,
      alphaL: e.alphaL, alphaE: e.alphaE, alphaB: e.alphaB, gB: e.gB, deltaBand: e.deltaBand,
      epsDyn: e.epsDyn, sNew: e.sNew, tauJoin: e.tauJoin, epsH, epsS, epsI,
      voiceCandidate: e.voice[0], voiceObserver: e.voice[1], voiceAssociate: e.voice[2], kappaBlock: e.block[0], epsBlock: e.block[1], kappaExit: e.kappaExit,
      affinityThreat: e.affinity[0], affinityMin: e.affinity[1], affinityHalfLife: e.affinity[2], affinityCoop: e.affinity[3], affinityConflict: e.affinity[4],
      applicationLapseYears: e.applicationLapseYears, holdYears: e.holdYears,
      wSL: r.wSL, wSS: r.wSS, wSE: r.wSE, wII: r.wII, wIE: r.wIE, epsCoord: r.epsCoord, kR: r.kR,
      omega: { lowThreat, legitimacy, aftermath, institutions, defence, interdependence, domesticSupport },
      tauW: r.tauW, ell: r.ell,
      etaB: u.etaB, epsReass: u.epsReass, epsArm: u.epsArm, wShift: u.wShift, shiftWindow: u.shiftWindow, rhoL: u.rhoL, deltaAgg: u.deltaAgg, deltaS: u.deltaS, sMin: u.sMin,
      // ε_I + ε_esc ≤ ε_S, so E8 holds with the negative externality (model note N27).
      epsPg: u.epsPg, iotaStar: u.iotaStar, epsEsc: u.epsEsc * (epsS - epsI),
      tMin: u.tMin, episodeK, episodeWindow: u.episodeWindow, piPole: u.piPole, conOver: u.conOver,
    };
    return p;
  });
}
