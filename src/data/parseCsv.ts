import { DataError } from './DataError.js';

/** A parsed CSV file: the header row and the data rows, every cell as the raw string. */
export interface CsvTable {
  /** The first record, taken as the header. */
  readonly header: readonly string[];
  /** Every following record, in file order. Rows are not padded: a short row stays short. */
  readonly rows: readonly (readonly string[])[];
  /** For each entry of `rows`, the 1-based line on which that record starts (for error messages). */
  readonly lines: readonly number[];
}

/** Options for {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Label used in error messages; defaults to `"<csv>"`. */
  readonly file?: string;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/**
 * Parses CSV text as RFC 4180 describes it, plus the usual relaxations:
 *
 * - fields are separated by commas; a field may be enclosed in double quotes, and then may
 *   contain commas, line breaks and doubled quotes (`""` stands for one `"`);
 * - records end with LF, CRLF or a lone CR; the final line break is optional;
 * - a leading byte-order mark is ignored, and so are empty lines between records;
 * - cells are not trimmed and not converted: every cell is returned as its exact string.
 *
 * A quote inside an unquoted field, text after a closing quote, and an unterminated quoted
 * field are errors, because they mean the file is not the CSV it claims to be.
 *
 * The parser scans the text once with `charCodeAt`/`indexOf` and slices fields out of it, so
 * a 1 MB file takes a few milliseconds.
 *
 * @param text - the whole file content.
 * @param options - `file` names the source in error messages.
 * @returns the header (first record) and the remaining records.
 * @throws {@link DataError} with the line number when the text is malformed or empty.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvTable {
  const file = options.file ?? '<csv>';
  const n = text.length;
  const records: string[][] = [];
  const lines: number[] = [];
  let i = n > 0 && text.charCodeAt(0) === BOM ? 1 : 0;
  let line = 1;

  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      // An empty line between records: skip it.
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        i += 1;
        let value = '';
        let segment = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) throw new DataError('unterminated quoted field', { file, line: quoteLine });
          line += countLineBreaks(text, i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            // A doubled quote: keep one quote and go on.
            value += text.slice(segment, q + 1);
            i = q + 2;
            segment = i;
            continue;
          }
          value += text.slice(segment, q);
          i = q + 1;
          break;
        }
        if (i < n) {
          const next = text.charCodeAt(i);
          if (next !== COMMA && next !== LF && next !== CR) {
            throw new DataError('unexpected character after a closing quote', { file, line });
          }
        }
        fields.push(value);
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) throw new DataError('quote inside an unquoted field', { file, line });
          j += 1;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const sep = text.charCodeAt(i);
      if (sep === COMMA) {
        i += 1;
        continue;
      }
      // End of record: LF, CRLF or CR.
      i += sep === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      break;
    }
    records.push(fields);
    lines.push(startLine);
  }

  if (records.length === 0) throw new DataError('no header row (the text is empty)', { file });
  return { header: records[0], rows: records.slice(1), lines: lines.slice(1) };
}

/** Counts line breaks (LF, CRLF as one, lone CR) in `text[from, to)`. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k += 1) {
    const c = text.charCodeAt(k);
    if (c === LF) count += 1;
    else if (c === CR && text.charCodeAt(k + 1) !== LF) count += 1;
  }
  return count;
}
