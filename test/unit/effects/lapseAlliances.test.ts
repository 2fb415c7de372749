import { describe, expect, it } from 'vitest';
import { alignmentPhase } from '../../../src/effects/alignmentPhase.js';
import { setAlliance } from '../../../src/engine/createWorld.js';
import { lapseAlliances } from '../../../src/effects/lapseAlliances.js';
import { createSimulation, resolveScenario, type ScenarioInput } from '../../../src/index.js';
import { perceivePhase, threatEntry } from '../../../src/perception/perceivePhase.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

// A threatens everyone (ideology 0.9); B and C perceive it. D is allied with A in the scenario (an input).
const world = (ticksPerYear: number, allianceLapseYears: number): ScenarioInput => ({
  meta: { id: 'lapse', startYear: 1900, ticksPerYear },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.9, offensive: 0.9 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
    { id: 'D', capabilities: { mil: 3, eco: 3, pop: 3 } },
  ],
  dyads: [{ between: ['A', 'D'], alliance: true }],
  parameters: { allianceLapseYears },
});

/** B and C form an alliance against A (both choose HE against A); returns the indices of A, B, C and D. */
function formAgainstA(ctx: ReturnType<typeof perceivedContext>): [number, number, number, number] {
  everyoneIdle(ctx);
  setAction(ctx, 'B', 'HE', 'A');
  setAction(ctx, 'C', 'HE', 'A');
  alignmentPhase(ctx);
  return ['A', 'B', 'C', 'D'].map(ctx.index) as [number, number, number, number];
}

describe('alliances end (model note N29)', () => {
  // The general path reads T from the stored matrix; the engine's fused path from the column the
  // perceive phase prepared for the target (A stays every state's main threat, by its capability,
  // also when no one perceives any threat), else recomputed.
  it.each([false, true])('a formed alliance lapses once the shared threat has faded for allianceLapseYears, not a tick before; an input alliance does not (fused path: %s)', (fused) => {
    const ctx = perceivedContext(world(2, 3)); // 3 years at 2 ticks a year: 6 ticks
    ctx.fused = fused;
    const { world: w } = ctx;
    const n = w.n;
    const [a, b, c, d] = formAgainstA(ctx);
    expect(w.ally[b * n + c]).toBe(1);
    expect(w.formedTarget).toEqual([a]);
    const tick = (faded: boolean): void => {
      ctx.tick++;
      const belief = faded ? 0 : 0.9; // B's and C's perceived intent of A: no threat when 0
      w.ahat[b * n + a] = belief;
      w.ahat[c * n + a] = belief;
      w.ahat[d * n + a] = 0; // D's threat from A fades too: its alliance with A is an input and stays
      perceivePhase(ctx);
      expect(ctx.scratch.threatStored).toBe(!fused);
      if (fused) expect(ctx.scratch.targetStamp[a]).toBe(ctx.scratch.stamp); // A's column was prepared
      lapseAlliances(ctx);
    };
    for (let t = 0; t < 5; t++) tick(true);
    tick(false); // the threat is back: the count restarts
    for (let t = 0; t < 5; t++) tick(true);
    expect(w.ally[b * n + c]).toBe(1); // faded for 5 ticks (2.5 years): not yet
    expect(ctx.events?.some((e) => e.type === 'alliance-lapsed')).toBe(false);
    tick(true); // the sixth faded tick: 3 years
    expect(w.ally[b * n + c]).toBe(0);
    expect(w.ally[c * n + b]).toBe(0);
    expect(w.formedPairs).toEqual([]);
    expect(ctx.events?.at(-1)).toEqual({ tick: ctx.tick, type: 'alliance-lapsed', actor: 'B', partner: 'C', target: 'A' });
    expect(w.ally[a * n + d]).toBe(1);
  });

  /**
   * The fused path with B and C allied against D, which is no one's main threat (A stays everyone's):
   * each `tick(towardD)` sets B's and C's perceived intent of D, runs the perceive phase (D's column
   * is not prepared, so T toward D is recomputed) and then the lapse test.
   */
  const allianceAgainstD = (lapseYears: number) => {
    const ctx = perceivedContext(world(1, lapseYears));
    ctx.fused = true;
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    const [a, b, c, d] = formAgainstA(ctx);
    w.formedTarget[0] = d; // the alliance of B and C answers D's threat; A stays everyone's main threat
    const tick = (towardD: number, beforeLapse: () => void = () => {}): void => {
      ctx.tick++;
      for (const k of [b, c, d]) w.ahat[k * n + a] = 0.9;
      for (const k of [b, c]) w.ahat[k * n + d] = towardD;
      w.ahat[a * n + b] = 0.9; // A's own main threat is B
      w.ahat[a * n + c] = 0;
      w.ahat[a * n + d] = 0;
      perceivePhase(ctx);
      expect(s.targetStamp[a]).toBe(s.stamp);
      expect(s.targetStamp[d]).not.toBe(s.stamp); // D's column was not prepared this tick
      beforeLapse();
      lapseAlliances(ctx);
    };
    return { ctx, w, s, n, a, b, c, d, tick };
  };

  it('on the fused path, a target that is no one\'s main threat is recomputed, not read from another target\'s column', () => {
    const { ctx, w, s, n, a, b, c, d, tick } = allianceAgainstD(2); // 2 years at 1 tick a year
    // A stale slot may point at a live column (here A's, where T ≥ T_min); D's threat has faded.
    for (let t = 0; t < 2; t++) tick(0, () => { s.targetSlot[d] = s.targetSlot[a]; });
    expect(w.ally[b * n + c]).toBe(0);
    expect(ctx.events?.at(-1)).toEqual({ tick: ctx.tick, type: 'alliance-lapsed', actor: 'B', partner: 'C', target: 'D' });
  });

  it('on the fused path, a recomputed threat at or above T_min keeps the alliance', () => {
    const { ctx, w, s, n, b, c, d, tick } = allianceAgainstD(1); // 1 year at 1 tick a year: one faded tick would end it
    for (let t = 0; t < 3; t++) {
      tick(0.5, () => {
        for (const k of [b, c]) expect(threatEntry(w, s, k, d)).toBeGreaterThanOrEqual(ctx.params.tMin);
      });
      expect(w.formedFaded).toEqual([0]);
    }
    expect(w.ally[b * n + c]).toBe(1);
  });

  it('an input alliance with a data end date ends before the first tick that starts at or after the date', () => {
    const input = world(4, 5);
    input.dyads = [{ between: ['A', 'D'], alliance: true, allianceEnds: 1902.3 }]; // ends before tick 10 (1902.5)
    const sim = createSimulation(resolveScenario(input), { seed: 1 });
    sim.run(10);
    expect(sim.allied('A', 'D')).toBe(true); // through tick 9 (1902.25)
    sim.step();
    expect(sim.allied('A', 'D')).toBe(false);
    expect(sim.events.filter((e) => e.type === 'alliance-ended')).toEqual([{ tick: 10, type: 'alliance-ended', between: ['A', 'D'] }]);
  });

  it('an end date before the start, or on a dyad that is not an alliance, is an error at its field', () => {
    const early = world(1, 5);
    early.dyads = [{ between: ['A', 'D'], alliance: true, allianceEnds: 1899 }];
    expect(() => resolveScenario(early)).toThrow(/dyads\[0\]\.allianceEnds.*before the scenario starts/s);
    const none = world(1, 5);
    none.dyads = [{ between: ['A', 'D'], allianceEnds: 1901 }];
    expect(() => resolveScenario(none)).toThrow(/dyads\[0\]\.allianceEnds.*needs alliance: true/s);
  });

  it('allianceLapseYears must be > 0 (checkAdmissible, C1)', () => {
    expect(() => resolveScenario(world(1, 0))).toThrow(/allianceLapseYears/);
  });

  describe('which formed alliances lapse', () => {
    const formed = (): { ctx: ReturnType<typeof perceivedContext>; b: number; c: number; a: number } => {
      const ctx = perceivedContext(world(1, 2)); // 2 years at 1 tick a year
      const [a, b, c] = formAgainstA(ctx);
      expect(ctx.world.formedTarget).toEqual([a]);
      return { ctx, a, b, c };
    };
    const tick = (ctx: ReturnType<typeof perceivedContext>, beliefB: number, beliefC: number): void => {
      const { world: w } = ctx;
      const n = w.n;
      const a = ctx.index('A');
      ctx.tick++;
      w.ahat[ctx.index('B') * n + a] = beliefB;
      w.ahat[ctx.index('C') * n + a] = beliefC;
      perceivePhase(ctx);
      lapseAlliances(ctx);
    };

    it('only when the threat has faded for both partners', () => {
      for (const [bb, bc] of [[0, 0.9], [0.9, 0]]) {
        const { ctx, b, c } = formed();
        for (let t = 0; t < 4; t++) tick(ctx, bb, bc);
        expect(ctx.world.ally[b * ctx.world.n + c], `${bb} ${bc}`).toBe(1);
      }
      const { ctx, b, c } = formed();
      tick(ctx, 0, 0);
      expect(ctx.world.ally[b * ctx.world.n + c]).toBe(1);
      tick(ctx, 0, 0);
      expect(ctx.world.ally[b * ctx.world.n + c]).toBe(0);
    });

    it('an alliance whose target left the state system (target −1, N43) lapses after the same time, with an empty target', () => {
      const { ctx, b, c } = formed();
      ctx.world.formedTarget[0] = -1;
      // every state's threat from D high, so that reading a threat "toward state −1" (an entry of the
      // row before) could not count as faded
      const n = ctx.world.n;
      const d = ctx.index('D');
      for (let m = 0; m < n; m++) if (m !== d) ctx.world.ahat[m * n + d] = 1;
      tick(ctx, 0.9, 0.9); // the threat from A is high, but the alliance was against a state that is gone
      expect(ctx.world.ally[b * ctx.world.n + c]).toBe(1);
      tick(ctx, 0.9, 0.9);
      expect(ctx.world.ally[b * ctx.world.n + c]).toBe(0);
      expect(ctx.events?.at(-1)).toEqual({ tick: ctx.tick, type: 'alliance-lapsed', actor: 'B', partner: 'C', target: '' });
    });

    it('lapses without collecting events when the run collects none', () => {
      const { ctx, b, c } = formed();
      ctx.events = null;
      tick(ctx, 0, 0);
      tick(ctx, 0, 0);
      expect(ctx.world.ally[b * ctx.world.n + c]).toBe(0);
    });

    it('visits every formed alliance: two that fade together lapse in the same tick', () => {
      const { ctx, a, b, c } = formed();
      const d = ctx.index('D');
      const n = ctx.world.n;
      expect(setAlliance(ctx.world, b, d, true, a)).toBe(true); // a second formed alliance, B–D against A
      ctx.world.ahat[d * n + a] = 0;
      tick(ctx, 0, 0);
      expect(ctx.world.formedPairs).toHaveLength(2);
      tick(ctx, 0, 0);
      expect(ctx.world.ally[b * n + c]).toBe(0);
      expect(ctx.world.ally[b * n + d]).toBe(0);
      expect(ctx.world.formedPairs).toEqual([]);
      expect(ctx.events?.filter((e) => e.type === 'alliance-lapsed')).toHaveLength(2);
    });
  });
  describe('the threat each partner reads (the stored matrix of the general path)', () => {
    // Four states without input alliances; B and C (indices 1, 2) formed an alliance against D
    // (index 3, not 0, so that T_BD and T_CD are not in column 0). The test writes the stored threat
    // matrix itself and calls lapseAlliances alone, with a lapse time of one tick.
    const setUp = (): { ctx: ReturnType<typeof perceivedContext>; b: number; c: number; d: number; tMin: number } => {
      const input = world(1, 1);
      input.dyads = [];
      const ctx = perceivedContext(input);
      const [b, c, d] = ['B', 'C', 'D'].map(ctx.index);
      expect([b, c, d]).toEqual([1, 2, 3]);
      expect(ctx.scratch.threatStored).toBe(true);
      expect(ctx.rates.allianceLapseTicks).toBe(1);
      expect(setAlliance(ctx.world, b, c, true, d)).toBe(true);
      ctx.scratch.threat.fill(0);
      const tMin = ctx.params.tMin;
      expect(tMin).toBeGreaterThan(0);
      return { ctx, b, c, d, tMin };
    };
    const allied = (ctx: ReturnType<typeof perceivedContext>, b: number, c: number): number => ctx.world.ally[b * ctx.world.n + c];

    it('a threat exactly at T_min has not faded, for either partner (faded means T < T_min)', () => {
      for (const atMin of ['B', 'C'] as const) {
        const { ctx, b, c, d, tMin } = setUp();
        const n = ctx.world.n;
        ctx.scratch.threat[(atMin === 'B' ? b : c) * n + d] = tMin; // the other partner's threat is 0
        lapseAlliances(ctx);
        expect(allied(ctx, b, c), `${atMin} at T_min`).toBe(1);
        expect(ctx.world.formedFaded, `${atMin} at T_min`).toEqual([0]);
      }
      const { ctx, b, c, d, tMin } = setUp();
      const n = ctx.world.n;
      const below = tMin - 2 ** -40;
      ctx.scratch.threat[b * n + d] = below;
      ctx.scratch.threat[c * n + d] = below;
      lapseAlliances(ctx);
      expect(allied(ctx, b, c)).toBe(0);
    });

    it('reads T_ij toward the common target j, not another entry of the matrix', () => {
      // every entry high except the two toward D: faded
      const low = setUp();
      const n = low.ctx.world.n;
      low.ctx.scratch.threat.fill(1);
      low.ctx.scratch.threat[low.b * n + low.d] = 0;
      low.ctx.scratch.threat[low.c * n + low.d] = 0;
      lapseAlliances(low.ctx);
      expect(allied(low.ctx, low.b, low.c)).toBe(0);
      // only the two entries toward D high: not faded
      const high = setUp();
      high.ctx.scratch.threat[high.b * n + high.d] = 1;
      high.ctx.scratch.threat[high.c * n + high.d] = 1;
      lapseAlliances(high.ctx);
      expect(allied(high.ctx, high.b, high.c)).toBe(1);
    });

    it('keeps the formed-alliance lists parallel (World.formedPairs, formedTarget, formedFaded)', () => {
      const { ctx, b, c, d, tMin } = setUp();
      const w = ctx.world;
      const n = w.n;
      const a = ctx.index('A');
      expect(setAlliance(w, a, b, true, d)).toBe(true); // a second formed alliance, A–B against D
      const parallel = (): void => {
        expect(w.formedTarget).toHaveLength(w.formedPairs.length);
        expect(w.formedFaded).toHaveLength(w.formedPairs.length);
      };
      ctx.scratch.threat.fill(1); // nothing fades
      lapseAlliances(ctx);
      parallel();
      expect(w.formedFaded).toEqual([0, 0]);
      ctx.scratch.threat[a * n + d] = 0;
      ctx.scratch.threat[b * n + d] = tMin / 2; // A–B fades and lapses; B–C does not (C's threat stays)
      lapseAlliances(ctx);
      parallel();
      expect(w.formedPairs).toEqual([Math.min(b, c) * n + Math.max(b, c)]);
      expect(allied(ctx, a, b)).toBe(0);
    });
  });
});

