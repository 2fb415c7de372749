import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, jsonCell, RowFormatter } from '../../../src/experiments/formatRows.js';
import type { Column } from '../../../src/experiments/tables.js';

const columns: Column[] = [
  { name: 'run', type: 'int' }, { name: 'seed', type: 'int64' }, { name: 'x', type: 'float' }, { name: 'flag', type: 'bool' }, { name: 'label', type: 'string' },
];

describe('CSV (RFC 4180) and NDJSON cells', () => {
  it('quotes only fields with commas, quotes, line breaks or edge spaces, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('writes missing values as NA (null in NDJSON) and non-finite numbers as NA, Inf, -Inf', () => {
    expect([null, Number.NaN, Infinity, -Infinity].map((v) => csvCell(v))).toEqual(['NA', 'NA', 'Inf', '-Inf']);
    expect([null, Number.NaN, Infinity].map((v) => jsonCell(v))).toEqual(['null', 'null', 'null']);
    expect([true, false].map((v) => csvCell(v))).toEqual(['TRUE', 'FALSE']);
  });

  it('writes numbers in full precision: every double reads back to itself', () => {
    const xs = [0.1 + 0.2, 1 / 3, Math.PI * 1e-12, 2 ** 48 - 1, 123456789.123456789, -5e-324, 1.7976931348623157e308];
    for (const x of xs) {
      expect(Number(csvCell(x))).toBe(x);
      expect(JSON.parse(jsonCell(x))).toBe(x);
    }
  });
});

describe('RowFormatter', () => {
  it('writes a header and CRLF records, and NDJSON objects with keys in column order', () => {
    const f = new RowFormatter(columns, [3, 2 ** 47 + 5]);
    expect(csvHeader(columns)).toBe('run,seed,x,flag,label\r\n');
    expect(f.csv([0.5, true, 'a "b"'])).toBe('3,140737488355333,0.5,TRUE,"a ""b"""\r\n');
    expect(f.csv([Number.NaN, null, null])).toBe('3,140737488355333,NA,NA,NA\r\n');
    expect(f.ndjson([0.5, true, 'é\n'])).toBe('{"run":3,"seed":140737488355333,"x":0.5,"flag":true,"label":"é\\n"}\n');
    expect(JSON.parse(f.ndjson([null, null, null]))).toEqual({ run: 3, seed: 140737488355333, x: null, flag: null, label: null });
  });

  it('works without a prefix', () => {
    const f = new RowFormatter(columns, []);
    expect(f.csv([1, 2, 3, false, 'z'])).toBe('1,2,3.0,FALSE,z\r\n');
    expect(f.ndjson([1, 2, 3, false, 'z'])).toBe('{"run":1,"seed":2,"x":3.0,"flag":false,"label":"z"}\n');
  });

  it('a whole number in a float column keeps a decimal point (pandas and R read the column as float, as Arrow has it)', () => {
    const f = new RowFormatter(columns, [0, 5]);
    expect(f.csv([0, null, null])).toBe('0,5,0.0,NA,NA\r\n');
    const g = new RowFormatter(columns, []);
    expect(g.csv([7, 2 ** 47, -2, true, 'a'])).toBe('7,140737488355328,-2.0,TRUE,a\r\n');
    expect(g.csv([7, 1, 1e21, true, 'a'])).toBe('7,1,1e+21,TRUE,a\r\n');
    expect(g.csv([7, 1, 0.25, true, 'a'])).toBe('7,1,0.25,TRUE,a\r\n');
    expect(JSON.parse(g.ndjson([7, 1, -2, true, 'a'])).x).toBe(-2);
    // Without a column type (a cell alone), as before.
    expect(csvCell(3)).toBe('3');
    expect(csvCell(3, 'float')).toBe('3.0');
    expect(csvCell(3, 'int')).toBe('3');
  });
});
