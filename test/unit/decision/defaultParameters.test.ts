import { describe, expect, it } from 'vitest';
import { checkAdmissible } from '../../../src/decision/checkAdmissible.js';
import { defaultParameters, defaultSystemConditions } from '../../../src/model/defaultParameters.js';
import { CONDITION_KEYS } from '../../../src/model/ModelParameters.js';

describe('defaultParameters', () => {
  it('are admissible (checkAdmissible returns [])', () => {
    expect(checkAdmissible(defaultParameters())).toEqual([]);
  });

  it('stay admissible with the P13 switch on (ε_C = 0.5)', () => {
    expect(checkAdmissible({ ...defaultParameters(), epsC: 0.5 })).toEqual([]);
  });

  it('stay admissible with the P14 switch on (c_P = 0.25)', () => {
    expect(checkAdmissible({ ...defaultParameters(), cP: 0.25 })).toEqual([]);
  });

  it('stay admissible with both switches on', () => {
    expect(checkAdmissible({ ...defaultParameters(), epsC: 0.5, cP: 0.25 })).toEqual([]);
  });

  it('have both switchable hypotheses off: exactly 0 (THEORY, "How to use": off means coefficient 0)', () => {
    const p = defaultParameters();
    expect(p.epsC).toBe(0);
    expect(p.cP).toBe(0);
  });

  it('the slack is what the comment says: a little more switch breaks admissibility', () => {
    expect(checkAdmissible({ ...defaultParameters(), epsC: 0.51 }).map((v) => v.constraint)).toContain('C7');
    expect(checkAdmissible({ ...defaultParameters(), cP: 0.26 }).map((v) => v.constraint)).toContain('C6');
  });

  it('has the C2 ladder strictly between families and T* in (0,1)', () => {
    const p = defaultParameters();
    expect(Math.max(p.kappaII, p.kappaIE)).toBeLessThan(Math.min(p.kappaSE, p.kappaSS, p.kappaSL));
    expect(Math.max(p.kappaSE, p.kappaSS, p.kappaSL)).toBeLessThan(Math.min(p.kappaHI, p.kappaHE));
    expect(p.tStar).toBeGreaterThan(0);
    expect(p.tStar).toBeLessThan(1);
    expect(p.wP + p.wG + p.wO).toBeCloseTo(1, 15);
  });

  it('has a positive weight for each of the seven conditions', () => {
    const p = defaultParameters();
    expect(Object.keys(p.omega).sort()).toEqual([...CONDITION_KEYS].sort());
    for (const k of CONDITION_KEYS) expect(p.omega[k]).toBeGreaterThan(0);
  });

  it('returns a fresh object each call (mutation does not leak)', () => {
    const a = defaultParameters();
    a.mu = 99;
    a.omega.legitimacy = 99;
    const b = defaultParameters();
    expect(b.mu).toBe(0.5);
    expect(b.omega.legitimacy).toBe(1);
  });
});

describe('defaultSystemConditions', () => {
  it('has λ, ν, θ in [0,1] and no remembered war', () => {
    const s = defaultSystemConditions();
    for (const x of [s.lambda, s.nu, s.theta]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(s.lastMajorWar).toBeNull();
  });
});
