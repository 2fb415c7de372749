import { describe, expect, it } from 'vitest';
import { checkAdmissible, type AdmissibilityViolation } from '../../../src/decision/checkAdmissible.js';
import { defaultParameters } from '../../../src/model/defaultParameters.js';
import type { ModelParameters } from '../../../src/model/ModelParameters.js';

const check = (overrides: Partial<ModelParameters>): AdmissibilityViolation[] =>
  checkAdmissible({ ...defaultParameters(), ...overrides });
const constraints = (v: AdmissibilityViolation[]): string[] => v.map((x) => x.constraint);

describe('checkAdmissible: C1 (signs, μ, T*)', () => {
  it('flags a negative coefficient, naming it', () => {
    const v = check({ kappaBAND: -1 });
    expect(constraints(v)).toEqual(['C1']);
    expect(v[0].parameters).toEqual(['kappaBAND']);
    expect(v[0].message).toContain('kappaBAND');
    expect(v[0].message).toContain('-1');
  });

  it('flags non-finite numbers (NaN, Infinity)', () => {
    expect(constraints(check({ betaH: Number.NaN }))).toContain('C1');
    expect(check({ zeta: Number.POSITIVE_INFINITY }).some((x) => x.constraint === 'C1' && x.parameters[0] === 'zeta')).toBe(true);
  });

  it('requires μ > 0', () => {
    const v = check({ mu: 0 });
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ constraint: 'C1', parameters: ['mu'] });
  });

  it('requires 0 < T* < 1 (both ends excluded)', () => {
    expect(check({ tStar: 0 })).toEqual([expect.objectContaining({ constraint: 'C1', parameters: ['tStar'] })]);
    expect(check({ tStar: 1 })).toEqual([expect.objectContaining({ constraint: 'C1', parameters: ['tStar'] })]);
    expect(check({ tStar: 0.999 })).toEqual([]);
  });

  it('requires every ω_c > 0', () => {
    const p = defaultParameters();
    const v = checkAdmissible({ ...p, omega: { ...p.omega, aftermath: 0 } });
    expect(v).toEqual([expect.objectContaining({ constraint: 'C1', parameters: ['omega.aftermath'] })]);
  });

  it('requires d0 > 0 and wSat > 0', () => {
    expect(check({ d0: 0 })).toEqual([expect.objectContaining({ constraint: 'C1', parameters: ['d0'] })]);
    expect(check({ wSat: 0 })).toEqual([expect.objectContaining({ constraint: 'C1', parameters: ['wSat'] })]);
  });
});

describe('checkAdmissible: C2 cost ladder κ_II, κ_IE ≤ κ_SE, κ_SS, κ_SL ≤ κ_HI, κ_HE', () => {
  it('institutional above soft', () => {
    const v = check({ kappaII: 2 });
    expect(constraints(v)).toEqual(['C2']);
    expect(v[0].parameters).toContain('kappaII');
    expect(v[0].message).toContain('2 > min');
  });

  it('soft above hard', () => {
    const v = check({ kappaSL: 3.5 });
    expect(constraints(v)).toEqual(['C2']);
    expect(v[0].parameters).toEqual(['kappaSE', 'kappaSS', 'kappaSL', 'kappaHI', 'kappaHE']);
  });

  it('both rungs broken → two violations', () => {
    expect(constraints(check({ kappaIE: 2, kappaSE: 4 }))).toEqual(['C2', 'C2']);
  });

  it('equal costs are allowed, and a 1e-13 excess is within tolerance', () => {
    expect(check({ kappaII: 1.5, kappaIE: 1.5, kappaHI: 1.5, kappaHE: 1.5 })).toEqual([]);
    expect(check({ kappaII: 1.5 + 1e-13 })).toEqual([]);
    expect(constraints(check({ kappaII: 1.5 + 1e-9 }))).toEqual(['C2']);
  });

  it('κ_BAND and κ_create are outside the ladder', () => {
    expect(check({ kappaBAND: 100, kappaCreate: 100 })).toEqual([]);
  });
});

describe('checkAdmissible: C3 threat-ladder gaps', () => {
  it('β_H − β_S too small', () => {
    const v = check({ betaH: 6.4 });
    expect(constraints(v)).toEqual(['C3']);
    expect(v[0].parameters).toContain('betaH');
    expect(v[0].parameters).toContain('betaS');
  });

  it('β_H − β_E too small (with β_H − β_S still fine)', () => {
    // β_H − β_E = 6.5 − 2.4 = 4.1 < 4.2; β_E − β_I fine
    const v = check({ betaE: 2.4 });
    expect(constraints(v)).toEqual(['C3']);
    expect(v[0].parameters).toContain('betaE');
    expect(v[0].message).toContain('4.10000 < 4.20000');
  });

  it('β_E − β_I ≥ ζ', () => {
    const v = check({ zeta: 1.1, betaH: 10, betaE: 1.5 }); // ζ up: β_E − β_I = 1 < 1.1; β_S − β_I = 1.5 < 1.6 too
    expect(constraints(v)).toEqual(['C3', 'C3']);
  });

  it('β_S − β_I ≥ d_I + σ_C + ζ', () => {
    const v = check({ betaI: 1.01 }); // β_S − β_I = 0.99 < 1; β_E − β_I = 0.49 < 0.5 as well
    expect(v.filter((x) => x.constraint === 'C3')).toHaveLength(2);
    expect(check({ dI: 0.21, betaS: 2.01, betaH: 6.51, betaE: 1.5 })).toEqual([]); // widened in step: still fine
  });

  it('the defaults sit exactly on the β_H − β_S boundary (4.5 = 4.5) and are admissible', () => {
    expect(check({})).toEqual([]);
    expect(constraints(check({ eta: 0.5 + 1e-6 }))).toContain('C3');
  });
});

describe('checkAdmissible: C4–C8', () => {
  it('C4: σ_C ≤ d_S + d_H', () => {
    const v = check({ sigmaC: 0.9, betaS: 2.2, betaH: 6.7, betaE: 1.5 }); // keep C3 gaps satisfied
    expect(constraints(v)).toEqual(['C4']);
    expect(v[0].parameters).toEqual(['sigmaC', 'dS', 'dH']);
  });

  it('C5: 2(c_D + c_DH) ≥ c_R', () => {
    const v = check({ cR: 1.3 }); // 2·0.6 = 1.2 < 1.3
    expect(constraints(v)).toEqual(['C5']);
    expect(check({ cR: 1.2 })).toEqual([]);
  });

  it('C6: the Feng & He switch c_P needs the wider gaps', () => {
    const v = check({ cP: 0.3 }); // β_E − β_I = 1 < ζ + 2c_P = 1.1
    expect(constraints(v)).toEqual(['C6']);
    expect(v[0].parameters).toContain('cP');
    expect(check({ cP: 0.25 })).toEqual([]);
  });

  it('C6 is not reported when the base C3 gap already fails (C3 only)', () => {
    expect(constraints(check({ cP: 0.3, zeta: 1.2, betaH: 10 }))).toEqual(['C3', 'C3']);
  });

  it('C7: β_I ≥ ε_C', () => {
    const v = check({ epsC: 0.6 });
    expect(constraints(v)).toEqual(['C7']);
    expect(v[0].parameters).toEqual(['betaI', 'epsC']);
  });

  it('C8: c_A ≥ c_A2', () => {
    expect(check({ cA: 0.29 })).toEqual([expect.objectContaining({ constraint: 'C8', parameters: ['cA', 'cA2'] })]);
    expect(check({ cA: 0.3 })).toEqual([]);
  });
});

describe('checkAdmissible: ranges of the effect parameters', () => {
  it('shares above 1', () => {
    expect(check({ phiH: 1.5 })).toEqual([expect.objectContaining({ constraint: 'range', parameters: ['phiH'] })]);
  });

  it('threat weights must sum to 1', () => {
    expect(check({ wP: 0.5 })).toEqual([expect.objectContaining({ constraint: 'range', parameters: ['wP', 'wG', 'wO'] })]);
    expect(check({ wP: 1, wG: 0, wO: 0 })).toEqual([]);
  });

  it('provocation ladder ε_H ≥ ε_S ≥ ε_I', () => {
    expect(constraints(check({ epsS: 0.2 }))).toEqual(['range']);
    expect(constraints(check({ epsI: 0.06 }))).toEqual(['range', 'range']); // the ladder, and ε_I + ε_esc ≤ ε_S (N27)
  });

  it('episodes: integers with 2 ≤ k ≤ K', () => {
    expect(constraints(check({ episodeK: 1 }))).toEqual(['range']);
    expect(constraints(check({ episodeK: 6 }))).toEqual(['range']);
    expect(constraints(check({ episodeK: 2.5 }))).toEqual(['range']);
    expect(check({ episodeK: 5 })).toEqual([]);
  });

  it('conOver must be majors or all', () => {
    const bad = { ...defaultParameters(), conOver: 'some' } as unknown as ModelParameters;
    expect(constraints(checkAdmissible(bad))).toEqual(['range']);
    expect(check({ conOver: 'all' })).toEqual([]);
  });
});

describe('checkAdmissible: general', () => {
  it('reports several independent violations at once', () => {
    expect(constraints(check({ kappaII: 2, cR: 2, cA: 0 })).sort()).toEqual(['C2', 'C5', 'C8']);
  });

  it('does not modify its input', () => {
    const p = defaultParameters();
    const frozen = Object.freeze({ ...p, omega: Object.freeze({ ...p.omega }) });
    expect(() => checkAdmissible(frozen)).not.toThrow();
    expect(frozen).toEqual(defaultParameters());
  });
});

describe('checkAdmissible: the amendments of model note N27 (found by the property suite)', () => {
  it('C6: with the Feng & He switch on, c_P must not exceed c_R (else P8 fails)', () => {
    const v = checkAdmissible({ ...defaultParameters(), cR: 0.1, cP: 0.2 });
    expect(v.map((x) => x.constraint)).toContain('C6');
    expect(v.find((x) => x.constraint === 'C6' && x.parameters.includes('cR'))?.message).toMatch(/c_P = 0.2 must not exceed c_R = 0.1/);
    expect(checkAdmissible({ ...defaultParameters(), cP: 0.25 })).toEqual([]);
  });

  it('ε_I + ε_esc ≤ ε_S (E8 with the escalation externality), and τ_W > 0 (c3 divides by it)', () => {
    const p = defaultParameters();
    expect(p.epsI + p.epsEsc).toBeLessThanOrEqual(p.epsS);
    expect(checkAdmissible({ ...p, epsEsc: 0.04 }).map((x) => x.parameters[0])).toEqual(['epsEsc']);
    expect(checkAdmissible({ ...p, tauW: 0 })).toEqual([expect.objectContaining({ constraint: 'C1', parameters: ['tauW'] })]);
  });
});

describe('checkAdmissible: each violation in full (constraint, message with its numbers, parameters)', () => {
  const v = (constraint: AdmissibilityViolation['constraint'], message: string, parameters: string[]): AdmissibilityViolation =>
    ({ constraint, message, parameters });
  const finite = (key: string, shown: string, got: string, tail = ''): AdmissibilityViolation =>
    v('C1', `${shown} must be a finite number > 0 (got ${got})${tail}`, [key]);
  const cases: [Partial<ModelParameters>, AdmissibilityViolation[]][] = [
    [{ kappaBAND: -1 }, [v('C1', 'kappaBAND must be a finite number ≥ 0 (got -1)', ['kappaBAND'])]],
    // the parameters with their own bounds are checked once, by their own rule, not also as coefficients
    [{ mu: -1 }, [finite('mu', 'mu (μ)', '-1')]],
    [{ mu: Infinity }, [finite('mu', 'mu (μ)', 'Infinity')]],
    [{ tStar: -0.5 }, [v('C1', 'tStar (T*) must lie in (0, 1) (got -0.5)', ['tStar'])]],
    [{ d0: -1 }, [finite('d0', 'd0', '-1')]],
    [{ d0: Infinity }, [finite('d0', 'd0', 'Infinity')]],
    [{ wSat: -1 }, [finite('wSat', 'wSat', '-1')]],
    [{ wSat: Infinity }, [finite('wSat', 'wSat', 'Infinity')]],
    [{ tauW: -1 }, [finite('tauW', 'tauW (τ_W)', '-1', '; c3 divides by it')]],
    [{ tauW: Infinity }, [finite('tauW', 'tauW (τ_W)', 'Infinity', '; c3 divides by it')]],
    ...[0, 2.5, 1001].map((w): [Partial<ModelParameters>, AdmissibilityViolation[]] => [{ shiftWindow: w }, [v('C1',
      `shiftWindow must be a whole number of years from 1 to 1000 (got ${w}); the power shift compares shares that many years apart (N32)`,
      ['shiftWindow'])]]),
    [{ shiftWindow: 1 }, []],
    [{ shiftWindow: 1000 }, []],
    ...[-1, 0, Infinity].map((y): [Partial<ModelParameters>, AdmissibilityViolation[]] => [{ allianceLapseYears: y }, [finite('allianceLapseYears',
      'allianceLapseYears', String(y), '; a formed alliance lapses only after its threat has faded for that long (N29)')]]),
    ...[0, -0.5, 1.5].map((a): [Partial<ModelParameters>, AdmissibilityViolation[]] => [{ affinityMin: a }, [v('range',
      `affinityMin (a_min) must lie in (0, 1] (got ${a}); affinity is in [−1, 1] and a_min > 0 keeps neutral states (a = 0) eligible partners (N54)`,
      ['affinityMin'])]]),
    [{ affinityMin: 1 }, []],
    ...[-1, 0, Infinity].map((h): [Partial<ModelParameters>, AdmissibilityViolation[]] => [{ affinityHalfLife: h }, [v('range',
      `affinityHalfLife must be a finite number > 0 (got ${h}); affinity returns to its seed with this half-life in years (N54)`, ['affinityHalfLife'])]]),
    [{ kappaII: 2 }, [v('C2', 'institutional costs must not exceed soft costs: max(κ_II, κ_IE) = 2 > min(κ_SE, κ_SS, κ_SL) = 1.5',
      ['kappaII', 'kappaIE', 'kappaSE', 'kappaSS', 'kappaSL'])]],
    [{ kappaIE: 1.7 }, [v('C2', 'institutional costs must not exceed soft costs: max(κ_II, κ_IE) = 1.7 > min(κ_SE, κ_SS, κ_SL) = 1.5',
      ['kappaII', 'kappaIE', 'kappaSE', 'kappaSS', 'kappaSL'])]],
    [{ kappaSS: 0.9 }, [v('C2', 'institutional costs must not exceed soft costs: max(κ_II, κ_IE) = 1 > min(κ_SE, κ_SS, κ_SL) = 0.9',
      ['kappaII', 'kappaIE', 'kappaSE', 'kappaSS', 'kappaSL'])]],
    [{ kappaSL: 3.5 }, [v('C2', 'soft costs must not exceed hard costs: max(κ_SE, κ_SS, κ_SL) = 3.5 > min(κ_HI, κ_HE) = 3',
      ['kappaSE', 'kappaSS', 'kappaSL', 'kappaHI', 'kappaHE'])]],
    [{ kappaHE: 1.4 }, [v('C2', 'soft costs must not exceed hard costs: max(κ_SE, κ_SS, κ_SL) = 1.5 > min(κ_HI, κ_HE) = 1.4',
      ['kappaSE', 'kappaSS', 'kappaSL', 'kappaHI', 'kappaHE'])]],
    [{ betaH: 6.4 }, [v('C3', 'β_H − β_S ≥ d_S + d_H + σ_E + p_S + p_H + l_S + l_L + l_H + c_A2 + c_D + c_DH + η: 4.40000 < 4.50000',
      ['betaH', 'betaS', 'dS', 'dH', 'sigmaE', 'pS', 'pH', 'lS', 'lL', 'lH', 'cA2', 'cD', 'cDH', 'eta'])]],
    [{ betaE: 2.4 }, [v('C3', 'β_H − β_E ≥ d_S + d_I + d_H + p_S + p_H + l_S + l_H + c_D + c_DH + ζ + ε_C + η: 4.10000 < 4.20000',
      ['betaH', 'betaE', 'dS', 'dI', 'dH', 'pS', 'pH', 'lS', 'lH', 'cD', 'cDH', 'zeta', 'epsC', 'eta'])]],
    [{ betaI: 1.01 }, [
      v('C3', 'β_E − β_I ≥ ζ (+ 2c_P): 0.490000 < 0.500000', ['betaE', 'betaI', 'zeta']),
      v('C3', 'β_S − β_I ≥ d_I + σ_C + ζ (+ c_P): 0.990000 < 1.00000', ['betaS', 'betaI', 'dI', 'sigmaC', 'zeta']),
    ]],
    [{ cP: 0.3 }, [v('C6', 'β_E − β_I ≥ ζ (+ 2c_P) with the Feng & He switch c_P = 0.3 on: 1.00000 < 1.10000', ['betaE', 'betaI', 'zeta', 'cP'])]],
    [{ cP: 0.6, cR: 1.2, betaE: 2.5, betaH: 7 }, [v('C6', 'β_S − β_I ≥ d_I + σ_C + ζ (+ c_P) with the Feng & He switch c_P = 0.6 on: 1.50000 < 1.60000',
      ['betaS', 'betaI', 'dI', 'sigmaC', 'zeta', 'cP'])]],
    [{ sigmaC: 0.9, betaS: 2.2, betaH: 6.7, betaE: 1.5 }, [v('C4', 'σ_C = 0.9 > d_S + d_H = 0.8', ['sigmaC', 'dS', 'dH'])]],
    [{ cR: 1.3 }, [v('C5', '2(c_D + c_DH) = 1.2 < c_R = 1.3', ['cD', 'cDH', 'cR'])]],
    [{ cR: 0.1, cP: 0.2 }, [v('C6', 'with the Feng & He switch on, c_P = 0.2 must not exceed c_R = 0.1 (P8)', ['cP', 'cR'])]],
    [{ epsC: 0.6 }, [v('C7', 'β_I = 0.5 < ε_C = 0.6', ['betaI', 'epsC'])]],
    [{ cA: 0.29 }, [v('C8', 'c_A = 0.29 < c_A2 = 0.3', ['cA', 'cA2'])]],
    [{ phiH: 1.5 }, [v('range', 'phiH must lie in [0, 1] (got 1.5)', ['phiH'])]],
    [{ wP: 0.5 }, [v('range', 'threat weights must sum to 1: wP + wG + wO = 1.1', ['wP', 'wG', 'wO'])]],
    [{ epsS: 0.2 }, [v('range', 'provocation ladder ε_H ≥ ε_S ≥ ε_I fails (0.1, 0.2, 0.02)', ['epsH', 'epsS', 'epsI'])]],
    [{ epsI: 0.06 }, [
      v('range', 'provocation ladder ε_H ≥ ε_S ≥ ε_I fails (0.1, 0.05, 0.06)', ['epsH', 'epsS', 'epsI']),
      v('range', 'ε_I + ε_esc = 0.09 exceeds ε_S = 0.05: an institutional act would provoke more than a soft one (E8)', ['epsEsc', 'epsI', 'epsS']),
    ]],
    [{ epsEsc: 0.04 }, [v('range', 'ε_I + ε_esc = 0.06 exceeds ε_S = 0.05: an institutional act would provoke more than a soft one (E8)',
      ['epsEsc', 'epsI', 'epsS'])]],
    [{ episodeK: 1 }, [v('range', 'episodes need whole numbers 2 ≤ episodeK ≤ episodeWindow (got 1, 5); model §1, E12', ['episodeK', 'episodeWindow'])]],
    [{ episodeWindow: 4.5 }, [v('range', 'episodes need whole numbers 2 ≤ episodeK ≤ episodeWindow (got 3, 4.5); model §1, E12', ['episodeK', 'episodeWindow'])]],
    [{ conOver: 'some' as ModelParameters['conOver'] }, [v('range', "conOver must be 'majors' or 'all'", ['conOver'])]],
  ];
  it.each(cases.map(([o, e]) => [JSON.stringify(o, (_k, x: unknown) => (x === Infinity ? 'Infinity' : x)), o, e] as const))('%s', (_name, overrides, expected) => {
    expect(check(overrides)).toEqual(expected);
  });
});

describe('checkAdmissible: the boundaries are inclusive, up to the 1e-12 tolerance', () => {
  // Each value sits exactly on its bound, computed with the same operations as the check: admissible.
  it('ladders, gaps and C4–C8 on their bound', () => {
    const p = defaultParameters();
    expect(check({ kappaII: 1.5, kappaIE: 1.5, kappaSE: 1.5, kappaSS: 1.5, kappaSL: 1.5, kappaHI: 1.5, kappaHE: 1.5 })).toEqual([]);
    expect(check({ sigmaC: p.dS + p.dH, betaS: 2.4, betaH: 6.9, betaE: 1.9 })).toEqual([]);
    expect(check({ cR: 2 * (p.cD + p.cDH) })).toEqual([]);
    expect(check({ cP: 0.4, cR: 0.4, betaE: 1.5 + 0.4, betaS: 2 + 0.4, betaH: 6.9 + 0.4 })).toEqual([]); // c_P = c_R, gaps widened
    expect(check({ epsC: p.betaI, betaH: 7 })).toEqual([]);
    expect(check({ cA: p.cA2 })).toEqual([]);
    expect(check({ epsEsc: p.epsS - p.epsI })).toEqual([]);
    expect(check({ epsH: 0.05, epsS: 0.05, epsI: 0.02 })).toEqual([]);
    expect(check({ epsS: 0.02, epsI: 0.02, epsEsc: 0 })).toEqual([]);
    expect(check({ episodeK: 2 })).toEqual([]);
    expect(check({ episodeK: 5, episodeWindow: 5 })).toEqual([]);
    expect(check({ phiH: 1, s: 0 })).toEqual([]);
    expect(check({ tStar: 0.001 })).toEqual([]);
  });

  it('a value beyond the tolerance (1e-12 + one step) is flagged', () => {
    const p = defaultParameters();
    const beyond = (x: number): number => x + 1e-11;
    expect(constraints(check({ sigmaC: beyond(p.dS + p.dH), betaS: 2.4, betaH: 6.9, betaE: 1.9 }))).toEqual(['C4']);
    expect(constraints(check({ cR: beyond(2 * (p.cD + p.cDH)) }))).toEqual(['C5']);
    expect(constraints(check({ cP: 0.25, cR: 0.25 - 1e-11 }))).toEqual(['C6']);
    expect(constraints(check({ epsC: beyond(p.betaI), betaH: 7 }))).toEqual(['C7']);
    expect(constraints(check({ cA: p.cA2 - 1e-11 }))).toEqual(['C8']);
    expect(constraints(check({ epsEsc: beyond(p.epsS - p.epsI) }))).toEqual(['range']);
    expect(constraints(check({ betaH: 6.5 - 1e-11 }))).toEqual(['C3']);
  });
});

describe('checkAdmissible: a value exactly 1e-12 beyond its bound is still admissible (the tolerance is inclusive)', () => {
  const TOL = 1e-12;
  const p = defaultParameters();
  // Each case puts a value exactly at bound + 1e-12, computed with the check's own operations, so
  // that `>` and `>=` (or `<` and `<=`) in the check give different answers.
  const cases: [string, Partial<ModelParameters>][] = [
    ['C2 institutional ≤ soft', { kappaII: 1.5 + TOL }],
    ['C2 soft ≤ hard', { kappaSL: 3 + TOL }],
    ['C3 β_E − β_I ≥ ζ', { zeta: (p.betaE - p.betaI) + TOL, betaS: 3, betaH: 7.5 }],
    ['C6 β_E − β_I ≥ ζ + 2c_P', { cP: 0.2500000000005 }],
    ['C4 σ_C ≤ d_S + d_H', { sigmaC: p.dS + p.dH + TOL, betaS: 2.4, betaH: 6.9, betaE: 1.9 }],
    ['C5 2(c_D + c_DH) ≥ c_R', { cR: 2 * (p.cD + p.cDH) + TOL }],
    ['C6 c_P ≤ c_R', { cP: p.cR + TOL, betaE: 1.9, betaS: 2.4, betaH: 6.9 }],
    ['C7 β_I ≥ ε_C', { epsC: p.betaI + TOL }],
    ['C8 c_A ≥ c_A2', { cA2: p.cA + TOL, betaH: 7 }],
    ['ε_I + ε_esc ≤ ε_S', { epsI: 0, epsEsc: p.epsS + TOL }],
  ];
  it.each(cases)('%s', (_name, overrides) => {
    expect(check(overrides)).toEqual([]);
  });

  it('the C6 case sits exactly on its bound (lhs + 1e-12 = ζ + 2c_P in floating point)', () => {
    expect(p.betaE - p.betaI + TOL).toBe(p.zeta + 2 * 0.2500000000005);
  });

  it('ε_C enters β_H − β_E\'s bound with a plus sign', () => {
    // β_H − β_E = 4.4 < 4.2 + ε_C = 4.5, while 4.2 − ε_C = 3.9 would pass
    expect(check({ epsC: 0.3, betaE: 2.1 })).toEqual([expect.objectContaining({
      constraint: 'C3', message: 'β_H − β_E ≥ d_S + d_I + d_H + p_S + p_H + l_S + l_H + c_D + c_DH + ζ + ε_C + η: 4.40000 < 4.50000' })]);
  });

  it('ω_c: the message names the condition and the value', () => {
    const v = checkAdmissible({ ...p, omega: { ...p.omega, legitimacy: -2 } });
    expect(v).toEqual([{ constraint: 'C1', message: 'omega.legitimacy must be > 0 (model §5.6: every ω_c > 0; got -2)', parameters: ['omega.legitimacy'] }]);
  });
});
