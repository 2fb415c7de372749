import { describe, expect, it } from 'vitest';
import { studentTQuantile, summarizeSample } from '../../../src/experiments/statistics.js';
import { PointSummarizer, summarizePoints } from '../../../src/experiments/summarizePoints.js';
import type { RunResult } from '../../../src/experiments/runOne.js';

describe('summaries: mean, sd and 95% confidence interval', () => {
  it('uses Student\'s t quantiles (tables: 12.7062, 4.3027, 2.7764, 2.2622, 2.0452, → 1.96)', () => {
    const table: [number, number][] = [[1, 12.706204736], [2, 4.302652730], [4, 2.776445105], [9, 2.262157163], [29, 2.045229642], [1e6, 1.959966357]];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 8);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157163, 8);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.812461123, 8);
  });

  it('gives n, mean, sample sd and mean ± t·sd/√n', () => {
    const s = summarizeSample([1, 2, 3, 4, 5]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    const half = 2.776445105197793 * Math.sqrt(2.5) / Math.sqrt(5);
    expect(s.ciLow).toBeCloseTo(3 - half, 10);
    expect(s.ciHigh).toBeCloseTo(3 + half, 10);
  });

  it('leaves out non-finite values; sd and interval need two values', () => {
    expect(summarizeSample([2, Number.NaN, 4])).toMatchObject({ n: 2, mean: 3 });
    const one = summarizeSample([7]);
    expect(one.n).toBe(1);
    expect(one.mean).toBe(7);
    expect(Number.isNaN(one.sd) && Number.isNaN(one.ciLow)).toBe(true);
    expect(Number.isNaN(summarizeSample([]).mean)).toBe(true);
    expect(summarizeSample([2, 2, 2])).toMatchObject({ sd: 0, ciLow: 2, ciHigh: 2 });
  });

  it('summarises runs point by point and refuses runs not grouped by point', () => {
    const run = (point: number, x: number) => ({ spec: { run: 0, point, replicate: 0, seed: 0, values: { 'system.nu': point / 10 } }, metrics: { x, y: 2 * x } }) as unknown as RunResult;
    const rows = summarizePoints([run(0, 1), run(0, 3), run(1, 10), run(1, 20), run(1, 30)]);
    expect(rows.map((r) => [r.point, r.values['system.nu'], r.metric, r.n, r.mean])).toEqual([
      [0, 0, 'x', 2, 2], [0, 0, 'y', 2, 4], [1, 0.1, 'x', 3, 20], [1, 0.1, 'y', 3, 40],
    ]);
    const s = new PointSummarizer(['x']);
    s.add(1, {}, { x: 1 });
    s.add(2, {}, { x: 1 });
    expect(() => s.add(1, {}, { x: 1 })).toThrow(RangeError);
  });
});
