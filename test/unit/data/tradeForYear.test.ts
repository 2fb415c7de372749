import { describe, expect, it } from 'vitest';
import { statesForYear } from '../../../src/data/statesForYear.js';
import { tradeForYear } from '../../../src/data/tradeForYear.js';
import { loadStatesTable, loadTradeTable } from '../../../src/node/bundledData.js';

describe('tradeForYear', () => {
  const t = loadTradeTable();

  it('returns imports, exports and tau = (imports + exports)/2 (USA 1870: 450, 418, 434)', () => {
    expect(tradeForYear(t, 1870, ['USA'])).toEqual([
      { ccode: 2, stateabb: 'USA', imports: 450, exports: 418, tau: 434, inFile: true },
    ]);
  });

  it('matches the examples of data/README.md §7 (rounded there to 0.1 or 1)', () => {
    const [uk, gmy] = tradeForYear(t, 1913, [200, 'GMY']);
    expect(uk.imports).toBeCloseTo(3295.8, 1);
    expect(uk.exports).toBeCloseTo(2626.3, 1);
    expect(gmy.imports).toBeCloseTo(2569.6, 1);
    expect(gmy.exports).toBeCloseTo(2403.0, 1);
    const [tur, chn] = tradeForYear(t, 2014, ['TUR', 'CHN']);
    expect(Math.round(tur.imports ?? NaN)).toBe(242177);
    expect(Math.round(tur.exports ?? NaN)).toBe(157620);
    expect(Math.round(chn.imports ?? NaN)).toBe(2519305);
    expect(Math.round(chn.exports ?? NaN)).toBe(2818427);
  });

  it('leaves tau missing when one side is missing, never imputing 0 (Bahamas 1965)', () => {
    const [bhm] = tradeForYear(t, 1965, ['BHM']);
    expect(bhm.imports).toBeUndefined();
    expect(bhm.exports).toBe(18.5);
    expect(bhm.tau).toBeUndefined();
    expect(bhm.inFile).toBe(true);
  });

  it('returns every row of the year, by code, when no state is asked for', () => {
    const all = tradeForYear(t, 1870);
    expect(all.length).toBe(t.rows.filter((r) => r.year === 1870).length);
    expect(all[0].ccode).toBe(2);
  });

  it('reports a member without a row as missing (Monaco 2007) and checks membership with a system list', () => {
    const system = statesForYear(loadStatesTable(), 2010);
    const [mnc, kos] = tradeForYear(t, 2010, [221, 'KOS'], { system });
    expect(mnc).toEqual({ ccode: 221, stateabb: 'MNC', imports: undefined, exports: undefined, tau: undefined, inFile: false });
    expect(kos).toMatchObject({ ccode: 347, inFile: false, tau: undefined });
  });

  it('throws DataErrors for a year outside 1870–2014, an unknown state, and a non-member', () => {
    expect(() => tradeForYear(t, 1869)).toThrow("cow_trade_v4.0_national.csv, year 1869: year is outside the file's coverage 1870–2014");
    expect(() => tradeForYear(t, 2010, ['KOS'])).toThrow('cow_trade_v4.0_national.csv, year 2010, state "KOS": unknown state');
    // Guyana has trade rows for 1960–1965 but joined the state system in 1966.
    const system = statesForYear(loadStatesTable(), 1960);
    expect(tradeForYear(t, 1960, [110])[0].inFile).toBe(true);
    expect(() => tradeForYear(t, 1960, [110], { system })).toThrow(
      'cow_trade_v4.0_national.csv, year 1960, state 110: state does not exist in this year',
    );
  });
});
