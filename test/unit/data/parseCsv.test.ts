import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/data/DataError.js';
import { parseCsv } from '../../../src/data/parseCsv.js';

describe('parseCsv', () => {
  it('splits a simple file into header and rows', () => {
    const csv = parseCsv('a,b,c\n1,2,3\n4,5,6\n');
    expect(csv.header).toEqual(['a', 'b', 'c']);
    expect(csv.rows).toEqual([['1', '2', '3'], ['4', '5', '6']]);
    expect(csv.lines).toEqual([2, 3]);
  });

  it('reads quoted fields with commas and doubled quotes', () => {
    const csv = parseCsv('id,name\n1,"Korea, Republic of"\n2,"say ""hi"", then go"\n3,""\n');
    expect(csv.rows).toEqual([
      ['1', 'Korea, Republic of'],
      ['2', 'say "hi", then go'],
      ['3', ''],
    ]);
  });

  it('reads line breaks inside quoted fields and keeps line numbers right', () => {
    const csv = parseCsv('a,b\n"x\ny",1\n"p\r\nq",2\nlast,3');
    expect(csv.rows).toEqual([['x\ny', '1'], ['p\r\nq', '2'], ['last', '3']]);
    expect(csv.lines).toEqual([2, 4, 6]);
  });

  it('accepts CRLF, a BOM, a missing final newline, empty fields and a trailing comma', () => {
    const csv = parseCsv('\uFEFFa,b,c\r\n1,,3\r\n,,\r\n4,5,');
    expect(csv.header).toEqual(['a', 'b', 'c']);
    expect(csv.rows).toEqual([['1', '', '3'], ['', '', ''], ['4', '5', '']]);
  });

  it('skips empty lines between records but counts them', () => {
    const csv = parseCsv('a\n1\n\n\n2\n');
    expect(csv.rows).toEqual([['1'], ['2']]);
    expect(csv.lines).toEqual([2, 5]);
  });

  it('does not trim or convert cells', () => {
    expect(parseCsv('a,b\n 1 ,5.6E-06\n').rows[0]).toEqual([' 1 ', '5.6E-06']);
  });

  it('rejects an unterminated quoted field, naming the line', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n', { file: 'x.csv' })).toThrow(DataError);
    expect(() => parseCsv('a,b\n1,2\n3,"open\n', { file: 'x.csv' })).toThrow('x.csv, line 3: unterminated quoted field');
  });

  it('rejects a quote inside an unquoted field and text after a closing quote', () => {
    expect(() => parseCsv('a\nab"c\n')).toThrow('<csv>, line 2: quote inside an unquoted field');
    expect(() => parseCsv('a,b\n"x"y,1\n')).toThrow('line 2: unexpected character after a closing quote');
  });

  it('rejects empty text', () => {
    expect(() => parseCsv('', { file: 'empty.csv' })).toThrow('empty.csv: no header row');
  });

  it('parses a 1 MB file quickly', () => {
    const line = '"United Kingdom, The",200,1816,16942,255,270,22528,19520,1957,0.33661938\n';
    const text = `name,ccode,year,a,b,c,d,e,f,cinc\n${line.repeat(Math.ceil(1_000_000 / line.length))}`;
    const start = performance.now();
    const csv = parseCsv(text);
    const elapsed = performance.now() - start;
    expect(csv.rows.length).toBe(Math.ceil(1_000_000 / line.length));
    expect(csv.rows[100][0]).toBe('United Kingdom, The');
    // Typically ~20 ms; the bound is loose so that a slow CI machine does not fail it.
    expect(elapsed).toBeLessThan(1000);
  });
});
