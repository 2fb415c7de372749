import { describe, expect, it } from 'vitest';
import { loadMajorsTable } from '../../../src/node/bundledData.js';

describe('parseMajorsTable', () => {
  it('parses the 14 major-power spells, 1816–2016', () => {
    const t = loadMajorsTable();
    expect(t.rows.length).toBe(14);
    expect([t.firstYear, t.lastYear]).toEqual([1816, 2016]);
    expect(t.rows.filter((r) => r.ccode === 255).map((r) => [r.styear, r.endyear])).toEqual([
      [1816, 1918], [1925, 1945], [1991, 2016],
    ]);
    expect(t.rows.some((r) => r.ccode === 260)).toBe(false);
  });
});
