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
