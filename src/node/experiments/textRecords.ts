import { createReadStream } from 'node:fs';
import type { Cell, Column } from '../../experiments/tables.js';
import { CSV_MISSING } from '../../experiments/formatRows.js';

/** A text format of the output tables. @internal */
export type TextFormat = 'csv' | 'ndjson';

/**
 * The records of a CSV or NDJSON file, as their exact text without the final LF (a CSV record keeps
 * its CR, and a quoted field may span lines), read in chunks: memory holds one chunk and one record.
 * Writing each record back followed by `\n` reproduces the file byte for byte. @internal
 */
export async function* readRecords(file: string, format: TextFormat): AsyncGenerator<string, void, undefined> {
  let carry = '';
  let open = '';
  let quotes = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    let text = carry + chunk;
    let start = 0;
    let nl = text.indexOf('\n', start);
    while (nl >= 0) {
      const line = text.slice(start, nl);
      start = nl + 1;
      if (format === 'ndjson') yield line;
      else {
        // A CSV record ends at a line break outside quotes: an even count of quote characters so far.
        for (let k = 0; k < line.length; k++) if (line.charCodeAt(k) === 34) quotes++;
        open = open === '' ? line : `${open}\n${line}`;
        if (quotes % 2 === 0) {
          yield open;
          open = '';
          quotes = 0;
        }
      }
      nl = text.indexOf('\n', start);
    }
    carry = text.slice(start);
    text = '';
  }
  if (carry !== '' || open !== '') throw new Error(`${file} ends in the middle of a record`);
}

/** Splits one CSV record (without its line break) into raw fields, undoing RFC 4180 quoting. @internal */
export function splitCsvRecord(record: string): { value: string; quoted: boolean }[] {
  const out: { value: string; quoted: boolean }[] = [];
  const text = record.endsWith('\r') ? record.slice(0, -1) : record;
  let k = 0;
  for (;;) {
    if (text.charCodeAt(k) === 34) {
      let value = '';
      k++;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) throw new Error('unterminated quoted CSV field');
        value += text.slice(k, q);
        if (text.charCodeAt(q + 1) === 34) { value += '"'; k = q + 2; } else { k = q + 1; break; }
      }
      out.push({ value, quoted: true });
    } else {
      const comma = text.indexOf(',', k);
      const end = comma < 0 ? text.length : comma;
      out.push({ value: text.slice(k, end), quoted: false });
      k = end;
    }
    if (k >= text.length) break;
    if (text.charCodeAt(k) !== 44) throw new Error('malformed CSV record');
    k++;
    if (k === text.length) { out.push({ value: '', quoted: false }); break; }
  }
  return out;
}

function csvValue(field: { value: string; quoted: boolean }, type: Column['type']): Cell {
  const { value, quoted } = field;
  if (!quoted && value === CSV_MISSING) return null;
  switch (type) {
    case 'string': return value;
    case 'bool': return value === 'TRUE';
    default:
      return value === 'Inf' ? Infinity : value === '-Inf' ? -Infinity : Number(value);
  }
}

/**
 * The rows of a table file as cells in column order (typed by the columns: numbers, booleans,
 * strings, null for missing), skipping a CSV header. For building the Arrow files and summaries
 * from the text files, one row at a time. @internal
 */
export async function* readRows(file: string, format: TextFormat, columns: readonly Column[]): AsyncGenerator<Cell[], void, undefined> {
  let header = format === 'csv';
  for await (const record of readRecords(file, format)) {
    if (header) { header = false; continue; }
    if (format === 'ndjson') {
      const obj = JSON.parse(record) as Record<string, Cell>;
      yield columns.map((c) => obj[c.name] ?? null);
    } else {
      const fields = splitCsvRecord(record);
      if (fields.length !== columns.length) throw new Error(`${file}: a record has ${fields.length} fields, expected ${columns.length}`);
      yield fields.map((f, k) => csvValue(f, columns[k].type));
    }
  }
}

/** The run a record belongs to (its first column), or -1 for a CSV header. @internal */
export function runOfRecord(record: string, format: TextFormat): number {
  if (format === 'ndjson') {
    const m = /^\{"run":(\d+)[,}]/.exec(record);
    if (m === null) throw new Error(`not a row of a sweep table: ${record.slice(0, 60)}`);
    return Number(m[1]);
  }
  const m = /^(\d+)[,\r]/.exec(record);
  return m === null ? -1 : Number(m[1]);
}
