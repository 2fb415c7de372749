import { Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA } from '../decision/DecisionContext.js';
import { OPTION_COUNT } from '../decision/options.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import { seededUniform } from '../random/seededUniform.js';
import { CATEGORY_COUNT } from './categories.js';
import { createLikelihoodScratch, writeCategoryProbabilities } from './logLikelihood.js';
import type { ObservedTrace } from './ObservedTrace.js';

/**
 * A synthetic observed history: the traces' contexts and masks with every category drawn from the
 * model's category probabilities at `params` (the recovery test: simulate from known parameters,
 * refit, see whether the intervals cover them). Draws from a seeded stream (`seededUniform`), so the
 * same traces, parameters and seed give the same history. The contexts stay those of the drive
 * along the real record: this tests the estimator of the choice rule given the contexts, not the
 * drive.
 */
export function simulateCategories(traces: readonly ObservedTrace[], params: ModelParameters, seed: number | string): ObservedTrace[] {
  const scratch = createLikelihoodScratch();
  const q = new Float64Array(CATEGORY_COUNT);
  return traces.map((trace) => {
    const u = seededUniform(`calibration:simulate:${seed}:${trace.era}`);
    const category = new Uint8Array(trace.rows);
    for (let r = 0; r < trace.rows; r++) {
      writeCategoryProbabilities(trace, r, params, scratch, q);
      const x = u();
      let c = 0;
      let acc = q[0];
      while (c < CATEGORY_COUNT - 1 && !(x < acc)) { c++; acc += q[c]; }
      while (q[c] === 0 && c > 0) c--; // rounding at the top end
      category[r] = c;
    }
    return { ...trace, category, possible: new Uint8Array(trace.rows).fill(1) };
  });
}

/**
 * A trace of random contexts (each z variable uniform in [0, 1], ally and newClub 0 or 1, disp =
 * |2r − 1|, every option available) with categories drawn from the model at `params`: test data
 * that needs no era. Seeded.
 */
export function syntheticTrace(rows: number, params: ModelParameters, seed: number | string): ObservedTrace {
  const u = seededUniform(`calibration:synthetic:${seed}`);
  const z = new Float64Array(rows * Z_SIZE);
  for (let r = 0; r < rows; r++) {
    const b = r * Z_SIZE;
    for (const k of [Z_T, Z_D, Z_DT, Z_THETA, Z_NU, Z_IDEO, Z_LAM, Z_R, Z_A, Z_RHOI, Z_RHOE, Z_CON, Z_G]) z[b + k] = u();
    z[b + Z_DISP] = Math.abs(2 * z[b + Z_R] - 1);
    z[b + Z_ALLY] = u() < 0.2 ? 1 : 0;
    z[b + Z_NEWCLUB] = u() < 0.5 ? 1 : 0;
  }
  const trace: ObservedTrace = {
    era: `synthetic-${seed}`, firstYear: 0, lastYear: rows - 1, rows, stateIds: ['S'],
    state: new Int32Array(rows), year: Int32Array.from({ length: rows }, (_, r) => r),
    category: new Uint8Array(rows), possible: new Uint8Array(rows).fill(1), z,
    mask: new Uint8Array(rows * OPTION_COUNT).fill(1), perception: 'walt', seed: 0,
  };
  return simulateCategories([trace], params, seed)[0];
}
