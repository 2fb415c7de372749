import { describe, expect, it } from 'vitest';
import { majorsForYear } from '../../../src/data/majorsForYear.js';
import { loadMajorsTable } from '../../../src/node/bundledData.js';

describe('majorsForYear', () => {
  const t = loadMajorsTable();
  const abbs = (year: number): string[] => majorsForYear(t, year).map((m) => m.stateabb);

  it('lists the majors of a year, sorted by code', () => {
    expect(abbs(1816)).toEqual(['UKG', 'FRN', 'GMY', 'AUH', 'RUS']);
    expect(abbs(1900)).toEqual(['USA', 'UKG', 'FRN', 'GMY', 'AUH', 'ITA', 'RUS', 'JPN']);
    expect(abbs(1950)).toEqual(['USA', 'UKG', 'FRN', 'RUS', 'CHN']);
    expect(abbs(2016)).toEqual(['USA', 'UKG', 'FRN', 'GMY', 'RUS', 'CHN', 'JPN']);
  });

  it('follows spells (Germany 1919–1924 out; France 1941–1944 out) and never includes West Germany', () => {
    expect(abbs(1920)).not.toContain('GMY');
    expect(abbs(1925)).toContain('GMY');
    expect(abbs(1942)).not.toContain('FRN');
    expect(abbs(1940)).toContain('FRN');
    for (let year = 1955; year <= 1990; year += 1) expect(majorsForYear(t, year).some((m) => m.ccode === 260)).toBe(false);
  });

  it('throws a DataError outside 1816–2016', () => {
    expect(() => majorsForYear(t, 1815)).toThrow("cow_majors2016.csv, year 1815: year is outside the file's coverage 1816–2016");
  });
});
