/**
 * Minimal reproductions of the issues the property suite found (knownIssues.ts), reported to the
 * project lead. Each asserts today's behaviour; when the fix lands the expectation flips and this
 * file, with the entry in knownIssues.ts, should go.
 */
import { describe, expect, it } from 'vitest';
import { OPTION_INDEX } from '../../src/decision/options.js';
import { DRAW_JOIN, DRAWS_PER_TICK } from '../../src/random/StateStreams.js';
import {
  checkAdmissible, createSimulation, defaultParameters, resolveScenario, strategyProbabilities, type ScenarioInput,
} from '../../src/index.js';
import { internalProperty } from '../../src/testing/properties/registry.js';
import { Harness } from '../../src/testing/runtime/Harness.js';
import { LIBRARY, withPhase } from '../../src/testing/runtime/Library.js';
import { resolveModel } from '../../src/testing/runtime/ModelRuntime.js';

describe('known issue P8: C6 does not bound c_P by c_R', () => {
  // Admissible (checkAdmissible returns nothing) with the P14 switch on and c_P = 0.2 > c_R = 0.1.
  const parameters = { ...defaultParameters(), cR: 0.1, cP: 0.2 };

  it('reproduction: at an admissible point with c_P > c_R, log-odds(HI : II) falls as r rises (z level)', () => {
    expect(checkAdmissible(parameters)).toEqual([]);
    const ctx = { T: 0.5, D: 0, Dt: 0, theta: 0, nu: 0, ideo: 0, lam: 0, A: 0, rhoI: 0, rhoE: 0, con: 0, allyT: false, G: 0, disp: 0.5 };
    const lo = (r: number): number => {
      const { utilities: v } = strategyProbabilities({ ...ctx, r }, parameters);
      return (v.HI - v.II) / parameters.mu;
    };
    // ∂/∂r log-odds(HI : II) = T·(c_R − c_P)/μ = 0.5·(0.1 − 0.2)/0.5 = −0.1
    expect(lo(0.4) - lo(0.2)).toBeCloseTo(-0.1 * 0.2, 12);
    expect(internalProperty('P8').check({ parameters }, { numRuns: 200 }).status).toBe('fails');
  });

  it('…and P8 holds at the same point with c_P ≤ c_R (the proposed C6 amendment)', () => {
    expect(internalProperty('P8').check({ parameters: { ...parameters, cR: 0.2 } }, { numRuns: 200 }).status).toBe('holds');
  });
});

describe('known issue E2: R = 1 − exp(−x) rounds to 0 for tiny x', () => {
  const world: ScenarioInput = {
    meta: { id: 'e2', startYear: 2000 },
    states: [
      { id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.5 },
      { id: 'B', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.5 },
      { id: 'C', capabilities: { mil: 3, eco: 3, pop: 3 }, ideology: 0.5 },
    ],
    parameters: { kR: 1e-15 },
  };

  it('reproduction: with k_R = 1e-15 (admissible) and pressure on a state, R is exactly 0 although k_R·Ω·(1 − ideo)·Press > 0', () => {
    const scenario = resolveScenario(world);
    expect(checkAdmissible(scenario.parameters)).toEqual([]);
    const h = new Harness(scenario, scenario.parameters, resolveModel({}));
    h.draw();
    h.run('perceive');
    const s = h.scratch;
    s.action.fill(OPTION_INDEX.SL); // everyone denies legitimacy to its main threat
    h.run('restraint');
    const j = s.target[0];
    const x = scenario.parameters.kR * s.omega[j] * (1 - h.world.ideo[j]) * s.press[j];
    expect(x).toBeGreaterThan(0);
    expect(s.restraint[j]).toBe(0); // the bug: should be ≈ x
    expect(-Math.expm1(-x)).toBeGreaterThan(0); // the proposed fix
  });

  it('…and E2 holds over 𝒫 once restraint is computed as −expm1(−x)', () => {
    const expm1 = withPhase(LIBRARY, 'restraint', (ctx, original) => {
      original(ctx);
      const { scratch: s, world: w, params: p } = ctx;
      for (let j = 0; j < w.n; j++) s.restraint[j] = -Math.expm1(-p.kR * s.omega[j] * (1 - w.ideo[j]) * s.press[j]);
    });
    const settings = { seed: 1, numRuns: 400 };
    expect(internalProperty('E2').checkWith(resolveModel({}, expm1), settings).status).toBe('holds');
  });
});

describe('known issue E8: the §5.7 escalation can make institutional acts more provocative than soft ones', () => {
  // Two states (so they are the two leading rivals), ideologies far apart (gate shut), one shared institution.
  const world = (epsEsc: number): ScenarioInput => ({
    meta: { id: 'e8', startYear: 2000 },
    states: [
      { id: 'A', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.05 },
      { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.9 },
    ],
    institutions: [{ id: 'Q', members: ['A', 'B'], strength: 0.5 }],
    parameters: { epsEsc },
  });
  const increase = (epsEsc: number, act: 'NONE' | 'SL' | 'II'): number => {
    const scenario = resolveScenario(world(epsEsc));
    const h = new Harness(scenario, scenario.parameters, resolveModel({}));
    h.draw();
    h.run('perceive');
    h.scratch.action[h.index('A')] = OPTION_INDEX[act];
    h.scratch.action[h.index('B')] = OPTION_INDEX.NONE;
    h.run('institutional-acts', 'restraint', 'update');
    return h.world.ahat[h.index('B') * 2 + h.index('A')];
  };

  it('reproduction: with ε_esc = 0.1 (admissible), A\'s II raises B\'s ahat of A by ε_I + ε_esc/2 = 0.07 > ε_S = 0.05 from SL', () => {
    expect(checkAdmissible(resolveScenario(world(0.1)).parameters)).toEqual([]);
    const idle = increase(0.1, 'NONE');
    const soft = increase(0.1, 'SL') - idle;
    const inst = increase(0.1, 'II') - idle;
    expect(soft).toBeCloseTo(0.05, 12);
    expect(inst).toBeCloseTo(0.02 + 0.1 / 2, 12);
    expect(inst).toBeGreaterThan(soft); // E8 wants soft ≥ institutional
  });

  it('reproduction at the default parameters: A\'s IE lets C\'s IE found a club too, so B\'s ahat of A rises by ε_I + 2ε_esc/3 = 0.053 > ε_S = 0.05', () => {
    // A and B lead and are ideologically far apart (gate shut); C, small, also balances B with IE but
    // cannot found a club alone (A declines C's invitation: its join draw is set high).
    const scenario = resolveScenario({
      meta: { id: 'e8-defaults', startYear: 2000 },
      states: [
        { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0 },
        { id: 'B', capabilities: { mil: 4, eco: 4, pop: 4 }, ideology: 0.9 },
        { id: 'C', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.05 },
      ],
    });
    const p = scenario.parameters;
    expect([p.epsI, p.epsS, p.epsEsc, p.iotaStar]).toEqual([0.02, 0.05, 0.05, 0.5]); // the defaults
    const ahatBA = (act: 'NONE' | 'SL' | 'IE'): number => {
      const h = new Harness(scenario, p, resolveModel({}));
      h.draw();
      h.run('perceive');
      const [a, b, c] = [h.index('A'), h.index('B'), h.index('C')];
      expect([h.scratch.target[a], h.scratch.target[c]]).toEqual([b, b]);
      h.scratch.draws[a * DRAWS_PER_TICK + DRAW_JOIN] = 0.999;
      h.scratch.action.fill(OPTION_INDEX.NONE);
      h.scratch.action[c] = OPTION_INDEX.IE;
      h.scratch.action[a] = OPTION_INDEX[act];
      h.run('institutional-acts', 'restraint', 'update');
      return h.world.ahat[b * 3 + a];
    };
    const idle = ahatBA('NONE');
    expect(ahatBA('SL') - idle).toBeCloseTo(0.05, 12);
    expect(ahatBA('IE') - idle).toBeCloseTo(0.02 + (2 * 0.05) / 3, 12);
  });

  it('…and the ordering holds in the same world without the escalation (ε_esc = 0)', () => {
    const idle = increase(0, 'NONE');
    expect(increase(0, 'SL') - idle).toBeGreaterThanOrEqual(increase(0, 'II') - idle);
  });
});

describe('reported gap: τ_W = 0 passes checkAdmissible but makes c3 = 0/0', () => {
  it('a major war in the start year with τ_W = 0 gives restraint NaN', () => {
    const scenario = resolveScenario({
      meta: { id: 'tauW', startYear: 2000 },
      states: [
        { id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.5 },
        { id: 'B', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.5 },
      ],
      system: { lastMajorWar: 2000 },
      parameters: { tauW: 0 },
    });
    expect(checkAdmissible(scenario.parameters)).toEqual([]); // accepted today
    const sim = createSimulation(scenario, { policy: { name: 'deny', probabilities: () => ({ SL: 1 }) } });
    const record = sim.step();
    expect(record.meanRestraint).toBeNaN(); // c3 = exp(−(2000 − 2000)/0) = exp(NaN)
  });
});
