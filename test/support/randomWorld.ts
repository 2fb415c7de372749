import type { ScenarioInput } from '../../src/index.js';

/** mulberry32: a tiny seeded PRNG for building test worlds (never Math.random). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options for {@link randomWorld}. */
export interface RandomWorldOptions {
  states?: number;
  institutions?: number;
  /** Share of state pairs that trade. */
  tradeDensity?: number;
}

/**
 * A random but valid scenario: varied capabilities, locations, ideologies, a few revisionists and
 * nuclear powers, sparse trade, some alliances and ententes, institutions with random members.
 */
export function randomWorld(seed: number, options: RandomWorldOptions = {}): ScenarioInput {
  const rnd = mulberry32(seed);
  const n = options.states ?? 8 + Math.floor(rnd() * 8);
  const m = options.institutions ?? 1 + Math.floor(rnd() * 4);
  const density = options.tradeDensity ?? 0.4;
  const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(3, '0')}`);
  const states = ids.map((id) => ({
    id,
    major: rnd() < 0.3,
    capabilities: { mil: 0.1 + rnd() * 10, eco: 0.1 + rnd() * 10, pop: 0.1 + rnd() * 10 },
    location: { lat: -60 + rnd() * 120, lon: -180 + rnd() * 360 },
    offensive: rnd(),
    nuclear: rnd() < 0.2,
    revisionism: rnd() < 0.3 ? rnd() : 0,
    ideology: rnd(),
    legitimacyBaseline: rnd(),
    domesticSupport: rnd(),
    growth: { mil: (rnd() - 0.5) * 0.02, eco: (rnd() - 0.5) * 0.02, pop: rnd() * 0.01 },
  }));
  const dyads: NonNullable<ScenarioInput['dyads']> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const trades = rnd() < density;
      const allied = rnd() < 0.1;
      const entente = rnd() < 0.1 ? rnd() : 0;
      if (trades || allied || entente > 0) {
        dyads.push({ between: [ids[i], ids[j]], trade: trades ? rnd() * 0.5 : 0, alliance: allied, entente });
      }
    }
  }
  const institutions = Array.from({ length: m }, (_, q) => ({
    id: `I${q}`,
    members: ids.filter(() => rnd() < 0.5),
    strength: 0.1 + rnd() * 0.9,
  })).filter((q) => q.members.length >= 2);
  return {
    meta: { id: `random-${seed}`, startYear: 1900 },
    states, dyads, institutions,
    system: { lambda: rnd(), nu: rnd(), theta: rnd(), lastMajorWar: rnd() < 0.5 ? 1895 : null },
  };
}
