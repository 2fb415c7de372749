import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/model/defaultParameters.js';
import type { ModelParameters } from '../../../src/model/ModelParameters.js';
import type { PerceptionView } from '../../../src/perception/PerceptionModel.js';
import { waltThreat } from '../../../src/perception/waltThreat.js';

/**
 * Three states: 0 and 1 are nuclear, 2 is not. Default weights w_P = 0.4, w_G = 0.3, w_O = 0.3,
 * θ_nuc = 0.8; θ = 0.3, so θ_01 = 1 − 0.7·0.2 = 0.86 (MAD) and θ_ij = 0.3 otherwise.
 */
function view(over: Partial<PerceptionView> = {}, params: ModelParameters = defaultParameters()): PerceptionView {
  return {
    n: 3,
    cinc: Float64Array.from([0.5, 0.3, 0.2]),
    proximity: Float64Array.from([1, 0.5, 0.25, 0.5, 1, 0.1, 0.25, 0.1, 1]),
    off: Float64Array.from([0.2, 0.6, 0.9]),
    nuc: Uint8Array.from([1, 1, 0]),
    ahat: Float64Array.from([1, 0.5, 1, 0, 1, 0.8, 0.2, 1, 1]),
    theta: 0.3,
    params,
    ...over,
  };
}

function threat(v: PerceptionView): Float64Array {
  const out = new Float64Array(v.n * v.n).fill(Number.NaN);
  waltThreat.threatMatrix(v, out);
  return out;
}

describe('waltThreat: T_ij = ahat_ij·(w_P·P_ij + w_G·G_ij + w_O·off_j·(1 − θ_ij)) (THEORY §5.2)', () => {
  // Computed inside each test (not when the suite is collected), so that per-test coverage (Stryker) sees it.
  const base = (): Float64Array => threat(view());

  it('is named walt', () => {
    expect(waltThreat.name).toBe('walt');
  });

  it('T_01 (both nuclear, MAD): 0.5·(0.4·0.375 + 0.3·0.5 + 0.3·0.6·0.14) = 0.1626', () => {
    const T = base();
    expect(T[1]).toBeCloseTo(0.1626, 14);
  });

  it('T_02 (no MAD): 1·(0.4·(0.2/0.7) + 0.3·0.25 + 0.3·0.9·0.7)', () => {
    const T = base();
    expect(T[2]).toBeCloseTo(0.4 * (0.2 / 0.7) + 0.075 + 0.189, 14);
  });

  it('T_12 = 0.8·(0.4·0.4 + 0.3·0.1 + 0.3·0.63) = 0.3032', () => {
    const T = base();
    expect(T[5]).toBeCloseTo(0.3032, 14);
  });

  it('T_20 = 0.2·(0.4·(0.5/0.7) + 0.3·0.25 + 0.3·0.2·0.7); T_21 = 0.24 + 0.03 + 0.126 = 0.396', () => {
    const T = base();
    expect(T[6]).toBeCloseTo(0.2 * (0.4 * (0.5 / 0.7) + 0.075 + 0.042), 14);
    expect(T[7]).toBeCloseTo(0.396, 14);
  });

  it('M2: T_10 = 0 because ahat_10 = 0, although 0 is the strongest state', () => {
    const T = base();
    expect(T[3]).toBe(0);
  });

  it('the diagonal is 0 even when ahat_ii ≠ 0, and every cell is written', () => {
    const T = base();
    expect([T[0], T[4], T[8]]).toEqual([0, 0, 0]);
    expect(Array.from(T).some((x) => Number.isNaN(x))).toBe(false);
  });

  it('MAD applies only when both are nuclear: making 2 nuclear lowers T_02 by 0.3·0.9·(0.7 − 0.14)', () => {
    const T = base();
    const T2 = threat(view({ nuc: Uint8Array.from([1, 1, 1]) }));
    expect(T[2] - T2[2]).toBeCloseTo(0.3 * 0.9 * (0.7 - 0.14), 14);
    const T3 = threat(view({ nuc: Uint8Array.from([0, 1, 1]) }));
    expect(T3[2]).toBeCloseTo(T[2], 14); // 0 not nuclear: no change for T_02
    expect(T3[1]).toBeCloseTo(0.5 * (0.15 + 0.15 + 0.3 * 0.6 * 0.7), 14); // MAD gone for 0–1
  });

  it('uses the weights: w_P = 1 gives T = ahat·P', () => {
    const T1 = threat(view({}, { ...defaultParameters(), wP: 1, wG: 0, wO: 0 }));
    expect(T1[1]).toBeCloseTo(0.5 * 0.375, 14);
    expect(T1[5]).toBeCloseTo(0.8 * 0.4, 14);
  });

  it('P = 1/2 when both CINC shares are 0', () => {
    const T0 = threat(view({ cinc: Float64Array.from([0, 0, 1]) }, { ...defaultParameters(), wP: 1, wG: 0, wO: 0 }));
    expect(T0[1]).toBeCloseTo(0.5 * 0.5, 14);
  });

  it('M1: T ∈ [0,1], non-decreasing in ahat, off_j, G and non-increasing in θ (fast-check)', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const cell = fc.record({ ci: unit, cj: unit, g: unit, off: unit, a: unit, theta: unit, nucI: fc.boolean(), nucJ: fc.boolean(),
      bump: fc.double({ min: 0, max: 0.5, noNaN: true }) });
    const one = (c: { ci: number; cj: number; g: number; off: number; a: number; theta: number; nucI: boolean; nucJ: boolean }): number => {
      const v: PerceptionView = {
        n: 2, cinc: Float64Array.from([c.ci, c.cj]), proximity: Float64Array.from([1, c.g, c.g, 1]),
        off: Float64Array.from([0.5, c.off]), nuc: Uint8Array.from([c.nucI ? 1 : 0, c.nucJ ? 1 : 0]),
        ahat: Float64Array.from([0, c.a, 0, 0]), theta: c.theta, params: defaultParameters(),
      };
      return threat(v)[1];
    };
    fc.assert(fc.property(cell, (c) => {
      const t = one(c);
      if (!(t >= 0 && t <= 1)) return false;
      const up = (k: 'a' | 'off' | 'g'): number => one({ ...c, [k]: Math.min(1, c[k] + c.bump) });
      if (up('a') < t - 1e-12 || up('off') < t - 1e-12 || up('g') < t - 1e-12) return false;
      return one({ ...c, theta: Math.min(1, c.theta + c.bump) }) <= t + 1e-12;
    }), { numRuns: 300 });
  });
});
