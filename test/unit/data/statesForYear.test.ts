import { describe, expect, it } from 'vitest';
import { statesForYear } from '../../../src/data/statesForYear.js';
import { loadNmcTable, loadStatesTable } from '../../../src/node/bundledData.js';

describe('statesForYear', () => {
  const t = loadStatesTable();

  it('lists the system members of a year with names, sorted by code', () => {
    const s1816 = statesForYear(t, 1816);
    expect(s1816.length).toBe(23);
    expect(s1816[0]).toEqual({ ccode: 2, stateabb: 'USA', name: 'United States of America' });
    expect(s1816.find((s) => s.ccode === 200)?.name).toBe('United Kingdom');
    expect(statesForYear(t, 2016).length).toBe(195);
  });

  it('follows spells: France is absent in 1943 (spells 1816–1942 and 1944–2016)', () => {
    expect(statesForYear(t, 1942).some((s) => s.ccode === 220)).toBe(true);
    expect(statesForYear(t, 1943).some((s) => s.ccode === 220)).toBe(false);
    expect(statesForYear(t, 1944).some((s) => s.ccode === 220)).toBe(true);
  });

  it('agrees with the NMC state-years in every year 1816–2016', () => {
    const nmc = loadNmcTable('6.0').rows;
    for (let year = 1816; year <= 2016; year += 1) {
      const fromNmc = nmc.filter((r) => r.year === year).map((r) => r.ccode).sort((a, b) => a - b);
      expect(statesForYear(t, year).map((s) => s.ccode), String(year)).toEqual(fromNmc);
    }
  });

  it('throws a DataError naming file and year outside 1816–2016', () => {
    expect(() => statesForYear(t, 2017)).toThrow("cow_states2016.csv, year 2017: year is outside the file's coverage 1816–2016");
  });
});
