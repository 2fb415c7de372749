import { describe, expect, it } from 'vitest';
import { observedBehaviour } from '../../../src/node/observedBehaviour.js';
import { OBSERVED_CSV_COLUMNS, observedCsv } from '../../../src/observed/observedCsv.js';
import type { ObservedRow } from '../../../src/observed/ObservedRow.js';

const base: ObservedRow = {
  ccode: 640, stateId: 'TUR', year: 1952, category: 'IE', HE: false, HI: false, SE: false, IE: true, II: false,
  buildup: -0.103057628125, mainThreatCcode: 365, mainThreat: 'RUS', alliancesJoined: [], igosJoined: ['NATO'],
};

describe('observedCsv: the CSV R and pandas read', () => {
  it('has the header, one line per row, 0/1 flags, NA for missing values, ;-lists and a final newline', () => {
    const csv = observedCsv([base, { ...base, ccode: 2, stateId: 'USA', year: 1816, category: 'NONE', IE: false, buildup: undefined, mainThreatCcode: undefined, mainThreat: undefined, alliancesJoined: [77, 227], igosJoined: [] }]);
    expect(csv).toBe([
      'ccode,stateId,year,category,HE,HI,SE,IE,II,buildup,mainThreatCcode,mainThreat,alliancesJoined,igosJoined',
      '640,TUR,1952,IE,0,0,0,1,0,-0.103058,365,RUS,,NATO',
      '2,USA,1816,NONE,0,0,0,0,0,NA,NA,NA,77;227,',
      '',
    ].join('\n'));
  });

  it('refuses a field that would need quoting', () => {
    expect(() => observedCsv([{ ...base, stateId: 'A,B' }])).toThrow(/would need quoting/);
  });

  it('the bundled record: every line has the 14 columns, categories and flags are valid, one line per state-year', () => {
    const rows = observedBehaviour({ from: 1945, to: 1960 });
    const lines = observedCsv(rows).trimEnd().split('\n');
    expect(lines[0].split(',')).toEqual([...OBSERVED_CSV_COLUMNS]);
    expect(lines).toHaveLength(rows.length + 1);
    for (const line of lines.slice(1)) {
      const f = line.split(',');
      expect(f).toHaveLength(14);
      expect(f[3]).toMatch(/^(HE|HI|SE|IE|II|NONE)$/);
      for (const flag of f.slice(4, 9)) expect(flag).toMatch(/^[01]$/);
      expect(f[9]).toMatch(/^(NA|-?\d+(\.\d+)?(e-?\d+)?)$/);
    }
  });
});
