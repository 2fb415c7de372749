import { describe, expect, it } from 'vitest';
import { categoryCounts } from '../../src/calibration/categoryCounts.js';
import { CATEGORIES, CATEGORY_COUNT } from '../../src/calibration/categories.js';
import { createLikelihoodScratch, writeCategoryProbabilities } from '../../src/calibration/logLikelihood.js';
import { syntheticTrace } from '../../src/calibration/simulateHistories.js';
import { defaultParameters } from '../../src/model/defaultParameters.js';

describe('categoryCounts', () => {
  const p = defaultParameters();
  const trace = syntheticTrace(400, p, 'counts');
  // The first 120 rows are ones the model could not take: they count nowhere.
  const cut = { ...trace, possible: Uint8Array.from(trace.possible, (v, r) => (r < 120 ? 0 : v)) };

  it('counts the observed categories of the possible rows only', () => {
    const [c] = categoryCounts([cut], p);
    const tally = new Array<number>(CATEGORY_COUNT).fill(0);
    let rows = 0;
    for (let r = 120; r < trace.rows; r++) if (trace.possible[r] === 1) { tally[trace.category[r]]++; rows++; }
    expect(c.rows).toBe(rows);
    expect(c.observed).toEqual(tally);
    expect(c.era).toBe(trace.era);
  });

  it('sums the model probability of each category over the same rows, the rows’ total in all', () => {
    const [c] = categoryCounts([cut], p);
    const q = new Float64Array(CATEGORY_COUNT);
    const scratch = createLikelihoodScratch();
    const sum = new Array<number>(CATEGORY_COUNT).fill(0);
    for (let r = 120; r < trace.rows; r++) {
      if (trace.possible[r] === 0) continue;
      writeCategoryProbabilities(trace, r, p, scratch, q);
      for (let k = 0; k < CATEGORY_COUNT; k++) sum[k] += q[k];
    }
    c.expected.forEach((e, k) => expect(e).toBeCloseTo(sum[k], 9));
    expect(c.expected.reduce((a, b) => a + b, 0)).toBeCloseTo(c.rows, 9);
  });

  it('moves with the parameters: a dearer hard internal option is expected less often', () => {
    const dear = { ...p, kappaHI: p.kappaHI + 1 };
    const hi = CATEGORIES.indexOf('HI');
    const [base] = categoryCounts([cut], p);
    const [after] = categoryCounts([cut], dear);
    expect(after.expected[hi]).toBeLessThan(base.expected[hi]);
    expect(after.observed).toEqual(base.observed);
  });
});
