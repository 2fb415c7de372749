import { describe, expect, it } from 'vitest';
import { dyadDefence, type PerceptionModel, type PerceptionView } from '../../../src/perception/PerceptionModel.js';
import { defaultParameters } from '../../../src/model/defaultParameters.js';
import { powerThreat } from '../../../src/perception/powerThreat.js';
import { waltThreat } from '../../../src/perception/waltThreat.js';

describe('dyadDefence: θ_ij = 1 − (1 − θ)(1 − θ_nuc·nuc_i·nuc_j) (THEORY §5.2)', () => {
  it('is θ unless both states are nuclear', () => {
    expect(dyadDefence(0.3, 0.8, 0, 0)).toBeCloseTo(0.3, 15);
    expect(dyadDefence(0.3, 0.8, 1, 0)).toBeCloseTo(0.3, 15);
    expect(dyadDefence(0.3, 0.8, 0, 1)).toBeCloseTo(0.3, 15);
  });

  it('adds MAD when both are nuclear: 1 − 0.7·0.2 = 0.86', () => {
    expect(dyadDefence(0.3, 0.8, 1, 1)).toBeCloseTo(0.86, 15);
  });

  it('stays in [θ, 1] and reaches 1 with θ_nuc = 1 or θ = 1', () => {
    expect(dyadDefence(0, 1, 1, 1)).toBe(1);
    expect(dyadDefence(1, 0, 0, 0)).toBe(1);
    for (const theta of [0, 0.2, 0.7, 1]) {
      for (const tn of [0, 0.5, 1]) {
        const d = dyadDefence(theta, tn, 1, 1);
        expect(d).toBeGreaterThanOrEqual(theta - 1e-15);
        expect(d).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('PerceptionModel contract, for every built-in model', () => {
  const models: PerceptionModel[] = [waltThreat, powerThreat];
  const n = 4;
  const view: PerceptionView = {
    n,
    cinc: Float64Array.from([0.4, 0.3, 0.2, 0.1]),
    proximity: Float64Array.from([1, 0.9, 0.1, 0.5, 0.9, 1, 0.3, 0.2, 0.1, 0.3, 1, 0.7, 0.5, 0.2, 0.7, 1]),
    off: Float64Array.from([1, 0.5, 0, 0.8]),
    nuc: Uint8Array.from([1, 0, 1, 1]),
    ahat: Float64Array.from([1, 1, 0.5, 0.2, 0.9, 1, 1, 0, 0.3, 0.6, 1, 1, 1, 1, 1, 1]),
    theta: 0.4,
    params: defaultParameters(),
  };

  for (const model of models) {
    it(`${model.name}: writes every cell, 0 on the diagonal, T_ij in [0,1], and does not touch the view`, () => {
      const before = JSON.stringify([Array.from(view.cinc), Array.from(view.ahat), Array.from(view.proximity)]);
      const out = new Float64Array(n * n).fill(Number.NaN);
      model.threatMatrix(view, out);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const t = out[i * n + j];
          if (i === j) expect(t).toBe(0);
          else {
            expect(t).toBeGreaterThanOrEqual(0);
            expect(t).toBeLessThanOrEqual(1);
          }
        }
      }
      expect(JSON.stringify([Array.from(view.cinc), Array.from(view.ahat), Array.from(view.proximity)])).toBe(before);
      // deterministic: a second call writes the same matrix
      const again = new Float64Array(n * n);
      model.threatMatrix(view, again);
      expect(Array.from(again)).toEqual(Array.from(out));
    });
  }
});
