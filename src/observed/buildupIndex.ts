import type { CowYearTable } from '../data/CowTable.js';
import type { NmcRow } from '../data/parseNmcTable.js';

/**
 * Threshold of the build-up index above which a state-year is coded HI (+23 %).
 *
 * [D] Taken from the distribution of the index itself, not from a desired count: the median plus
 * two robust standard deviations (1.4826 × the median absolute deviation) of the index over every
 * measured state-year of NMC v6.0, 1817–2016 ({@link buildupThresholdFromData} gives 0.233; rounded
 * to whole per cent). Year-on-year share changes are noisy (median +1 %, robust sd 11 %); a build-up
 * is a change the ordinary noise rarely produces. The usual +10 % would code a quarter of all
 * state-years (the index's 76th percentile), which is ordinary fluctuation, not an act.
 */
export const BUILDUP_THRESHOLD = 0.23;

/** Key of a state-year in the index map. */
const key = (ccode: number, year: number): number => ccode * 10_000 + year;

/**
 * The build-up index of every state-year of an NMC table where it is measured: the mean of the
 * year-on-year growth rates of the state's share of world `milex` and of world `milper`.
 *
 * Shares are taken within a year over the states reporting the component (so the currency change
 * of `milex` at 1913/1914 cancels out); growth is `share_t / share_{t−1} − 1`. The index is absent
 * where either component is missing (COW `-9`) in either year, where the state has no row the year
 * before (its first year, or after a gap), or where a share was 0 the year before (growth from 0 is
 * undefined; it is almost always a state without forces of its own).
 *
 * @param nmc - a parsed NMC table (v6.0 or v7.0).
 * @returns map from `ccode * 10000 + year` to the index.
 */
export function buildupIndex(nmc: CowYearTable<NmcRow>): Map<number, number> {
  const totals = new Map<string, number>();
  const add = (name: string, value: number | undefined): void => {
    if (value !== undefined) totals.set(name, (totals.get(name) ?? 0) + value);
  };
  for (const row of nmc.rows) {
    add(`milex${row.year}`, row.milex);
    add(`milper${row.year}`, row.milper);
  }
  const share = (row: NmcRow, c: 'milex' | 'milper'): number | undefined => {
    const v = row[c];
    const total = totals.get(`${c}${row.year}`);
    return v === undefined || total === undefined || total <= 0 ? undefined : v / total;
  };
  const byKey = new Map<number, NmcRow>();
  for (const row of nmc.rows) byKey.set(key(row.ccode, row.year), row);
  const out = new Map<number, number>();
  for (const row of nmc.rows) {
    const prev = byKey.get(key(row.ccode, row.year - 1));
    if (prev === undefined) continue;
    const ex = share(row, 'milex');
    const per = share(row, 'milper');
    const exPrev = share(prev, 'milex');
    const perPrev = share(prev, 'milper');
    if (ex === undefined || per === undefined || exPrev === undefined || perPrev === undefined) continue;
    if (exPrev === 0 || perPrev === 0) continue;
    out.set(key(row.ccode, row.year), (ex / exPrev - 1 + (per / perPrev - 1)) / 2);
  }
  return out;
}

/** The build-up index of a state-year from a map made by {@link buildupIndex}. */
export function buildupOf(index: ReadonlyMap<number, number>, ccode: number, year: number): number | undefined {
  return index.get(key(ccode, year));
}

/**
 * The data-derived threshold behind {@link BUILDUP_THRESHOLD}: median + 2 × 1.4826 × MAD of the
 * build-up index over all its measured state-years, with its quantiles for the docs.
 */
export function buildupThresholdFromData(index: ReadonlyMap<number, number>): {
  readonly n: number; readonly median: number; readonly robustSd: number; readonly threshold: number;
  readonly p75: number; readonly p90: number;
} {
  const values = [...index.values()].sort((a, b) => a - b);
  const quantile = (sorted: readonly number[], p: number): number => sorted[Math.floor(p * (sorted.length - 1))];
  const median = quantile(values, 0.5);
  const deviations = values.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
  const robustSd = 1.4826 * quantile(deviations, 0.5);
  return { n: values.length, median, robustSd, threshold: median + 2 * robustSd, p75: quantile(values, 0.75), p90: quantile(values, 0.9) };
}
