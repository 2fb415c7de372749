import { FAMILIES } from '../../decision/options.js';
import type { ReportChart } from '../ReportChart.js';
import type { ReportTick } from '../ReportTick.js';
import { FAMILY_COLORS } from '../strategyLabels.js';
import { vegaLite } from '../VegaLiteSpec.js';

/**
 * The width of the centred moving average the families chart uses: about a twentieth of the run,
 * odd, at least 1 (no smoothing for runs under 30 ticks).
 */
export function smoothingWindow(ticks: number): number {
  const w = Math.max(1, Math.round(ticks / 20));
  return w % 2 === 0 ? w + 1 : w;
}

/**
 * Strategy families over time: the share of states choosing an option of each family (THEORY
 * §5.3) in each tick, as a stacked area that sums to 1, smoothed by a centred moving average.
 */
export function strategyFamiliesChart(ticks: readonly ReportTick[]): ReportChart {
  const window = smoothingWindow(ticks.length);
  const half = (window - 1) / 2;
  const totals = ticks.map((r) => FAMILIES.reduce((t, f) => t + r.families[f], 0));
  const values: { year: number; tick: number; family: string; share: number }[] = [];
  for (let k = 0; k < ticks.length; k++) {
    const from = Math.max(0, k - half);
    const to = Math.min(ticks.length - 1, k + half);
    for (const f of FAMILIES) {
      let sum = 0;
      for (let m = from; m <= to; m++) sum += totals[m] > 0 ? ticks[m].families[f] / totals[m] : 0;
      values.push({ year: ticks[k].year, tick: ticks[k].tick, family: f, share: sum / (to - from + 1) });
    }
  }
  return {
    id: 'strategy-families',
    title: 'Strategy families over time',
    caption: `The share of states choosing an option of each family in each tick: accommodation (doing nothing, `
      + `bandwagoning), hard balancing (arming, alliances), soft balancing (ententes, sanctions, legitimacy denial) and `
      + `institutional balancing (inclusive and exclusive). The bands stack to 1; read a band's thickness as its share. `
      + (window > 1 ? `Smoothed by a centred moving average over ${window} ticks.` : 'Not smoothed.'),
    figure: true,
    spec: vegaLite({
      width: 640,
      height: 240,
      data: { values },
      mark: { type: 'area', interpolate: 'monotone' },
      encoding: {
        x: { field: 'year', type: 'quantitative', title: 'year', axis: { format: 'd' }, scale: { nice: false } },
        y: { field: 'share', type: 'quantitative', stack: 'zero', title: 'share of states', axis: { format: '%' }, scale: { domain: [0, 1] } },
        color: {
          field: 'family', type: 'nominal', title: 'family',
          scale: { domain: [...FAMILIES], range: FAMILIES.map((f) => FAMILY_COLORS[f]) },
        },
        order: { field: 'familyOrder', type: 'quantitative' },
        tooltip: [
          { field: 'year', type: 'quantitative', format: '.2f' }, { field: 'tick', type: 'quantitative' },
          { field: 'family', type: 'nominal' }, { field: 'share', type: 'quantitative', format: '.1%' },
        ],
      },
      transform: [{ calculate: `indexof(${JSON.stringify([...FAMILIES])}, datum.family)`, as: 'familyOrder' }],
    }),
  };
}
