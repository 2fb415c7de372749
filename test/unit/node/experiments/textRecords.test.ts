import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, RowFormatter } from '../../../../src/experiments/formatRows.js';
import type { Cell, Column } from '../../../../src/experiments/tables.js';
import { readRecords, readRows, runOfRecord, splitCsvRecord } from '../../../../src/node/experiments/textRecords.js';
import { tempDir } from '../../../support/sweepDirs.js';

const columns: Column[] = [{ name: 'run', type: 'int' }, { name: 'seed', type: 'int64' }, { name: 'x', type: 'float' }, { name: 'ok', type: 'bool' }, { name: 's', type: 'string' }];
const rows: Cell[][] = [
  [0, 2 ** 47, 0.1 + 0.2, true, 'plain'],
  [1, 5, Infinity, false, 'a,"b"\r\nc'],
  [12, 6, null, null, null],
  [13, 7, -1e-300, true, 'λ — ünïcode'],
];
let tmp: ReturnType<typeof tempDir>;
const file = (name: string) => path.join(tmp.dir, name);

beforeAll(() => {
  tmp = tempDir('counterpoise-records-');
  const f = new RowFormatter(columns, []);
  writeFileSync(file('t.csv'), csvHeader(columns) + rows.map((r) => f.csv(r)).join(''));
  writeFileSync(file('t.ndjson'), rows.map((r) => f.ndjson(r)).join(''));
});
afterAll(() => tmp.cleanup());

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => { const out: T[] = []; for await (const x of it) out.push(x); return out; };

describe('reading the text tables back', () => {
  it('splits records exactly: written back with LF they reproduce the file byte for byte', async () => {
    for (const name of ['t.csv', 't.ndjson']) {
      const records = await collect(readRecords(file(name), name.endsWith('.csv') ? 'csv' : 'ndjson'));
      expect(records.map((r) => `${r}\n`).join('')).toBe((await import('node:fs')).readFileSync(file(name), 'utf8'));
    }
    expect(await collect(readRecords(file('t.csv'), 'csv'))).toHaveLength(5);
  });

  it('reads typed rows from CSV and NDJSON alike', async () => {
    const fromCsv = await collect(readRows(file('t.csv'), 'csv', columns));
    const fromJson = await collect(readRows(file('t.ndjson'), 'ndjson', columns));
    expect(fromCsv).toEqual(rows);
    expect(fromJson).toEqual(rows.map((r) => r.map((v) => (v === Infinity ? null : v)))); // JSON has no Infinity
  });

  it('finds the run of a record', () => {
    expect(runOfRecord('12,6,NA\r', 'csv')).toBe(12);
    expect(runOfRecord('run,seed\r', 'csv')).toBe(-1);
    expect(runOfRecord('{"run":13,"seed":7}', 'ndjson')).toBe(13);
    expect(splitCsvRecord('1,"a,""b""",,NA\r').map((f) => f.value)).toEqual(['1', 'a,"b"', '', 'NA']);
    expect(splitCsvRecord('"NA",NA').map((f) => f.quoted)).toEqual([true, false]);
  });
});
