import { describe, expect, it } from 'vitest';
import { NMC_COMPONENTS, parseNmcTable, type NmcRow } from '../../../src/data/parseNmcTable.js';
import { loadNmcTable } from '../../../src/node/bundledData.js';

function find(rows: readonly NmcRow[], stateabb: string, year: number): NmcRow {
  const row = rows.find((r) => r.stateabb === stateabb && r.year === year);
  if (row === undefined) throw new Error(`no ${stateabb} ${year}`);
  return row;
}

describe('parseNmcTable', () => {
  it('parses v6.0: 15,951 state-years, 1816–2016', () => {
    const t = loadNmcTable('6.0');
    expect(t.file).toBe('cow_nmc_v6.0_abridged.csv');
    expect(t.rows.length).toBe(15951);
    expect([t.firstYear, t.lastYear]).toEqual([1816, 2016]);
    expect(new Set(t.rows.map((r) => r.ccode)).size).toBe(217);
    expect(t.rows[0].version).toBe(2021);
  });

  it('parses v7.0: 17,121 state-years, 1816–2022, no version column', () => {
    const t = loadNmcTable('7.0');
    expect(t.rows.length).toBe(17121);
    expect([t.firstYear, t.lastYear]).toEqual([1816, 2022]);
    expect(t.rows.every((r) => r.version === undefined)).toBe(true);
  });

  it('reads -9 as undefined: the counts of missing values match data/README.md', () => {
    const rows = loadNmcTable('6.0').rows;
    const missing = Object.fromEntries(NMC_COMPONENTS.map((c) => [c, rows.filter((r) => r[c] === undefined).length]));
    expect(missing).toEqual({ milex: 2217, milper: 426, irst: 26, pec: 448, tpop: 0, upop: 68 });
    expect(rows.filter((r) => r.cinc === undefined).length).toBe(0);
    // No -9 survives as a number.
    expect(rows.some((r) => NMC_COMPONENTS.some((c) => r[c] === -9))).toBe(false);
  });

  it('keeps a real zero distinct from a missing value (Switzerland 1816: milex -9, milper 0)', () => {
    const swz = find(loadNmcTable('6.0').rows, 'SWZ', 1816);
    expect(swz.milex).toBeUndefined();
    expect(swz.milper).toBe(0);
  });

  it('reads exponent notation (Samoa 2014 cinc 5.6153185E-06)', () => {
    expect(find(loadNmcTable('6.0').rows, 'WSM', 2014).cinc).toBe(5.6153185e-6);
  });

  // The README's tables round cinc to 8 decimals (TUR 2016 is 0.014790365 in the file), so a
  // value agrees if it is within half a unit of the 8th decimal.
  const ROUNDING = 5e-9 + 1e-15;

  it('reproduces the published spot checks of data/README.md §1 and §2', () => {
    const v6 = loadNmcTable('6.0').rows;
    const spot6: [string, number, number][] = [
      ['UKG', 1816, 0.33661938], ['RUS', 1816, 0.16430406], ['FRN', 1816, 0.11728597],
      ['GMY', 1913, 0.14331791], ['UKG', 1913, 0.11274751], ['USA', 1945, 0.38386354],
      ['RUS', 1945, 0.11820719], ['USA', 2016, 0.13305758], ['CHN', 2016, 0.23061772],
      ['RUS', 2016, 0.03647277], ['TUR', 2016, 0.01479037],
    ];
    for (const [abb, year, cinc] of spot6) {
      expect(Math.abs((find(v6, abb, year).cinc ?? NaN) - cinc), `${abb} ${year}`).toBeLessThanOrEqual(ROUNDING);
    }
    const v7 = loadNmcTable('7.0').rows;
    const spot7: [string, number, number][] = [
      ['UKG', 1816, 0.33661938], ['USA', 1945, 0.38386354], ['USA', 2016, 0.13325359],
      ['CHN', 2022, 0.23409663], ['USA', 2022, 0.12356574], ['IND', 2022, 0.09939685],
      ['RUS', 2022, 0.03819699], ['TUR', 2022, 0.01249657],
    ];
    for (const [abb, year, cinc] of spot7) {
      expect(Math.abs((find(v7, abb, year).cinc ?? NaN) - cinc), `${abb} ${year}`).toBeLessThanOrEqual(ROUNDING);
    }
  });

  it('reads the raw components of UK 1816', () => {
    const uk = find(loadNmcTable('6.0').rows, 'UKG', 1816);
    expect(uk).toMatchObject({ ccode: 200, milex: 16942, milper: 255, irst: 270, pec: 22528, tpop: 19520, upop: 1957 });
  });

  it('names the file and line of a malformed cell', () => {
    const text = 'stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc\nUKG,200,1816,1,2,3,4,5,six,0.3\n';
    expect(() => parseNmcTable(text, 'my.csv')).toThrow('my.csv, line 2: upop "six" is not a number');
  });
});
