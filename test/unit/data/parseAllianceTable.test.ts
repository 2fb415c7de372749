import { describe, expect, it } from 'vitest';
import { loadAllianceTable } from '../../../src/node/bundledData.js';

describe('parseAllianceTable', () => {
  const t = loadAllianceTable();

  it('parses 1,221 member spells of 414 alliances and 180 states, 1816–2012', () => {
    expect(t.rows.length).toBe(1221);
    expect(new Set(t.rows.map((r) => r.version4id)).size).toBe(414);
    expect(new Set(t.rows.map((r) => r.ccode)).size).toBe(180);
    expect([t.firstYear, t.lastYear]).toEqual([1816, 2012]);
  });

  it('reads quoted names and empty end dates (359 spells still in force, all right-censored)', () => {
    const open = t.rows.filter((r) => r.memberEndYear === undefined);
    expect(open.length).toBe(359);
    expect(open.every((r) => r.rightCensor === true)).toBe(true);
    const ukPor = t.rows.filter((r) => r.version4id === 1);
    expect(ukPor.map((r) => r.stateName)).toEqual(['United Kingdom', 'Portugal']);
    expect(ukPor[0]).toMatchObject({ allianceStartYear: 1386, memberStartYear: 1816, leftCensor: true, defense: true });
  });

  it('keeps the three blank obligation flags undefined', () => {
    const blank = t.rows.filter((r) => r.nonaggression === undefined || r.entente === undefined);
    expect(blank.map((r) => [r.version4id, r.ccode])).toEqual([[6, 200], [122, 630], [122, 640]]);
  });

  it('expands to 21,315 member-years, the total of COW\'s yearly file (open spells end in 2012)', () => {
    const memberYears = t.rows.reduce((n, r) => n + (r.memberEndYear ?? 2012) - r.memberStartYear + 1, 0);
    expect(memberYears).toBe(21315);
  });
});
