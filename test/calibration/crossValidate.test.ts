import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/defaultParameters.js';
import { CalibrationError } from '../../src/calibration/CalibrationError.js';
import { crossValidate, standardFolds, trainingBaseRates } from '../../src/calibration/crossValidate.js';
import { CATEGORY_COUNT } from '../../src/calibration/categories.js';
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

  it('the base-rate baseline gives a category absent from the training eras a small probability, not 0 (add-one smoothing)', () => {
    // Training eras where one observed category never occurs (relabelled "no act", category 0); the held-out era has it.
    const target = eras[0].category.find((c, r) => c !== 0 && eras[0].possible[r] === 1) as number;
    const strip = (t: (typeof eras)[number]) => ({ ...t, category: t.category.map((c) => (c === target ? 0 : c)) });
    const train = [strip(eras[1]), strip(eras[2])];
    const rates = trainingBaseRates(train);
    let total = 0;
    for (const t of train) for (let r = 0; r < t.rows; r++) total += t.possible[r];
    expect(rates[target]).toBe(1 / (total + CATEGORY_COUNT));
    expect(rates.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const all = [eras[0], ...train];
    const rows = crossValidate(all, all, [{ name: 'leave out a', train: ['b', 'c'], test: ['a'] }], { estimate: ['kappaHI'] });
    let expected = 0;
    let n = 0;
    for (let r = 0; r < eras[0].rows; r++) if (eras[0].possible[r] === 1) { expected -= Math.log(rates[eras[0].category[r]]); n++; }
    expect(rows[0].scores.baseRates.logLoss).toBeCloseTo(expected / n, 12);
    // Unsmoothed, every held-out occurrence of the category would cost log(1e300) ≈ 691.
    const occurrences = Array.from(eras[0].category).filter((c, r) => c === target && eras[0].possible[r] === 1).length;
    expect(occurrences).toBeGreaterThan(0);
    expect(rows[0].scores.baseRates.logLoss).toBeLessThan((occurrences * Math.log(1e300)) / n);
  });
});
