import { summarizeSample } from '../../experiments/statistics.js';
import type { ReportChart } from '../ReportChart.js';
import type { SweepCell } from '../SweepReportInput.js';
import { vegaLite } from '../VegaLiteSpec.js';

/** One point of a sweep chart: a metric's mean and 95% interval at one value of one parameter. */
export interface SweepPoint {
  parameter: string;
  /** The parameter's value (a number, or a label for a boolean or text parameter). */
  value: number | string;
  metric: string;
  /** Runs at that value. */
  n: number;
  mean: number;
  /** 95% t-interval of the mean (both = mean with fewer than two runs). */
  lo: number;
  hi: number;
}

/**
 * The main-effect points of a sweep: for each parameter, each of its values and each metric, the
 * mean over every run at that value (whatever the other parameters were) with its 95% t-interval
 * over those runs (the experiments' summarizeSample). Numeric values sort by size, others as text.
 */
export function sweepPoints(runs: readonly Record<string, SweepCell>[], parameters: readonly string[], metrics: readonly string[]): SweepPoint[] {
  const out: SweepPoint[] = [];
  for (const parameter of parameters) {
    const groups = new Map<number | string, Record<string, SweepCell>[]>();
    for (const run of runs) {
      const raw = run[parameter];
      if (raw === null || raw === undefined || (typeof raw === 'number' && !Number.isFinite(raw))) continue;
      const v = typeof raw === 'number' ? raw : String(raw);
      const g = groups.get(v);
      if (g === undefined) groups.set(v, [run]);
      else g.push(run);
    }
    const values = [...groups.keys()].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1));
    for (const metric of metrics) {
      for (const value of values) {
        const sample = (groups.get(value) ?? []).map((r) => r[metric]).filter((x): x is number => typeof x === 'number');
        const s = summarizeSample(sample);
        if (s.n === 0) continue;
        const ok = Number.isFinite(s.ciLow);
        out.push({ parameter, value, metric, n: s.n, mean: s.mean, lo: ok ? s.ciLow : s.mean, hi: ok ? s.ciHigh : s.mean });
      }
    }
  }
  return out;
}

function formatValue(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}

/** Options of {@link sweepMetricsChart}. */
export interface SweepChartOptions {
  id: string;
  title: string;
  /** What the metrics are, for the caption (e.g. "outcomes of the run"). */
  what: string;
}

/**
 * Each summary metric against each swept parameter, with 95% confidence bands: a grid with one
 * row per metric and one column per parameter; the line is the mean over the runs at each value of
 * the parameter (averaged over the other parameters: a main effect), the band its 95% t-interval.
 * Parameters with values that are not numbers get points with error bars instead of a line.
 */
export function sweepMetricsChart(
  runs: readonly Record<string, SweepCell>[], parameters: readonly string[], metrics: readonly string[], options: SweepChartOptions,
): ReportChart {
  const all = sweepPoints(runs, parameters, metrics);
  // Metrics that never vary (every run gives the same value) are named in the caption, not drawn.
  const constant = metrics.filter((m) => {
    const ps = all.filter((p) => p.metric === m);
    return ps.length > 0 && ps.every((p) => p.lo === ps[0].mean && p.hi === ps[0].mean && p.mean === ps[0].mean);
  });
  const points = all.filter((p) => !constant.includes(p.metric));
  const numeric = parameters.filter((p) => points.some((v) => v.parameter === p) && points.every((v) => v.parameter !== p || typeof v.value === 'number'));
  const labelled = parameters.filter((p) => points.some((v) => v.parameter === p) && !numeric.includes(p));
  const shown = metrics.filter((m) => points.some((v) => v.metric === m));
  const maxN = points.reduce((m, v) => Math.max(m, v.n), 0);
  const tooltip = [
    { field: 'parameter', type: 'nominal' }, { field: 'value', type: 'nominal' }, { field: 'metric', type: 'nominal' },
    { field: 'mean', type: 'quantitative', format: '.4g' }, { field: 'lo', type: 'quantitative', format: '.4g', title: '95% low' },
    { field: 'hi', type: 'quantitative', format: '.4g', title: '95% high' }, { field: 'n', type: 'quantitative', title: 'runs' },
  ] as const;
  const row = { field: 'metric', type: 'nominal', title: null, sort: shown, header: { labelAngle: 0, labelAlign: 'left', labelLimit: 170 } } as const;
  const y = { field: 'mean', type: 'quantitative', title: null, scale: { zero: false } } as const;
  const grid = (params: string[], kind: 'numeric' | 'labelled') => ({
    data: { values: points.filter((p) => params.includes(p.parameter)) },
    facet: { row, column: { field: 'parameter', type: 'nominal' as const, title: null, sort: params } },
    resolve: { scale: { x: 'independent' as const, y: 'independent' as const } },
    spec: {
      width: 190,
      height: 110,
      layer: kind === 'numeric'
        ? [
          { mark: { type: 'area' as const, opacity: 0.25, color: '#0072B2' },
            encoding: { x: { field: 'value', type: 'quantitative' as const, title: null, scale: { zero: false, nice: false } }, y: { field: 'lo', type: 'quantitative' as const, title: null, scale: { zero: false } }, y2: { field: 'hi' } } },
          { mark: { type: 'line' as const, point: true, color: '#0072B2' },
            encoding: { x: { field: 'value', type: 'quantitative' as const, title: null, scale: { zero: false, nice: false } }, y, tooltip: [...tooltip] } },
        ]
        : [
          { mark: { type: 'rule' as const, color: '#0072B2' },
            encoding: { x: { field: 'value', type: 'nominal' as const, title: null }, y: { field: 'lo', type: 'quantitative' as const, title: null, scale: { zero: false } }, y2: { field: 'hi' } } },
          { mark: { type: 'point' as const, filled: true, color: '#0072B2' },
            encoding: { x: { field: 'value', type: 'nominal' as const, title: null }, y, tooltip: [...tooltip] } },
        ],
    },
  });
  const parts = [...(numeric.length > 0 ? [grid(numeric, 'numeric')] : []), ...(labelled.length > 0 ? [grid(labelled, 'labelled')] : [])];
  return {
    id: options.id,
    title: options.title,
    caption: `One row per metric (${options.what}), one column per swept parameter. Each point is the metric's mean over `
      + 'all runs at that value of the parameter, whatever the other parameters were (a main effect); the shaded band '
      + '(or bar, for parameters whose values are not numbers) is its 95% confidence interval, Student\'s t over those runs'
      + `${maxN < 2 ? ' — with one run per value there is no interval' : ''}. Each panel has its own scales.`
      + (constant.length > 0
        ? ` The same in every run, so not drawn: ${constant.map((m) => `${m} = ${formatValue(all.find((p) => p.metric === m)?.mean ?? Number.NaN)}`).join(', ')}.`
        : ''),
    figure: true,
    spec: parts.length === 1 ? vegaLite(parts[0]) : vegaLite({ vconcat: parts }),
  };
}
