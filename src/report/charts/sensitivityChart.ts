import type { SensitivityAnalysis, SensitivityRow } from '../../experiments/analyzeSensitivity.js';
import type { ReportChart } from '../ReportChart.js';
import { vegaLite } from '../VegaLiteSpec.js';

/** Metrics the chart draws: the run's outcomes, not the per-option and per-state shares (those are in sensitivity.csv). */
const isOutcome = (metric: string): boolean => !/^(familyShare|actionShare|finalCinc)_/.test(metric);

/** The indices drawn: S1 and ST (Sobol'), μ* and σ (Morris). */
function drawn(analysis: SensitivityAnalysis): SensitivityRow[] {
  const keep = analysis.method === 'sobol' ? ['S1', 'ST'] : ['muStar', 'sigma'];
  return analysis.rows.filter((r) => keep.includes(r.index) && isOutcome(r.metric) && !analysis.constant.includes(r.metric) && Number.isFinite(r.estimate));
}

/**
 * The sensitivity chart of a sweep over a sobol or morris design: one panel per outcome metric, one
 * bar per parameter and index — first- and total-order Sobol' indices, or Morris's μ* and σ — with the
 * bootstrap confidence interval as a rule. Null when nothing varies.
 */
export function sensitivityChart(analysis: SensitivityAnalysis): ReportChart | null {
  const rows = drawn(analysis).map((r) => ({
    metric: r.metric, parameter: r.parameter, index: r.index, estimate: r.estimate,
    lo: Number.isFinite(r.conf) ? r.ciLow : r.estimate, hi: Number.isFinite(r.conf) ? r.ciHigh : r.estimate,
  }));
  if (rows.length === 0) return null;
  const sobol = analysis.method === 'sobol';
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const labels = sobol ? { S1: 'first order S1', ST: 'total order ST' } : { muStar: 'μ* (mean |effect|)', sigma: 'σ (spread of effects)' };
  const data = rows.map((r) => ({ ...r, label: labels[r.index as keyof typeof labels] }));
  const y = { field: 'parameter', type: 'nominal', title: null, sort: analysis.parameters } as const;
  const yOffset = { field: 'label', type: 'nominal' } as const;
  const color = { field: 'label', type: 'nominal', title: null, scale: { range: ['#0072B2', '#E69F00'] }, legend: { orient: 'top' } } as const;
  const tooltip = [
    { field: 'metric', type: 'nominal' }, { field: 'parameter', type: 'nominal' }, { field: 'label', type: 'nominal', title: 'index' },
    { field: 'estimate', type: 'quantitative', format: '.3f' }, { field: 'lo', type: 'quantitative', format: '.3f', title: 'low' },
    { field: 'hi', type: 'quantitative', format: '.3f', title: 'high' },
  ] as const;
  return {
    id: 'sweep-sensitivity',
    title: sobol ? 'Sobol\' sensitivity indices of the outcomes' : 'Morris elementary effects on the outcomes',
    caption: (sobol
      ? `Variance-based sensitivity (Saltelli's design, ${analysis.points} points, each the mean of its replicates): for each outcome, the share of its variance over the design due to each parameter alone (first order S1) and with all its interactions (total order ST). `
      + 'A gap between ST and S1 means interactions; ST near 0 means the parameter can be fixed anywhere in its range. '
      : `Morris screening (${analysis.points} points on trajectories, each the mean of its replicates): μ* is the mean absolute change of the outcome when a parameter moves by Δ of its range, σ the spread of those changes (large σ: non-linear effects or interactions). `)
      + `Rules: ${analysis.level * 100}% bootstrap intervals (${analysis.resamples} resamples). Each panel has its own scale; the per-option, per-family and per-state shares are in sensitivity.csv.`
      + (analysis.constant.length > 0 ? ` Constant over the design, so not drawn: ${analysis.constant.join(', ')}.` : ''),
    figure: true,
    spec: vegaLite({
      data: { values: data },
      facet: { row: { field: 'metric', type: 'nominal', title: null, sort: metrics, header: { labelAngle: 0, labelAlign: 'left', labelLimit: 170 } } },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 320,
        layer: [
          { mark: { type: 'bar' }, encoding: { y, yOffset, color, x: { field: 'estimate', type: 'quantitative', title: null }, tooltip: [...tooltip] } },
          { mark: { type: 'rule', color: '#333' }, encoding: { y, yOffset, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
        ],
      },
    }),
  };
}

/** Summary lines for the report: per outcome, the parameter with the largest total-order index (or μ*). */
export function sensitivitySummary(analysis: SensitivityAnalysis): string[] {
  const key = analysis.method === 'sobol' ? 'ST' : 'muStar';
  const out: string[] = [];
  const metrics = [...new Set(analysis.rows.map((r) => r.metric))].filter((m) => isOutcome(m) && !analysis.constant.includes(m));
  for (const m of metrics) {
    const rows = analysis.rows.filter((r) => r.metric === m && r.index === key && Number.isFinite(r.estimate));
    const best = rows.reduce<SensitivityRow | null>((b, r) => (b === null || r.estimate > b.estimate ? r : b), null);
    if (best !== null) out.push(`${m}: most sensitive to ${best.parameter} (${key} ${best.estimate.toPrecision(3)} ± ${Number.isFinite(best.conf) ? best.conf.toPrecision(2) : 'NA'}).`);
  }
  return out;
}
