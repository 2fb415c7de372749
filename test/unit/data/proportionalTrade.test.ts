import { describe, expect, it } from 'vitest';
import { proportionalTrade } from '../../../src/data/proportionalTrade.js';
import { tradeForYear } from '../../../src/data/tradeForYear.js';
import { loadTradeTable } from '../../../src/node/bundledData.js';

describe('proportionalTrade', () => {
  it('computes X_ij = tau_i tau_j / sum tau, symmetric with a zero diagonal', () => {
    const r = proportionalTrade([{ ccode: 1, tau: 1 }, { ccode: 2, tau: 2 }, { ccode: 3, tau: 3 }]);
    expect(r.ccodes).toEqual([1, 2, 3]);
    expect(r.totalTau).toBe(6);
    expect(r.flows[0][1]).toBeCloseTo(2 / 6, 15);
    expect(r.flows[0][2]).toBeCloseTo(3 / 6, 15);
    expect(r.flows[1][2]).toBeCloseTo(1, 15);
    for (let a = 0; a < 3; a += 1) {
      expect(r.flows[a][a]).toBe(0);
      for (let b = 0; b < 3; b += 1) expect(r.flows[a][b]).toBe(r.flows[b][a]);
      // A state's trade with the others is tau_i (1 - tau_i / sum).
      const row = r.flows[a].reduce((s, x) => s + x, 0);
      expect(row).toBeCloseTo((a + 1) * (1 - (a + 1) / 6), 14);
    }
  });

  it('applies a distance discount once per pair, keeping symmetry', () => {
    const calls: [number, number][] = [];
    const r = proportionalTrade([{ ccode: 1, tau: 1 }, { ccode: 2, tau: 2 }, { ccode: 3, tau: 3 }], {
      discount: (a, b) => {
        calls.push([a, b]);
        return a === 1 && b === 3 ? 0.5 : 1;
      },
    });
    expect(calls).toEqual([[1, 2], [1, 3], [2, 3]]);
    expect(r.flows[0][2]).toBeCloseTo(0.25, 15);
    expect(r.flows[2][0]).toBeCloseTo(0.25, 15);
    expect(r.flows[0][1]).toBeCloseTo(2 / 6, 15);
  });

  it('works on real totals (UK, Germany, USA 1913; values computed by hand from the file)', () => {
    const trade = tradeForYear(loadTradeTable(), 1913, ['UKG', 'GMY', 'USA']);
    const volumes = trade.map((s) => {
      if (s.tau === undefined) throw new Error(`no tau for ${s.stateabb}`);
      return { ccode: s.ccode, tau: s.tau };
    });
    // tau: UK 2961.06, Germany 2486.32, USA 2138.30 (millions of current US dollars).
    const r = proportionalTrade(volumes);
    expect(r.totalTau).toBeCloseTo(7585.674255, 5);
    expect(r.flows[0][1]).toBeCloseTo(970.530480, 5);
    expect(r.flows[0][2]).toBeCloseTo(834.681766, 5);
  });

  it('gives zero flows when every tau is 0, and rejects bad input', () => {
    expect(proportionalTrade([{ ccode: 1, tau: 0 }, { ccode: 2, tau: 0 }]).flows).toEqual([[0, 0], [0, 0]]);
    expect(() => proportionalTrade([{ ccode: 1, tau: -1 }])).toThrow(RangeError);
    expect(() => proportionalTrade([{ ccode: 1, tau: NaN }])).toThrow('tau of state 1 must be finite');
    expect(() => proportionalTrade([{ ccode: 1, tau: 1 }, { ccode: 1, tau: 2 }])).toThrow('state 1 appears twice');
    expect(() =>
      proportionalTrade([{ ccode: 1, tau: 1 }, { ccode: 2, tau: 1 }], { discount: () => -0.1 }),
    ).toThrow('discount for states 1 and 2 must be finite and >= 0');
  });
});
