import { describe, expect, it } from 'vitest';
import type { SensitivityAnalysis } from '../../src/experiments/analyzeSensitivity.js';
import { buildSweepReport } from '../../src/report/buildSweepReport.js';
import { sensitivityChart, sensitivitySummary } from '../../src/report/charts/sensitivityChart.js';

const row = (metric: string, index: 'S1' | 'ST', parameter: string, estimate: number, conf: number) => ({
  metric, method: 'sobol' as const, index, parameter, with: null, estimate, conf, ciLow: estimate - conf, ciHigh: estimate + conf,
});
const analysis: SensitivityAnalysis = {
  method: 'sobol', parameters: ['system.lambda', 'system.nu'], points: 48, resamples: 200, level: 0.95, constant: ['majorWars'],
  rows: [
    row('aggressions', 'S1', 'system.lambda', 0.1, 0.05), row('aggressions', 'S1', 'system.nu', 0.6, 0.05),
    row('aggressions', 'ST', 'system.lambda', 0.2, 0.05), row('aggressions', 'ST', 'system.nu', 0.75, 0.06),
    row('majorWars', 'S1', 'system.lambda', Number.NaN, Number.NaN),
    row('actionShare_HE', 'ST', 'system.nu', 0.5, 0.1),
  ],
};

describe('the sensitivity chart of a sweep report', () => {
  it('draws S1 and ST of the outcomes with their intervals; constant and per-option measures are left out', () => {
    const chart = sensitivityChart(analysis);
    expect(chart?.id).toBe('sweep-sensitivity');
    const values = ((chart?.spec as { data: { values: { metric: string; label: string; lo: number; hi: number }[] } }).data.values);
    expect(values.map((v) => `${v.metric}:${v.label}`)).toEqual([
      'aggressions:first order S1', 'aggressions:first order S1', 'aggressions:total order ST', 'aggressions:total order ST',
    ]);
    expect(values[1].lo).toBeCloseTo(0.55, 12);
    expect(chart?.caption).toContain('Constant over the design, so not drawn: majorWars.');
  });

  it('names the parameter each outcome is most sensitive to, and buildSweepReport shows both', () => {
    expect(sensitivitySummary(analysis)).toEqual(['aggressions: most sensitive to system.nu (ST 0.750 ± 0.060).']);
    const doc = buildSweepReport({
      scenario: { id: 'x', title: 'X', description: '', sources: [] }, parameters: ['system.lambda'], metrics: ['aggressions'],
      runs: [{ 'system.lambda': 0.1, aggressions: 1 }, { 'system.lambda': 0.9, aggressions: 3 }], settings: [], files: [], sensitivity: analysis,
    });
    expect(doc.charts[0].id).toBe('sweep-sensitivity');
    expect(doc.summary).toContain('aggressions: most sensitive to system.nu (ST 0.750 ± 0.060).');
  });
});
