import { describe, expect, it } from 'vitest';
import type { DecisionContext } from '../../../src/decision/DecisionContext.js';
import { Z_SIZE } from '../../../src/decision/DecisionContext.js';
import type { DecisionPolicy } from '../../../src/decision/DecisionPolicy.js';
import { decidePhase } from '../../../src/decision/decidePhase.js';
import { OPTIONS, OPTION_COUNT, type Option } from '../../../src/decision/options.js';
import { strategyProbabilities } from '../../../src/decision/strategyProbabilities.js';
import type { ScenarioInput } from '../../../src/index.js';
import { DRAWS_PER_TICK, DRAW_CHOICE } from '../../../src/random/StateStreams.js';
import { perceivedContext } from '../../support/tickContext.js';

// Four states, two pairs of neighbours, trade and an entente: every option has a nonzero probability
// for someone, and the masks differ between states.
const world: ScenarioInput = {
  meta: { id: 'decide' },
  states: [
    { id: 'A', capabilities: { mil: 6, eco: 5, pop: 5 }, ideology: 0.7, location: { lat: 50, lon: 10 } },
    { id: 'B', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.2, location: { lat: 50, lon: 14 } },
    { id: 'C', capabilities: { mil: 3, eco: 2, pop: 3 }, ideology: 0.4, location: { lat: 48, lon: 16 } },
    { id: 'D', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.1, location: { lat: 46, lon: 12 } },
  ],
  dyads: [{ between: ['A', 'B'], trade: 0.4, alliance: true }, { between: ['C', 'B'], trade: 0.2, entente: 0.5 }],
  institutions: [{ id: 'Q', members: ['B', 'C', 'D'] }], // a venue that excludes A: IE needs no new club against it
};

type Ctx = ReturnType<typeof perceivedContext>;

/** The context of state i as the perceive phase packed it, read back through the public fields. */
function contextOf(ctx: Ctx, i: number): DecisionContext {
  const z = ctx.scratch.z.subarray(i * Z_SIZE, (i + 1) * Z_SIZE);
  const available: Partial<Record<Option, boolean>> = {};
  OPTIONS.forEach((o, a) => { available[o] = ctx.scratch.mask[i * OPTION_COUNT + a] !== 0; });
  return {
    T: z[0], D: z[1], Dt: z[2], theta: z[3], nu: z[4], ideo: z[5], lam: z[6], r: z[7], disp: z[8], A: z[9],
    rhoI: z[10], rhoE: z[11], con: z[12], allyT: z[13] === 1, G: z[14], newClub: z[15] === 1, available,
  };
}

/** The inverse-CDF choice written out independently: the first option whose cumulative probability exceeds u. */
function inverseCdf(p: readonly number[], u: number): number {
  let acc = 0;
  let last = 0;
  p.forEach((x, k) => { if (x > 0) last = k; });
  for (let k = 0; k < p.length; k++) {
    acc += p[k];
    if (p[k] > 0 && u < acc) return k;
  }
  return last;
}

const probsOf = (ctx: Ctx, i: number): number[] => Array.from(ctx.scratch.prob.subarray(i * OPTION_COUNT, (i + 1) * OPTION_COUNT));

function setChoiceDraw(ctx: Ctx, i: number, u: number): void {
  ctx.scratch.draws[i * DRAWS_PER_TICK + DRAW_CHOICE] = u;
}

describe('decidePhase (THEORY §5.4, §5.8 step 2)', () => {
  it('writes the logit of every state: the utilities and probabilities of strategyProbabilities for its packed context', () => {
    const ctx = perceivedContext(world);
    decidePhase(ctx);
    for (let i = 0; i < ctx.world.n; i++) {
      const c = contextOf(ctx, i);
      const { utilities, probabilities } = strategyProbabilities(c, ctx.params);
      OPTIONS.forEach((o, a) => {
        // bit for bit: one tick per year leaves the logit's probabilities untouched (no 1 − Σ for NONE)
        expect(ctx.scratch.util[i * OPTION_COUNT + a], `${i} ${o}`).toBe(utilities[o]);
        expect(ctx.scratch.prob[i * OPTION_COUNT + a], `${i} ${o}`).toBe(probabilities[o]);
      });
    }
  });

  it('draws each action by the inverse CDF of its probabilities in engine order, with its own uniform', () => {
    const us = [0, 0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 0.999999];
    const chosen = new Set<number>();
    for (const u of us) {
      for (let shift = 0; shift < 4; shift++) {
        const ctx = perceivedContext(world);
        // each state gets a different uniform, so that a mix-up of states' draws shows
        for (let i = 0; i < ctx.world.n; i++) setChoiceDraw(ctx, i, us[(us.indexOf(u) + i * shift) % us.length]);
        decidePhase(ctx);
        for (let i = 0; i < ctx.world.n; i++) {
          const ui = ctx.scratch.draws[i * DRAWS_PER_TICK + DRAW_CHOICE];
          const a = ctx.scratch.action[i];
          expect(a, `state ${i}, u = ${ui}`).toBe(inverseCdf(probsOf(ctx, i), ui));
          expect(ctx.scratch.prob[i * OPTION_COUNT + a]).toBeGreaterThan(0);
          chosen.add(a);
        }
      }
    }
    expect(chosen.size).toBeGreaterThanOrEqual(4); // the draws reach well beyond NONE
  });

  it('u = 0 gives the first available option (NONE); u just below 1 gives the last available one', () => {
    const ctx = perceivedContext(world);
    for (let i = 0; i < ctx.world.n; i++) setChoiceDraw(ctx, i, 0);
    decidePhase(ctx);
    expect(Array.from(ctx.scratch.action)).toEqual([0, 0, 0, 0]);
    const top = perceivedContext(world);
    for (let i = 0; i < top.world.n; i++) setChoiceDraw(top, i, 1 - 2 ** -53);
    decidePhase(top);
    for (let i = 0; i < top.world.n; i++) {
      let last = 0;
      for (let a = 0; a < OPTION_COUNT; a++) if (top.scratch.mask[i * OPTION_COUNT + a] !== 0) last = a;
      expect(top.scratch.action[i], `state ${i}`).toBe(last);
    }
  });

  it('counts the actions of the tick, starting from zero every tick', () => {
    const ctx = perceivedContext(world);
    ctx.scratch.actionCounts.fill(7);
    decidePhase(ctx);
    const expected = new Array<number>(OPTION_COUNT).fill(0);
    for (let i = 0; i < ctx.world.n; i++) expected[ctx.scratch.action[i]]++;
    expect(Array.from(ctx.scratch.actionCounts)).toEqual(expected);
    decidePhase(ctx); // the same snapshot again: the same counts, not twice them
    expect(Array.from(ctx.scratch.actionCounts)).toEqual(expected);
  });

  it('with several ticks per year each act keeps 1/ticksPerYear of its probability and NONE takes the rest (N28)', () => {
    const yearly = perceivedContext(world);
    decidePhase(yearly);
    const quarterly = perceivedContext(world);
    quarterly.rates.actScale = 0.25;
    decidePhase(quarterly);
    for (let i = 0; i < yearly.world.n; i++) {
      const py = probsOf(yearly, i);
      const pq = probsOf(quarterly, i);
      for (let k = 1; k < OPTION_COUNT; k++) expect(pq[k]).toBeCloseTo(0.25 * py[k], 15);
      expect(pq[0]).toBeCloseTo(1 - 0.25 * (1 - py[0]), 14);
      expect(pq.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
      expect(quarterly.scratch.action[i]).toBe(inverseCdf(pq, quarterly.scratch.draws[i * DRAWS_PER_TICK + DRAW_CHOICE]));
    }
  });

  describe('a custom policy', () => {
    const run = (policy: DecisionPolicy, prepare?: (ctx: Ctx) => void): Ctx => {
      const ctx = perceivedContext(world);
      ctx.policy = policy;
      prepare?.(ctx);
      decidePhase(ctx);
      return ctx;
    };

    it('sees each state\'s packed context and availability, and its weights are normalised over available options', () => {
      const seen: DecisionContext[] = [];
      const ctx = run({
        name: 'weights', probabilities: (c) => { seen.push(c); return { NONE: 1, BAND: 2, HI: 3, HE: 4, SE: 5, SS: 6, SL: 7, II: 8, IE: 9 }; },
      });
      expect(seen).toHaveLength(ctx.world.n);
      for (let i = 0; i < ctx.world.n; i++) {
        expect(seen[i]).toEqual(contextOf(ctx, i));
        const weights = OPTIONS.map((o, a) => (seen[i].available?.[o] === false ? 0 : a + 1));
        const total = weights.reduce((s, x) => s + x, 0);
        probsOf(ctx, i).forEach((p, a) => expect(p, `${i} ${OPTIONS[a]}`).toBeCloseTo(weights[a] / total, 15));
      }
      // the masks of this world are not all full, so masking is exercised
      expect(seen.some((c) => Object.values(c.available ?? {}).includes(false))).toBe(true);
      // and some state is allied with its main threat (B with A), some is not
      expect(seen.map((c) => c.allyT)).toContain(true);
      expect(seen.map((c) => c.allyT)).toContain(false);
      expect(seen.map((c) => c.newClub)).toContain(true);
      expect(seen.map((c) => c.newClub)).toContain(false);
    });

    it('receives the run\'s parameters', () => {
      let got: unknown = null;
      const ctx = run({ name: 'params', probabilities: (_c, p) => { got = p; return { NONE: 1 }; } });
      expect(got).toBe(ctx.params);
    });

    it('options it leaves out get 0; all weight on NONE means NONE for sure', () => {
      const ctx = run({ name: 'hi', probabilities: () => ({ NONE: 1, HI: 3 }) }, (c) => c.scratch.draws.fill(0.8));
      for (let i = 0; i < ctx.world.n; i++) {
        const hiAvailable = ctx.scratch.mask[i * OPTION_COUNT + 2] !== 0;
        expect(probsOf(ctx, i)).toEqual(hiAvailable ? [0.25, 0, 0.75, 0, 0, 0, 0, 0, 0] : [1, 0, 0, 0, 0, 0, 0, 0, 0]);
        expect(ctx.scratch.action[i]).toBe(hiAvailable ? 2 : 0);
      }
    });

    it('no weight on any available option: the state does nothing', () => {
      const ctx = run({ name: 'zero', probabilities: () => ({ NONE: 0 }) }, (c) => c.scratch.draws.fill(0.999));
      for (let i = 0; i < ctx.world.n; i++) {
        expect(probsOf(ctx, i)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
        expect(ctx.scratch.action[i]).toBe(0);
      }
      // weight only on an unavailable option is no weight either
      const masked = run({ name: 'masked', probabilities: () => ({ SS: 5 }) }, (c) => {
        for (let i = 0; i < c.world.n; i++) c.scratch.mask[i * OPTION_COUNT + 5] = 0;
      });
      for (let i = 0; i < masked.world.n; i++) expect(probsOf(masked, i)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
      // one state with weight, the next without: the first keeps its probabilities (explain shows them)
      let calls = 0;
      const mixed = run({ name: 'mixed', probabilities: () => (calls++ === 0 ? { NONE: 1, SL: 1 } : { NONE: 0 }) }, (c) => c.scratch.mask.fill(1));
      expect(probsOf(mixed, 0)).toEqual([0.5, 0, 0, 0, 0, 0, 0.5, 0, 0]);
      expect(probsOf(mixed, 1)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    });

    it('the last option (IE) can be drawn, and u beyond the rounded total falls on the last weighted option', () => {
      const ctx = run({ name: 'ie', probabilities: () => ({ NONE: 1, IE: 1 }) }, (c) => {
        c.scratch.draws.fill(0.75);
        for (let i = 0; i < c.world.n; i++) c.scratch.mask[i * OPTION_COUNT + 8] = 1;
      });
      expect(Array.from(ctx.scratch.action)).toEqual([8, 8, 8, 8]);
    });

    it('a draw equal to a cumulative probability takes the next option (u < acc, strictly); options of weight 0 are never drawn', () => {
      const half = run({ name: 'half', probabilities: () => ({ NONE: 1, HI: 1 }) }, (c) => {
        c.scratch.draws.fill(0.5);
        for (let i = 0; i < c.world.n; i++) c.scratch.mask[i * OPTION_COUNT + 2] = 1;
      });
      expect(Array.from(half.scratch.action)).toEqual([2, 2, 2, 2]);
      // NONE has weight 0 and u = 0: the first option with weight (SL), not NONE and not the last (IE)
      const zero = run({ name: 'no NONE', probabilities: () => ({ NONE: 0, SL: 1, IE: 1 }) }, (c) => {
        c.scratch.draws.fill(0);
        for (let i = 0; i < c.world.n; i++) { c.scratch.mask[i * OPTION_COUNT + 6] = 1; c.scratch.mask[i * OPTION_COUNT + 8] = 1; }
      });
      expect(Array.from(zero.scratch.action)).toEqual([6, 6, 6, 6]);
    });

    it('a draw beyond the rounded total falls on the last option with weight, not on a later one without, nor on the next state\'s', () => {
      for (const [weights, last] of [[{ NONE: 1, SL: 1 }, 6], [{ NONE: 1, IE: 1 }, 8]] as const) {
        const ctx = run({ name: 'top', probabilities: () => weights }, (c) => {
          c.scratch.draws.fill(1); // beyond any rounded total of the probabilities
          c.scratch.mask.fill(1);
        });
        expect(Array.from(ctx.scratch.action)).toEqual([last, last, last, last]);
        decidePhase(ctx); // again: the next state's slots now hold last tick's probabilities
        expect(Array.from(ctx.scratch.action)).toEqual([last, last, last, last]);
      }
    });

    it('rejects negative, NaN and infinite weights, naming the policy, the value and the option', () => {
      expect(() => run({ name: 'neg', probabilities: () => ({ NONE: 1, SL: -0.5 }) }))
        .toThrow('policy "neg" returned -0.5 for SL; probabilities must be finite and ≥ 0');
      expect(() => run({ name: 'nan', probabilities: () => ({ NONE: Number.NaN }) }))
        .toThrow('policy "nan" returned NaN for NONE; probabilities must be finite and ≥ 0');
      expect(() => run({ name: 'inf', probabilities: () => ({ NONE: 1, BAND: Number.POSITIVE_INFINITY }) }))
        .toThrow('policy "inf" returned Infinity for BAND');
      expect(() => run({ name: 'zero ok', probabilities: () => ({ NONE: 1, SL: 0 }) })).not.toThrow();
    });
  });
});
