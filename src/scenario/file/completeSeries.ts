import { fdlibmExp, fdlibmLog } from '../../model/fdlibmExpLog.js';

/** How a path continues after the data's last year (issue 12 item 6, model note N42). */
export interface Projection {
  /** `trend`: the trailing growth rate of the share over `years` data years; `hold`: the last value. */
  readonly rule: 'trend' | 'hold';
  /** Trailing window of the trend, in data years (≥ 2). */
  readonly years: number;
}

/** Result of {@link completeSeries}. */
export interface CompletedSeries {
  /** Every year's value (> 0 where the input had any value). */
  readonly values: number[];
  /** Indices filled by linear interpolation between data years (or by holding the nearest one at an edge). */
  readonly interpolated: number[];
  /** Indices after the data's last year, filled by the projection. */
  readonly projected: number[];
  /** False when there is no value at all to build the series from. */
  readonly ok: boolean;
}

/**
 * Completes a yearly series of positive values (model note N42). `values[k]` is the year k of the
 * span, `undefined` where the data have no usable value; `dataEnd` is the last index the data cover
 * (later indices are projected); `skip[k]` marks years the value is not needed (the state is not in
 * the system then), which are filled but never reported.
 *
 * - A gap inside the data is filled by linear interpolation between the nearest known years, and at
 *   an edge by holding the nearest known value; both are listed in `interpolated`.
 * - After `dataEnd`: `hold` repeats the last known value; `trend` continues the mean log growth of
 *   the data years among the last `years` years of the data, v(k) = v_last·exp(g·(k − k_last)),
 *   which stays positive.
 *
 * `before` holds the data of the years just before the span (`before[m]` is index
 * m − before.length), read only by the projection: the trailing window reaches back before the span
 * when the span holds fewer data years than the window (model note N47), and a span that starts
 * after the data's last year (`dataEnd` < 0) is projected from the last data year before it.
 */
export function completeSeries(values: readonly (number | undefined)[], dataEnd: number, projection: Projection,
  skip?: readonly boolean[], before: readonly (number | undefined)[] = []): CompletedSeries {
  const n = values.length;
  const known: number[] = [];
  for (let k = 0; k < Math.min(n, dataEnd + 1); k++) {
    const v = values[k];
    if (v !== undefined && v > 0) known.push(k);
  }
  const out = new Array<number>(n).fill(0);
  const interpolated: number[] = [];
  const projected: number[] = [];
  // The data before the span, as indices < 0 (only for the projection).
  const lead: number[] = [];
  const at = (k: number): number => (k < 0 ? before[before.length + k] : values[k]) as number;
  before.forEach((v, m) => { if (v !== undefined && v > 0 && m - before.length <= dataEnd) lead.push(m - before.length); });
  if (known.length === 0 && !(dataEnd < 0 && lead.length > 0)) return { values: out, interpolated, projected, ok: false };
  let next = 0;
  for (let k = 0; k < Math.min(n, dataEnd + 1); k++) {
    while (next < known.length && known[next] < k) next++;
    if (known[next] === k) { out[k] = values[k] as number; continue; }
    const lo = next > 0 ? known[next - 1] : undefined;
    const hi = next < known.length ? known[next] : undefined;
    if (lo !== undefined && hi !== undefined) {
      const a = values[lo] as number;
      const b = values[hi] as number;
      out[k] = a + ((b - a) * (k - lo)) / (hi - lo);
    } else {
      out[k] = values[(lo ?? hi) as number] as number;
    }
    if (skip?.[k] !== true) interpolated.push(k);
  }
  const all = [...lead, ...known];
  const last = all[all.length - 1];
  const window = all.filter((k) => k > last - Math.max(2, projection.years));
  const first = window[0];
  const g = projection.rule === 'trend' && last > first ? fdlibmLog(at(last) / at(first)) / (last - first) : 0;
  for (let k = Math.max(0, dataEnd + 1); k < n; k++) {
    out[k] = at(last) * fdlibmExp(g * (k - last));
    if (skip?.[k] !== true) projected.push(k);
  }
  return { values: out, interpolated, projected, ok: true };
}

/** A COW date as a decimal year: y + (day of the year − 1)/(days in the year); a missing month or day (≤ 0) counts as 1. */
export function decimalYear(year: number, month?: number, day?: number): number {
  const m = month !== undefined && month >= 1 && month <= 12 ? month : 1;
  const d = day !== undefined && day >= 1 ? day : 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let doy = d - 1;
  for (let k = 0; k < m - 1; k++) doy += lengths[k];
  return year + doy / (leap ? 366 : 365);
}
