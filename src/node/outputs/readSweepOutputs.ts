import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../data/parseCsv.js';
import { analyzeSensitivity, sensitivityDesignOf } from '../../experiments/analyzeSensitivity.js';
import type { Column } from '../../experiments/tables.js';
import { ReportError } from '../../report/ReportError.js';
import type { SweepCell, SweepReportInput } from '../../report/SweepReportInput.js';
import { readManifest, type SweepManifest } from '../experiments/sweepFiles.js';

/** Whether a folder holds a complete sweep (a `manifest.json` of kind counterpoise-sweep). */
export function isSweepDirectory(dir: string): boolean {
  if (!existsSync(join(dir, 'manifest.json'))) return false;
  try {
    return readManifest(dir) !== null;
  } catch {
    return false;
  }
}

function cell(text: string, column: Column | undefined): SweepCell {
  if (text === 'NA' || text === '') return null;
  if (column === undefined || column.type === 'string') return text;
  if (column.type === 'bool') return text;
  if (text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/** The runs table of a sweep, from runs.csv or runs.ndjson, cells typed by the manifest's layout. */
function readRuns(dir: string, manifest: SweepManifest): Record<string, SweepCell>[] {
  const byName = new Map(manifest.layout.runs.map((c) => [c.name, c]));
  const csv = join(dir, 'runs.csv');
  if (existsSync(csv)) {
    let table;
    try {
      table = parseCsv(readFileSync(csv, 'utf8'), { file: csv });
    } catch (error) {
      throw new ReportError(csv, (error as Error).message, { cause: error });
    }
    return table.rows.map((cells) => Object.fromEntries(table.header.map((h, k) => [h, cell(cells[k] ?? '', byName.get(h))])));
  }
  const ndjson = join(dir, 'runs.ndjson');
  if (existsSync(ndjson)) {
    return readFileSync(ndjson, 'utf8').split('\n').filter((l) => l.trim() !== '').map((line, k) => {
      try {
        const row = JSON.parse(line) as Record<string, unknown>;
        return Object.fromEntries(Object.entries(row).map(([key, v]) => [key, typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : null]));
      } catch (error) {
        throw new ReportError(`${ndjson}:${k + 1}`, `not valid JSON (${(error as Error).message})`, { cause: error });
      }
    });
  }
  throw new ReportError(join(dir, 'runs.csv'), 'missing (neither runs.csv nor runs.ndjson is in the folder)');
}

/**
 * Reads a complete sweep's output folder (what `counterpoise sweep` or `merge` wrote) into the
 * input of `buildSweepReport`: the manifest (scenario, design, layout) and the runs table, one row
 * per run with its parameter values and summary metrics.
 * @throws ReportError when the folder holds no complete sweep or its runs table is missing or damaged.
 */
export function readSweepOutputs(dir: string): { manifest: SweepManifest; input: SweepReportInput } {
  let manifest: SweepManifest | null;
  try {
    manifest = readManifest(dir);
  } catch (error) {
    throw new ReportError(join(dir, 'manifest.json'), (error as Error).message, { cause: error });
  }
  if (manifest === null) throw new ReportError(join(dir, 'manifest.json'), 'missing: the folder holds no complete sweep');
  const parameters = manifest.layout.key.slice(4).map((c) => c.name);
  const metrics = manifest.layout.metrics.map((c) => c.name);
  const runs = readRuns(dir, manifest);
  const f = manifest.fingerprint;
  const design = manifest.design as { type?: unknown } | null;
  const settings: [string, string][] = [
    ['scenario', manifest.scenario.id],
    ['design', `${typeof design?.type === 'string' ? design.type : 'ensemble'}, ${f.points} point${f.points === 1 ? '' : 's'}`],
    ['replicates', String(f.replicates)],
    ['runs', manifest.shard === null ? String(manifest.runs) : `${manifest.shardRuns} of ${manifest.runs} (shard ${manifest.shard.index}/${manifest.shard.count})`],
    ['ticks per run', String(f.ticks)],
    ['seeds', f.seedsHash === null ? `derived from base seed ${String(f.baseSeed)}` : 'given explicitly'],
    ['swept parameters', parameters.join(', ') || '(none)'],
  ];
  const files = Object.entries(manifest.files).map(([name, info]) => ({ name, description: `${info.rows} rows, ${info.bytes} bytes` }));
  files.push({ name: 'manifest.json', description: 'the sweep\'s manifest: scenario, design, seeds, layout of the tables' });
  const input: SweepReportInput = { scenario: manifest.scenario, parameters, metrics, runs, settings, files };
  if (sensitivityDesignOf(manifest.design) !== null && manifest.shard === null) {
    // The bootstrap settings of sensitivity.json when the analysis was written, so the report shows the same intervals.
    let options: { resamples?: number; level?: number } = {};
    try {
      const doc = JSON.parse(readFileSync(join(dir, 'sensitivity.json'), 'utf8')) as { resamples?: unknown; level?: unknown };
      if (typeof doc.resamples === 'number' && typeof doc.level === 'number') options = { resamples: doc.resamples, level: doc.level };
    } catch { /* not written (a plain sweep of a sensitivity design): defaults */ }
    input.sensitivity = analyzeSensitivity(manifest.design, runs, { metrics, ...options });
  }
  return { manifest, input };
}
