/**
 * Every threat and measurement property (M1–M5) must be able to fail: each runs here against a
 * deliberately broken threat model or measure, and fast-check must find a counterexample.
 */
import { describe, it } from 'vitest';
import { dyadDefence, powerThreat, type PerceptionModel } from '../../../src/index.js';
import { LIBRARY } from '../../../src/testing/runtime/Library.js';
import { expectCounterexample } from '../expectations.js';
import { TIMEOUT } from '../fcSettings.js';

/** Walt's T_ij with the offence term replaced. */
function waltWith(name: string, offence: (offJ: number, thetaIJ: number) => number): PerceptionModel {
  return {
    name,
    threatMatrix(view, out) {
      const { n, cinc, proximity, off, nuc, ahat, theta, params: p } = view;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) { out[i * n + j] = 0; continue; }
          const P = cinc[j] / (cinc[i] + cinc[j]);
          const th = dyadDefence(theta, p.thetaNuc, nuc[i], nuc[j]);
          out[i * n + j] = ahat[i * n + j] * (p.wP * P + p.wG * proximity[i * n + j] + p.wO * offence(off[j], th));
        }
      }
    },
  };
}

describe('threat and measurement properties catch broken variants', () => {
  it('M1 broken: offensive posture counted the wrong way round, (1 − off_j)', () => {
    expectCounterexample('M1', { perception: waltWith('offence flipped', (off, th) => (1 - off) * (1 - th)) });
  }, TIMEOUT);

  it('M2 broken: the power-only baseline ignores intentions (the library\'s powerThreat)', () => {
    expectCounterexample('M2', { perception: powerThreat });
  }, TIMEOUT);

  it('M3 broken: defence raises threat, O_ij = off_j·θ_ij (dropped 1 −)', () => {
    expectCounterexample('M3', { perception: waltWith('defence flipped', (off, th) => off * th) });
  }, TIMEOUT);

  it('M4 broken: CINC from absolute capabilities, (mil + eco + pop)/Σ, not from shares per component', () => {
    expectCounterexample('M4', {}, {
      ...LIBRARY,
      writeCincShares: (mil, eco, pop, out) => {
        let total = 0;
        for (let i = 0; i < out.length; i++) total += mil[i] + eco[i] + pop[i];
        for (let i = 0; i < out.length; i++) out[i] = (mil[i] + eco[i] + pop[i]) / total;
      },
    });
  }, TIMEOUT);

  it('M5 broken: CON as the raw Herfindahl index Σ S², not normalised to 0 at equality', () => {
    expectCounterexample('M5', {}, {
      ...LIBRARY,
      concentration: (values, include) => {
        let total = 0;
        for (let i = 0; i < values.length; i++) if (include === undefined || include[i] !== 0) total += values[i];
        let h = 0;
        for (let i = 0; i < values.length; i++) if (include === undefined || include[i] !== 0) h += (values[i] / total) ** 2;
        return h;
      },
    });
  }, TIMEOUT);
});
