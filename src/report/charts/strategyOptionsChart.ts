import { FAMILY_OF, OPTIONS } from '../../decision/options.js';
import type { ReportChart } from '../ReportChart.js';
import type { ReportTick } from '../ReportTick.js';
import { OPTION_LABELS } from '../strategyLabels.js';
import { vegaLite } from '../VegaLiteSpec.js';
import { periodBounds } from './periodBounds.js';

/**
 * The nine options over time: a heat map with one row per option (grouped by family) and one
 * column per period of the run; a cell's shade is the share of the period's choices that option
 * took.
 */
export function strategyOptionsChart(ticks: readonly ReportTick[], yearsPerTick: number, periods = 20): ReportChart {
  const values: { option: string; label: string; family: string; fromYear: number; toYear: number; share: number; count: number }[] = [];
  for (const p of periodBounds(ticks.length, periods)) {
    let total = 0;
    const counts = OPTIONS.map(() => 0);
    for (let k = p.from; k <= p.to; k++) {
      OPTIONS.forEach((o, a) => { counts[a] += ticks[k].actions[o]; total += ticks[k].actions[o]; });
    }
    OPTIONS.forEach((o, a) => values.push({
      option: o, label: `${o} · ${OPTION_LABELS[o]}`, family: FAMILY_OF[o],
      fromYear: ticks[p.from].year, toYear: ticks[p.to].year + yearsPerTick,
      share: total > 0 ? counts[a] / total : 0, count: counts[a],
    }));
  }
  return {
    id: 'strategy-options',
    title: 'The nine options over time',
    caption: 'Each row is one option of the menu (model §5.3), grouped by family; each column a period of the run. '
      + 'The darker the cell, the larger the share of all choices in that period that went to the option (a square-root colour '
      + 'scale, so that rare options still show; white is none); hover for counts.',
    figure: true,
    spec: vegaLite({
      width: 640,
      height: { step: 22 },
      data: { values },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { field: 'fromYear', type: 'quantitative', title: 'year', axis: { format: 'd' }, scale: { nice: false, zero: false } },
        x2: { field: 'toYear' },
        y: { field: 'label', type: 'nominal', title: null, sort: OPTIONS.map((o) => `${o} · ${OPTION_LABELS[o]}`) },
        color: { field: 'share', type: 'quantitative', title: 'share of choices', scale: { type: 'sqrt', zero: true, range: ['#ffffff', '#08306b'] }, legend: { format: '%' } },
        tooltip: [
          { field: 'option', type: 'nominal' }, { field: 'family', type: 'nominal' },
          { field: 'fromYear', type: 'quantitative', format: '.1f', title: 'from' },
          { field: 'share', type: 'quantitative', format: '.1%' }, { field: 'count', type: 'quantitative' },
        ],
      },
    }),
  };
}
