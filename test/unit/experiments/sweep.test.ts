import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../src/index.js';
import { deriveSeed } from '../../../src/experiments/deriveSeed.js';
import type { Design } from '../../../src/experiments/design.js';
import { ExperimentError } from '../../../src/experiments/ExperimentError.js';
import { parseShard, planSweep } from '../../../src/experiments/planSweep.js';
import { formatRun, runOne } from '../../../src/experiments/runOne.js';
import { ENSEMBLE_DESIGN, runEnsemble, sweep } from '../../../src/experiments/sweep.js';
import { randomWorld } from '../../support/randomWorld.js';

const scenario = resolveScenario(randomWorld(11, { states: 6, institutions: 2 }));
const design: Design = { type: 'grid', parameters: { 'system.lambda': { values: [0.2, 0.8] }, 'states.S001.domesticSupport': { values: [0.1, 0.9] } } };
const options = { replicates: 3, ticks: 12, baseSeed: 5 };
const wants = { csv: true, ndjson: true, ticks: true, events: true };

describe('sweep: a thin layer over one run', () => {
  it('yields points × replicates runs in run order, each seeded from what it is', () => {
    const runs = [...sweep(scenario, design, options)];
    expect(runs).toHaveLength(12);
    runs.forEach((r, k) => {
      expect(r.spec.run).toBe(k);
      expect(r.spec.point).toBe(Math.floor(k / 3));
      expect(r.spec.replicate).toBe(k % 3);
      expect(r.spec.seed).toBe(deriveSeed({ baseSeed: 5, scenarioId: scenario.meta.id, point: r.spec.values, replicate: r.spec.replicate }));
      expect(r.records).toHaveLength(12);
    });
    expect(runs[4].spec.values).toEqual({ 'system.lambda': 0.2, 'states.S001.domesticSupport': 0.9 });
  });

  it('any single run replays alone and gives the same rows, byte for byte', () => {
    const plan = planSweep(scenario, design, options);
    const runs = [...sweep(scenario, design, options)];
    for (const k of [0, 7, 11]) {
      const replay = runOne(scenario, runs[k].spec, { ticks: 12 });
      expect(formatRun(replay, plan.layout, wants)).toEqual(formatRun(runs[k], plan.layout, wants));
    }
    // Only (point values, seed, ticks) matter: a row's own fields are enough.
    const { seed, values } = runs[7].spec;
    expect(runOne(scenario, { run: 7, point: 2, replicate: 1, seed, values }, { ticks: 12 }).metrics).toEqual(runs[7].metrics);
  });

  it('an ensemble is the sweep of the one-point design; explicit seeds replace derived ones', () => {
    const ensemble = [...runEnsemble(scenario, { replicates: 4, ticks: 8, baseSeed: 1 })];
    const viaSweep = [...sweep(scenario, ENSEMBLE_DESIGN, { replicates: 4, ticks: 8, baseSeed: 1 })];
    expect(ensemble.map((r) => r.metrics)).toEqual(viaSweep.map((r) => r.metrics));
    expect(new Set(ensemble.map((r) => r.spec.seed)).size).toBe(4);
    const given = [...runEnsemble(scenario, { seeds: [11, 12], ticks: 8 })];
    expect(given.map((r) => r.spec.seed)).toEqual([11, 12]);
  });

  it('shards partition the runs: every run in exactly one shard, the union in run order is the sweep', () => {
    const whole = [...sweep(scenario, design, options)].map((r) => [r.spec.run, r.spec.seed, r.metrics.meanThreat]);
    const shards = [0, 1, 2, 3, 4].map((i) => [...sweep(scenario, design, { ...options, shard: `${i}/5` })]);
    expect(shards.map((s) => s.length)).toEqual([3, 3, 2, 2, 2]);
    const union = shards.flat().map((r) => [r.spec.run, r.spec.seed, r.metrics.meanThreat]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(union).toEqual(whole);
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(() => parseShard('5/5')).toThrow(ExperimentError);
    expect(() => parseShard('1 of 5')).toThrow(/i\/n/);
  });

  it('checks every point before the first run', () => {
    const bad: Design = { type: 'grid', parameters: { 'states.S001.domesticSupport': { values: [0.5, 2] } } };
    let error: unknown;
    try { sweep(scenario, bad, options); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ExperimentError);
    expect((error as ExperimentError).issues).toEqual([expect.objectContaining({ path: 'states.S001.domesticSupport', point: 1 })]);
  });

  it('reads one-at-a-time baselines from the scenario', () => {
    const runs = [...sweep(scenario, { type: 'oat', parameters: { 'system.nu': { values: [0, 1] } } }, { ticks: 3 })];
    expect(runs.map((r) => r.spec.values['system.nu'])).toEqual([scenario.system.nu, 0, 1]);
  });

  it('rejects inconsistent options with their field', () => {
    const issues = (o: object) => {
      try { planSweep(scenario, design, { ticks: 5, ...o }); } catch (e) { return (e as ExperimentError).issues.map((i) => i.path); }
      return [];
    };
    expect(issues({ replicates: 2, seeds: [1, 2, 3] })).toEqual(['replicates']);
    expect(issues({ seeds: [1, 1] })).toEqual(['seeds']);
    expect(issues({ seeds: [-1] })).toEqual(['seeds[0]']);
    expect(issues({ ticks: 0 })).toEqual(['ticks']);
  });

  it('fingerprints what the output depends on, and nothing else', () => {
    const a = planSweep(scenario, design, options).fingerprint;
    expect(planSweep(scenario, design, { ...options, shard: '1/3' }).fingerprint).toEqual(a);
    expect(planSweep(scenario, design, { ...options, ticks: 13 }).fingerprint).not.toEqual(a);
    const other = planSweep(resolveScenario(randomWorld(12, { states: 6, institutions: 2 })), { type: 'grid', parameters: {} }, options).fingerprint;
    expect(other.scenarioHash).not.toBe(a.scenarioHash);
  });
});
