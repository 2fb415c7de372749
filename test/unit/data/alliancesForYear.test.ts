import { describe, expect, it } from 'vitest';
import { alliancesForYear, type AlliancePair } from '../../../src/data/alliancesForYear.js';
import { loadAllianceTable } from '../../../src/node/bundledData.js';

const t = loadAllianceTable();
const key = (p: AlliancePair): string => `${p.allianceId}:${p.ccodeA}-${p.ccodeB}`;

describe('alliancesForYear', () => {
  it('includes UK–Portugal (alliance 1, Anglo-Portuguese, in force since 1386) in 1816', () => {
    const pairs = alliancesForYear(t, 1816);
    const ukPor = pairs.find((p) => p.ccodeA === 200 && p.ccodeB === 235);
    expect(ukPor).toBeDefined();
    expect(ukPor?.allianceId).toBe(1);
    expect(ukPor?.obligations).toEqual({ defense: true, neutrality: false, nonaggression: true, entente: false });
  });

  it('lists the UK\'s pairs of 1816, one per shared alliance (the Quadruple Alliance is 6)', () => {
    const uk = alliancesForYear(t, 1816).filter((p) => p.ccodeA === 200 || p.ccodeB === 200);
    expect(uk.map(key)).toEqual(['1:200-235', '2:200-380', '6:200-255', '6:200-300', '6:200-365']);
    // The blank UK nonaggression flag of alliance 6 reads as not carried.
    expect(uk[2].obligationsA.nonaggression).toBe(false);
  });

  it('counts all pairs of a year (39 in 1816, 14 in 1900, 1,597 in 2012), sorted', () => {
    const p1816 = alliancesForYear(t, 1816);
    expect(p1816.length).toBe(39);
    expect(alliancesForYear(t, 1900).length).toBe(14);
    expect(alliancesForYear(t, 2012).length).toBe(1597);
    const keys = p1816.map((p) => [p.allianceId, p.ccodeA, p.ccodeB]);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(keys).toEqual(sorted);
    expect(p1816.every((p) => p.ccodeA < p.ccodeB)).toBe(true);
  });

  it('follows membership spells: Italy leaves the Triple Alliance (67) in 1915', () => {
    expect(alliancesForYear(t, 1900).filter((p) => p.allianceId === 67).map(key)).toEqual([
      '67:255-300', '67:255-325', '67:300-325',
    ]);
    expect(alliancesForYear(t, 1916).filter((p) => p.allianceId === 67).map(key)).toEqual(['67:255-300']);
  });

  it('filters by obligation: Molotov–Ribbentrop (180) is not a defence pact', () => {
    const all = alliancesForYear(t, 1940).filter((p) => p.allianceId === 180);
    expect(all.map(key)).toEqual(['180:255-365']);
    expect(all[0].obligations).toEqual({ defense: false, neutrality: true, nonaggression: true, entente: false });
    expect(alliancesForYear(t, 1940, { obligations: ['defense'] }).some((p) => p.allianceId === 180)).toBe(false);
    expect(alliancesForYear(t, 1940, { obligations: ['nonaggression'] }).some((p) => p.allianceId === 180)).toBe(true);
    expect(alliancesForYear(t, 1816, { obligations: ['defense'] }).length).toBe(38);
  });

  it('ORs obligations across the two members (US–Japan 1951: only the US carries defence)', () => {
    const usJpn = alliancesForYear(t, 1960).filter((p) => p.allianceId === 233);
    expect(usJpn.length).toBe(1);
    expect(usJpn[0].obligationsA.defense).toBe(true);
    expect(usJpn[0].obligationsB.defense).toBe(false);
    expect(usJpn[0].obligations.defense).toBe(true);
  });

  it('merges a member\'s spells in force in the same year (Balkan Pact 234: defence from 1954)', () => {
    expect(alliancesForYear(t, 1953).filter((p) => p.allianceId === 234).every((p) => !p.obligations.defense)).toBe(true);
    const p1954 = alliancesForYear(t, 1954).filter((p) => p.allianceId === 234);
    expect(p1954.length).toBe(3);
    expect(p1954.every((p) => p.obligations.defense && p.obligations.entente)).toBe(true);
  });

  it('keeps open-ended spells in force to 2012 and can restrict to a set of states', () => {
    const nato = alliancesForYear(t, 2012, { among: [2, 200, 640] }).filter((p) => p.allianceId === 227);
    expect(nato.map(key)).toEqual(['227:2-200', '227:2-640', '227:200-640']);
    expect(alliancesForYear(t, 2012, { among: [2, 200, 640] }).every((p) => [2, 200, 640].includes(p.ccodeB))).toBe(true);
  });

  it('throws a DataError outside 1816–2012 and a RangeError for an empty obligation filter', () => {
    expect(() => alliancesForYear(t, 2013)).toThrow(
      "cow_alliance_v4.1_by_member.csv, year 2013: year is outside the file's coverage 1816–2012",
    );
    expect(() => alliancesForYear(t, 1900, { obligations: [] })).toThrow(RangeError);
  });
});
