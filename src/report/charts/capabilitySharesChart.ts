import type { ReportChart } from '../ReportChart.js';
import type { ReportTick } from '../ReportTick.js';
import type { StateTickRow } from '../RunTables.js';
import { vegaLite } from '../VegaLiteSpec.js';

/**
 * Capability shares and concentration: each state's CINC share over time (top panel; the
 * `maxStates` largest at the end of the run by name, the others as one grey "others" line) and
 * the Ray–Singer concentration CON over the great powers (bottom panel, THEORY §3).
 */
export function capabilitySharesChart(states: readonly StateTickRow[], ticks: readonly ReportTick[], maxStates = 10): ReportChart {
  const lastTick = states.length > 0 ? states[states.length - 1].tick : 0;
  const ranked = states.filter((r) => r.tick === lastTick).sort((a, b) => b.cinc - a.cinc || (a.state < b.state ? -1 : 1));
  const named = new Set(ranked.slice(0, maxStates).map((r) => r.state));
  const others = new Map<number, { year: number; cinc: number }>();
  const values: { year: number; tick: number; state: string; cinc: number }[] = [];
  for (const r of states) {
    if (named.has(r.state)) values.push({ year: r.year, tick: r.tick, state: r.state, cinc: r.cinc });
    else {
      const o = others.get(r.tick) ?? { year: r.year, cinc: 0 };
      o.cinc += r.cinc;
      others.set(r.tick, o);
    }
  }
  for (const [tick, o] of others) values.push({ year: o.year, tick, state: 'others', cinc: o.cinc });
  const order = [...ranked.slice(0, maxStates).map((r) => r.state), ...(others.size > 0 ? ['others'] : [])];
  const con = ticks.map((r) => ({ year: r.year, tick: r.tick, con: r.con, effectivePoles: r.effectivePoles }));
  const x = { field: 'year', type: 'quantitative', title: 'year', axis: { format: 'd' }, scale: { nice: false } } as const;
  return {
    id: 'capability-shares',
    title: 'Capability shares and concentration',
    caption: 'Top: each state\'s share of the system\'s capabilities (CINC, model §3) after each tick, ordered in the '
      + `legend by the final share${others.size > 0 ? '; smaller states are summed as "others"' : ''}. Bottom: CON, the `
      + 'Ray–Singer concentration of capabilities among the great powers (0 = equal shares, 1 = one power holds all), '
      + 'the structural condition behind balancing.',
    figure: true,
    spec: vegaLite({
      vconcat: [
        {
          width: 640,
          height: 240,
          data: { values },
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x,
            y: { field: 'cinc', type: 'quantitative', title: 'capability share (CINC)', axis: { format: '%' } },
            color: {
              field: 'state', type: 'nominal', title: 'state', sort: order,
              scale: order.length > 10 ? { scheme: 'tableau20' } : { scheme: 'category10' },
            },
            tooltip: [
              { field: 'state', type: 'nominal' }, { field: 'year', type: 'quantitative', format: '.2f' },
              { field: 'cinc', type: 'quantitative', format: '.2%' },
            ],
          },
        },
        {
          width: 640,
          height: 110,
          data: { values: con },
          mark: { type: 'line', color: '#333333', strokeWidth: 2 },
          encoding: {
            x,
            y: { field: 'con', type: 'quantitative', title: 'CON', scale: { domain: [0, 1] } },
            tooltip: [
              { field: 'year', type: 'quantitative', format: '.2f' }, { field: 'con', type: 'quantitative', format: '.3f' },
              { field: 'effectivePoles', type: 'quantitative', format: '.2f', title: 'effective poles' },
            ],
          },
        },
      ],
    }),
  };
}
