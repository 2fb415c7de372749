/**
 * Every property of the reference model v2 (P21–P23) must be able to fail: each runs here against a
 * deliberately broken belief update or threat model, and fast-check must find a counterexample.
 */
import { describe, it } from 'vitest';
import { OPTION_INDEX } from '../../../src/decision/options.js';
import type { TickContext } from '../../../src/engine/TickContext.js';
import { dyadDefence, type PerceptionModel } from '../../../src/index.js';
import { LIBRARY, withPhase } from '../../../src/testing/runtime/Library.js';
import { expectCounterexample } from '../expectations.js';
import { TIMEOUT } from '../fcSettings.js';

/** The update phase run with ε_arm read as 0 (the arming evidence of N31 gone). */
function withoutArming(ctx: TickContext, original: (ctx: TickContext) => void): void {
  const p = ctx.params;
  ctx.params = { ...p, epsArm: 0 };
  try { original(ctx); } finally { ctx.params = p; }
}

/** Walt's T_ij with the aggregate-power factor computed by `factor(P, P⁰, w_Δ)`, plus `outside(P, P⁰, w_Δ)` added outside â. */
function waltWith(name: string, factor: (P: number, P0: number, w: number) => number, outside = (_P: number, _P0: number, _w: number): number => 0): PerceptionModel {
  return {
    name,
    threatMatrix(view, out) {
      const { n, cinc, proximity, off, nuc, ahat, theta, params: p } = view;
      const past = view.cincPast ?? cinc;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) { out[i * n + j] = 0; continue; }
          const P = cinc[j] / (cinc[i] + cinc[j]);
          const P0 = past[j] / (past[i] + past[j]);
          const O = off[j] * (1 - dyadDefence(theta, p.thetaNuc, nuc[i], nuc[j]));
          out[i * n + j] = ahat[i * n + j] * (p.wP * factor(P, P0, p.wShift) + p.wG * proximity[i * n + j] + p.wO * O) + outside(P, P0, p.wShift);
        }
      }
    },
  };
}

describe('reference model v2 properties catch broken variants', () => {
  it('P21 broken: η_b applied per tick, not per year (the half-life shrinks with the tick length)', () => {
    expectCounterexample('P21', {}, withPhase(LIBRARY, 'update', (ctx, original) => {
      const r = ctx.rates;
      ctx.rates = { ...r, etaB: ctx.params.etaB };
      try { original(ctx); } finally { ctx.rates = r; }
    }));
  }, TIMEOUT);

  it('P21 broken: only the state armed against reads an arming act (bystanders blind to it, the v1 belief update)', () => {
    expectCounterexample('P21', {}, withPhase(LIBRARY, 'update', (ctx, original) => {
      withoutArming(ctx, original);
      const { world: w, scratch: s, params: p } = ctx;
      for (let j = 0; j < w.n; j++) {
        if (s.action[j] !== OPTION_INDEX.HI) continue;
        const mj = s.target[j] * w.n + j;
        w.ahat[mj] = Math.min(1, w.ahat[mj] + p.epsArm);
      }
    }));
  }, TIMEOUT);

  it('P22 broken: arming is no evidence of intent (ε_arm read as 0: only the provocation ε_H remains)', () => {
    expectCounterexample('P22', {}, withPhase(LIBRARY, 'update', withoutArming));
  }, TIMEOUT);

  it('P23 broken: Walt\'s power factor without the shift (the v1 threat model)', () => {
    expectCounterexample('P23', { perception: waltWith('no power shift', (P) => P) });
  }, TIMEOUT);

  it('P23 broken: a decline counted as a rise, |P − P⁰|', () => {
    expectCounterexample('P23', { perception: waltWith('decline as rise', (P, P0, w) => Math.min(1, P + w * Math.abs(P - P0))) });
  }, TIMEOUT);

  it('P23 broken: the shift added outside intent, 0.25·w_Δ·max(0, P − P⁰) (M2 broken)', () => {
    expectCounterexample('P23', { perception: waltWith('shift outside intent', (P) => P, (P, P0, w) => 0.25 * w * Math.max(0, P - P0)) });
  }, TIMEOUT);
});
