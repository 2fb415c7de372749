import { describe, expect, it } from 'vitest';
import { updatePhase } from '../../../src/effects/updatePhase.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import { createSimulation, resolveScenario, type ScenarioInput } from '../../../src/index.js';
import { perceivePhase } from '../../../src/perception/perceivePhase.js';
import { aggregatePower, carryCincRing, updateCincPast } from '../../../src/perception/powerShift.js';
import type { Scratch } from '../../../src/engine/Scratch.js';
import type { TickContext } from '../../../src/engine/TickContext.js';
import { everyoneIdle, perceivedContext } from '../../support/tickContext.js';

describe('aggregatePower (N32: Walt\'s power factor with the power shift)', () => {
  it('is P when the share did not rise or w_Δ = 0, larger when it rose, never above 1', () => {
    expect(aggregatePower(3, 1, 3, 1, 1)).toBe(0.25);
    expect(aggregatePower(3, 1, 1, 3, 1)).toBe(0.25); // fell: no shift
    expect(aggregatePower(3, 2, 3, 1, 0)).toBe(0.4);
    expect(aggregatePower(3, 2, 3, 1, 1)).toBeCloseTo(0.4 + 0.15, 15);
    expect(aggregatePower(1, 9, 9, 1, 1)).toBe(1);
  });

  it('is P exactly where the exact test (cross products) and the rounded difference of the shares disagree', () => {
    // cj·ci0 = cj0·ci in floating point (no rise), yet the two rounded shares differ by +3.5e-18.
    const [ci, cj, ci0, cj0] = [0.7004086971282959, 0.011667966842651367, 0.7004086971282958, 0.011667966842651364];
    expect(cj / (ci + cj) - cj0 / (ci0 + cj0)).toBeGreaterThan(0);
    expect(aggregatePower(ci, cj, ci0, cj0, 1)).toBe(cj / (ci + cj));
    // cj·ci0 > cj0·ci (a rise), yet the rounded difference of the shares is −1.1e-16: no shift, not a fall.
    const [di, dj, di0, dj0] = [0.08306014537811279, 0.6766695082187653, 0.08306014537811274, 0.6766695082187647];
    expect(dj * di0 > dj0 * di).toBe(true);
    expect(dj / (di + dj) - dj0 / (di0 + dj0)).toBeLessThan(0);
    expect(aggregatePower(di, dj, di0, dj0, 1)).toBe(dj / (di + dj));
  });
});

/**
 * A power-transition test world (Organski & Kugler 1980): S and its neighbour R, and a distant
 * third state. R either rises over ten years from a tenth of S's capabilities to twice them, or
 * stands at twice them all along; nobody acts, so beliefs are the same in both runs.
 */
const YEARS = 10;
function world(ideologyR: number, wShift: number, levelR: number): ScenarioInput {
  return {
    meta: { id: 'transition', startYear: 1900 },
    states: [
      { id: 'S', capabilities: { mil: 10, eco: 10, pop: 10 }, ideology: 0.1, location: { lat: 50, lon: 10 } },
      { id: 'R', capabilities: { mil: levelR, eco: levelR, pop: levelR }, ideology: ideologyR, location: { lat: 50, lon: 14 } },
      { id: 'F', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.1, location: { lat: -40, lon: -120 } },
    ],
    parameters: { wShift },
  };
}

/** T_SR after YEARS years, R rising (level 1 → 20) or constant at 20. */
function threatOfR(rising: boolean, ideologyR = 0.3, wShift = 1): number {
  const ctx = perceivedContext(world(ideologyR, wShift, rising ? 1 : 20));
  const [s, r] = [ctx.index('S'), ctx.index('R')];
  const w = ctx.world;
  for (let year = 0; year <= YEARS; year++) {
    const level = rising ? 1 + (19 * year) / YEARS : 20;
    w.mil[r] = level; w.eco[r] = level; w.pop[r] = level;
    ctx.tick = year;
    perceivePhase(ctx);
    everyoneIdle(ctx);
    if (year < YEARS) updatePhase(ctx);
  }
  return ctx.scratch.threat[s * w.n + r];
}

describe('power shifts (N32): a rising power threatens those it overtakes more', () => {
  it('T of a rising R toward S exceeds that of the same R at a constant share', () => {
    const rising = threatOfR(true);
    const constant = threatOfR(false);
    expect(rising).toBeGreaterThan(constant + 0.01);
  });

  it('with w_Δ = 0 (the shift switched off) the two are equal', () => {
    expect(threatOfR(true, 0.3, 0)).toBe(threatOfR(false, 0.3, 0));
  });

  it('M2: without perceived intent a rising power is no threat', () => {
    expect(threatOfR(true, 0)).toBe(0);
  });
});

/**
 * The yearly shares survive a rebuild of the world (model note N43): C leaves the system in 1905 and D
 * enters in 1903; A rises every year. The past shares of the states that stay are those recorded
 * before the rebuilds, renumbered; a state that entered has no history (no shift seen in its pairs).
 */
describe('power shifts across states entering and leaving (N32, N43)', () => {
  const input: ScenarioInput = {
    meta: { id: 'shift-spells', startYear: 1900 },
    states: [
      { id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.3, location: { lat: 50, lon: 10 } },
      { id: 'B', capabilities: { mil: 4, eco: 4, pop: 4 }, ideology: 0.3, location: { lat: 50, lon: 14 } },
      { id: 'C', capabilities: { mil: 3, eco: 2, pop: 5 }, spells: [{ to: 1905 }], location: { lat: 40, lon: 0 } },
      { id: 'D', capabilities: { mil: 2, eco: 2, pop: 2 }, spells: [{ from: 1903 }], location: { lat: 45, lon: 5 } },
    ],
  };
  const shareOfPair = (c: Float64Array, i: number, j: number): number => c[j] / (c[i] + c[j]);

  it('keeps the history of the states that stay, renumbered; an entering state has none', () => {
    const sim = createSimulation(resolveScenario(input), { seed: 3 }) as Engine;
    const at = (id: string): number => sim.world.states.findIndex((st) => st.id === id);
    sim.step(); // tick 0, 1900: the first recorded year
    const first = sim.internals.scratch.cinc;
    const pairAt1900 = shareOfPair(first, at('B'), at('A'));
    for (let year = 1; year <= 8; year++) {
      const level = 1 + year;
      for (const field of ['mil', 'eco', 'pop'] as const) sim.apply({ type: 'set-state', state: 'A', field, value: level });
      sim.step();
    }
    // Tick 8 (1908): C left in 1905, D entered in 1903; the window (10 years) reaches back to 1900.
    const { scratch: s } = sim.internals;
    const [a, b, d] = [at('A'), at('B'), at('D')];
    expect(sim.world.states.map((st) => st.id)).toEqual(['A', 'B', 'D']);
    expect(shareOfPair(s.cincPast, b, a)).toBeCloseTo(pairAt1900, 15);
    expect(shareOfPair(s.cinc, b, a)).toBeGreaterThan(pairAt1900 + 0.1); // A rose
    expect(Number.isNaN(s.cincPast[d])).toBe(true);
    // B sees A's rise; D's pairs see no shift (no history in the system).
    const p = sim.scenario.parameters;
    expect(aggregatePower(s.cinc[b], s.cinc[a], s.cincPast[b], s.cincPast[a], p.wShift)).toBeGreaterThan(shareOfPair(s.cinc, b, a));
    expect(aggregatePower(s.cinc[b], s.cinc[d], s.cincPast[b], s.cincPast[d], p.wShift)).toBe(shareOfPair(s.cinc, b, d));
    expect(aggregatePower(s.cinc[d], s.cinc[a], s.cincPast[d], s.cincPast[a], p.wShift)).toBe(shareOfPair(s.cinc, d, a));
  });
});

/** The least a TickContext needs for updateCincPast: n states, the scratch's ring, the window, the tick. */
function ringContext(n: number, shiftWindow: number, ticksPerYear: number): TickContext {
  const scratch = { cinc: new Float64Array(n), cincRing: new Float64Array(0), cincRingFirst: 0, cincRingLast: -1, cincPast: new Float64Array(n) };
  return { world: { n }, scratch, params: { shiftWindow }, rates: { ticksPerYear }, tick: 0 } as unknown as TickContext;
}

/** Shares that differ in every state and every tick: state i at tick t has 100·t + i + 1. */
const sharesAt = (t: number, n: number): number[] => Array.from({ length: n }, (_, i) => 100 * t + i + 1);

describe('updateCincPast: the shares shiftWindow years ago, recorded at the first perception of each year (N32)', () => {
  it('several ticks a year, a run longer than the window: every tick reads the first tick of the year `window` years ago', () => {
    const n = 3; const w = 2; const tpy = 3;
    const ctx = ringContext(n, w, tpy);
    const firstTickOfYear = (y: number): number => y * tpy;
    for (let t = 0; t < 8 * tpy; t++) {
      ctx.tick = t;
      ctx.scratch.cinc.set(sharesAt(t, n));
      updateCincPast(ctx);
      const year = Math.floor(t / tpy);
      const past = Math.max(year - w, 0); // younger than the window: the first recorded year
      expect(Array.from(ctx.scratch.cincPast), `tick ${t}`).toEqual(sharesAt(firstTickOfYear(past), n));
    }
    expect(ctx.scratch.cincRing.length).toBe((w + 1) * n);
  });

  it('restarts the history when the window changes or the run starts again (a tick before the first recorded year)', () => {
    const n = 2;
    const ctx = ringContext(n, 1, 1);
    for (let t = 0; t < 4; t++) { ctx.tick = t; ctx.scratch.cinc.set(sharesAt(t, n)); updateCincPast(ctx); }
    expect(Array.from(ctx.scratch.cincPast)).toEqual(sharesAt(2, n));
    (ctx.params as { shiftWindow: number }).shiftWindow = 3; // a new window: the history restarts at year 4
    for (let t = 4; t < 6; t++) { ctx.tick = t; ctx.scratch.cinc.set(sharesAt(t, n)); updateCincPast(ctx); }
    expect(Array.from(ctx.scratch.cincPast)).toEqual(sharesAt(4, n));
    expect(ctx.scratch.cincRingFirst).toBe(4);
    // The scratch reused for a run from tick 2 (earlier than year 4): the history restarts at year 2.
    ctx.tick = 2; ctx.scratch.cinc.set(sharesAt(50, n)); updateCincPast(ctx);
    expect(Array.from(ctx.scratch.cincPast)).toEqual(sharesAt(50, n));
    expect(ctx.scratch.cincRingFirst).toBe(2);
    ctx.tick = 3; ctx.scratch.cinc.set(sharesAt(51, n)); updateCincPast(ctx);
    expect(Array.from(ctx.scratch.cincPast)).toEqual(sharesAt(50, n));
  });
});

describe('carryCincRing: the ring carried over to a rebuilt world (N43)', () => {
  const ringOf = (values: number[], first: number, last: number): Scratch =>
    ({ cincRing: Float64Array.from(values), cincRingFirst: first, cincRingLast: last }) as unknown as Scratch;

  it('renumbers the states that stay (from[i], index 0 included), NaN for a state that enters, and marks the current year unrecorded', () => {
    // Old world: 3 states, 2 slots (window 1): slot 0 = [1, 2, 3], slot 1 = [4, 5, 6].
    const old = ringOf([1, 2, 3, 4, 5, 6], 7, 9);
    const s = ringOf([], 0, -1);
    carryCincRing(old, 3, s, Int32Array.from([2, -1, 0, 1]));
    expect(Array.from(s.cincRing)).toEqual([3, Number.NaN, 1, 2, 6, Number.NaN, 4, 5]);
    expect([s.cincRingFirst, s.cincRingLast]).toEqual([7, 8]);
  });

  it('a world without a ring yet carries nothing', () => {
    const s = ringOf([9, 9], 3, 4);
    carryCincRing(ringOf([], 0, -1), 2, s, Int32Array.from([0, 1]));
    expect(Array.from(s.cincRing)).toEqual([9, 9]);
    expect([s.cincRingFirst, s.cincRingLast]).toEqual([3, 4]);
  });

  it('the year of the rebuild is recorded again, with the new world\'s shares', () => {
    const n = 2;
    const ctx = ringContext(n, 1, 1);
    for (let t = 0; t < 3; t++) { ctx.tick = t; ctx.scratch.cinc.set(sharesAt(t, n)); updateCincPast(ctx); }
    // Rebuilt at tick 3 (after year 3 was recorded): the two states swap places.
    ctx.tick = 3; ctx.scratch.cinc.set(sharesAt(3, n)); updateCincPast(ctx);
    const s = ctx.scratch as unknown as Scratch;
    const rebuilt = { ...s } as Scratch;
    carryCincRing(s, n, rebuilt, Int32Array.from([1, 0]));
    (ctx as { scratch: Scratch }).scratch = rebuilt;
    rebuilt.cinc = Float64Array.from([7, 8]);
    rebuilt.cincPast = new Float64Array(n);
    updateCincPast(ctx); // year 3 again, in the new world: recorded with the new shares
    expect(Array.from(rebuilt.cincPast)).toEqual([sharesAt(2, n)[1], sharesAt(2, n)[0]]);
    ctx.tick = 4; rebuilt.cinc = Float64Array.from([1, 1]); updateCincPast(ctx);
    expect(Array.from(rebuilt.cincPast)).toEqual([7, 8]);
  });
});
