import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSeed, SEED_LIMIT, seedKeyText } from '../../../src/experiments/deriveSeed.js';
import { expandDesign, type Design } from '../../../src/experiments/design.js';

const key = { baseSeed: 42, scenarioId: 'concert-of-europe', point: { 'system.lambda': 0.5, 'parameters.mu': 1 }, replicate: 3 };

describe('deriveSeed: a run\'s seed from what the run is', () => {
  it('is pinned: the same key gives the same seed on every platform, release and run', () => {
    expect(seedKeyText(key)).toBe('{"base":42,"point":{"parameters.mu":1,"system.lambda":0.5},"replicate":3,"scenario":"concert-of-europe","v":1}');
    // The first 48 bits of SHA-256 of that text (reproducible in any language; docs/experiments.md).
    const hex = createHash('sha256').update(seedKeyText(key)).digest('hex').slice(0, 12);
    expect(deriveSeed(key)).toBe(Number.parseInt(hex, 16));
    expect(deriveSeed(key)).toBe(131482577555232);
  });

  it('is a whole number in [0, 2^48) and depends on every part of the key, not on the order of the point\'s keys', () => {
    const s = deriveSeed(key);
    expect(Number.isSafeInteger(s) && s >= 0 && s < SEED_LIMIT).toBe(true);
    expect(deriveSeed({ ...key, point: { 'parameters.mu': 1, 'system.lambda': 0.5 } })).toBe(s);
    const variants = [
      { ...key, baseSeed: 43 }, { ...key, baseSeed: '42' }, { ...key, scenarioId: 'other' }, { ...key, replicate: 4 },
      { ...key, point: { 'system.lambda': 0.5 } }, { ...key, point: { 'system.lambda': 0.5000000001, 'parameters.mu': 1 } },
    ];
    const seeds = new Set([s, ...variants.map(deriveSeed)]);
    expect(seeds.size).toBe(variants.length + 1);
  });

  it('adding, removing or reordering design points does not change the other points\' seeds', () => {
    const grid = (values: number[]): Design => ({ type: 'grid', parameters: { 'system.lambda': { values }, 'states.A.domesticSupport': { values: [0.1, 0.9] } } });
    const seedsOf = (d: Design) => new Map(expandDesign(d).flatMap((p) => [0, 1, 2].map((r) => [
      JSON.stringify([p.values, r]), deriveSeed({ baseSeed: 7, scenarioId: 's', point: p.values, replicate: r }),
    ] as const)));
    const before = seedsOf(grid([0.2, 0.5]));
    const after = seedsOf(grid([0.8, 0.5, 0.35, 0.2])); // points added and reordered: indices all change
    expect(after.size).toBe(before.size * 2);
    for (const [k, seed] of before) expect(after.get(k)).toBe(seed);
    // An alias names the same point, so the same seeds.
    const aliased = seedsOf({ type: 'grid', parameters: { 'parameters.lambda': { values: [0.2, 0.5] }, 'states.A.domesticSupport': { values: [0.1, 0.9] } } });
    expect([...aliased]).toEqual([...before]);
  });

  it('gives distinct seeds to many replicates', () => {
    const seeds = new Set(Array.from({ length: 5_000 }, (_, r) => deriveSeed({ ...key, replicate: r })));
    expect(seeds.size).toBe(5_000);
  });
});
