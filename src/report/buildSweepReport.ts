import { ensembleBandsChart } from './charts/ensembleBandsChart.js';
import { sensitivityChart, sensitivitySummary } from './charts/sensitivityChart.js';
import { sweepMetricsChart, sweepPoints } from './charts/sweepMetricsChart.js';
import type { ReportChart, ReportDocument } from './ReportChart.js';
import type { SweepReportInput } from './SweepReportInput.js';

/** How the sweep report groups the run metrics into charts, by the metric's name. */
const GROUPS: readonly { id: string; title: string; what: string; test: (metric: string) => boolean }[] = [
  { id: 'sweep-outcomes', title: 'Outcomes against the swept parameters', what: 'concentration, threat, alliances, institutions, aggression, soft balancing, legitimacy',
    test: (m) => !/^(familyShare|actionShare|finalCinc)_/.test(m) },
  { id: 'sweep-strategies', title: 'Strategy shares against the swept parameters', what: 'each family\'s and each option\'s share of all choices',
    test: (m) => /^(familyShare|actionShare)_/.test(m) },
  { id: 'sweep-capabilities', title: 'Final capability shares against the swept parameters', what: 'each state\'s CINC share at the end of the run',
    test: (m) => /^finalCinc_/.test(m) },
];

/**
 * Builds the report of a sweep: its settings, a text summary (runs, parameters and their values,
 * and for each metric the parameter whose main effect moves it most) and, for each group of summary
 * metrics, the chart of every metric against every swept parameter with 95% confidence bands.
 * An ensemble (replicates, no swept parameter) gets instead each measure of the ticks table over
 * time, its mean across the replicates with a 95% band (`input.ensemble`). Pure and browser-safe.
 */
export function buildSweepReport(input: SweepReportInput): ReportDocument {
  const { scenario, runs, parameters, metrics } = input;
  const points = sweepPoints(runs, parameters, metrics);
  const summary: string[] = [`${runs.length} run${runs.length === 1 ? '' : 's'} over ${parameters.length} swept parameter${parameters.length === 1 ? '' : 's'}.`];
  for (const p of parameters) {
    const values = [...new Set(runs.map((r) => r[p]).filter((v) => v !== null && v !== undefined))];
    const shown = values.every((v) => typeof v === 'number') ? (values as number[]).sort((a, b) => a - b).map(String) : values.map(String).sort();
    summary.push(`${p}: ${shown.length} value${shown.length === 1 ? '' : 's'} (${shown.length <= 8 ? shown.join(', ') : `${shown[0]} … ${shown[shown.length - 1]}`}).`);
  }
  for (const m of metrics.filter(GROUPS[0].test)) {
    let best: { parameter: string; range: number } | null = null;
    for (const p of parameters) {
      const means = points.filter((x) => x.metric === m && x.parameter === p).map((x) => x.mean);
      if (means.length < 2) continue;
      const range = Math.max(...means) - Math.min(...means);
      if (best === null || range > best.range) best = { parameter: p, range };
    }
    if (best !== null && best.range > 0) summary.push(`${m} moves most with ${best.parameter} (its mean spans ${best.range.toPrecision(3)} across that parameter's values).`);
  }
  const charts: ReportChart[] = [];
  if (parameters.length === 0) {
    const ensemble = input.ensemble;
    if (ensemble !== undefined && ensemble.bands.length > 0) {
      const replicates = ensemble.bands.reduce((m, b) => Math.max(m, b.n), 0);
      const ticks = new Set(ensemble.bands.map((b) => b.tick)).size;
      summary.push(`No parameter was swept (an ensemble): each measure is shown over ${ticks} tick${ticks === 1 ? '' : 's'} as its mean across ${replicates} replicate${replicates === 1 ? '' : 's'} with a 95% band.`);
      charts.push(ensembleBandsChart(ensemble.bands, ensemble.measures));
    } else {
      summary.push('No parameter was swept (an ensemble), and the sweep wrote no ticks table: there is nothing to chart.');
    }
  }
  if (parameters.length > 0) {
    for (const g of GROUPS) {
      const ms = metrics.filter(g.test);
      const varying = ms.filter((m) => points.some((p, k, all) => p.metric === m && (p.lo !== p.hi || all.some((q) => q.metric === m && q.mean !== p.mean))));
      if (varying.length > 0) charts.push(sweepMetricsChart(runs, parameters, ms, g));
    }
  }
  if (input.sensitivity !== undefined) {
    summary.push(...sensitivitySummary(input.sensitivity));
    const chart = sensitivityChart(input.sensitivity);
    if (chart !== null) charts.unshift(chart);
  }
  return {
    title: `${scenario.title === '' ? scenario.id : scenario.title} — sweep`,
    subtitle: `Scenario ${scenario.id} · ${runs.length} runs · ${parameters.length === 0 ? 'no swept parameter' : `swept: ${parameters.join(', ')}`}`,
    description: scenario.description,
    sources: [...scenario.sources],
    parameters: input.settings,
    summary,
    charts,
    files: input.files,
  };
}
