import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulationEvent } from '../../engine/SimulationEvent.js';
import { ReportError } from '../../report/ReportError.js';
import type { RunManifest } from '../../report/RunManifest.js';
import type { RunReportInput } from '../../report/RunReportInput.js';
import type { MembershipRow, RunTables, StateTickRow, ThreatRow } from '../../report/RunTables.js';
import { eventFromRow } from '../../report/eventFromRow.js';
import { reportTickFromRow } from '../../report/reportTickFromRow.js';
import { binWidth, REPORT_MAX_POINTS, ReportRowBinner } from '../../report/binReportRows.js';
import { readRecords, splitCsvRecord } from '../experiments/textRecords.js';

type Row = Record<string, string | number | boolean | null>;

function readText(dir: string, name: string): string {
  const file = join(dir, name);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportError(file, code === 'ENOENT' ? 'missing (was this folder written by `counterpoise run`?)' : (error as Error).message, { cause: error });
  }
}

function readJson<T>(dir: string, name: string): T {
  const text = readText(dir, name);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ReportError(join(dir, name), `not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/**
 * The rows of a table, streamed from `<name>.csv` or else `<name>.ndjson` (memory holds one chunk of
 * the file), as objects by column name; numeric columns converted (NaN for missing).
 */
async function* streamTable(dir: string, name: string, numeric: readonly string[]): AsyncGenerator<Row, void, undefined> {
  const csv = join(dir, `${name}.csv`);
  const ndjson = join(dir, `${name}.ndjson`);
  const format = existsSync(csv) ? 'csv' : existsSync(ndjson) ? 'ndjson' : null;
  if (format === null) throw new ReportError(csv, `missing (neither ${name}.csv nor ${name}.ndjson is in the folder)`);
  const file = format === 'csv' ? csv : ndjson;
  const num = new Set(numeric);
  let header: string[] | null = null;
  let line = 0;
  try {
    for await (const record of readRecords(file, format)) {
      line++;
      if (format === 'ndjson') {
        if (record.trim() === '') continue;
        try {
          yield JSON.parse(record) as Row;
        } catch (error) {
          throw new ReportError(`${file}:${line}`, `not valid JSON (${(error as Error).message})`, { cause: error });
        }
        continue;
      }
      let fields: { value: string; quoted: boolean }[];
      try {
        fields = splitCsvRecord(record);
      } catch (error) {
        throw new ReportError(`${file}:${line}`, (error as Error).message, { cause: error });
      }
      if (header === null) { header = fields.map((f) => f.value); continue; }
      if (fields.length !== header.length) throw new ReportError(`${file}:${line}`, `${fields.length} fields, the header has ${header.length}`);
      const row: Row = {};
      header.forEach((h, k) => {
        const v = fields[k].value;
        row[h] = v === 'NA' || v === '' ? (num.has(h) ? Number.NaN : null) : num.has(h) ? Number(v) : v;
      });
      yield row;
    }
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError(file, (error as Error).message, { cause: error });
  }
}

/**
 * Checks that every file run.json lists is there with the size it records: a folder whose files were
 * cut (a full disk), removed or replaced is refused rather than reported.
 */
function assertComplete(dir: string, manifest: RunManifest): void {
  if (!Array.isArray(manifest.files)) throw new ReportError(join(dir, 'run.json'), 'lists no files (was this folder written by `counterpoise run`?)');
  for (const f of manifest.files) {
    if (f.name === 'run.json') continue;
    const file = join(dir, f.name);
    if (!existsSync(file)) throw new ReportError(file, 'missing: the folder is incomplete (run.json lists it); run the scenario again');
    if (typeof f.bytes === 'number') {
      const size = statSync(file).size;
      if (size !== f.bytes) {
        throw new ReportError(file, `incomplete: ${size} bytes where run.json records ${f.bytes} (cut short or changed); run the scenario again`);
      }
    }
  }
}

function requireColumns(rows: readonly Row[], columns: readonly string[], file: string): void {
  if (rows.length === 0) return;
  const missing = columns.filter((c) => !(c in rows[0]));
  if (missing.length > 0) throw new ReportError(file, `missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
}

/**
 * Labels (state ids, actions, groups) come from a small set; each is kept once, as a copy. A field
 * read from a file is a slice of the megabyte chunk it was read in, and V8 keeps the whole chunk alive
 * as long as the slice lives: a report that kept one label per bin held a chunk per bin (hundreds of
 * megabytes for a 100,000-tick run, issue #11 item 14).
 */
const labels = new Map<string, string>();
const str = (v: string | number | boolean | null | undefined): string => {
  if (v === null || v === undefined) return '';
  const text = String(v);
  let label = labels.get(text);
  if (label === undefined) {
    if (labels.size > 100_000) labels.clear();
    label = Buffer.from(text, 'utf8').toString('utf8');
    labels.set(label, label);
  }
  return label;
};
const num = (v: string | number | boolean | null | undefined): number => (typeof v === 'number' ? v : v === null || v === undefined ? Number.NaN : Number(v));

/** Whether a folder holds a run's outputs (a `run.json`). */
export function isRunDirectory(dir: string): boolean {
  return existsSync(join(dir, 'run.json'));
}

/** Options of {@link readRunOutputs}. */
export interface ReadRunOutputsOptions {
  /**
   * The most points per series: a longer run is read in bins of consecutive ticks
   * (default {@link REPORT_MAX_POINTS}; see {@link ReportRowBinner}).
   */
  maxPoints?: number;
}

/**
 * Reads a run's output folder (what `counterpoise run` writes) back into the input of
 * `buildRunReport`: run.json (with the run's summary), the ticks and events tables and the states,
 * threats and memberships tables (CSV preferred, NDJSON otherwise). The tables are streamed, and a
 * run longer than `maxPoints` ticks is read in bins (`binTicks` of the input), so memory does not
 * grow with the run.
 *
 * @throws ReportError naming the file, when the folder is missing, incomplete (a file run.json lists
 *   is missing or not of the size it records) or a file is damaged.
 */
export async function readRunOutputs(dir: string, options: ReadRunOutputsOptions = {}): Promise<{ manifest: RunManifest; input: RunReportInput }> {
  if (!existsSync(dir)) throw new ReportError(dir, 'no such folder');
  if (!statSync(dir).isDirectory()) throw new ReportError(dir, 'not a folder (give the folder `counterpoise run --out` wrote)');
  const manifest = readJson<RunManifest>(dir, 'run.json');
  if (manifest.kind !== 'counterpoise-run') {
    throw new ReportError(join(dir, 'run.json'), `not a counterpoise run manifest (kind ${JSON.stringify(manifest.kind)})`);
  }
  assertComplete(dir, manifest);
  const summary = manifest.summary;
  const width = binWidth(manifest.ticks, options.maxPoints ?? REPORT_MAX_POINTS);
  const { startYear, ticksPerYear } = manifest.scenario;
  const binner = new ReportRowBinner(width, manifest.states, (tick) => startYear + tick / ticksPerYear);
  const events: SimulationEvent[] = [];
  for await (const r of streamTable(dir, 'events', ['tick'])) {
    const e = eventFromRow(r);
    if (e !== null) events.push(e);
  }
  const missing = new Set<string>();
  for await (const row of streamTable(dir, 'ticks', [])) {
    const t = reportTickFromRow(row, missing);
    if (t === null) throw new ReportError(join(dir, 'ticks'), `missing or non-numeric column${missing.size === 1 ? '' : 's'} ${[...missing].join(', ')}`);
    binner.addTick(t);
  }
  let first = true;
  for await (const r of streamTable(dir, 'states', ['tick', 'year', 'cinc', 'legitimacy', 'restraint', 'threat'])) {
    if (first) { requireColumns([r], ['tick', 'year', 'state', 'cinc', 'legitimacy', 'restraint', 'mainThreat', 'threat', 'action', 'family'], join(dir, 'states')); first = false; }
    binner.addState({
      tick: num(r.tick), year: num(r.year), state: str(r.state), cinc: num(r.cinc), legitimacy: num(r.legitimacy),
      restraint: num(r.restraint), mainThreat: str(r.mainThreat), threat: num(r.threat),
      action: str(r.action) as StateTickRow['action'], family: str(r.family) as StateTickRow['family'],
    });
  }
  const threats: ThreatRow[] = [];
  first = true;
  for await (const r of streamTable(dir, 'threats', ['tick', 'year', 'threat'])) {
    if (first) { requireColumns([r], ['tick', 'year', 'from', 'to', 'threat'], join(dir, 'threats')); first = false; }
    threats.push({ tick: num(r.tick), year: num(r.year), from: str(r.from), to: str(r.to), threat: num(r.threat) });
  }
  first = true;
  for await (const r of streamTable(dir, 'memberships', ['tick', 'year'])) {
    if (first) { requireColumns([r], ['tick', 'year', 'state', 'kind', 'group', 'mainThreat', 'relation'], join(dir, 'memberships')); first = false; }
    binner.addMembership({
      tick: num(r.tick), year: num(r.year), state: str(r.state), kind: str(r.kind) === 'alliance' ? 'alliance' : 'institution',
      group: str(r.group), mainThreat: str(r.mainThreat), relation: str(r.relation) as MembershipRow['relation'],
    });
  }
  binner.finish();
  const tables: RunTables = { states: binner.states, threats, memberships: binner.memberships };
  return {
    manifest,
    input: {
      scenario: manifest.scenario, stateOrder: manifest.states, seed: manifest.seed, ticks: manifest.ticks,
      records: binner.ticks, summary, events, tables, files: manifest.files.map((f) => ({ name: f.name, description: f.description })),
      ...(width > 1 ? { binTicks: width } : {}),
    },
  };
}
