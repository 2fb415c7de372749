import type { ParameterValue } from './parameterPath.js';
import type { RunResult } from './runOne.js';
import { summarizeSample, type SampleSummary } from './statistics.js';

/** One row of the summary table: a run metric at one design point over its replicates. */
export interface PointSummaryRow extends SampleSummary {
  /** The design point. */
  readonly point: number;
  /** The point's parameter values. */
  readonly values: Readonly<Record<string, ParameterValue>>;
  /** The metric's name (a column of the runs table). */
  readonly metric: string;
}

/**
 * Summarises a stream of runs point by point: for each design point and each run metric, n, mean,
 * sd and the 95% confidence interval of the mean (summarizeSample). Runs must come grouped by point
 * (as sweeps produce them: point-major); memory holds one point's replicates at a time.
 */
export class PointSummarizer {
  private point = -1;
  private values: Readonly<Record<string, ParameterValue>> = {};
  private samples: number[][] = [];

  /**
   * @param metrics the metric names, in output order.
   * @param level the confidence level (default 0.95).
   */
  constructor(private readonly metrics: readonly string[], private readonly level = 0.95) {}

  /**
   * Adds one run's metrics. Returns the finished rows of the previous point when this run begins a
   * new one (else an empty list).
   * @throws RangeError when a point comes back after another (runs not grouped by point).
   */
  add(point: number, values: Readonly<Record<string, ParameterValue>>, metrics: Readonly<Record<string, number | null>>): PointSummaryRow[] {
    let done: PointSummaryRow[] = [];
    if (point !== this.point) {
      if (point < this.point) throw new RangeError(`runs are not grouped by point (point ${point} after ${this.point})`);
      done = this.flush();
      this.point = point;
      this.values = values;
      this.samples = this.metrics.map(() => []);
    }
    this.metrics.forEach((m, k) => this.samples[k].push(metrics[m] ?? Number.NaN));
    return done;
  }

  /** Finishes the current point: its rows (empty when there is none). */
  flush(): PointSummaryRow[] {
    if (this.point < 0 || this.samples.length === 0) return [];
    const rows = this.metrics.map((metric, k) => ({ point: this.point, values: this.values, metric, ...summarizeSample(this.samples[k], this.level) }));
    this.samples = [];
    return rows;
  }
}

/**
 * Summarises runs in memory, point by point (see PointSummarizer). Pure.
 *
 * @example
 * const rows = summarizePoints(sweep(scenario, design, { replicates: 20, ticks: 100 }));
 */
export function summarizePoints(runs: Iterable<RunResult>, level = 0.95): PointSummaryRow[] {
  let summarizer: PointSummarizer | null = null;
  const out: PointSummaryRow[] = [];
  for (const r of runs) {
    summarizer ??= new PointSummarizer(Object.keys(r.metrics), level);
    out.push(...summarizer.add(r.spec.point, r.spec.values, r.metrics));
  }
  if (summarizer !== null) out.push(...summarizer.flush());
  return out;
}
