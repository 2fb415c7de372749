import { describe, expect, it } from 'vitest';
import { describeSet, msmRegion } from '../../scripts/validate-msm.mjs';

const point = (value: number, objective: number) => ({ value, objective, moments: [0.05, 0.06, 0.05, 0.03, 0.02, 0.08] });
const base = { points: [point(1, 9), point(2, 5), point(3, 8)], minObjective: 5, degreesOfFreedom: 5, rejected: false, set: [2] };

describe('scripts/validate-msm.mjs', () => {
  it('gives a number only for a parameter bounded on both sides, and says why not otherwise', () => {
    expect(describeSet({ ...base, identified: true, flat: false, lower: 1.4, upper: 2.71 })).toBe('[1.4, 2.71]');
    expect(describeSet({ ...base, identified: false, flat: true, lower: null, upper: null, set: [1, 2, 3] })).toBe('not identified (flat objective)');
    expect(describeSet({ ...base, identified: false, flat: false, lower: null, upper: 2.5, set: [1, 2] }))
      .toBe('not identified: reaches the grid start (upper end 2.5); grid values in the set: 1, 2');
  });

  it('tables every parameter with its default, grid, objective and set; an unidentified one has no estimate', () => {
    const msm = {
      results: [
        { ...base, name: 'd0', identified: true, flat: false, lower: 1.4, upper: 2.7, estimate: 2.1 },
        { ...base, name: 'etaB', identified: false, flat: true, lower: null, upper: null, estimate: null, set: [1, 2, 3], rejected: true },
      ],
      target: { values: [0.05, 0.07, 0.05, 0.03, 0.03, 0.09], n: [100, 100, 100, 100, 100, 90] },
      stopped: [], runs: 42,
    };
    const lines = msmRegion(msm, { d0: 2, etaB: 0.1 }, 3).trim().split('\n');
    expect(lines[2]).toBe('| `d0` | 2 | 1, 2, 3 | 9.0, 5.0, 8.0 | 5.0 (5) | 2.1 | [1.4, 2.7] |');
    expect(lines[3]).toBe('| `etaB` | 0.1 | 1, 2, 3 | 9.0, 5.0, 8.0 | 5.0 (5), rejected | — | not identified (flat objective) |');
    expect(lines[5]).toMatch(/^Observed moments \(100 state-years; 90 consecutive pairs\): HE 0\.050, HI 0\.070, .* persist 0\.090\. /);
    expect(lines[5]).toMatch(/0 of 42 era runs stopped early/);
  });
});
