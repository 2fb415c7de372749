import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParameters, OPTIONS, strategyProbabilities, utilityTerms, type DecisionContext } from '../../../src/index.js';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const context: fc.Arbitrary<DecisionContext> = fc.record({
  T: unit, D: unit, Dt: unit, theta: unit, nu: unit, ideo: unit, lam: unit, r: unit, A: unit, rhoI: unit, rhoE: unit,
  con: unit, allyT: fc.boolean(), G: unit, newClub: fc.boolean(),
});

describe('utilityTerms', () => {
  it('the terms of every option sum to its utility V_a (THEORY §5.4)', () => {
    fc.assert(fc.property(context, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.25, noNaN: true }), (ctx, epsC, cP) => {
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
