import { describe, expect, it } from 'vitest';
import { checkAdmissible } from '../../src/decision/checkAdmissible.js';
import { defaultParameters } from '../../src/model/defaultParameters.js';
import { CalibrationError } from '../../src/calibration/CalibrationError.js';
import { fitParameters } from '../../src/calibration/fitParameters.js';
import { logLikelihood } from '../../src/calibration/logLikelihood.js';
import { syntheticTrace } from '../../src/calibration/simulateHistories.js';

const truth = defaultParameters();
const trace = syntheticTrace(1500, truth, 'fit');

function issuesOf(fn: () => unknown): string[] {
  try { fn(); } catch (error) {
    if (error instanceof CalibrationError) return error.message.split('\n');
    throw error;
  }
  return [];
}

describe('fitParameters', () => {
  it('raises the log-likelihood, stays admissible and reports the maximum it found', () => {
    const fit = fitParameters([trace], { estimate: ['kappaHI', 'kappaHE', 'kappaSE', 'betaH', 'betaS'] });
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(fit.startLogLikelihood);
    expect(checkAdmissible(fit.parameters)).toEqual([]);
    expect(logLikelihood([trace], fit.parameters)).toBeCloseTo(fit.logLikelihood, 6);
    expect(fit.rows).toBe(1500);
  });

  it('with μ estimated (Nelder–Mead with the extreme barrier) agrees with the barrier method on the rest', () => {
    const names = ['kappaHI', 'kappaSE'];
    const a = fitParameters([trace], { estimate: names });
    const b = fitParameters([trace], { estimate: [...names, { name: 'mu', lower: 0.499999, upper: 0.500001 }] });
    expect(b.estimates.kappaHI).toBeCloseTo(a.estimates.kappaHI, 2);
    expect(b.estimates.kappaSE).toBeCloseTo(a.estimates.kappaSE, 2);
    expect(checkAdmissible(b.parameters)).toEqual([]);
  });

  it('names a parameter outside the model, one outside the choice rule, and bounds outside the admissible set', () => {
    const issues = issuesOf(() => fitParameters([trace], {
      estimate: ['kappaHI', 'betaX', 'etaB', { name: 'betaH', lower: -1 }, { name: 'tStar', upper: 1.5 }, { name: 'xi', lower: 3, upper: 2 }],
    }));
    expect(issues).toEqual([
      expect.stringMatching(/^estimate\[1\]\s+"betaX" is not a parameter of the model/),
      expect.stringMatching(/^estimate\[2\]\s+"etaB" is a model parameter outside the choice rule/),
      expect.stringMatching(/^estimate\[3\]\.lower\s+lower bound -1 is outside the admissible set \(model §5\.4 C1/),
      expect.stringMatching(/^estimate\[4\]\.upper\s+upper bound 1\.5 is outside the admissible set/),
      expect.stringMatching(/^estimate\[5\]\.upper\s+the range is empty/),
    ]);
  });

  it('refuses a fold with nothing to fit and an inadmissible start', () => {
    expect(issuesOf(() => fitParameters([{ ...trace, possible: new Uint8Array(trace.rows) }]))[0]).toMatch(/^eras\s+the fold leaves no state-year to fit/);
    expect(issuesOf(() => fitParameters([trace], { base: { ...defaultParameters(), betaH: 1 } }))[0]).toMatch(/outside the admissible set \(model §5\.4 C3\)/);
  });
});
