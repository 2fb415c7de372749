import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/data/DataError.js';

describe('DataError', () => {
  it('prefixes the message with file, year, state and line, and keeps them as fields', () => {
    const e = new DataError('state does not exist in this year', { file: 'f.csv', year: 1816, code: 'GFR', line: 7 });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DataError');
    expect(e.message).toBe('f.csv, year 1816, state "GFR", line 7: state does not exist in this year');
    expect([e.file, e.year, e.code, e.line]).toEqual(['f.csv', 1816, 'GFR', 7]);
  });

  it('writes numeric codes without quotes and omits what is unknown', () => {
    expect(new DataError('x', { file: 'f.csv', code: 260 }).message).toBe('f.csv, state 260: x');
    expect(new DataError('x', { file: 'f.csv' }).message).toBe('f.csv: x');
    expect(new DataError('x', { file: 'f.csv' }).year).toBeUndefined();
  });
});
