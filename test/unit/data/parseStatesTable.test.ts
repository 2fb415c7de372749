import { describe, expect, it } from 'vitest';
import { loadStatesTable } from '../../../src/node/bundledData.js';

describe('parseStatesTable', () => {
  it('parses 243 spells of 217 states, 1816–2016', () => {
    const t = loadStatesTable();
    expect(t.rows.length).toBe(243);
    expect(new Set(t.rows.map((r) => r.ccode)).size).toBe(217);
    expect([t.firstYear, t.lastYear]).toEqual([1816, 2016]);
  });

  it('keeps several spells per state (France 1816–1942 and 1944–2016)', () => {
    const frn = loadStatesTable().rows.filter((r) => r.ccode === 220);
    expect(frn.map((r) => [r.styear, r.endyear])).toEqual([[1816, 1942], [1944, 2016]]);
    expect(frn[0].statenme).toBe('France');
  });
});
