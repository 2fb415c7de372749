import type { EnsembleBand } from '../EnsembleBands.js';
import type { ReportChart } from '../ReportChart.js';
import { vegaLite } from '../VegaLiteSpec.js';

function formatValue(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}

/**
 * Each measure of the ticks table over time in an ensemble (replicates of one scenario, no swept
 * parameter): one small panel per measure, the line the mean over the replicates at each tick and
 * the shaded band its 95% Student-t interval. Measures that are the same at every tick of every
 * replicate are named in the caption instead of drawn.
 */
export function ensembleBandsChart(bands: readonly EnsembleBand[], measures: readonly string[]): ReportChart {
  const constant = measures.filter((m) => {
    const bs = bands.filter((b) => b.measure === m);
    return bs.length > 0 && bs.every((b) => b.mean === bs[0].mean && b.lo === b.mean && b.hi === b.mean);
  });
  const shown = measures.filter((m) => !constant.includes(m) && bands.some((b) => b.measure === m));
  const values = bands.filter((b) => shown.includes(b.measure));
  const maxN = bands.reduce((m, b) => Math.max(m, b.n), 0);
  const x = { field: 'year', type: 'quantitative', title: null, axis: { format: 'd' }, scale: { nice: false } } as const;
  return {
    id: 'ensemble-bands',
    title: 'Measures over time across the replicates',
    caption: `One panel per measure of the ticks table (model §5.9). The line is the measure's mean over the ${maxN} replicates `
      + 'at each tick; the shaded band is the 95% confidence interval of that mean, Student\'s t over the replicates'
      + `${maxN < 2 ? ' — with one replicate there is no interval' : ''}. Each panel has its own vertical scale.`
      + (constant.length > 0
        ? ` The same at every tick of every replicate, so not drawn: ${constant.map((m) => `${m} = ${formatValue(bands.find((b) => b.measure === m)?.mean ?? Number.NaN)}`).join(', ')}.`
        : ''),
    figure: true,
    spec: vegaLite({
      data: { values },
      facet: { field: 'measure', type: 'nominal', title: null, sort: shown, header: { labelFontWeight: 'bold' } },
      columns: 3,
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 200,
        height: 110,
        layer: [
          {
            mark: { type: 'area', opacity: 0.25, color: '#0072B2' },
            encoding: { x, y: { field: 'lo', type: 'quantitative', title: null, scale: { zero: false } }, y2: { field: 'hi' } },
          },
          {
            mark: { type: 'line', color: '#0072B2', strokeWidth: 1.5 },
            encoding: {
              x,
              y: { field: 'mean', type: 'quantitative', title: null, scale: { zero: false } },
              tooltip: [
                { field: 'measure', type: 'nominal' }, { field: 'year', type: 'quantitative', format: '.2f' },
                { field: 'tick', type: 'quantitative' }, { field: 'mean', type: 'quantitative', format: '.4g' },
                { field: 'lo', type: 'quantitative', format: '.4g', title: '95% low' },
                { field: 'hi', type: 'quantitative', format: '.4g', title: '95% high' }, { field: 'n', type: 'quantitative', title: 'replicates' },
              ],
            },
          },
        ],
      },
    }),
  };
}
