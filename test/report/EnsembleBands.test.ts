import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { summarizeSample } from '../../src/index.js';
import { buildSweepReport } from '../../src/report/buildSweepReport.js';
import { EnsembleBands } from '../../src/report/EnsembleBands.js';
import type { ReportChart } from '../../src/report/ReportChart.js';

/** Compiles a chart's spec with vega-lite, collecting its warnings, and runs it in a headless vega view. */
async function check(chart: ReportChart): Promise<string[]> {
  const warnings: string[] = [];
  const logger = { level: () => logger, warn: (...m: unknown[]) => { warnings.push(m.join(' ')); return logger; },
    info: () => logger, debug: () => logger, error: (...m: unknown[]) => { warnings.push(m.join(' ')); return logger; } };
  const compiled = compile(chart.spec as unknown as TopLevelSpec, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Warn, logger: logger as never });
  await view.runAsync();
  view.finalize();
  return warnings;
}

/** Three replicates × four ticks of two measures (con varies, poles is constant), rows in replicate order as in ticks.csv. */
function ensemble(): EnsembleBands {
  const acc = new EnsembleBands(['con', 'poles']);
  const con = [[0.30, 0.31, 0.33, 0.36], [0.30, 0.29, 0.30, 0.32], [0.30, 0.35, 0.37, 0.41]];
  con.forEach((series) => series.forEach((c, tick) => acc.add(tick, 1900 + tick / 4, [c, 3])));
  return acc;
}

describe('EnsembleBands', () => {
  it('gives, per measure and tick, the mean and Student-t 95% interval of the replicates, as summarizeSample', () => {
    const bands = ensemble().bands();
    expect(bands.map((b) => `${b.measure}@${b.tick}`)).toEqual(['con@0', 'con@1', 'con@2', 'con@3', 'poles@0', 'poles@1', 'poles@2', 'poles@3']);
    const at3 = summarizeSample([0.36, 0.32, 0.41]);
    const b3 = bands[3];
    expect(b3).toMatchObject({ measure: 'con', tick: 3, year: 1900.75, n: 3 });
    expect(b3.mean).toBeCloseTo(at3.mean, 14);
    expect(b3.lo).toBeCloseTo(at3.ciLow, 12);
    expect(b3.hi).toBeCloseTo(at3.ciHigh, 12);
    // Every replicate the same: an interval of width 0.
    expect(bands[0]).toMatchObject({ mean: 0.3, n: 3 });
    expect(bands[0].hi - bands[0].lo).toBeCloseTo(0, 12);
  });

  it('leaves out missing and non-finite values, and gives no interval for one replicate', () => {
    const acc = new EnsembleBands(['x']);
    acc.add(0, 2000, [1]);
    acc.add(0, 2000, [null]);
    acc.add(0, 2000, [Number.NaN]);
    expect(acc.bands()).toEqual([{ measure: 'x', tick: 0, year: 2000, n: 1, mean: 1, lo: 1, hi: 1 }]);
  });
});

describe('buildSweepReport of an ensemble', () => {
  const input = {
    scenario: { id: 's', title: 'S', description: '', sources: [] }, parameters: [], metrics: ['finalCon'],
    runs: [0, 1, 2].map((k) => ({ run: k, finalCon: 0.3 + k / 100 })), settings: [['runs', '3']] as [string, string][], files: [],
  };

  it('draws each measure over ticks with its mean and 95% band across the replicates', async () => {
    const doc = buildSweepReport({ ...input, ensemble: { measures: ['con', 'poles'], bands: ensemble().bands() } });
    expect(doc.charts.map((c) => c.id)).toEqual(['ensemble-bands']);
    const chart = doc.charts[0];
    expect(chart.figure).toBe(true);
    // The varying measure is drawn with its band; the constant one is named in the caption.
    const values = (chart.spec.data as { values: { measure: string; lo: number; hi: number }[] }).values;
    expect(new Set(values.map((v) => v.measure))).toEqual(new Set(['con']));
    expect(values.some((v) => v.hi > v.lo)).toBe(true);
    expect(chart.caption).toContain('poles = 3');
    expect(chart.caption).toContain('95% confidence interval');
    expect(await check(chart)).toEqual([]);
    expect(doc.summary.some((s) => /ensemble.*4 ticks.*3 replicates/.test(s))).toBe(true);
  });

  it('without a ticks table, says there is nothing to chart', () => {
    const doc = buildSweepReport(input);
    expect(doc.charts).toEqual([]);
    expect(doc.summary.some((s) => /no ticks table/.test(s))).toBe(true);
  });
});
