/**
 * The recovery test of issue #15 item 3: simulate an observed history from known parameters (the
 * defaults) on the contexts of the drive along the real record, refit, and check that the
 * profile-likelihood intervals cover the parameters that generated the data (a flat side counts as
 * unbounded on that side). "Every interval covers" is a statement about all K intervals at once,
 * so they are simultaneous (Bonferroni, 95 % together); marginal 95 % intervals miss one of seven
 * parameters about a third of the time (the first run of this test did: κ_II's marginal interval
 * [1.017, 1.198] missed 1 by 0.017). The joint likelihood-ratio region is checked too. A test of
 * the estimator given the contexts: the contexts stay those of the real record
 * (docs/validation.md, "Estimation").
 */
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/defaultParameters.js';
import { fitParameters } from '../../src/calibration/fitParameters.js';
import { logLikelihood } from '../../src/calibration/logLikelihood.js';
import { chiSquare1Quantile, profileLikelihood } from '../../src/calibration/profileLikelihood.js';
import { simulateCategories } from '../../src/calibration/simulateHistories.js';
import { ERAS, loadEraTraces } from '../../src/node/calibration/loadEraTraces.js';

const ESTIMATE = ['kappaHI', 'kappaHE', 'kappaSE', 'kappaII', 'kappaIE', 'betaH', 'betaE'] as const;
/** χ²(7) 95 % quantile (tables: 14.067). */
const CHI2_7_95 = 14.067140449340169;

describe('χ²(1) quantiles', () => {
  it('match the tables', () => {
    expect(chiSquare1Quantile(0.95)).toBeCloseTo(3.841459, 5);
    expect(chiSquare1Quantile(0.99)).toBeCloseTo(6.634897, 5);
  });
});

describe('recovery of known parameters from a simulated history', () => {
  it('the refit covers the parameters that generated the data', () => {
    const truth = defaultParameters();
    const traces = simulateCategories(loadEraTraces(ERAS), truth, 'recovery-1');
    const fit = fitParameters(traces, { estimate: ESTIMATE });
    expect(fit.converged).toBe(true);
    // The joint 95 % likelihood-ratio region contains the truth.
    expect(2 * (fit.logLikelihood - logLikelihood(traces, truth))).toBeLessThan(CHI2_7_95);
    const intervals = profileLikelihood(traces, fit, truth, { simultaneous: true });
    const report = intervals.map((p) => `${p.name}: true ${truth[p.name as keyof typeof truth]} est ${p.estimate.toFixed(3)} [${p.lower}, ${p.upper}]`).join('\n');
    for (const p of intervals) {
      const value = truth[p.name as keyof typeof truth] as number;
      if (p.lower !== null) expect(value, report).toBeGreaterThanOrEqual(p.lower - 1e-6);
      if (p.upper !== null) expect(value, report).toBeLessThanOrEqual(p.upper + 1e-6);
    }
    // The record is large enough to bound the three hard and soft costs.
    for (const name of ['kappaHI', 'kappaHE', 'kappaSE']) expect(intervals.find((p) => p.name === name)?.identified).toBe(true);
  }, 300_000);
});
