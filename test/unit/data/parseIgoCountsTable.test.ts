import { describe, expect, it } from 'vitest';
import { loadIgoCountsTable } from '../../../src/node/bundledData.js';

describe('parseIgoCountsTable', () => {
  it('parses 15,557 state-years, 1816–2014, 217 states', () => {
    const t = loadIgoCountsTable();
    expect(t.rows.length).toBe(15557);
    expect([t.firstYear, t.lastYear]).toEqual([1816, 2014]);
    expect(new Set(t.rows.map((r) => r.ccode)).size).toBe(217);
    expect(t.rows[0]).toEqual({ ccode: 2, stateabb: 'USA', year: 1816, full: 0, associate: 0, observer: 0, missing: 0 });
  });
});
