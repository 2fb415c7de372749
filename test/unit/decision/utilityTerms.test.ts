import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParameters, OPTIONS, strategyProbabilities, utilityTerms, type DecisionContext, type Option } from '../../../src/index.js';

// On a grid: fc.double draws uniformly over the bit patterns, so almost every draw in [0, 1] is below
// 1e-10 and a term such as T·c_D·disp would be compared only near T = 0 (mutation testing showed it).
const unit = fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000);
const context: fc.Arbitrary<DecisionContext> = fc.record({
  T: unit, D: unit, Dt: unit, theta: unit, nu: unit, ideo: unit, lam: unit, r: unit, A: unit, rhoI: unit, rhoE: unit,
  con: unit, allyT: fc.boolean(), G: unit, newClub: fc.boolean(),
});

describe('utilityTerms', () => {
  it('the terms of every option sum to its utility V_a (THEORY §5.4)', () => {
    fc.assert(fc.property(context, unit.map((x) => x / 2), unit.map((x) => x / 4), (ctx, epsC, cP) => {
      const p = { ...defaultParameters(), epsC, cP };
      const terms = utilityTerms(ctx, p);
      const { utilities } = strategyProbabilities(ctx, p);
      for (const o of OPTIONS) {
        const sum = terms[o].reduce((t, x) => t + x.value, 0);
        expect(Math.abs(sum - utilities[o])).toBeLessThan(1e-12);
      }
    }), { numRuns: 300, seed: 20261122 });
  });

  it('names terms with THEORY symbols', () => {
    const terms = utilityTerms({ T: 0.5, D: 0.2, Dt: 0.1, theta: 0.3, nu: 0.5, ideo: 0.4, lam: 0.5, r: 0.3, A: 0.4,
      rhoI: 0.6, rhoE: 0, con: 0.3, allyT: true, G: 0.8 }, defaultParameters());
    expect(terms.HI.map((t) => t.term)).toEqual(['−κ_HI', 'T·β_H', '−T·d_H·D', '−T·p_H·P3', '−T·l_H·λ', '−T·c_DH·disp', '−T·η·ally', 'T·c_R·r', 'ξ·X']);
    expect(terms.HI.find((t) => t.term === '−T·η·ally')?.value).toBeCloseTo(-0.5 * 0.5, 15);
  });
});

describe('utilityTerms: every option, term by term', () => {
  // The explain command prints these names beside the values; each name is THEORY §5.4's symbol.
  const ctx: DecisionContext = { T: 0.7, D: 0.2, Dt: 0.1, theta: 0.3, nu: 0.5, ideo: 0.4, lam: 0.5, r: 0.3, A: 0.4,
    rhoI: 0.6, rhoE: 0.2, con: 0.3, allyT: true, G: 0.8, newClub: true };
  const p = { ...defaultParameters(), epsC: 0.25, cP: 0.125 };
  // computed inside each test (not at collection time), so that mutation testing attributes it to the test
  const all = (): ReturnType<typeof utilityTerms> => utilityTerms(ctx, p);
  const names = (o: Option): string[] => all()[o].map((t) => t.term);
  const hard = ['T·β_H', '−T·d_H·D', '−T·p_H·P3', '−T·l_H·λ', '−T·c_DH·disp', '−T·η·ally'];
  const soft = ['T·β_S', 'T·p_S·P3', 'T·l_S·λ', 'T·c_D·disp'];
  const inst = ['T·(d_S + d_I)·D', 'T·p_S·P3', 'T·l_S·λ', 'T·c_D·disp'];

  it('names the terms of each of the nine options with THEORY symbols, in order', () => {
    expect(names('NONE')).toEqual(['0']);
    expect(names('BAND')).toEqual(['−κ_BAND', 'T·b·(1−r)(1−A)·G']);
    expect(names('HI')).toEqual(['−κ_HI', ...hard, 'T·c_R·r', 'ξ·X']);
    expect(names('HE')).toEqual(['−κ_HE', ...hard, 'T·c_A·A', 'ξ·X']);
    expect(names('SE')).toEqual(['−κ_SE', ...soft, 'T·d_S·D', 'T·c_A2·A']);
    expect(names('SS')).toEqual(['−κ_SS', ...soft, 'T·(d_S − σ_C)·D', 'T·σ_E·Dt']);
    expect(names('SL')).toEqual(['−κ_SL', ...soft, 'T·d_S·D', 'T·l_L·λ']);
    expect(names('II')).toEqual(['−κ_II', 'T·β_I', ...inst, 'T·ζ·ρ_I', '−T·ε_C·CON', 'T·c_P·r']);
    expect(names('IE')).toEqual(['−κ_IE', '−κ_create', 'T·β_E', ...inst, 'T·ζ·ρ_E', 'T·ε_C·CON', '−T·c_P·r']);
  });

  it('gives each term the value its name says (independent arithmetic)', () => {
    const T = 0.7;
    const P3 = (0.3 + 0.5 + (1 - 0.4)) / 3;
    const disp = Math.abs(2 * 0.3 - 1);
    const X = (T - p.tStar) / (1 - p.tStar);
    const terms = all();
    const value = (o: Option, name: string): number | undefined => terms[o].find((t) => t.term === name)?.value;
    const close = (a: number | undefined, b: number): void => { expect(a).toBeCloseTo(b, 14); };
    close(value('NONE', '0'), 0);
    close(value('BAND', '−κ_BAND'), -p.kappaBAND);
    close(value('BAND', 'T·b·(1−r)(1−A)·G'), T * p.b * 0.7 * 0.6 * 0.8);
    for (const o of ['HI', 'HE'] as const) {
      close(value(o, 'T·β_H'), T * p.betaH);
      close(value(o, '−T·d_H·D'), -T * p.dH * 0.2);
      close(value(o, '−T·p_H·P3'), -T * p.pH * P3);
      close(value(o, '−T·l_H·λ'), -T * p.lH * 0.5);
      close(value(o, '−T·c_DH·disp'), -T * p.cDH * disp);
      close(value(o, '−T·η·ally'), -T * p.eta);
      close(value(o, 'ξ·X'), p.xi * X);
    }
    close(value('HI', '−κ_HI'), -p.kappaHI);
    close(value('HI', 'T·c_R·r'), T * p.cR * 0.3);
    close(value('HE', '−κ_HE'), -p.kappaHE);
    close(value('HE', 'T·c_A·A'), T * p.cA * 0.4);
    for (const o of ['SE', 'SS', 'SL'] as const) {
      close(value(o, 'T·β_S'), T * p.betaS);
      close(value(o, 'T·p_S·P3'), T * p.pS * P3);
      close(value(o, 'T·l_S·λ'), T * p.lS * 0.5);
      close(value(o, 'T·c_D·disp'), T * p.cD * disp);
    }
    close(value('SE', '−κ_SE'), -p.kappaSE);
    close(value('SE', 'T·d_S·D'), T * p.dS * 0.2);
    close(value('SE', 'T·c_A2·A'), T * p.cA2 * 0.4);
    close(value('SS', '−κ_SS'), -p.kappaSS);
    close(value('SS', 'T·(d_S − σ_C)·D'), T * (p.dS - p.sigmaC) * 0.2);
    close(value('SS', 'T·σ_E·Dt'), T * p.sigmaE * 0.1);
    close(value('SL', '−κ_SL'), -p.kappaSL);
    close(value('SL', 'T·d_S·D'), T * p.dS * 0.2);
    close(value('SL', 'T·l_L·λ'), T * p.lL * 0.5);
    for (const o of ['II', 'IE'] as const) {
      close(value(o, 'T·(d_S + d_I)·D'), T * (p.dS + p.dI) * 0.2);
      close(value(o, 'T·p_S·P3'), T * p.pS * P3);
      close(value(o, 'T·l_S·λ'), T * p.lS * 0.5);
      close(value(o, 'T·c_D·disp'), T * p.cD * disp);
    }
    close(value('II', '−κ_II'), -p.kappaII);
    close(value('II', 'T·β_I'), T * p.betaI);
    close(value('II', 'T·ζ·ρ_I'), T * p.zeta * 0.6);
    close(value('II', '−T·ε_C·CON'), -T * p.epsC * 0.3);
    close(value('II', 'T·c_P·r'), T * p.cP * 0.3);
    close(value('IE', '−κ_IE'), -p.kappaIE);
    close(value('IE', '−κ_create'), -p.kappaCreate);
    close(value('IE', 'T·β_E'), T * p.betaE);
    close(value('IE', 'T·ζ·ρ_E'), T * p.zeta * 0.2);
    close(value('IE', 'T·ε_C·CON'), T * p.epsC * 0.3);
    close(value('IE', '−T·c_P·r'), -T * p.cP * 0.3);
  });

  it('charges κ_create only when IE must found a club, and ξ·X only above T*; disp defaults to |2r − 1|', () => {
    const below = utilityTerms({ ...ctx, T: 0.5, newClub: false, allyT: false }, p);
    expect(below.IE.find((t) => t.term === '−κ_create')?.value).toBe(0);
    expect(below.HI.find((t) => t.term === 'ξ·X')?.value).toBe(0);
    expect(below.HE.find((t) => t.term === '−T·η·ally')?.value).toBeCloseTo(0, 15);
    const given = utilityTerms({ ...ctx, disp: 0.9 }, p);
    expect(given.HI.find((t) => t.term === '−T·c_DH·disp')?.value).toBeCloseTo(-0.7 * p.cDH * 0.9, 14);
  });
});
