import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario } from '../../../src/index.js';
import { randomWorld } from '../../support/randomWorld.js';

describe('Simulation.stepAndExplain', () => {
  it('explains the drawn option consistently and does not change the trajectory', () => {
    const scenario = resolveScenario(randomWorld(31));
    const plain = createSimulation(scenario, { seed: 9 });
    const explained = createSimulation(scenario, { seed: 9 });
    const id = scenario.states[2].id;
    plain.run(10);
    explained.run(10);
    const { record, explanation: e } = explained.stepAndExplain(id);
    expect(record).toEqual(plain.step());
    expect(explained.world).toEqual(plain.world);

    expect(e.tick).toBe(10);
    expect(e.state).toBe(id);
    expect(e.options.map((o) => o.option)).toEqual(['NONE', 'BAND', 'HI', 'HE', 'SE', 'SS', 'SL', 'II', 'IE']);
    const sum = e.options.reduce((t, o) => t + o.probability, 0);
    expect(sum).toBeCloseTo(1, 12);
    for (const o of e.options) {
      if (!o.available) expect(o.probability).toBe(0);
      expect(o.terms.reduce((t, x) => t + x.value, 0)).toBeCloseTo(o.utility, 12);
    }
    // The draw picks the chosen option by inverse CDF over the menu order.
    let acc = 0;
    let picked = 'NONE';
    for (const o of e.options) { acc += o.probability; if (o.probability > 0) picked = o.option; if (e.draw < acc && o.probability > 0) { picked = o.option; break; } }
    expect(e.chosen).toBe(picked);
    expect(explained.world.states.find((s) => s.id === id)?.lastAction).toBe(e.chosen);
    // Walt's components reproduce the threat: T = ahat·(wP·P + wG·G + wO·O).
    const p = scenario.parameters;
    const m = e.mainThreat;
    expect(m.threat).toBeCloseTo(m.intent * (p.wP * m.power + p.wG * m.proximity + p.wO * m.offence), 12);
    expect(e.context.T).toBe(m.threat);
    for (const o of e.otherThreats) expect(o.threat).toBeLessThanOrEqual(m.threat);
    expect(() => explained.stepAndExplain('nobody')).toThrow(/unknown state "nobody"/);
  });
});

describe('Simulation.stepAndExplain: partner and great powers (issue #13 item 4, note N57)', () => {
  it('names the partner of HE, SE and IE acts from the tick\'s choices, and ranks every great power', () => {
    const seen = new Set<string>();
    for (let world = 40; world < 52 && seen.size < 3; world++) {
      const scenario = resolveScenario(randomWorld(world, { states: 10, institutions: 3 }));
      const ids = scenario.states.map((s) => s.id);
      for (const id of ids.slice(0, 4)) {
        const sim = createSimulation(scenario, { seed: world });
        for (let t = 0; t < 30; t++) {
          const { explanation: e } = sim.stepAndExplain(id);
          const w = sim.world;
          const majors = w.states.filter((s) => s.major && s.id !== id).map((s) => s.id).sort();
          expect(e.greatPowers.map((g) => g.state).sort()).toEqual(majors);
          e.greatPowers.forEach((g, k) => {
            if (k > 0) expect(g.rank).toBeGreaterThan(e.greatPowers[k - 1].rank);
            expect(g.main).toBe(g.state === e.mainThreat.state);
            if (g.main) { expect(g.rank).toBe(1); expect(g.threat).toBe(e.context.T); }
            expect(g.threat).toBe(sim.threat(id, g.state));
          });
          const p = e.partner;
          if (e.chosen === 'HE' && p !== null) {
            seen.add('ally');
            expect(p.kind).toBe('ally');
            expect(p.states).toHaveLength(1);
            expect(p.states[0]).not.toBe(id);
            expect(p.states[0]).not.toBe(e.mainThreat.state);
            expect(p.inForce).toBe(sim.allied(id, p.states[0]));
          } else if (e.chosen === 'SE' && p !== null) {
            seen.add('entente');
            expect(p.kind).toBe('entente');
            expect(p.states).toHaveLength(1);
            expect(p.states[0]).not.toBe(e.mainThreat.state);
          } else if (e.chosen === 'IE' && e.venue !== null) {
            seen.add('club');
            const venue = w.institutions.find((q) => q.id === e.venue);
            expect(p).toEqual({ kind: 'club', states: (venue?.members ?? []).filter((m) => m !== id).sort(), inForce: venue !== undefined });
            expect(p?.states).not.toContain(e.mainThreat.state);
          } else {
            expect(p).toBeNull();
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(['ally', 'club', 'entente']);
  });
});
