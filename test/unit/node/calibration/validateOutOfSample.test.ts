import { describe, expect, it } from 'vitest';
import { ERAS } from '../../../../src/node/calibration/loadEraTraces.js';
import { REGIONAL_CASES, REGIONAL_FOLD_NAME, validateOutOfSample } from '../../../../src/node/calibration/validateOutOfSample.js';

describe('validateOutOfSample', () => {
  it('scores the present-day regional cases out of sample with the fit on all seven eras, beside the era folds', () => {
    const report = validateOutOfSample({ intervals: false });
    const regional = report.rows.filter((r) => r.fold === REGIONAL_FOLD_NAME);
    expect(regional.map((r) => r.era)).toEqual([...REGIONAL_CASES]);
    for (const r of regional) {
      expect(r.n).toBeGreaterThan(50);
      for (const m of ['fitted', 'defaults', 'baseRates', 'powerFitted'] as const) {
        expect(Number.isFinite(r.scores[m].logLoss), `${r.era} ${m}`).toBe(true);
        expect(r.scores[m].n).toBe(r.n);
      }
    }
    // The era folds are as before: one per era left out, and the forward split's three eras.
    expect(report.rows.filter((r) => r.fold.startsWith('leave out')).map((r) => r.era)).toEqual([...ERAS]);
    expect(report.rows.filter((r) => r.fold.startsWith('forward'))).toHaveLength(3);
    // The full fit and the per-era counts are over the eras only.
    expect(report.eras.map((e) => e.era)).toEqual([...ERAS]);
    // Expected against observed counts: every era and case, over the state-years the model can take.
    expect(report.counts.map((c) => c.era)).toEqual([...ERAS, ...REGIONAL_CASES]);
    // The counts are over the rows the fit scores (possible with Walt's perception); the out-of-sample
    // rows are those possible under both perception models, so a case's counts cover at least them.
    report.counts.forEach((c, k) => {
      if (k < ERAS.length) expect(c.rows, c.era).toBe(report.eras[k].rows - report.eras[k].impossible);
      else expect(c.rows, c.era).toBeGreaterThanOrEqual(regional[k - ERAS.length].n);
      expect(c.observed.reduce((a, b) => a + b, 0), c.era).toBe(c.rows);
      expect(c.defaults.reduce((a, b) => a + b, 0), c.era).toBeCloseTo(c.rows, 6);
      expect(c.fitted.reduce((a, b) => a + b, 0), c.era).toBeCloseTo(c.rows, 6);
    });
  }, 600_000);
});
