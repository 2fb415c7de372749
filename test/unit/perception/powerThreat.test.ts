import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/model/defaultParameters.js';
import type { PerceptionView } from '../../../src/perception/PerceptionModel.js';
import { powerThreat } from '../../../src/perception/powerThreat.js';

const view = (cinc: number[]): PerceptionView => {
  const n = cinc.length;
  return {
    n,
    cinc: Float64Array.from(cinc),
    proximity: new Float64Array(n * n),
    off: new Float64Array(n),
    nuc: new Uint8Array(n),
    ahat: new Float64Array(n * n), // all 0: ignored by the power model
    theta: 0.9,
    params: defaultParameters(),
  };
};

describe('powerThreat: T_ij = cinc_j / (cinc_i + cinc_j)', () => {
  it('is named power', () => {
    expect(powerThreat.name).toBe('power');
  });

  it('computes relative power and ignores intentions, distance and offence', () => {
    const out = new Float64Array(9).fill(Number.NaN);
    powerThreat.threatMatrix(view([0.5, 0.3, 0.2]), out);
    expect(out[1]).toBeCloseTo(0.375, 15);
    expect(out[2]).toBeCloseTo(0.2 / 0.7, 15);
    expect(out[3]).toBeCloseTo(0.625, 15);
    expect(out[5]).toBeCloseTo(0.4, 15);
    expect(out[7]).toBeCloseTo(0.6, 15);
    expect([out[0], out[4], out[8]]).toEqual([0, 0, 0]);
  });

  it('T_ij + T_ji = 1 for i ≠ j, so the strongest state is everyone else\'s main threat', () => {
    const out = new Float64Array(16);
    powerThreat.threatMatrix(view([0.1, 0.4, 0.2, 0.3]), out);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) if (i !== j) expect(out[i * 4 + j] + out[j * 4 + i]).toBeCloseTo(1, 15);
      if (i !== 1) {
        const row = Array.from(out.subarray(i * 4, i * 4 + 4));
        expect(row.indexOf(Math.max(...row))).toBe(1);
      }
    }
  });

  it('1/2 between two states with zero capability', () => {
    const out = new Float64Array(4);
    powerThreat.threatMatrix(view([0, 0]), out);
    expect(out[1]).toBe(0.5);
    expect(out[2]).toBe(0.5);
  });
});
