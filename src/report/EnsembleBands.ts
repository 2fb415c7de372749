import { studentTQuantile } from '../experiments/statistics.js';

/** One measure at one tick of an ensemble: its mean over the replicates and the 95% t-interval of that mean. */
export interface EnsembleBand {
  measure: string;
  tick: number;
  /** The tick's year (fractional for several ticks a year). */
  year: number;
  /** Replicates with a finite value at this tick. */
  n: number;
  mean: number;
  /** 95% Student-t interval of the mean, mean ± t(0.975, n−1)·sd/√n (both = mean when n < 2). */
  lo: number;
  hi: number;
}

/** Running count, mean and sum of squared deviations (Welford) of one measure at one tick. */
interface Moments {
  n: number;
  mean: number;
  m2: number;
}

/**
 * Accumulates the per-tick mean and 95% t-interval of each measure across the replicates of an
 * ensemble, one row of the ticks table at a time (Welford's online mean and variance): memory holds
 * one accumulator per tick and measure, never the rows. Rows may come in any order; the result
 * does not depend on it beyond floating-point rounding, and a file read in its order gives the
 * same bytes every time. Non-finite and missing values are left out. Pure and browser-safe.
 */
export class EnsembleBands {
  private readonly byTick = new Map<number, { year: number; moments: Moments[] }>();

  /** @param measures - the measures, in the order of the values given to {@link add}. */
  constructor(readonly measures: readonly string[]) {}

  /** Adds one replicate's values at one tick (`values[k]` is `measures[k]`). */
  add(tick: number, year: number, values: readonly (number | null)[]): void {
    let entry = this.byTick.get(tick);
    if (entry === undefined) {
      entry = { year, moments: this.measures.map(() => ({ n: 0, mean: 0, m2: 0 })) };
      this.byTick.set(tick, entry);
    }
    for (let k = 0; k < this.measures.length; k++) {
      const x = values[k];
      if (typeof x !== 'number' || !Number.isFinite(x)) continue;
      const m = entry.moments[k];
      m.n++;
      const delta = x - m.mean;
      m.mean += delta / m.n;
      m.m2 += delta * (x - m.mean);
    }
  }

  /** The bands, by measure (in the given order), then by tick. */
  bands(): EnsembleBand[] {
    const ticks = [...this.byTick.keys()].sort((a, b) => a - b);
    const tByN = new Map<number, number>();
    const out: EnsembleBand[] = [];
    this.measures.forEach((measure, k) => {
      for (const tick of ticks) {
        const { year, moments } = this.byTick.get(tick) as { year: number; moments: Moments[] };
        const { n, mean, m2 } = moments[k];
        if (n === 0) continue;
        if (n < 2) { out.push({ measure, tick, year, n, mean, lo: mean, hi: mean }); continue; }
        let t = tByN.get(n);
        if (t === undefined) { t = studentTQuantile(0.975, n - 1); tByN.set(n, t); }
        const half = (t * Math.sqrt(Math.max(0, m2) / (n - 1))) / Math.sqrt(n);
        out.push({ measure, tick, year, n, mean, lo: mean - half, hi: mean + half });
      }
    });
    return out;
  }
}
