/**
 * The head of the perceive phase (THEORY §5.2; perceivePhase() before the per-target work): the
 * states CON and the poles are counted over, and the choice between the fused Walt pass and the
 * general path with its stored matrix — cases the engine-level and context tests do not reach
 * (issue #13 item 7, the mutation survivors of perceivePhase.ts lines 1–150).
 */
import { describe, expect, it } from 'vitest';
import { createScratch } from '../../../src/engine/Scratch.js';
import { createWorld } from '../../../src/engine/createWorld.js';
import type { TickContext } from '../../../src/engine/TickContext.js';
import { tickRates } from '../../../src/engine/TickRates.js';
import { createSimulation, resolveScenario, type ScenarioInput } from '../../../src/index.js';
import { concentration, effectivePoles } from '../../../src/metrics/concentration.js';
import type { PerceptionModel } from '../../../src/perception/PerceptionModel.js';
import { perceivePhase } from '../../../src/perception/perceivePhase.js';
import { waltThreat } from '../../../src/perception/waltThreat.js';
import { rowKernelOf } from '../../../src/perception/RowKernel.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import { StateStreams } from '../../../src/random/StateStreams.js';
import { randomWorld } from '../../support/randomWorld.js';
import { perceivedContext } from '../../support/tickContext.js';

/** Four identical states (each share exactly 1/4), the first `majors` of them great powers, one weaker state. */
function world(majors: number, parameters: Record<string, unknown> = {}): ScenarioInput {
  const ids = ['A', 'B', 'C', 'D', 'E'];
  return {
    meta: { id: 'head', startYear: 1900 },
    states: ids.map((id, k) => ({
      id, capabilities: k < 4 ? { mil: 4, eco: 4, pop: 4 } : { mil: 1, eco: 1, pop: 1 }, ideology: 0.2 + 0.1 * k,
      location: { lat: 40 + 3 * k, lon: 10 + 5 * k }, major: k < majors,
    })),
    parameters,
  } as ScenarioInput;
}

/** A tick context like perceivedContext's, not yet perceived; `threatMatrix` false: a scratch without the n×n matrix. */
function freshContext(input: ScenarioInput, threatMatrix: boolean, perception: PerceptionModel): TickContext {
  const scenario = resolveScenario(input);
  const w = createWorld(scenario);
  const rates = tickRates(scenario.parameters, w.ticksPerYear);
  const s = createScratch(w, rates.episodeTicks, scenario.parameters.entMin, threatMatrix);
  new StateStreams(1, w.ids).drawTick(s.draws);
  return {
    world: w, scratch: s, params: scenario.parameters, rates, perception,
    view: { n: w.n, cinc: s.cinc, cincPast: s.cincPast, proximity: w.proximity, off: w.off, nuc: w.nuc, ahat: w.ahat, theta: w.theta, params: scenario.parameters },
    policy: null, events: [], tick: 0, year: scenario.meta.startYear,
  };
}

/** A plug-in whose T_ij = (i + 1)(j + 1)/100 (0 on the diagonal): every state's main threat is the last state, the last state's the one before. */
const ranked: PerceptionModel = {
  name: 'ranked',
  threatMatrix(view, out) {
    const n = view.n;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = i === j ? 0 : ((i + 1) * (j + 1)) / 100;
  },
};

describe('perceivePhase: CON and the poles (THEORY §5.2, §3)', () => {
  it('conOver = all: CON and the effective poles over every state, even with two or more great powers', () => {
    const ctx = perceivedContext(world(3, { conOver: 'all' }));
    const s = ctx.scratch;
    expect(s.con).toBe(concentration(s.cinc, undefined));
    expect(s.effectivePoles).toBe(effectivePoles(s.cinc, undefined));
    // Over the three great powers of equal share CON would be 0; over all five states it is not.
    expect(concentration(s.cinc, ctx.world.major)).toBe(0);
    expect(s.con).toBeGreaterThan(0);
  });

  it('conOver = majors with exactly two great powers: over those two (two is enough)', () => {
    const ctx = perceivedContext(world(2));
    const s = ctx.scratch;
    expect(Array.from(ctx.world.major)).toEqual([1, 1, 0, 0, 0]);
    expect(s.con).toBe(concentration(s.cinc, ctx.world.major));
    expect(s.effectivePoles).toBe(effectivePoles(s.cinc, ctx.world.major));
    expect(s.con).toBe(0); // two equal shares
    expect(concentration(s.cinc, undefined)).toBeGreaterThan(0);
  });

  it('conOver = majors with one great power: over every state', () => {
    const ctx = perceivedContext(world(1));
    expect(ctx.scratch.con).toBe(concentration(ctx.scratch.cinc, undefined));
  });

  it('a state whose share is exactly π_pole is a pole', () => {
    // Shares 4/17 for A–D and 1/17 for E; π_pole set to A's share exactly.
    const probe = perceivedContext(world(0));
    const share = probe.scratch.cinc[0];
    expect(Array.from(probe.scratch.cinc.subarray(0, 4))).toEqual([share, share, share, share]);
    const ctx = perceivedContext(world(0, { piPole: share }));
    expect(ctx.scratch.poles).toBe(4);
    expect(perceivedContext(world(0, { piPole: share + 1e-9 })).scratch.poles).toBe(0);
  });
});

describe('perceivePhase: the fused pass only for Walt\'s own model; the general path stores the matrix', () => {
  const check = (ctx: TickContext): void => {
    const { scratch: s, world: w } = ctx;
    const n = w.n;
    expect(s.threatStored).toBe(true);
    for (let i = 0; i < n; i++) {
      const j = i === n - 1 ? n - 2 : n - 1;
      expect([s.target[i], s.tMain[i]]).toEqual([j, ((i + 1) * (j + 1)) / 100]);
      for (let k = 0; k < n; k++) expect(s.threat[i * n + k]).toBe(i === k ? 0 : ((i + 1) * (k + 1)) / 100);
    }
  };

  it('a context marked fused with a plug-in perception model takes the general path (the plug-in\'s matrix)', () => {
    const ctx = freshContext(world(2), true, ranked);
    (ctx as { fused?: boolean }).fused = true;
    perceivePhase(ctx);
    check(ctx);
  });

  it('a scratch created without the threat matrix gets one on the general path', () => {
    const ctx = freshContext(world(2), false, ranked);
    expect(ctx.scratch.threat.length).toBe(0);
    perceivePhase(ctx);
    expect(ctx.scratch.threat.length).toBe(ctx.world.n * ctx.world.n);
    check(ctx);
  });

  it('a matrix shorter than n × n (as left by a smaller world) is replaced by one of n × n', () => {
    const ctx = freshContext(world(2), false, ranked);
    ctx.scratch.threat = new Float64Array(4);
    perceivePhase(ctx);
    expect(ctx.scratch.threat.length).toBe(ctx.world.n * ctx.world.n);
    check(ctx);
  });

  it('Walt\'s own model on such a scratch (not fused): the matrix is allocated and filled', () => {
    const ctx = freshContext(world(2), false, waltThreat);
    perceivePhase(ctx);
    const n = ctx.world.n;
    const T = new Float64Array(n * n);
    waltThreat.threatMatrix(ctx.view, T);
    expect(Array.from(ctx.scratch.threat.subarray(0, n * n))).toEqual(Array.from(T));
    for (let i = 0; i < n; i++) expect(ctx.scratch.tMain[i]).toBe(T[i * n + ctx.scratch.target[i]]);
  });
});

describe('fusedWaltRows: the great powers\' columns among the guessed ones (N57)', () => {
  /** The records and every T_ij after some ticks, on the fused path or on the general one (Walt's model as a plug-in). */
  const trace = (input: ScenarioInput, plugin: boolean): string => {
    const sim = createSimulation(resolveScenario(input), { seed: 3, ...(plugin ? { perception: { ...waltThreat } } : {}) });
    const out: unknown[] = [];
    for (let t = 0; t < 6; t++) out.push(sim.step());
    const ids = sim.world.states.map((st) => st.id);
    for (const a of ids) for (const b of ids) out.push(sim.threat(a, b));
    return JSON.stringify(out);
  };

  it('every state a great power, in a world that fills the row kernel (64 states): the fused path equals the general one bit for bit', () => {
    const make = (): ScenarioInput => {
      const input = randomWorld(5, { states: 64, institutions: 3 });
      for (const st of input.states) st.major = true;
      return input;
    };
    const sim = createSimulation(resolveScenario(make()), { seed: 3 }) as Engine;
    sim.step();
    const { world: w, scratch: s } = sim.internals;
    expect(rowKernelOf(w.ahat, w.proximity)?.guessList.length).toBe(64); // no room past the n guesses
    expect(s.gpCount).toBe(64);
    expect(trace(make(), false)).toBe(trace(make(), true));
  });
});
