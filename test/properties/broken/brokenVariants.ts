/**
 * Building blocks for deliberately broken variants: a model whose utilities are the library's with
 * one bug, and library copies with one piece replaced. Test code only.
 */
import type { DecisionContext } from '../../../src/decision/DecisionContext.js';
import type { DecisionPolicy } from '../../../src/decision/DecisionPolicy.js';
import { OPTION_COUNT } from '../../../src/decision/options.js';
import { strategyProbabilities, type ModelParameters, type OptionRecord } from '../../../src/index.js';
import type { ModelUnderTest } from '../../../src/testing/index.js';
import { LIBRARY, withPhase, type Library } from '../../../src/testing/runtime/Library.js';

/** The context's disparity: given (z level) or |2r − 1| (full model). */
export const dispOf = (ctx: DecisionContext): number => ctx.disp ?? Math.abs(2 * ctx.r - 1);

/** The library's utilities V_a with `bug` applied to them. */
export function utilitiesWith(name: string, bug: (v: OptionRecord, ctx: DecisionContext, p: ModelParameters) => void): ModelUnderTest {
  return {
    name,
    utilities: (ctx, p) => {
      const v = { ...strategyProbabilities(ctx, p).utilities };
      bug(v, ctx, p);
      return v;
    },
  };
}

/** A policy model from a probability function. */
export function policyModel(name: string, probabilities: DecisionPolicy['probabilities']): ModelUnderTest {
  return { name, policy: { name, probabilities } };
}

/** The library with its logit replaced by `logit(v, available, mu) → weights` (normalised here). */
export function withLogit(logit: (v: number[], available: boolean[], mu: number) => number[]): Library {
  return {
    ...LIBRARY,
    writeLogit: (v, mask, mu, out, b) => {
      const vs: number[] = [];
      const av: boolean[] = [];
      for (let a = 0; a < OPTION_COUNT; a++) { vs.push(v[b + a]); av.push(mask[b + a] !== 0); }
      const w = logit(vs, av, mu);
      const sum = w.reduce((s, x) => s + x, 0);
      for (let a = 0; a < OPTION_COUNT; a++) out[b + a] = w[a] / sum;
    },
  };
}

/** The correct logit, written out (for variants that change one thing in it). */
export function logit(v: number[], available: boolean[], mu: number, sign = 1): number[] {
  const max = Math.max(...v.map((x, a) => (available[a] ? sign * x : -Infinity)));
  return v.map((x, a) => (available[a] ? Math.exp((sign * x - max) / mu) : 0));
}

/**
 * The library with `phase` run while every status holder short of membership (candidate, observer,
 * associate: model §5.11) is counted as a full member; the memberships are put back after it.
 */
export function statusHoldersAsMembers(phase: 'perceive' | 'record'): Library {
  return withPhase(LIBRARY, phase, (ctx, original) => {
    const w = ctx.world;
    const saved = w.member.slice();
    for (let k = 0; k < w.instSlots * w.n; k++) if (w.status[k] > 1) w.member[k] = 1;
    w.membershipVersion++;
    original(ctx);
    w.member.set(saved);
    w.membershipVersion++;
  });
}
