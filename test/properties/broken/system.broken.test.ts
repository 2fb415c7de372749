/**
 * Every system invariant (S1–S3) must be able to fail: an order-dependent threat model, a policy
 * that draws Math.random, a perceive phase that forgets to normalise trade by the economy.
 */
import { describe, it } from 'vitest';
import { Z_D, Z_SIZE } from '../../../src/decision/DecisionContext.js';
import { waltThreat, type PerceptionModel } from '../../../src/index.js';
import { LIBRARY, withPhase } from '../../../src/testing/runtime/Library.js';
import { expectCounterexample } from '../expectations.js';
import { TIMEOUT } from '../fcSettings.js';
import { policyModel } from './brokenVariants.js';

describe('system invariants catch broken variants', () => {
  it('S1 broken: a threat model that discounts states by their position in the engine\'s order', () => {
    const ordered: PerceptionModel = {
      name: 'order-dependent',
      threatMatrix(view, out) {
        waltThreat.threatMatrix(view, out);
        const n = view.n;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] *= 1 - (0.5 * i) / n;
      },
    };
    expectCounterexample('S1', { perception: ordered });
  }, TIMEOUT);

  it('S2 broken: a policy that draws Math.random instead of the state\'s stream', () => {
    expectCounterexample('S2', policyModel('Math.random', () => ({ NONE: Math.random(), SL: Math.random(), HI: Math.random() })));
  }, TIMEOUT);

  it('S3 broken: a perceive phase that drops eco_i from D = min(1, X_ij/(eco_i·W_sat))', () => {
    expectCounterexample('S3', {}, withPhase(LIBRARY, 'perceive', (ctx, original) => {
      original(ctx);
      const { world: w, scratch: s, params: p } = ctx;
      const n = w.n;
      for (let i = 0; i < n; i++) s.z[i * Z_SIZE + Z_D] = Math.min(1, w.trade[i * n + s.target[i]] / p.wSat);
    }));
  }, TIMEOUT);
});
