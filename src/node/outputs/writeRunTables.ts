import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { RowFormatter, csvHeader } from '../../experiments/formatRows.js';
import type { Cell, Column } from '../../experiments/tables.js';
import { RUN_TABLE_COLUMNS, type RunTables } from '../../report/RunTables.js';
import type { OutputFormat } from '../experiments/sweepFiles.js';
import { writeArrowFile } from '../experiments/writeArrowFile.js';

/** The report's tables, by name. */
export const RUN_TABLE_NAMES = ['states', 'threats', 'memberships'] as const;

/** What each of the report's tables holds (for run.json and docs/cli.md). */
export const RUN_TABLE_DESCRIPTIONS: Readonly<Record<(typeof RUN_TABLE_NAMES)[number], string>> = {
  states: 'one row per state per tick: CINC share, legitimacy, restraint, main threat, threat, action, family',
  threats: 'the threat matrix T_ij at the recorded ticks: one row per ordered pair of states',
  memberships: 'one row per membership per tick: institution or ally, and whether it includes the state\'s main threat',
};

/**
 * Writes the report's tables of a traced run (states, threats, memberships) in the formats of the
 * experiments' tables — CSV (CRLF, NA for missing), NDJSON and Arrow IPC — each row prefixed with
 * the run's key cells (run, point, replicate, seed), so they join the ensemble's tables on `run`.
 * Deterministic: the same run gives the same bytes.
 *
 * @returns the file names written, in order.
 */
export async function writeRunTables(
  dir: string, tables: RunTables, key: { columns: readonly Column[]; cells: readonly Cell[] }, formats: readonly OutputFormat[],
): Promise<string[]> {
  const written: string[] = [];
  for (const name of RUN_TABLE_NAMES) {
    const columns: Column[] = [...key.columns, ...RUN_TABLE_COLUMNS[name]];
    const fields = RUN_TABLE_COLUMNS[name].map((c) => c.name);
    const rows: Cell[][] = (tables[name] as readonly object[]).map((row) => {
      const r = row as Readonly<Record<string, string | number>>;
      return fields.map((f) => (r[f] === '' ? null : r[f]));
    });
    const formatter = new RowFormatter(columns, key.cells);
    for (const format of formats) {
      const file = `${name}.${format}`;
      if (format === 'arrow') {
        async function* all(): AsyncIterable<readonly Cell[]> {
          for (const r of rows) yield [...key.cells, ...r];
        }
        await writeArrowFile(all(), columns, join(dir, file));
      } else {
        const fd = openSync(join(dir, file), 'w');
        try {
          let text = format === 'csv' ? csvHeader(columns) : '';
          for (const r of rows) {
            text += format === 'csv' ? formatter.csv(r) : formatter.ndjson(r);
            if (text.length > 1 << 20) { writeSync(fd, text); text = ''; }
          }
          writeSync(fd, text);
        } finally {
          closeSync(fd);
        }
      }
      written.push(file);
    }
  }
  return written;
}
