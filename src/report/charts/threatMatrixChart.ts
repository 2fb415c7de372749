import type { ReportChart } from '../ReportChart.js';
import { formatYear } from '../formatYear.js';
import type { ThreatRow } from '../RunTables.js';
import { vegaLite } from '../VegaLiteSpec.js';

/**
 * The threat matrix T_ij (Walt's balance of threat, THEORY §5.2) as a heat map at each recorded
 * tick: row i perceives, column j is perceived. States are in the order given (the scenario's).
 * Cells carry their value as text when there are at most `labelUpTo` states.
 */
export function threatMatrixChart(threats: readonly ThreatRow[], stateOrder: readonly string[], labelUpTo = 10): ReportChart {
  const ticks = [...new Set(threats.map((r) => r.tick))].sort((a, b) => a - b);
  const yearOf = new Map(threats.map((r) => [r.tick, r.year]));
  const values = threats.map((r) => ({ ...r, when: `tick ${r.tick} (${formatYear(r.year)})` }));
  const whenOrder = ticks.map((t) => `tick ${t} (${formatYear(yearOf.get(t) ?? 0)})`);
  const n = stateOrder.length;
  const cell = n <= 8 ? 26 : n <= 16 ? 16 : 8;
  const columns = n <= 8 ? Math.min(ticks.length, 5) : n <= 16 ? 3 : 2;
  const base = {
    x: { field: 'to', type: 'nominal', sort: [...stateOrder], title: 'perceived state j', axis: { labelAngle: -90 } },
    y: { field: 'from', type: 'nominal', sort: [...stateOrder], title: 'perceiving state i' },
  } as const;
  return {
    id: 'threat-matrix',
    title: 'Who threatens whom',
    caption: `The threat T_ij that state i (row) perceives from state j (column), at ${ticks.length} moments of the run: `
      + 'Walt\'s balance of threat, the product of aggregate power, proximity, offensive capability net of defence and '
      + 'perceived intent (model §5.2). Darker is more threatening; a row\'s darkest cell is that state\'s main threat.',
    figure: true,
    spec: vegaLite({
      data: { values },
      facet: { field: 'when', type: 'ordinal', sort: whenOrder, title: null },
      columns,
      spec: {
        width: { step: cell },
        height: { step: cell },
        layer: [
          {
            mark: 'rect',
            encoding: {
              ...base,
              color: { field: 'threat', type: 'quantitative', title: 'T_ij', scale: { zero: true, range: ['#ffffff', '#67000d'] } },
              tooltip: [
                { field: 'from', type: 'nominal' }, { field: 'to', type: 'nominal' }, { field: 'when', type: 'nominal' },
                { field: 'threat', type: 'quantitative', format: '.3f' },
              ],
            },
          },
          ...(n <= labelUpTo ? [{
            mark: { type: 'text' as const, fontSize: 8 },
            encoding: {
              ...base,
              text: { field: 'threat', type: 'quantitative' as const, format: '.2f' },
              color: { condition: { test: 'datum.threat > 0.5 * datum.threatMax', value: 'white' }, value: 'black' },
            },
          }] : []),
        ],
      },
      transform: [{ joinaggregate: [{ op: 'max', field: 'threat', as: 'threatMax' }] }],
    }),
  };
}
