import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../../src/index.js';
import type { Design } from '../../../../src/experiments/design.js';
import { ExperimentError } from '../../../../src/experiments/ExperimentError.js';
import { mergeShards } from '../../../../src/node/experiments/mergeShards.js';
import { runSweep, type RunSweepOptions } from '../../../../src/node/experiments/runSweep.js';
import { differingFiles, tempDir } from '../../../support/sweepDirs.js';
import { randomWorld } from '../../../support/randomWorld.js';

// A scenario event with a label holding a comma, a quote and a line break: CSV records that span
// lines must survive the merge byte for byte.
const scenario = resolveScenario({
  ...randomWorld(41, { states: 6, institutions: 2 }),
  events: [{ label: 'Treaty of "X",\nsigned', at: { tick: 2 }, changes: [{ type: 'set-system', field: 'nu', value: 0.9 }] }],
});
const design: Design = { type: 'lhs', samples: 5, seed: 1, parameters: { 'system.theta': { min: 0, max: 1 }, 'parameters.tStar': { min: 0.3, max: 0.7 } } };
const options = { replicates: 3, ticks: 10, baseSeed: 'merge', workers: 0 } as const;
let tmp: ReturnType<typeof tempDir>;
const dir = (name: string) => path.join(tmp.dir, name);
const run = (out: string, extra: Partial<RunSweepOptions> = {}) => runSweep(scenario, design, { ...options, out: dir(out), ...extra });
const caught = async (p: Promise<unknown>): Promise<ExperimentError> => {
  try { await p; } catch (error) { if (error instanceof ExperimentError) return error; throw error; }
  throw new Error('expected an ExperimentError');
};

beforeAll(async () => {
  tmp = tempDir('counterpoise-merge-');
  await run('whole');
  for (const i of [0, 1, 2, 3]) await run(`shard-${i}`, { shard: `${i}/4` });
});
afterAll(() => tmp.cleanup());

describe('shard + merge equals whole', () => {
  it('each shard holds its share of the runs: run r in shard r mod n, no summary', () => {
    const m = JSON.parse(readFileSync(path.join(dir('shard-1'), 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({ shard: { index: 1, count: 4 }, runs: 15, shardRuns: 4 });
    const runs = readFileSync(path.join(dir('shard-1'), 'runs.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).run);
    expect(runs).toEqual([1, 5, 9, 13]);
    expect(existsSync(path.join(dir('shard-1'), 'summary.csv'))).toBe(false);
  });

  it('merging every shard (in any order) gives the unsharded sweep\'s files byte for byte, manifest included', async () => {
    await mergeShards([dir('shard-2'), dir('shard-0'), dir('shard-3'), dir('shard-1')], dir('merged'));
    expect(differingFiles(dir('whole'), dir('merged'))).toEqual([]);
    expect(readFileSync(path.join(dir('merged'), 'events.csv'), 'utf8')).toContain('"Treaty of ""X"",\nsigned"');
  });

  it('works with more shards than runs (some shards empty)', async () => {
    const small = { replicates: 1, ticks: 4, workers: 0, tables: { events: false } } as const;
    const tiny: Design = { type: 'grid', parameters: { 'system.nu': { values: [0.2, 0.5, 0.8] } } };
    await runSweep(scenario, tiny, { ...small, out: dir('tiny-whole') });
    const shards = [0, 1, 2, 3, 4].map((i) => dir(`tiny-${i}`));
    for (const [i, out] of shards.entries()) await runSweep(scenario, tiny, { ...small, out, shard: `${i}/5` });
    expect(JSON.parse(readFileSync(path.join(shards[4], 'manifest.json'), 'utf8')).shardRuns).toBe(0);
    await mergeShards(shards, dir('tiny-merged'));
    expect(differingFiles(dir('tiny-whole'), dir('tiny-merged'))).toEqual([]);
  });

  it('names missing, duplicated, unfinished and foreign shards', async () => {
    const missing = await caught(mergeShards([dir('shard-0'), dir('shard-1'), dir('shard-3')], dir('m1')));
    expect(missing.code).toBe('merge');
    expect(missing.message).toMatch(/missing shard 2\/4/);
    const twice = await caught(mergeShards([dir('shard-0'), dir('shard-0')], dir('m2')));
    expect(twice.message).toMatch(/shard 0\/4 is also/);
    const whole = await caught(mergeShards([dir('whole')], dir('m3')));
    expect(whole.message).toMatch(/not a shard/);
    const controller = new AbortController();
    await caught(run('unfinished', { shard: '2/4', signal: controller.signal, onProgress: () => controller.abort() }));
    const unfinished = await caught(mergeShards([dir('shard-0'), dir('shard-1'), dir('unfinished'), dir('shard-3')], dir('m4')));
    expect(unfinished.message).toMatch(/unfinished shard: resume it first/);
    await runSweep(scenario, design, { ...options, ticks: 11, out: dir('other-2'), shard: '2/4' });
    const foreign = await caught(mergeShards([dir('shard-0'), dir('shard-1'), dir('other-2'), dir('shard-3')], dir('m5')));
    expect(foreign.message).toMatch(/different sweep.*ticks/);
    expect((await caught(mergeShards([dir('shard-0'), dir('shard-1'), dir('shard-2'), dir('shard-3')], dir('merged')))).code).toBe('output-exists');
  });
});
