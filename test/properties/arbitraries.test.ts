/**
 * The kit's own machinery: the arbitraries sample what they claim (𝒫 by construction, contexts in
 * [0,1], valid generic worlds) and the harness that runs single phases is the engine's tick.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTIONS } from '../../src/decision/options.js';
import type { Engine } from '../../src/engine/Simulation.js';
import { checkAdmissible, createSimulation, resolveScenario, strategyProbabilities } from '../../src/index.js';
import {
  admissibleParameters, decisionContext, perceptionView, resolvedScenario, scenarioInput,
} from '../../src/testing/index.js';
import { Harness } from '../../src/testing/runtime/Harness.js';
import { resolveModel } from '../../src/testing/runtime/ModelRuntime.js';
import { FC_SEED, TIMEOUT } from './fcSettings.js';

const settings = { seed: FC_SEED, numRuns: 2000 };

describe('admissibleParameters', () => {
  it('draws only admissible parameters (checkAdmissible finds nothing), switches at random', () => {
    fc.assert(fc.property(admissibleParameters(), (p) => { expect(checkAdmissible(p)).toEqual([]); }), settings);
  }, TIMEOUT);

  it('honours the switches: off is exactly 0, on is > 0, and both stay admissible', () => {
    fc.assert(fc.property(admissibleParameters({ epsC: 'on', cP: 'off' }), admissibleParameters({ epsC: 'off', cP: 'on' }), (a, b) => {
      expect(a.epsC).toBeGreaterThan(0);
      expect(a.cP).toBe(0);
      expect(b.epsC).toBe(0);
      expect(b.cP).toBeGreaterThan(0);
      expect([...checkAdmissible(a), ...checkAdmissible(b)]).toEqual([]);
    }), settings);
  }, TIMEOUT);

  it('reaches the boundary of 𝒫: some draws meet a C3 gap with equality', () => {
    let tight = 0;
    fc.assert(fc.property(admissibleParameters(), (p) => { if (p.betaE - p.betaI === p.zeta + 2 * p.cP) tight++; }), settings);
    expect(tight).toBeGreaterThan(0);
  }, TIMEOUT);

  it('keeps utilities within the range where the logit cannot underflow: |V_a − V_b|/μ < 700', () => {
    fc.assert(fc.property(admissibleParameters(), decisionContext(), (p, ctx) => {
      const v = Object.values(strategyProbabilities(ctx, p).utilities);
      expect((Math.max(...v) - Math.min(...v)) / p.mu).toBeLessThan(700);
    }), settings);
  }, TIMEOUT);
});

describe('decisionContext', () => {
  it('draws every z variable in [0, 1], NONE always available, disp only at the z level', () => {
    fc.assert(fc.property(decisionContext({ menu: 'random' }), decisionContext({ level: 'z' }), (c, z) => {
      for (const k of ['T', 'D', 'Dt', 'theta', 'nu', 'ideo', 'lam', 'r', 'A', 'rhoI', 'rhoE', 'con', 'G'] as const) {
        expect(c[k]).toBeGreaterThanOrEqual(0);
        expect(c[k]).toBeLessThanOrEqual(1);
      }
      expect(c.available?.NONE).toBe(true);
      expect(Object.keys(c.available ?? {})).toEqual([...OPTIONS]);
      expect(c.disp).toBeUndefined();
      expect(z.disp).toBeGreaterThanOrEqual(0);
    }), settings);
  });
});

describe('scenarioInput and resolvedScenario', () => {
  it('draw valid, generic worlds (resolveScenario accepts them; capabilities of different states differ)', () => {
    fc.assert(fc.property(scenarioInput(), (input) => {
      const s = resolveScenario(input);
      expect(s.states.length).toBeGreaterThanOrEqual(2);
      const mil = s.states.map((st) => st.capabilities.mil);
      expect(new Set(mil).size).toBe(mil.length);
    }), { ...settings, numRuns: 300 });
  }, TIMEOUT);

  it('resolve with parameters drawn from 𝒫', () => {
    fc.assert(fc.property(resolvedScenario({ parameters: admissibleParameters() }), (s) => {
      expect(s.warnings).toEqual([]);
      createSimulation(s, { seed: 1 }).run(2);
    }), { ...settings, numRuns: 100 });
  }, TIMEOUT);

  it('perceptionView gives the Walt model threats in [0, 1]', () => {
    fc.assert(fc.property(perceptionView(admissibleParameters()), (view) => {
      expect(view.cinc.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(view.ahat.every((a) => a >= 0 && a <= 1)).toBe(true);
    }), { ...settings, numRuns: 300 });
  });
});

describe('Harness', () => {
  it('runs the same trajectory as createSimulation (same seed, same scenario, five ticks)', () => {
    fc.assert(fc.property(scenarioInput({ growth: true }), admissibleParameters(), fc.nat(1000), (input, p, seed) => {
      const scenario = resolveScenario({ ...input, parameters: p });
      const sim = createSimulation(scenario, { seed }) as Engine;
      const h = new Harness(scenario, scenario.parameters, resolveModel({}), { seed });
      for (let t = 0; t < 5; t++) {
        sim.step();
        h.tick();
        const { world: w, scratch: s } = sim.internals;
        for (const key of ['mil', 'eco', 'pop', 'leg', 'ahat', 'trade', 'ally', 'ent', 'member', 'instStrength'] as const) {
          expect(Array.from(h.world[key]), `${key} at tick ${t}`).toEqual(Array.from(w[key]));
        }
        expect(Array.from(h.scratch.action)).toEqual(Array.from(s.action));
        expect(Array.from(h.scratch.prob)).toEqual(Array.from(s.prob));
      }
    }), { ...settings, numRuns: 100 });
  }, TIMEOUT);
});
