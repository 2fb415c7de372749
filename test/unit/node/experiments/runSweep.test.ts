import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../../src/index.js';
import { ExperimentError } from '../../../../src/experiments/ExperimentError.js';
import type { Design } from '../../../../src/experiments/design.js';
import { planSweep } from '../../../../src/experiments/planSweep.js';
import { formatRun, runOne } from '../../../../src/experiments/runOne.js';
import { runSweep, type RunSweepOptions } from '../../../../src/node/experiments/runSweep.js';
import { differingFiles, readDir, requireBuiltWorker, tempDir } from '../../../support/sweepDirs.js';
import { randomWorld } from '../../../support/randomWorld.js';

const scenario = resolveScenario(randomWorld(21, { states: 6, institutions: 2 }));
const design: Design = { type: 'grid', parameters: { 'parameters.lambda': { values: [0.25, 0.75] }, 'states.S002.nuclear': { values: [false, true] } } };
const base = { replicates: 4, ticks: 15, baseSeed: 9, checkpointEveryMs: 0 } as const;
let tmp: ReturnType<typeof tempDir>;
let reference: string;

const run = (out: string, extra: Partial<RunSweepOptions> = {}) => runSweep(scenario, design, { ...base, out: path.join(tmp.dir, out), workers: 0, ...extra });
const caught = async (p: Promise<unknown>): Promise<ExperimentError> => {
  try { await p; } catch (error) { if (error instanceof ExperimentError) return error; throw error; }
  throw new Error('expected an ExperimentError');
};

beforeAll(async () => {
  requireBuiltWorker();
  tmp = tempDir();
  reference = path.join(tmp.dir, 'inline');
  await run('inline');
});
afterAll(() => tmp.cleanup());

describe('runSweep: parallel, streamed, deterministic', () => {
  it('writes byte-identical files with 0, 1 and 2 worker threads', async () => {
    const one = await run('one', { workers: 1 });
    const two = await run('two', { workers: 2 });
    expect(one.workers).toBe(1);
    expect(two.workers).toBe(2);
    expect(differingFiles(reference, path.join(tmp.dir, 'one'))).toEqual([]);
    expect(differingFiles(reference, path.join(tmp.dir, 'two'))).toEqual([]);
  });

  it('leaves only final files: tables in three formats, the summary, and the manifest', () => {
    expect(readdirSync(reference).sort()).toEqual([
      'events.arrow', 'events.csv', 'events.ndjson', 'manifest.json', 'runs.arrow', 'runs.csv', 'runs.ndjson',
      'summary.arrow', 'summary.csv', 'summary.ndjson', 'ticks.arrow', 'ticks.csv', 'ticks.ndjson',
    ]);
    const manifest = JSON.parse(readFileSync(path.join(reference, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'counterpoise-sweep', complete: true, runs: 16, shardRuns: 16, shard: null });
    expect(manifest.files['runs.csv'].rows).toBe(16);
    expect(manifest.files['ticks.ndjson'].rows).toBe(16 * 15);
  });

  it('records the counterpoise version in the manifest, as run.json does (right after the format version)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string };
    const manifest = JSON.parse(readFileSync(path.join(reference, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.counterpoiseVersion).toBe(pkg.version);
    expect(Object.keys(manifest).slice(0, 3)).toEqual(['kind', 'version', 'counterpoiseVersion']);
  });

  it('writes the same rows in CSV, NDJSON and Arrow, every row keyed by run, point, replicate, seed and parameters', () => {
    const plan = planSweep(scenario, design, base);
    for (const table of ['runs', 'ticks', 'events', 'summary'] as const) {
      const columns = plan.layout[table];
      const csv = readFileSync(path.join(reference, `${table}.csv`), 'utf8').split('\r\n').filter((l) => l !== '');
      const ndjson = readFileSync(path.join(reference, `${table}.ndjson`), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
      const arrow = tableFromIPC(readFileSync(path.join(reference, `${table}.arrow`)));
      expect(csv[0]).toBe(columns.map((c) => c.name).join(','));
      expect(csv.length - 1).toBe(ndjson.length);
      expect(arrow.numRows).toBe(ndjson.length);
      expect(arrow.schema.fields.map((f) => f.name)).toEqual(columns.map((c) => c.name));
      const arrowRows = arrow.toArray().map((r) => r.toJSON());
      ndjson.forEach((row, k) => {
        const fromArrow = Object.fromEntries(Object.entries(arrowRows[k]).map(([key, v]) => [key, typeof v === 'bigint' ? Number(v) : v]));
        expect(fromArrow).toEqual(row);
        const cells = csv[k + 1].split(','); // no quoted fields in these tables
        columns.forEach((c, j) => {
          const v = row[c.name];
          // A whole number in a float column keeps its decimal point (`1.0`), so readers type the column as float.
          const text = c.type === 'float' && Number.isInteger(v) ? `${String(v)}.0` : String(v);
          expect(cells[j]).toBe(v === null ? 'NA' : typeof v === 'boolean' ? String(v).toUpperCase() : text);
        });
      });
      if (table !== 'summary') expect(Object.keys(ndjson[0]).slice(0, 6)).toEqual(['run', 'point', 'replicate', 'seed', 'system.lambda', 'states.S002.nuclear']);
    }
    const summary = readFileSync(path.join(reference, 'summary.csv'), 'utf8').split('\r\n');
    expect(summary[0]).toBe('point,system.lambda,states.S002.nuclear,metric,n,mean,sd,ciLow,ciHigh');
    expect(summary.length - 2).toBe(4 * plan.layout.metrics.length);
  });

  it('any row replays alone: runOne on its point values and seed gives the same lines', () => {
    const plan = planSweep(scenario, design, base);
    const ticks = readFileSync(path.join(reference, 'ticks.csv'), 'utf8');
    const runs = readFileSync(path.join(reference, 'runs.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const row = runs[13];
    const spec = { run: row.run, point: row.point, replicate: row.replicate, seed: row.seed, values: { 'system.lambda': row['system.lambda'], 'states.S002.nuclear': row['states.S002.nuclear'] } };
    const replay = formatRun(runOne(scenario, spec, { ticks: 15 }), plan.layout, { csv: true, ndjson: true, ticks: true, events: true });
    expect(ticks).toContain(replay['ticks.csv'] as string);
    expect(readFileSync(path.join(reference, 'runs.ndjson'), 'utf8')).toContain(replay['runs.ndjson'] as string);
  });
});

describe('runSweep: checkpoint and resume', () => {
  it('a stopped sweep leaves only partial files; resume cuts the unsaved tail and ends with exactly the uninterrupted rows', async () => {
    const controller = new AbortController();
    const out = path.join(tmp.dir, 'stopped');
    const error = await caught(run('stopped', { workers: 2, signal: controller.signal, onProgress: (p) => { if (p.done >= 6) controller.abort(); } }));
    expect(error.code).toBe('aborted');
    const left = readdirSync(out).sort();
    expect(left.filter((n) => !n.endsWith('.partial'))).toEqual(['checkpoint.json']);
    const checkpoint = JSON.parse(readFileSync(path.join(out, 'checkpoint.json'), 'utf8'));
    expect(checkpoint.completed).toBeGreaterThanOrEqual(6);
    expect(checkpoint.completed).toBeLessThan(16);
    // As if the process died in the middle of writing: half a row after the checkpoint.
    appendFileSync(path.join(out, 'ticks.csv.partial'), '7,1,3,12345,0.25,fal');
    appendFileSync(path.join(out, 'runs.ndjson.partial'), '{"run":7,"point"');
    const resumed = await run('stopped', { workers: 2, resume: true });
    expect(resumed.resumed).toBe(checkpoint.completed);
    expect(resumed.executed).toBe(16 - checkpoint.completed);
    expect(differingFiles(reference, out)).toEqual([]);
  });

  it('resume of a complete sweep does nothing; without resume or overwrite an existing sweep is refused', async () => {
    const again = await run('inline', { resume: true });
    expect(again.alreadyComplete).toBe(true);
    expect(again.executed).toBe(0);
    expect((await caught(run('inline'))).code).toBe('output-exists');
    const over = await run('one', { overwrite: true });
    expect(over.executed).toBe(16);
  });

  it('refuses to resume a different sweep, and says what differs', async () => {
    const controller = new AbortController();
    await caught(run('mismatch', { signal: controller.signal, onProgress: (p) => { if (p.done >= 2) controller.abort(); } }));
    const error = await caught(run('mismatch', { resume: true, ticks: 16 }));
    expect(error.code).toBe('resume-mismatch');
    expect(error.message).toMatch(/ticks/);
    const other = await caught(runSweep(scenario, { type: 'grid', parameters: { 'system.nu': { values: [0.1] } } }, { ...base, out: path.join(tmp.dir, 'mismatch'), workers: 0, resume: true }));
    expect(other.message).toMatch(/designHash/);
    expect((await caught(run('mismatch'))).code).toBe('output-exists');
  });
});

describe('runSweep: failures end the sweep, never hang it', () => {
  it('a run that throws in a worker rejects with the run named, and what was written stays resumable', async () => {
    const failing = resolveScenario({
      ...randomWorld(21, { states: 6, institutions: 2 }),
      events: [{ at: { tick: 3 }, changes: [{ type: 'set-parameter', key: 'betaH', value: 0 }] }],
    });
    const error = await caught(runSweep(failing, null, { replicates: 3, ticks: 5, out: path.join(tmp.dir, 'failing'), workers: 2 }));
    expect(error.code).toBe('run-failed');
    expect(error.message).toMatch(/run \d+.*admissible/);
    expect(existsSync(path.join(tmp.dir, 'failing', 'checkpoint.json'))).toBe(true);
    expect(existsSync(path.join(tmp.dir, 'failing', 'sweep.lock'))).toBe(false);
  });

  it('rejects bad options before starting', async () => {
    expect((await caught(run('bad', { formats: ['arrow'] }))).issues[0].path).toBe('formats');
    expect((await caught(run('bad', { workers: -1 }))).issues[0].path).toBe('workers');
    expect(existsSync(path.join(tmp.dir, 'bad'))).toBe(false);
  });
});

describe('runSweep: formats and tables', () => {
  it('writes only what is asked', async () => {
    await run('slim', { formats: ['csv'], tables: { ticks: false, events: false } });
    expect(Object.keys(readDir(path.join(tmp.dir, 'slim')))).toEqual(['manifest.json', 'runs.csv', 'summary.csv']);
    expect(readFileSync(path.join(tmp.dir, 'slim', 'runs.csv'))).toEqual(readFileSync(path.join(reference, 'runs.csv')));
  });
});
