import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RowFormatter, csvHeader } from '../../../../src/experiments/formatRows.js';
import { loadScenario } from '../../../../src/node/loadScenario.js';
import { readRunOutputs } from '../../../../src/node/outputs/readRunOutputs.js';
import { runToDirectory } from '../../../../src/node/outputs/runToDirectory.js';
import { runSweep } from '../../../../src/node/experiments/runSweep.js';
import { binWidth, REPORT_MAX_POINTS } from '../../../../src/report/binReportRows.js';
import { RUN_TABLE_COLUMNS } from '../../../../src/report/RunTables.js';
import { traceRun } from '../../../../src/report/traceRun.js';

const root = mkdtempSync(join(tmpdir(), 'counterpoise-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const scenario = loadScenario('concert-of-europe');

describe('runToDirectory: one simulation streamed to every table (issue #11, item 14)', () => {
  const out = join(root, 'run');
  const done = runToDirectory(scenario, { out, seed: 42, ticks: 40, formats: ['csv', 'ndjson'], source: 'concert-of-europe', version: 'test' });

  it('writes the ensemble tables byte for byte as runSweep does with the one seed', async () => {
    await done;
    const sweep = join(root, 'sweep');
    await runSweep(scenario, null, { seeds: [42], ticks: 40, out: sweep, workers: 0, formats: ['csv', 'ndjson'] });
    for (const name of readdirSync(sweep)) expect(readFileSync(join(out, name)), name).toEqual(readFileSync(join(sweep, name)));
  });

  it('writes the report\'s tables as a RunTrace of the same run records them', async () => {
    await done;
    const { tables } = traceRun(scenario, { seed: 42, ticks: 40 });
    const key = [{ name: 'run', type: 'int' }, { name: 'point', type: 'int' }, { name: 'replicate', type: 'int' }, { name: 'seed', type: 'int64' }] as const;
    for (const name of ['states', 'threats', 'memberships'] as const) {
      const columns = [...key, ...RUN_TABLE_COLUMNS[name]];
      const f = new RowFormatter(columns, [0, 0, 0, 42]);
      const fields = RUN_TABLE_COLUMNS[name].map((c) => c.name);
      const text = csvHeader(columns) + (tables[name] as readonly object[]).map((row) => {
        const r = row as Record<string, string | number>;
        return f.csv(fields.map((k) => (r[k] === '' ? null : r[k])));
      }).join('');
      expect(readFileSync(join(out, `${name}.csv`), 'utf8'), name).toBe(text);
    }
  });

  it('records every file\'s size in run.json', async () => {
    const { manifest } = await done;
    for (const f of manifest.files.filter((x) => x.name !== 'run.json')) {
      expect(f.bytes, f.name).toBe(readFileSync(join(out, f.name)).length);
    }
  });
});

describe('readRunOutputs: a long run is read in bins (bounded memory)', () => {
  it('draws at most maxPoints points per series, sums choices and keeps spells contiguous', async () => {
    const out = join(root, 'binned');
    await runToDirectory(scenario, { out, seed: 3, ticks: 40, source: 'concert-of-europe', version: 'test' });
    const full = await readRunOutputs(out);
    const binned = await readRunOutputs(out, { maxPoints: 10 });
    expect(full.input.binTicks).toBeUndefined();
    expect(full.input.records).toHaveLength(40);
    expect(binned.input.binTicks).toBe(4);
    expect(binned.input.records.map((r) => r.tick)).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 36]);
    const total = (rs: typeof full.input.records) => rs.reduce((t, r) => t + Object.values(r.actions).reduce((a, b) => a + b, 0), 0);
    expect(total(binned.input.records)).toBe(total(full.input.records));
    expect(binned.input.tables.states).toHaveLength(10 * scenario.states.length);
    expect(new Set(binned.input.tables.memberships.map((m) => m.tick)).size).toBeLessThanOrEqual(10);
    expect(binWidth(100_000)).toBe(50);
    expect(REPORT_MAX_POINTS).toBe(2000);
  });
});
