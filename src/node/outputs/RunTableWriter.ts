import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { RowFormatter, csvHeader } from '../../experiments/formatRows.js';
import type { Cell, Column } from '../../experiments/tables.js';
import { RUN_TABLE_COLUMNS, type RunTables } from '../../report/RunTables.js';
import type { OutputFormat } from '../experiments/sweepFiles.js';
import { readRows } from '../experiments/textRecords.js';
import { writeArrowFile } from '../experiments/writeArrowFile.js';

/** The report's tables, by name. */
export const RUN_TABLE_NAMES = ['states', 'threats', 'memberships'] as const;

/** What each of the report's tables holds (for run.json and docs/cli.md). */
export const RUN_TABLE_DESCRIPTIONS: Readonly<Record<(typeof RUN_TABLE_NAMES)[number], string>> = {
  states: 'one row per state per tick: CINC share, legitimacy, restraint, main threat, threat, action, family',
  threats: 'the threat matrix T_ij at the recorded ticks: one row per ordered pair of states',
  memberships: 'one row per membership per tick: institution or ally, and whether it includes the state\'s main threat',
};

/** Encoded rows are written to a file when this many bytes are pending (memory stays bounded). */
const FLUSH_BYTES = 1 << 20;

interface TextFile {
  readonly table: (typeof RUN_TABLE_NAMES)[number];
  readonly format: 'csv' | 'ndjson';
  readonly fd: number;
  readonly formatter: RowFormatter;
  /** Encoded rows not yet written: bytes [0, used) of `buffer`. */
  readonly buffer: Uint8Array;
  used: number;
}

const encoder = new TextEncoder();

/**
 * Streams the report's tables of a run (states, threats, memberships) to files as the run goes, in
 * the formats of the experiments' tables — CSV (CRLF, NA for missing), NDJSON and Arrow IPC — each
 * row prefixed with the run's key cells (run, point, replicate, seed), so they join the ensemble's
 * tables on `run`. Text is written as rows arrive (memory holds about 1 MiB per file); the Arrow
 * files are built from a text file at the end. Deterministic: the same run gives the same bytes.
 * @internal
 */
export class RunTableWriter {
  private readonly files: TextFile[] = [];
  private readonly columns: Record<(typeof RUN_TABLE_NAMES)[number], Column[]>;

  constructor(
    private readonly dir: string,
    private readonly key: { columns: readonly Column[]; cells: readonly Cell[] },
    private readonly formats: readonly OutputFormat[],
  ) {
    this.columns = {
      states: [...key.columns, ...RUN_TABLE_COLUMNS.states],
      threats: [...key.columns, ...RUN_TABLE_COLUMNS.threats],
      memberships: [...key.columns, ...RUN_TABLE_COLUMNS.memberships],
    };
    try {
      for (const table of RUN_TABLE_NAMES) {
        for (const format of formats) {
          if (format === 'arrow') continue;
          const fd = openSync(join(dir, `${table}.${format}`), 'w');
          const file: TextFile = { table, format, fd, formatter: new RowFormatter(this.columns[table], key.cells), buffer: new Uint8Array(FLUSH_BYTES), used: 0 };
          this.files.push(file);
          if (format === 'csv') this.put(file, csvHeader(this.columns[table]));
        }
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Appends rows (e.g. one tick's, from a RunTrace) to every table file. */
  add(tables: RunTables): void {
    for (const file of this.files) {
      const fields = RUN_TABLE_COLUMNS[file.table].map((c) => c.name);
      for (const row of tables[file.table] as readonly object[]) {
        const r = row as Readonly<Record<string, string | number>>;
        const cells: Cell[] = fields.map((f) => (r[f] === '' ? null : r[f]));
        this.put(file, file.format === 'csv' ? file.formatter.csv(cells) : file.formatter.ndjson(cells));
      }
    }
  }

  /**
   * Encodes a row into the file's buffer at once, writing the buffer out when it is full. Rows are
   * short-lived strings that die young, instead of a growing string that would survive into V8's old
   * space: that kept a long run's resident memory growing with its ticks (issue #11, item 14).
   */
  private put(file: TextFile, text: string): void {
    for (;;) {
      const { read, written } = encoder.encodeInto(text, file.buffer.subarray(file.used));
      file.used += written;
      if (read === text.length) return;
      text = text.slice(read);
      this.flush(file);
    }
  }

  private flush(file: TextFile): void {
    let offset = 0;
    while (offset < file.used) offset += writeSync(file.fd, file.buffer, offset, file.used - offset);
    file.used = 0;
  }

  /**
   * Writes what is pending, closes the text files and builds the Arrow files from them.
   * @returns the file names written, table by table in the order csv, ndjson, arrow.
   */
  async finish(): Promise<string[]> {
    for (const file of this.files) {
      this.flush(file);
      fsyncSync(file.fd);
    }
    this.close();
    const written: string[] = [];
    const source = this.formats.includes('csv') ? 'csv' : 'ndjson';
    for (const table of RUN_TABLE_NAMES) {
      for (const format of this.formats) {
        const file = `${table}.${format}`;
        if (format === 'arrow') {
          const columns = this.columns[table];
          await writeArrowFile(readRows(join(this.dir, `${table}.${source}`), source, columns), columns, join(this.dir, file));
        }
        written.push(file);
      }
    }
    return written;
  }

  /** Closes the text files (after an error; finish closes them too). */
  close(): void {
    for (const file of this.files.splice(0)) closeSync(file.fd);
  }
}
