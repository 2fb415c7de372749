import { describe, expect, it } from 'vitest';
import { capabilitiesForYear, type StateCapabilities } from '../../../src/data/capabilitiesForYear.js';
import { DataError } from '../../../src/data/DataError.js';
import { NMC_COMPONENTS, type NmcComponent } from '../../../src/data/parseNmcTable.js';
import { loadNmcTable } from '../../../src/node/bundledData.js';

/**
 * Tolerance for comparing with the published `cinc`: relative 2e-7. COW's release carries
 * single-precision (float32) values, whose relative spacing is 2^-24–2^-23 (6e-8–1.2e-7), and
 * the largest relative deviation of COW's rule recomputed in double precision from the published
 * column, over all 15,951 (v6.0) and 17,121 (v7.0) state-years, is 1.14e-7. A genuine error in a
 * share (one component of one state wrong) moves cinc by far more than that.
 */
const REL_TOL = 2e-7;

function expectRelClose(actual: number | undefined, expected: number | undefined, label: string): void {
  expect(actual, label).toBeDefined();
  expect(expected, label).toBeDefined();
  const a = actual ?? NaN;
  const e = expected ?? NaN;
  expect(Math.abs(a - e) / Math.abs(e), `${label}: ${a} vs ${e}`).toBeLessThanOrEqual(REL_TOL);
}

function one(result: { states: readonly StateCapabilities[] }): StateCapabilities {
  expect(result.states.length).toBe(1);
  return result.states[0];
}

describe('capabilitiesForYear', () => {
  const v6 = loadNmcTable('6.0');
  const v7 = loadNmcTable('7.0');

  it('returns the six components and the published cinc (UK 1816: 0.33661938)', () => {
    const uk = one(capabilitiesForYear(v6, 1816, ['UKG']));
    expect(uk.ccode).toBe(200);
    expect(uk.components).toEqual({ milex: 16942, milper: 255, irst: 270, pec: 22528, tpop: 19520, upop: 1957 });
    expect(uk.cinc).toBe(0.33661938);
    expect(uk.missing).toEqual([]);
  });

  it('accepts codes and abbreviations (any case) and keeps the order asked', () => {
    const r = capabilitiesForYear(v6, 1816, [365, 'ukg', 'FRN']);
    expect(r.states.map((s) => s.stateabb)).toEqual(['RUS', 'UKG', 'FRN']);
  });

  it('returns every state of the year, by code, when no state is asked for', () => {
    const r = capabilitiesForYear(v6, 1816);
    expect(r.states.length).toBe(23);
    expect(r.system.stateCount).toBe(23);
    expect(r.states[0].stateabb).toBe('USA');
  });

  it('computes mil, eco, pop as means of shares over ALL states of the year (UK 1816, by hand)', () => {
    const rows = v6.rows.filter((r) => r.year === 1816);
    const total = (c: NmcComponent): number => rows.reduce((s, r) => s + (r[c] ?? 0), 0);
    const uk = one(capabilitiesForYear(v6, 1816, [200]));
    expect(uk.mil).toBeCloseTo((16942 / total('milex') + 255 / total('milper')) / 2, 14);
    expect(uk.eco).toBeCloseTo((270 / total('irst') + 22528 / total('pec')) / 2, 14);
    expect(uk.pop).toBeCloseTo((19520 / total('tpop') + 1957 / total('upop')) / 2, 14);
    // Shares are of the whole system, so asking for one state does not change them.
    const ukAmongAll = capabilitiesForYear(v6, 1816).states.find((s) => s.ccode === 200);
    expect(ukAmongAll?.mil).toBe(uk.mil);
  });

  it('three-component cinc equals the published cinc for UK 1816 and USA 2016 (complete data)', () => {
    // Both states report all six components, so each dimension weighs exactly two of the six
    // shares and cinc3 = cinc6 = COW's cinc, up to the float32 precision of the release (REL_TOL).
    for (const [abb, year, published] of [['UKG', 1816, 0.33661938], ['USA', 2016, 0.13305758]] as const) {
      const s = one(capabilitiesForYear(v6, year, [abb]));
      expect(s.missing).toEqual([]);
      expectRelClose(s.cinc3, published, `${abb} ${year} cinc3`);
      expect(Math.abs((s.cinc3 ?? NaN) - (s.cinc6 ?? NaN))).toBeLessThan(1e-15);
    }
  });

  it('after renormalising by year, UK 1816 and USA 2016 shares agree with the published ones', () => {
    // Published cinc sums to 1.0535 in 1816 and 1.0068 in 2016. cinc6 follows COW's rule for every
    // state, so its sum, and hence the renormalised share, matches within REL_TOL (plus the
    // sum's own float32 error, bounded by the same relative tolerance).
    for (const [abb, year] of [['UKG', 1816], ['USA', 2016]] as const) {
      const r = capabilitiesForYear(v6, year, [abb]);
      const s = one(r);
      expectRelClose(r.system.cinc6Sum, r.system.cincSum, `${year} sum`);
      expectRelClose((s.cinc6 ?? NaN) / r.system.cinc6Sum, (s.cinc ?? NaN) / r.system.cincSum, `${abb} ${year} share`);
      // The three-component shares renormalise by a different sum, because other states have
      // missing components (missing-value rule 4): 1.0491 instead of 1.0535 in 1816, so the
      // renormalised cinc3 share of the UK is off by exactly the ratio of the sums (~0.4%).
      const ratio = r.system.cincSum / r.system.cinc3Sum;
      expectRelClose((s.cinc3 ?? NaN) / r.system.cinc3Sum, ((s.cinc ?? NaN) / r.system.cincSum) * ratio, `${abb} ${year} cinc3 share`);
    }
    const y1816 = capabilitiesForYear(v6, 1816).system;
    expect(y1816.cincSum).toBeCloseTo(1.0535, 4);
    expect(y1816.cinc3Sum).toBeCloseTo(1.0491, 4);
  });

  it('in a year with no missing component (1961–1964) cinc3 shares sum to 1 and match published ones', () => {
    for (let year = 1961; year <= 1964; year += 1) {
      const r = capabilitiesForYear(v6, year);
      expect(r.states.every((s) => s.missing.length === 0)).toBe(true);
      expect(r.system.cinc3Sum).toBeCloseTo(1, 12);
      for (const s of r.states) expectRelClose(s.cinc3, s.cinc, `${s.stateabb} ${year}`);
    }
  });

  it('cinc6 (COW\'s rule) reproduces the published cinc of every state-year of v6.0 and v7.0', () => {
    for (const table of [v6, v7]) {
      let checked = 0;
      for (let year = table.firstYear; year <= table.lastYear; year += 1) {
        for (const s of capabilitiesForYear(table, year).states) {
          expectRelClose(s.cinc6, s.cinc, `${table.file} ${s.stateabb} ${year}`);
          checked += 1;
        }
      }
      expect(checked).toBe(table.rows.length);
    }
  });

  describe('missing components (-9)', () => {
    const r1816 = capabilitiesForYear(v6, 1816);
    const get = (abb: string): StateCapabilities => {
      const s = r1816.states.find((x) => x.stateabb === abb);
      if (s === undefined) throw new Error(abb);
      return s;
    };

    it('are never read as 0: shares are over the reporting states and sum to 1', () => {
      for (const c of NMC_COMPONENTS) {
        const reporting = r1816.states.filter((s) => s.shares[c] !== undefined);
        expect(reporting.length).toBe(r1816.system.reporting[c]);
        expect(reporting.reduce((sum, s) => sum + (s.shares[c] ?? 0), 0)).toBeCloseTo(1, 12);
      }
      expect(r1816.system.reporting.milex).toBe(11);
    });

    it('one component missing: the dimension is the other component\'s share (Austria 1816, milex)', () => {
      const auh = get('AUH');
      expect(auh.missing).toEqual(['milex']);
      expect(auh.shares.milex).toBeUndefined();
      expect(auh.mil).toBe(auh.shares.milper);
      // cinc3 weighs milper as a whole dimension; cinc6 as one sixth of five: they differ.
      expect(Math.abs((auh.cinc3 ?? 0) - (auh.cinc6 ?? 0))).toBeGreaterThan(1e-4);
      expectRelClose(auh.cinc6, auh.cinc, 'AUH 1816 cinc6');
    });

    it('both components missing: the dimension is undefined and cinc3 uses the others (Sweden 1816)', () => {
      const swd = get('SWD');
      expect(swd.missing).toEqual(['milex', 'milper']);
      expect(swd.mil).toBeUndefined();
      expect(swd.cinc3).toBeCloseTo(((swd.eco ?? NaN) + (swd.pop ?? NaN)) / 2, 15);
    });

    it('with missing: "error", a requested state with a missing component throws a DataError', () => {
      expect(() => capabilitiesForYear(v6, 1816, ['AUH'], { missing: 'error' })).toThrow(DataError);
      expect(() => capabilitiesForYear(v6, 1816, ['AUH'], { missing: 'error' })).toThrow(
        'cow_nmc_v6.0_abridged.csv, year 1816, state "AUH": missing NMC component(s) milex',
      );
      expect(capabilitiesForYear(v6, 1816, ['UKG'], { missing: 'error' }).states[0].stateabb).toBe('UKG');
    });
  });

  describe('errors', () => {
    it('names the file, the year and the coverage for a year outside it', () => {
      expect(() => capabilitiesForYear(v6, 1815)).toThrow(
        'cow_nmc_v6.0_abridged.csv, year 1815: year is outside the file\'s coverage 1816–2016',
      );
      expect(() => capabilitiesForYear(v6, 2022)).toThrow('year 2022');
      expect(one(capabilitiesForYear(v7, 2022, ['CHN'])).cinc).toBe(0.23409663);
    });

    it('names the file, the year and the state for a state that does not exist that year', () => {
      expect(() => capabilitiesForYear(v6, 1816, ['UKG', 'GFR'])).toThrow(
        'cow_nmc_v6.0_abridged.csv, year 1816, state "GFR": state does not exist in this year (23 states in the file that year)',
      );
      const error = (() => {
        try {
          capabilitiesForYear(v6, 1950, [9999]);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(DataError);
      expect(error).toMatchObject({ file: 'cow_nmc_v6.0_abridged.csv', year: 1950, code: 9999 });
    });
  });
});
