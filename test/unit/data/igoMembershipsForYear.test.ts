import { describe, expect, it } from 'vitest';
import { igoMembershipsForYear } from '../../../src/data/igoMembershipsForYear.js';
import { loadIgoMembershipTable } from '../../../src/node/bundledData.js';

describe('igoMembershipsForYear', () => {
  const t = loadIgoMembershipTable();
  const codes = (ioname: string, year: number): number[] => igoMembershipsForYear(t, ioname, year).map((m) => m.ccode);

  it('NATO: founders 1949, Greece and Türkiye from 1952, GFR 1955–1989, unified Germany from 1990', () => {
    expect(codes('NATO', 1949)).toContain(2);
    expect(codes('NATO', 1949)).toContain(220);
    expect(codes('NATO', 1951)).not.toContain(640);
    expect(codes('NATO', 1952)).toContain(640);
    expect(codes('NATO', 1989)).toContain(260);
    expect(codes('NATO', 1990)).not.toContain(260);
    expect(codes('NATO', 1990)).toContain(255);
    expect(codes('NATO', 1998)).not.toContain(290);
    expect(codes('NATO', 1999)).toContain(290);
    expect(codes('NATO', 1949).length).toBe(12);
  });

  it('League of Nations: Japan to 1933, USSR 1934–1939, none before 1919', () => {
    expect(codes('LoN', 1933)).toContain(740);
    expect(codes('LoN', 1934)).not.toContain(740);
    expect(codes('LoN', 1934)).toContain(365);
    expect(codes('LoN', 1940)).not.toContain(365);
    expect(codes('LoN', 1900)).toEqual([]);
  });

  it('filters by status: the US was an OEEC associate, not a full member', () => {
    expect(codes('OEEC', 1950)).not.toContain(2);
    const assoc = igoMembershipsForYear(t, 'OEEC', 1950, { statuses: ['associate'] });
    expect(assoc.map((m) => m.stateabb)).toEqual(['USA', 'CAN']);
    expect(assoc.every((m) => m.status === 'associate')).toBe(true);
    const all = igoMembershipsForYear(t, 'OEEC', 1950, { statuses: ['full', 'associate', 'observer'] });
    expect(all.length).toBe(codes('OEEC', 1950).length + 2);
    expect(igoMembershipsForYear(t, 'CCNR', 2014, { statuses: ['observer'] }).map((m) => m.stateabb)).toContain('UKG');
  });

  it('throws a DataError for an unknown IGO name and for a year outside 1816–2014', () => {
    expect(() => igoMembershipsForYear(t, 'Nato', 1990)).toThrow(
      'cow_igo_v3_membership_spells.csv, year 1990: unknown IGO "Nato"',
    );
    expect(() => igoMembershipsForYear(t, 'NATO', 2015)).toThrow("year 2015: year is outside the file's coverage 1816–2014");
  });
});
