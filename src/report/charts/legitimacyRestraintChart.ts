import type { ReportChart } from '../ReportChart.js';
import type { StateTickRow } from '../RunTables.js';
import { vegaLite } from '../VegaLiteSpec.js';

/**
 * The states most often someone's main threat, ranked by state-ticks as a main threat (ties: the
 * order of first appearance). Each row counts for `step` state-ticks (binned rows: the bin width).
 */
export function mostTargeted(states: readonly StateTickRow[], count: number, step = 1): { state: string; stateTicks: number }[] {
  const tally = new Map<string, number>();
  for (const r of states) if (r.mainThreat !== '') tally.set(r.mainThreat, (tally.get(r.mainThreat) ?? 0) + step);
  return [...tally].map(([state, stateTicks]) => ({ state, stateTicks }))
    .sort((a, b) => b.stateTicks - a.stateTicks).slice(0, count);
}

/**
 * Legitimacy and restraint of the most-targeted states: how the states others balanced against
 * most often fared in legitimacy (THEORY §5.7) and how restrained they were under pressure
 * (restraint R_j, §5.6), side by side.
 */
export function legitimacyRestraintChart(states: readonly StateTickRow[], count = 3, step = 1): ReportChart {
  const targets = mostTargeted(states, count, step);
  const names = new Set(targets.map((t) => t.state));
  const values: { year: number; tick: number; state: string; measure: string; value: number }[] = [];
  for (const r of states) {
    if (!names.has(r.state)) continue;
    values.push({ year: r.year, tick: r.tick, state: r.state, measure: 'legitimacy', value: r.legitimacy });
    values.push({ year: r.year, tick: r.tick, state: r.state, measure: 'restraint R', value: r.restraint });
  }
  return {
    id: 'legitimacy-restraint',
    title: 'Legitimacy and restraint of the most-targeted states',
    caption: `The ${targets.length === 1 ? 'state' : `${targets.length} states`} most often chosen as a main threat `
      + `(${targets.map((t) => `${t.state}: ${t.stateTicks} state-ticks`).join('; ') || 'none'}). Left: legitimacy, which `
      + 'soft balancing (legitimacy denial) and aggression erode. Right: restraint R, how strongly the combined pressure of '
      + 'soft and institutional balancing held the state back in each tick (0 when under no pressure).',
    figure: true,
    spec: vegaLite({
      data: { values },
      facet: { column: { field: 'measure', type: 'nominal', title: null, sort: ['legitimacy', 'restraint R'] } },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 300,
        height: 200,
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 'year', type: 'quantitative', title: 'year', axis: { format: 'd' }, scale: { nice: false } },
          y: { field: 'value', type: 'quantitative', title: null, scale: { domain: [0, 1] } },
          color: { field: 'state', type: 'nominal', title: 'state', sort: targets.map((t) => t.state), scale: { scheme: 'dark2' } },
          tooltip: [
            { field: 'state', type: 'nominal' }, { field: 'measure', type: 'nominal' },
            { field: 'year', type: 'quantitative', format: '.2f' }, { field: 'value', type: 'quantitative', format: '.3f' },
          ],
        },
      },
    }),
  };
}
