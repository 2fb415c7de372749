import { describe, expect, it } from 'vitest';
import { countsRegion, figure, tableRegion } from '../../scripts/validate-oos.mjs';

const s = (logLoss: number, brier: number): { n: number; logLoss: number; brier: number } => ({ n: 0, logLoss, brier });
const rows = [
  { fold: 'leave out a', era: 'era-a', n: 100, scores: { fitted: s(0.5, 0.2), powerFitted: s(0.6, 0.3), defaults: s(0.9, 0.4), baseRates: s(0.55, 0.25) } },
  { fold: 'leave out b', era: 'era-b', n: 300, scores: { fitted: s(1.0, 0.5), powerFitted: s(0.8, 0.45), defaults: s(1.2, 0.6), baseRates: s(0.9, 0.5) } },
  { fold: 'forward: before 1945 → from 1945', era: 'era-b', n: 300, scores: { fitted: s(1.1, 0.5), powerFitted: s(1.0, 0.45), defaults: s(1.2, 0.6), baseRates: s(0.9, 0.5) } },
];
const regional = { fold: 'all eras → present-day regional cases', era: 'central-asia', n: 50, scores: { fitted: s(2, 1), powerFitted: s(2, 1), defaults: s(2, 1), baseRates: s(0.1, 0.1) } };

describe('scripts/validate-oos.mjs', () => {
  it('tables every fold and era, marks the best log-loss, and pools the leave-one-out folds by state-years', () => {
    const lines = tableRegion(rows).trim().split('\n');
    expect(lines).toHaveLength(2 + 3 + 1);
    expect(lines[2]).toBe('| leave one out | `era-a` | 100 | **0.500** | 0.600 | 0.900 | 0.550 | 0.200 | 0.300 | 0.400 | 0.250 |');
    expect(lines[4]).toMatch(/^\| forward \| `era-b` \| 300 \| 1\.100 \| 1\.000 \| 1\.200 \| \*\*0\.900\*\* \|/);
    // pooled fitted log-loss: (0.5·100 + 1.0·300) / 400 = 0.875; the forward fold is not pooled.
    expect(lines[5]).toMatch(/^\| leave one out \| \*\*all eras, pooled\*\* \| 400 \| 0\.875 \| /);
  });

  it('tables a regional case as fitted on all eras, and leaves it out of the pooled leave-one-out row', () => {
    const lines = tableRegion([...rows, regional]).trim().split('\n');
    expect(lines).toHaveLength(2 + 4 + 1);
    expect(lines[5]).toMatch(/^\| fitted on all eras \| `central-asia` \| 50 \| /);
    expect(lines[6]).toMatch(/^\| leave one out \| \*\*all eras, pooled\*\* \| 400 \| 0\.875 \| /);
  });

  it('tables observed / expected at the defaults / expected fitted per era and case, and totals the eras only', () => {
    const report = {
      eras: [{ era: 'era-a' }, { era: 'era-b' }],
      counts: [
        { era: 'era-a', rows: 10, observed: [6, 4], defaults: [7.4, 2.6], fitted: [6.2, 3.8] },
        { era: 'era-b', rows: 5, observed: [5, 0], defaults: [4.5, 0.5], fitted: [4.9, 0.1] },
        { era: 'case-c', rows: 3, observed: [1, 2], defaults: [2, 1], fitted: [1.5, 1.5] },
      ],
    };
    const lines = countsRegion(report, ['NONE', 'HE']).trim().split('\n');
    expect(lines[0]).toBe('| era or case | state-years | NONE | HE |');
    expect(lines[2]).toBe('| `era-a` | 10 | 6 / 7 / 6 | 4 / 3 / 4 |');
    expect(lines[4]).toBe('| `case-c` (regional, out of sample) | 3 | 1 / 2 / 2 | 2 / 1 / 2 |');
    // The totals: eras a and b only (11.9 → 12, 3.1 → 3; 11.1 → 11, 3.9 → 4).
    expect(lines[5]).toBe('| **the seven eras** | 15 | **11 / 12 / 11** | **4 / 3 / 4** |');
  });

  it('draws one bar per method and held-out era, with a legend', () => {
    const svg = figure(rows);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(3 * 4);
    expect(svg).toContain('training base rates');
  });
});
