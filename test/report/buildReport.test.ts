import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { resolveScenario, summarizeRun, summarizeSample } from '../../src/index.js';
import { renderSvg } from '../../src/node/report/renderSvg.js';
import { buildRunReport } from '../../src/report/buildRunReport.js';
import { buildSweepReport } from '../../src/report/buildSweepReport.js';
import { sweepPoints } from '../../src/report/charts/sweepMetricsChart.js';
import { renderReportHtml } from '../../src/report/renderReportHtml.js';
import type { ReportChart } from '../../src/report/ReportChart.js';
import { traceRun } from '../../src/report/traceRun.js';

const scenario = resolveScenario({
  meta: { id: 'report-test', title: 'A <test> & its report', startYear: 1900, description: 'Two rivals and a bystander.', sources: ['Nobody (2020).'] },
  states: [
    { id: 'A', capabilities: { mil: 6, eco: 6, pop: 4 }, ideology: 0.7, revisionism: 0.6, major: true },
    { id: 'B', capabilities: { mil: 3, eco: 5, pop: 3 }, major: true },
    { id: 'C', capabilities: { mil: 1, eco: 2, pop: 2 } },
  ],
  institutions: [{ id: 'UN', members: ['A', 'B', 'C'], strength: 0.6 }, { id: 'CLUB', members: ['B', 'C'], strength: 0.5 }],
});
const { result, tables } = traceRun(scenario, { seed: 2, ticks: 40 });
const doc = buildRunReport({
  scenario: scenario.meta, stateOrder: ['A', 'B', 'C'], seed: 2, ticks: 40, records: result.records,
  summary: summarizeRun(result), events: result.events, tables, files: [{ name: 'ticks.csv', description: 'ticks' }],
});

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

describe('buildRunReport', () => {
  it('has the charts of the issue, each with a caption, in order', () => {
    expect(doc.charts.map((c) => c.id)).toEqual(['strategy-families', 'strategy-options', 'capability-shares', 'threat-matrix', 'memberships', 'legitimacy-restraint']);
    for (const c of doc.charts) expect(c.caption.length).toBeGreaterThan(80);
    expect(doc.title).toBe('A <test> & its report');
    expect(doc.parameters).toContainEqual(['seed', '2']);
    expect(doc.summary.some((s) => s.startsWith('Final capability shares: '))).toBe(true);
    expect(doc.summary.some((s) => s.startsWith('Dominant family by period: '))).toBe(true);
  });

  it.each(['strategy-families', 'strategy-options', 'capability-shares', 'threat-matrix', 'memberships', 'legitimacy-restraint'])(
    '%s compiles with vega-lite and runs in vega with no warning', async (id) => {
      const chart = doc.charts.find((c) => c.id === id);
      if (chart === undefined) throw new Error(`no chart ${id}`);
      expect(await check(chart)).toEqual([]);
    });

  it('renders each main chart to SVG in Node', async () => {
    const svg = await renderSvg(doc.charts[0].spec);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('class="mark-area');
  });
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(doc, {
    libraries: { vega: 'var s = "</script><!--";', vegaLite: '/*vl*/', vegaEmbed: '/*embed*/' },
    figureFiles: { memberships: ['figures/memberships.svg'] }, generator: 'test',
  });

  it('escapes text, and keeps inline scripts and the data from closing their element', () => {
    expect(html).toContain('<title>A &lt;test&gt; &amp; its report</title>');
    expect(html).toContain('var s = "<\\/script><\\!--";');
    const specs = /<script type="application\/json" id="report-specs">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(specs).not.toContain('<');
    expect((JSON.parse(specs) as { id: string }[]).map((c) => c.id)).toEqual(doc.charts.map((c) => c.id));
  });

  it('has a container, caption and figure link per chart, and no remote resource', () => {
    for (const c of doc.charts) expect(html).toContain(`id="chart-${c.id}"`);
    expect(html.match(/<figcaption>/g)).toHaveLength(doc.charts.length);
    expect(html).toContain('<a href="figures/memberships.svg">');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('is pure: the same document gives the same bytes', () => {
    expect(renderReportHtml(doc, { libraries: { vega: '', vegaLite: '', vegaEmbed: '' } }))
      .toBe(renderReportHtml(doc, { libraries: { vega: '', vegaLite: '', vegaEmbed: '' } }));
  });
});

describe('buildSweepReport', () => {
  const runs = [0.2, 0.2, 0.2, 0.8, 0.8, 0.8].map((lambda, k) => ({
    run: k, 'system.lambda': lambda, 'parameters.conOver': k % 2 === 0 ? 'majors' : 'all', aggressions: lambda * 10 + (k % 3), finalCon: 0.3, familyShare_soft: lambda / 2,
  }));
  const sweep = buildSweepReport({
    scenario: { id: 's', title: 'S', description: '', sources: [] }, parameters: ['system.lambda', 'parameters.conOver'],
    metrics: ['aggressions', 'finalCon', 'familyShare_soft'], runs, settings: [['runs', '6']], files: [],
  });

  it('main effects with Student-t 95% intervals, as the experiments summarise a sample', () => {
    const points = sweepPoints(runs, ['system.lambda'], ['aggressions']);
    const at02 = summarizeSample([2, 3, 4]);
    expect(points[0]).toMatchObject({ parameter: 'system.lambda', value: 0.2, n: 3, mean: at02.mean, lo: at02.ciLow, hi: at02.ciHigh });
  });

  it('draws varying metrics (outcomes and strategy shares) and names constant ones in the caption', async () => {
    expect(sweep.charts.map((c) => c.id)).toEqual(['sweep-outcomes', 'sweep-strategies']);
    expect(sweep.charts[0].caption).toContain('finalCon = 0.3');
    for (const c of sweep.charts) expect(await check(c)).toEqual([]);
    expect(sweep.summary).toContain('aggressions moves most with system.lambda (its mean spans 6.00 across that parameter\'s values).');
  });
});
