import { describe, expect, it } from 'vitest';
import { CowColumns } from '../../../src/data/CowColumns.js';
import { DataError } from '../../../src/data/DataError.js';
import { parseCsv } from '../../../src/data/parseCsv.js';

function columns(text: string, required: readonly string[] = []): CowColumns {
  return new CowColumns(parseCsv(text, { file: 't.csv' }), 't.csv', required);
}

describe('CowColumns', () => {
  const cols = columns('n,x,f\n1,-9,1\n2,,0\n3,5.6E-06,\n4,-9.0,-9\n5,abc,2\n6,1.5,1\n');

  it('reads -9 and empty cells as missing (undefined), never as 0', () => {
    expect(cols.optionalNumber(0, 'x')).toBeUndefined();
    expect(cols.optionalNumber(1, 'x')).toBeUndefined();
    expect(cols.optionalNumber(3, 'x')).toBeUndefined();
    expect(cols.optionalFlag(2, 'f')).toBeUndefined();
    expect(cols.optionalFlag(3, 'f')).toBeUndefined();
  });

  it('accepts exponent notation', () => {
    expect(cols.optionalNumber(2, 'x')).toBe(5.6e-6);
  });

  it('reads 0/1 flags as booleans and rejects other values', () => {
    expect(cols.optionalFlag(0, 'f')).toBe(true);
    expect(cols.optionalFlag(1, 'f')).toBe(false);
    expect(() => cols.optionalFlag(4, 'f')).toThrow('t.csv, line 6: f "2" is not a 0/1 flag');
  });

  it('throws on text that is not a number, and on missing required values, naming file and line', () => {
    expect(() => cols.optionalNumber(4, 'x')).toThrow(DataError);
    expect(() => cols.optionalNumber(4, 'x')).toThrow('t.csv, line 6: x "abc" is not a number');
    expect(() => cols.number(0, 'x')).toThrow('t.csv, line 2: x "-9" is missing in a column where a value is required');
    expect(() => cols.integer(5, 'x')).toThrow('line 7: x "1.5" is not an integer');
    expect(cols.integer(5, 'n')).toBe(6);
  });

  it('checks required columns and row widths', () => {
    expect(() => columns('a,b\n1,2\n', ['a', 'c'])).toThrow('t.csv, line 1: missing column(s) c');
    expect(() => columns('a,b\n1,2\n3\n')).toThrow('t.csv, line 3: row has 1 fields, the header has 2');
  });
});
