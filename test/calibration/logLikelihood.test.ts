import { describe, expect, it } from 'vitest';
import { strategyProbabilities } from '../../src/decision/strategyProbabilities.js';
import { Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA } from '../../src/decision/DecisionContext.js';
import { defaultParameters } from '../../src/model/defaultParameters.js';
import { CATEGORIES, CATEGORY_OF_OPTION } from '../../src/calibration/categories.js';
import { LinearDesign } from '../../src/calibration/LinearDesign.js';
import { logLikelihood, scorePredictions } from '../../src/calibration/logLikelihood.js';
import { DEFAULT_ESTIMATED, getEstimated, setEstimated, type EstimatedParameter } from '../../src/calibration/parameterSpace.js';
import { syntheticTrace } from '../../src/calibration/simulateHistories.js';
import { OPTIONS } from '../../src/decision/options.js';

const space: EstimatedParameter[] = DEFAULT_ESTIMATED.map((name) => ({ name, lower: 0, upper: 20 }));

describe('categories', () => {
  it('map SS, SL, BAND and NONE to NONE and the five observed options to themselves', () => {
    const of = Object.fromEntries(OPTIONS.map((o, a) => [o, CATEGORIES[CATEGORY_OF_OPTION[a]]]));
    expect(of).toEqual({ NONE: 'NONE', BAND: 'NONE', SS: 'NONE', SL: 'NONE', HI: 'HI', HE: 'HE', SE: 'SE', II: 'II', IE: 'IE' });
  });
});

describe('logLikelihood', () => {
  const p = defaultParameters();
  const trace = syntheticTrace(300, p, 'll');

  it('is the sum of log P(observed category) from strategyProbabilities, NONE collecting BAND, SS and SL', () => {
    let expected = 0;
    for (let r = 0; r < trace.rows; r++) {
      const z = (k: number): number => trace.z[r * Z_SIZE + k];
      const { probabilities: pr } = strategyProbabilities({
        T: z(Z_T), D: z(Z_D), Dt: z(Z_DT), theta: z(Z_THETA), nu: z(Z_NU), ideo: z(Z_IDEO), lam: z(Z_LAM), r: z(Z_R),
        disp: z(Z_DISP), A: z(Z_A), rhoI: z(Z_RHOI), rhoE: z(Z_RHOE), con: z(Z_CON), allyT: z(Z_ALLY) === 1, G: z(Z_G),
        newClub: z(Z_NEWCLUB) === 1,
      }, p);
      const c = CATEGORIES[trace.category[r]];
      expected += Math.log(c === 'NONE' ? pr.NONE + pr.BAND + pr.SS + pr.SL : pr[c]);
    }
    expect(logLikelihood([trace], p)).toBeCloseTo(expected, 9);
  });

  it('leaves out rows the model cannot take (possible = 0)', () => {
    const cut = { ...trace, possible: Uint8Array.from(trace.possible, (_, r) => (r < 100 ? 0 : 1)) };
    const tail = { ...trace, rows: 200, z: trace.z.slice(100 * Z_SIZE), mask: trace.mask.slice(100 * 9), category: trace.category.slice(100), possible: trace.possible.slice(100) };
    expect(logLikelihood([cut], p)).toBeCloseTo(logLikelihood([tail], p), 9);
  });

  it('the linear design gives the same log-likelihood as the direct pass, away from the defaults too', () => {
    const design = new LinearDesign([trace], p, space);
    const theta = getEstimated(p, space).map((v, k) => v * (1 + 0.1 * k) + 0.05);
    const q = { ...p, omega: { ...p.omega } };
    setEstimated(q, space, theta);
    expect(design.logLikelihood(theta)).toBeCloseTo(logLikelihood([trace], q), 8);
  });

  it('its gradient and Hessian match central differences', () => {
    const design = new LinearDesign([trace], p, space);
    const K = space.length;
    const theta = getEstimated(p, space).map((v) => v + 0.1);
    const grad = new Float64Array(K);
    const hess = new Float64Array(K * K);
    design.derivatives(theta, grad, hess, new Float64Array(2 * K));
    const h = 1e-5;
    const g2 = new Float64Array(K);
    const h2 = new Float64Array(K * K);
    for (let k = 0; k < K; k++) {
      const up = Float64Array.from(theta); up[k] += h;
      const dn = Float64Array.from(theta); dn[k] -= h;
      expect((design.logLikelihood(up) - design.logLikelihood(dn)) / (2 * h)).toBeCloseTo(grad[k], 3);
      design.derivatives(up, g2, h2, new Float64Array(2 * K));
      const gu = Float64Array.from(g2);
      design.derivatives(dn, g2, h2, new Float64Array(2 * K));
      for (let j = 0; j < K; j++) expect((gu[j] - g2[j]) / (2 * h)).toBeCloseTo(hess[k * K + j], 2);
    }
  });

  it('scores: log-loss is −LL/n and the Brier score of a certain wrong forecast is 2', () => {
    const design = new LinearDesign([trace], p, space);
    const theta = getEstimated(p, space);
    const s = scorePredictions([trace], (_t, r, out) => design.categoryProbabilities(0, r, theta, out));
    expect(s.n).toBe(300);
    expect(s.logLoss).toBeCloseTo(-logLikelihood([trace], p) / 300, 9);
    const wrong = scorePredictions([trace], (t, r, out) => { out.fill(0); out[(t.category[r] + 1) % 6] = 1; });
    expect(wrong.brier).toBeCloseTo(2, 12);
  });
});
