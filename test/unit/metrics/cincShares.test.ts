import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cincShares, writeCincShares } from '../../../src/metrics/cincShares.js';

describe('cincShares: cinc_i = (mil_i/Σmil + eco_i/Σeco + pop_i/Σpop)/3 (THEORY §5.2)', () => {
  it('two states by hand', () => {
    // A: (1/4 + 2/4 + 1/2)/3 = 1.25/3; B: (3/4 + 2/4 + 1/2)/3 = 1.75/3
    const s = cincShares([{ mil: 1, eco: 2, pop: 1 }, { mil: 3, eco: 2, pop: 1 }]);
    expect(s[0]).toBeCloseTo(1.25 / 3, 14);
    expect(s[1]).toBeCloseTo(1.75 / 3, 14);
  });

  it('three states by hand', () => {
    // mil 2/10, 3/10, 5/10; eco 1/4, 1/4, 2/4; pop 6/10, 3/10, 1/10
    const s = cincShares([{ mil: 2, eco: 1, pop: 6 }, { mil: 3, eco: 1, pop: 3 }, { mil: 5, eco: 2, pop: 1 }]);
    expect(s[0]).toBeCloseTo((0.2 + 0.25 + 0.6) / 3, 14);
    expect(s[1]).toBeCloseTo((0.3 + 0.25 + 0.3) / 3, 14);
    expect(s[2]).toBeCloseTo((0.5 + 0.5 + 0.1) / 3, 14);
  });

  it('M4: shares sum to 1 and are unchanged when one component is rescaled for all states (fast-check)', () => {
    const cap = fc.record({
      mil: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
      eco: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
      pop: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    });
    fc.assert(fc.property(fc.array(cap, { minLength: 1, maxLength: 10 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      fc.constantFrom('mil', 'eco', 'pop'), (caps, c, key) => {
        const s = cincShares(caps);
        const total = s.reduce((a, b) => a + b, 0);
        if (Math.abs(total - 1) > 1e-12) return false;
        const t = cincShares(caps.map((x) => ({ ...x, [key]: x[key] * c })));
        return s.every((v, i) => Math.abs(v - t[i]) < 1e-12);
      }), { numRuns: 200 });
  });

  it('a component that is 0 for everyone contributes nothing (shares then sum to 2/3)', () => {
    const s = cincShares([{ mil: 0, eco: 1, pop: 1 }, { mil: 0, eco: 3, pop: 1 }]);
    expect(s[0]).toBeCloseTo((0.25 + 0.5) / 3, 14);
    expect(s[0] + s[1]).toBeCloseTo(2 / 3, 14);
    expect(s.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('an empty set gives an empty array', () => {
    expect(cincShares([])).toEqual([]);
  });

  it('writeCincShares writes into out (its length is the number of states) and matches cincShares', () => {
    const mil = Float64Array.from([1, 3]);
    const eco = Float64Array.from([2, 2]);
    const pop = Float64Array.from([1, 1]);
    const out = new Float64Array(2).fill(Number.NaN);
    writeCincShares(mil, eco, pop, out);
    expect(Array.from(out)).toEqual(cincShares([{ mil: 1, eco: 2, pop: 1 }, { mil: 3, eco: 2, pop: 1 }]));
    // with a shorter out, only the first states are counted
    const one = new Float64Array(1);
    writeCincShares(mil, eco, pop, one);
    expect(one[0]).toBeCloseTo(1, 14);
  });
});
