import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/defaultParameters.js';
import { CalibrationError } from '../../src/calibration/CalibrationError.js';
import { crossValidate, standardFolds } from '../../src/calibration/crossValidate.js';
import { syntheticTrace } from '../../src/calibration/simulateHistories.js';

const p = defaultParameters();
const hot = { ...p, kappaHI: 1.6, kappaHE: 1.6 }; // a world with more hard balancing than the defaults
const eras = ['a', 'b', 'c'].map((name, k) => ({ ...syntheticTrace(600, hot, `cv-${k}`), era: name, firstYear: 1900 + 20 * k }));

describe('crossValidate', () => {
  it('makes one leave-one-out fold per era and a forward split', () => {
    const folds = standardFolds(['a', 'b', 'c'], (e) => eras.find((t) => t.era === e)?.firstYear ?? 0, 1930);
    expect(folds.map((f) => [f.train, f.test])).toEqual([
      [['b', 'c'], ['a']], [['a', 'c'], ['b']], [['a', 'b'], ['c']], [['a', 'b'], ['c']],
    ]);
  });

  it('the fitted model beats the uncalibrated defaults out of sample when the data come from other parameters', () => {
    const rows = crossValidate(eras, eras, [{ name: 'leave out a', train: ['b', 'c'], test: ['a'] }], { estimate: ['kappaHI', 'kappaHE'] });
    expect(rows).toHaveLength(1);
    const s = rows[0].scores;
    expect(rows[0].n).toBe(600);
    expect(s.fitted.logLoss).toBeLessThan(s.defaults.logLoss);
    expect(s.fitted.brier).toBeLessThan(s.defaults.brier);
    expect(s.powerFitted.logLoss).toBeCloseTo(s.fitted.logLoss, 12); // same traces given for both here
  });

  it('names an era without data and a fold with nothing to fit, by field path', () => {
    try {
      crossValidate(eras, eras, [{ name: 'x', train: [], test: ['zz'] }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalibrationError);
      expect((error as Error).message.split('\n')).toEqual([
        'folds[0].train  the fold leaves nothing to fit',
        'folds[0].test[0]  era "zz" has no data (no trace)',
      ]);
    }
  });
});
