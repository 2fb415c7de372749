import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/engine/createWorld.js';
import { restrictScenario } from '../../../src/engine/restrictWorld.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import type { World } from '../../../src/engine/World.js';
import { createSimulation, resolveScenario, type ScenarioInput } from '../../../src/index.js';

// At 1902 (tick 2) CCC leaves, DDD enters and EEE enters again (it left at 1901): a rebuild with
// states leaving, entering and re-entering at once, between staying states on both sides.
const input: ScenarioInput = {
  meta: { id: 'rebuild', startYear: 1900, ticksPerYear: 1 },
  states: [
    { id: 'AAA', capabilities: { mil: 3, eco: 4, pop: 2 }, major: true, location: { lat: 50, lon: 2 } },
    { id: 'BBB', capabilities: { mil: 2, eco: 2, pop: 3 }, major: true, location: { lat: 48, lon: 11 }, ideology: 0.6 },
    { id: 'CCC', capabilities: { mil: 4, eco: 1, pop: 5 }, major: true, spells: [{ to: 1902 }], location: { lat: 55, lon: 37 } },
    { id: 'DDD', capabilities: { mil: 0.3, eco: 0.5, pop: 0.2 }, spells: [{ from: 1902 }], location: { lat: 41, lon: 29 }, ideology: 0.7 },
    { id: 'EEE', capabilities: { mil: 1, eco: 1, pop: 1 }, spells: [{ to: 1901 }, { from: 1902 }], location: { lat: 40, lon: -4 } },
    { id: 'FFF', capabilities: { mil: 1.5, eco: 0.8, pop: 1.2 }, location: { lat: 45, lon: 12 }, ideology: 0.2 },
  ],
  dyads: [
    { between: ['AAA', 'BBB'], trade: 0.3, entente: 0.4 },
    { between: ['AAA', 'EEE'], trade: 0.2, alliance: true, entente: 0.5 },
    { between: ['DDD', 'FFF'], trade: 0.1, alliance: true, entente: 0.3, distance: 800 },
    { between: ['DDD', 'AAA'], distance: 2500 },
    { between: ['CCC', 'FFF'], trade: 0.2, alliance: true },
  ],
  perceptions: [{ from: 'DDD', to: 'BBB', intent: 0.9 }, { from: 'AAA', to: 'DDD', intent: 0.1 }],
  institutions: [{ id: 'Q', members: ['AAA', 'BBB', 'CCC', 'FFF'], strength: 0.6 }],
};

const MATRICES = ['proximity', 'ahat', 'trade', 'tradeBase', 'ally', 'ent'] as const;

/** The relation matrices of the world as plain arrays. */
const relations = (w: World): Record<(typeof MATRICES)[number], number[]> =>
  Object.fromEntries(MATRICES.map((k) => [k, Array.from(w[k])])) as Record<(typeof MATRICES)[number], number[]>;

/**
 * Runs to the rebuild at tick 2 and returns the world before it (beliefs settled, as the rebuild
 * does) and the rebuilt world as it is at the decide phase of tick 2 (nothing has changed its
 * relations yet: the fused pass applies no pending update after a rebuild, and no effect has run).
 */
function aroundRebuild(): { before: World; beforeRel: ReturnType<typeof relations>; after: World; afterRel: ReturnType<typeof relations> } {
  let after: World | null = null;
  let afterRel: ReturnType<typeof relations> | null = null;
  const sim = createSimulation(resolveScenario(input), {
    seed: 3, afterDecide: (ctx) => { if (ctx.tick === 2) { after = ctx.world; afterRel = relations(ctx.world); } },
  }) as Engine;
  sim.run(2);
  const before = sim.internals.world;
  const beforeRel = relations(before);
  sim.step();
  if (after === null || afterRel === null) throw new Error('no rebuild captured');
  return { before, beforeRel, after, afterRel };
}

describe('restrictWorld: the world rebuilt when states enter and leave (model note N43)', () => {
  it('pairs that stay keep their relations; pairs with an entering state take the scenario\'s; a re-entering state has no alliances', () => {
    const { before, beforeRel, after, afterRel } = aroundRebuild();
    expect(after.ids).toEqual(['AAA', 'BBB', 'DDD', 'EEE', 'FFF']);
    // The reference: a new world of the states in the system, with the old values of the staying pairs.
    const fresh = createWorld(restrictScenario(resolveScenario(input), new Set(after.ids)));
    const want = relations(fresh);
    const n = after.n;
    const was = after.ids.map((id) => before.ids.indexOf(id));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j || was[i] < 0 || was[j] < 0) continue;
        for (const k of MATRICES) want[k][i * n + j] = beforeRel[k][was[i] * before.n + was[j]];
      }
    }
    const eee = after.ids.indexOf('EEE');
    for (let j = 0; j < n; j++) for (const k of ['ally', 'ent'] as const) want[k][eee * n + j] = want[k][j * n + eee] = 0;
    for (const k of MATRICES) expect(afterRel[k], k).toEqual(want[k]);
    // Stated values reach the entering state: its alliance with FFF, its perception of BBB, its distance to AAA.
    const at = (a: string, b: string): number => after.ids.indexOf(a) * n + after.ids.indexOf(b);
    expect(afterRel.ally[at('DDD', 'FFF')]).toBe(1);
    expect(afterRel.ahat[at('DDD', 'BBB')]).toBe(0.9);
    expect(afterRel.proximity[at('DDD', 'AAA')]).toBe(fresh.proximity[at('DDD', 'AAA')]);
    expect(afterRel.ally[at('AAA', 'EEE')]).toBe(0);
    // The derived lists follow the matrices.
    let pairs = 0;
    for (let i = 0; i < n; i++) {
      const allies = after.ids.flatMap((_, j) => (afterRel.ally[i * n + j] === 1 ? [j] : []));
      expect(after.allies[i]).toEqual(allies);
      expect(after.allyCount[i]).toBe(allies.length);
      pairs += allies.length;
    }
    expect(after.allianceCount).toBe(pairs / 2);
    expect(after.allies[after.ids.indexOf('FFF')]).toContain(after.ids.indexOf('DDD'));
  });

  it('reuses the matrices\' buffers of the world before (sized for the most states at once): no allocation', () => {
    const { before, after } = aroundRebuild();
    for (const k of MATRICES) expect(after[k].buffer === before[k].buffer, k).toBe(true);
    expect(after.ahat.buffer.byteLength).toBe(5 * 5 * 8); // at most five states in the system at once
  });

  it('reuses the scratch\'s n×n buffers of the world before', () => {
    const sim = createSimulation(resolveScenario(input), { seed: 3 }) as Engine;
    sim.run(2);
    const s = sim.internals.scratch;
    const buffers = [s.dualInclTick, s.dualExclTick, s.dualInclVenue, s.dualExclVenue, s.dualActive, s.dualListed, s.dualPairs].map((m) => m.buffer);
    sim.step();
    const t = sim.internals.scratch;
    expect(t).not.toBe(s);
    [t.dualInclTick, t.dualExclTick, t.dualInclVenue, t.dualExclVenue, t.dualActive, t.dualListed, t.dualPairs]
      .forEach((m, k) => expect(m.buffer === buffers[k], `buffer ${k}`).toBe(true));
    expect(t.dualInclTick.length).toBe(25);
  });
});

describe('restrictWorld keeps the veto holders (model §5.12, note N60)', () => {
  it('a veto holder that stays keeps its veto in its renumbered slot; one that leaves takes it along', () => {
    const withVeto: ScenarioInput = { ...input, institutions: [{ id: 'Q', members: ['AAA', 'BBB', 'CCC', 'FFF'], strength: 0.6, decisionRule: 'majority', vetoMembers: ['CCC', 'FFF'] }] };
    const sim = createSimulation(resolveScenario(withVeto), { seed: 3 }) as Engine;
    sim.run(3); // CCC leaves and DDD, EEE enter at tick 2: the world is rebuilt
    const w = sim.internals.world;
    const q = w.instIds.indexOf('Q');
    expect(w.ids).toEqual(['AAA', 'BBB', 'DDD', 'EEE', 'FFF']);
    expect(Array.from(w.vetoHolder.subarray(q * w.n, (q + 1) * w.n))).toEqual([0, 0, 0, 0, 1]);
  });
});
