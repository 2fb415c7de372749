import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../data/parseCsv.js';
import type { SimulationEvent } from '../../engine/SimulationEvent.js';
import type { ReportTick } from '../../report/ReportTick.js';
import { ReportError } from '../../report/ReportError.js';
import type { RunManifest } from '../../report/RunManifest.js';
import type { RunReportInput } from '../../report/RunReportInput.js';
import type { MembershipRow, RunTables, StateTickRow, ThreatRow } from '../../report/RunTables.js';
import { eventFromRow } from '../../report/eventFromRow.js';
import { reportTickFromRow } from '../../report/reportTickFromRow.js';

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

function readNdjson<T>(dir: string, name: string): T[] {
  const text = readText(dir, name);
  const out: T[] = [];
  text.split('\n').forEach((line, k) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (error) {
      throw new ReportError(`${join(dir, name)}:${k + 1}`, `not valid JSON (${(error as Error).message})`, { cause: error });
    }
  });
  return out;
}

/** A table as rows of cells, from `<name>.csv` or else `<name>.ndjson`; numeric columns converted. */
function readTable(dir: string, name: string, numeric: readonly string[]): Row[] {
  if (existsSync(join(dir, `${name}.csv`))) {
    const file = join(dir, `${name}.csv`);
    let table;
    try {
      table = parseCsv(readText(dir, `${name}.csv`), { file });
    } catch (error) {
      throw new ReportError(file, (error as Error).message, { cause: error });
    }
    const num = new Set(numeric);
    return table.rows.map((cells) => {
      const row: Row = {};
      table.header.forEach((h, k) => {
        const v = cells[k] ?? '';
        row[h] = v === 'NA' || v === '' ? (num.has(h) ? Number.NaN : null) : num.has(h) ? Number(v) : v;
      });
      return row;
    });
  }
  if (existsSync(join(dir, `${name}.ndjson`))) return readNdjson<Row>(dir, `${name}.ndjson`);
  throw new ReportError(join(dir, `${name}.csv`), `missing (neither ${name}.csv nor ${name}.ndjson is in the folder)`);
}

function requireColumns(rows: readonly Row[], columns: readonly string[], file: string): void {
  if (rows.length === 0) return;
  const missing = columns.filter((c) => !(c in rows[0]));
  if (missing.length > 0) throw new ReportError(file, `missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
}

const str = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const num = (v: string | number | boolean | null | undefined): number => (typeof v === 'number' ? v : v === null || v === undefined ? Number.NaN : Number(v));

/** Whether a folder holds a run's outputs (a `run.json`). */
export function isRunDirectory(dir: string): boolean {
  return existsSync(join(dir, 'run.json'));
}

/**
 * Reads a run's output folder (what `counterpoise run` writes) back into the input of
 * `buildRunReport`: run.json (with the run's summary), the ticks and events tables and the states,
 * threats and memberships tables (CSV preferred, NDJSON otherwise).
 *
 * @throws ReportError naming the file, when the folder or a file is missing or damaged.
 */
export function readRunOutputs(dir: string): { manifest: RunManifest; input: RunReportInput } {
  if (!existsSync(dir)) throw new ReportError(dir, 'no such folder');
  if (!statSync(dir).isDirectory()) throw new ReportError(dir, 'not a folder (give the folder `counterpoise run --out` wrote)');
  const manifest = readJson<RunManifest>(dir, 'run.json');
  if (manifest.kind !== 'counterpoise-run') {
    throw new ReportError(join(dir, 'run.json'), `not a counterpoise run manifest (kind ${JSON.stringify(manifest.kind)})`);
  }
  const summary = manifest.summary;
  const events = readTable(dir, 'events', ['tick']).map((r) => eventFromRow(r)).filter((e): e is SimulationEvent => e !== null);
  const tickRows = readTable(dir, 'ticks', []).map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[k] = v;
    return out;
  });
  const missing = new Set<string>();
  const records: ReportTick[] = [];
  for (const row of tickRows) {
    const t = reportTickFromRow(row, missing);
    if (t === null) throw new ReportError(join(dir, 'ticks'), `missing or non-numeric column${missing.size === 1 ? '' : 's'} ${[...missing].join(', ')}`);
    records.push(t);
  }
  const stateRows = readTable(dir, 'states', ['tick', 'year', 'cinc', 'legitimacy', 'restraint', 'threat']);
  requireColumns(stateRows, ['tick', 'year', 'state', 'cinc', 'legitimacy', 'restraint', 'mainThreat', 'threat', 'action', 'family'], join(dir, 'states'));
  const threatRows = readTable(dir, 'threats', ['tick', 'year', 'threat']);
  requireColumns(threatRows, ['tick', 'year', 'from', 'to', 'threat'], join(dir, 'threats'));
  const membershipRows = readTable(dir, 'memberships', ['tick', 'year']);
  requireColumns(membershipRows, ['tick', 'year', 'state', 'kind', 'group', 'mainThreat', 'relation'], join(dir, 'memberships'));
  const tables: RunTables = {
    states: stateRows.map((r): StateTickRow => ({
      tick: num(r.tick), year: num(r.year), state: str(r.state), cinc: num(r.cinc), legitimacy: num(r.legitimacy),
      restraint: num(r.restraint), mainThreat: str(r.mainThreat), threat: num(r.threat),
      action: str(r.action) as StateTickRow['action'], family: str(r.family) as StateTickRow['family'],
    })),
    threats: threatRows.map((r): ThreatRow => ({ tick: num(r.tick), year: num(r.year), from: str(r.from), to: str(r.to), threat: num(r.threat) })),
    memberships: membershipRows.map((r): MembershipRow => ({
      tick: num(r.tick), year: num(r.year), state: str(r.state), kind: str(r.kind) === 'alliance' ? 'alliance' : 'institution',
      group: str(r.group), mainThreat: str(r.mainThreat), relation: str(r.relation) as MembershipRow['relation'],
    })),
  };
  return {
    manifest,
    input: {
      scenario: manifest.scenario, stateOrder: manifest.states, seed: manifest.seed, ticks: manifest.ticks,
      records, summary, events, tables, files: manifest.files,
    },
  };
}
