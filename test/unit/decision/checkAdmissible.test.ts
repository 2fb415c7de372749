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
