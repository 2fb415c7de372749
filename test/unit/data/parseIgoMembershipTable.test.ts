import { describe, expect, it } from 'vitest';
import { parseIgoMembershipTable } from '../../../src/data/parseIgoMembershipTable.js';
import { loadIgoMembershipTable } from '../../../src/node/bundledData.js';

describe('parseIgoMembershipTable', () => {
  it('parses 2,311 spells of 207 states with their statuses, 1816–2014', () => {
    const t = loadIgoMembershipTable();
    expect(t.rows.length).toBe(2311);
    expect(new Set(t.rows.map((r) => r.ccode)).size).toBe(207);
    expect([t.firstYear, t.lastYear]).toEqual([1816, 2014]);
    const count = (s: string): number => t.rows.filter((r) => r.status === s).length;
    expect([count('full'), count('associate'), count('observer')]).toEqual([2271, 6, 34]);
  });

  it('rejects a status code that disagrees with its label', () => {
    const text = 'ioname,ccode,stateabb,status,status_label,start_year,end_year\nUN,2,USA,2,full,1945,2014\n';
    expect(() => parseIgoMembershipTable(text, 'm.csv')).toThrow('m.csv, line 2: status 2 does not match label "full"');
  });
});
