import { describe, expect, it } from 'vitest';
import type { CowYearTable } from '../../../src/data/CowTable.js';
import type { NmcRow } from '../../../src/data/parseNmcTable.js';
import { loadNmcTable } from '../../../src/node/bundledData.js';
import { BUILDUP_THRESHOLD, buildupIndex, buildupOf, buildupThresholdFromData } from '../../../src/observed/buildupIndex.js';

function nmc(rows: [number, number, number | undefined, number | undefined][]): CowYearTable<NmcRow> {
  return {
    file: 'test.csv', firstYear: 1900, lastYear: 1902,
    rows: rows.map(([ccode, year, milex, milper]) => ({
      stateabb: `S${ccode}`, ccode, year, milex, milper, irst: 1, pec: 1, tpop: 1, upop: 1, cinc: 0.5, version: undefined,
    })),
  };
}

describe('buildupIndex', () => {
  it('is the mean growth of the shares of world milex and milper', () => {
    // 1900: A has 1/4 of milex and 1/2 of milper; 1901: 1/2 and 1/2. Growth +100 % and 0 %: mean +50 %.
    const index = buildupIndex(nmc([[1, 1900, 10, 5], [2, 1900, 30, 5], [1, 1901, 20, 5], [2, 1901, 20, 5]]));
    expect(buildupOf(index, 1, 1901)).toBeCloseTo(0.5, 12);
    expect(buildupOf(index, 2, 1901)).toBeCloseTo(((0.5 / 0.75 - 1) + 0) / 2, 12);
    expect(buildupOf(index, 1, 1900)).toBeUndefined(); // no year before
  });

  it('is a share measure: growth that every state shares is no build-up (and levels across 1913/1914 never meet)', () => {
    const index = buildupIndex(nmc([[1, 1900, 10, 5], [2, 1900, 30, 5], [1, 1901, 100, 50], [2, 1901, 300, 50]]));
    expect(buildupOf(index, 1, 1901)).toBeCloseTo(0, 12);
  });

  it('is absent where a component is missing in either year, or a share was 0 the year before', () => {
    const index = buildupIndex(nmc([
      [1, 1900, undefined, 5], [2, 1900, 30, 5], [3, 1900, 0, 5],
      [1, 1901, 20, 5], [2, 1901, 20, undefined], [3, 1901, 10, 5],
    ]));
    expect(buildupOf(index, 1, 1901)).toBeUndefined();
    expect(buildupOf(index, 2, 1901)).toBeUndefined();
    expect(buildupOf(index, 3, 1901)).toBeUndefined();
  });

  it('the threshold (+23 %) is the median + 2 robust sd of the index over NMC v6.0, to whole per cent', () => {
    const stats = buildupThresholdFromData(buildupIndex(loadNmcTable('6.0')));
    expect(stats.n).toBe(11_945);
    expect(Math.round(stats.threshold * 100) / 100).toBe(BUILDUP_THRESHOLD);
    // The usual +10 % would sit at the index's 76th percentile: ordinary fluctuation.
    expect(stats.p75).toBeLessThan(0.1);
  });
});
