import { describe, expect, it } from 'vitest';
import { completeSeries, decimalYear } from '../../../../src/scenario/file/completeSeries.js';

describe('completeSeries (model note N42)', () => {
  it('interpolates gaps inside the data linearly, holds at the edges, and lists both', () => {
    const r = completeSeries([undefined, 2, undefined, undefined, 8, 0, undefined], 6, { rule: 'hold', years: 10 });
    expect(r.values).toEqual([2, 2, 4, 6, 8, 8, 8]);
    expect(r.interpolated).toEqual([0, 2, 3, 5, 6]);
    expect(r.projected).toEqual([]);
  });

  it('projects after the data\'s end by the trailing growth rate, or holds', () => {
    const data = [1, 2, 4, 8, undefined, undefined];
    const trend = completeSeries(data, 3, { rule: 'trend', years: 3 });
    expect(trend.values[4]).toBeCloseTo(16, 12);
    expect(trend.values[5]).toBeCloseTo(32, 12);
    expect(trend.projected).toEqual([4, 5]);
    expect(completeSeries(data, 3, { rule: 'hold', years: 3 }).values.slice(4)).toEqual([8, 8]);
  });

  it('reaches back before the span for the trend window when the span holds too few data years (N47)', () => {
    // Span of 4 years, data in its first 2 (×2 a year); the 2 years before the span grew ×2 a year too.
    const span = [4, 8, undefined, undefined];
    const alone = completeSeries(span, 1, { rule: 'trend', years: 4 });
    const withLead = completeSeries(span, 1, { rule: 'trend', years: 4 }, undefined, [1, 2]);
    expect(alone.values[3]).toBeCloseTo(32, 12); // the window holds 2 data years only
    expect(withLead.values[3]).toBeCloseTo(32, 12); // the same rate over 4 data years
    // A slower history before the span lowers the trailing rate: 2 (index −2) → 8 (index 1), ×4 over 3 years.
    const slow = completeSeries(span, 1, { rule: 'trend', years: 4 }, undefined, [2, undefined]);
    expect(slow.values[2]).toBeCloseTo(8 * (8 / 2) ** (1 / 3), 12);
    // The window holds only the last `years` years: older data before the span are not read.
    expect(completeSeries([4, 8, 16, undefined], 2, { rule: 'trend', years: 3 }, undefined, [100]).values[3]).toBeCloseTo(32, 12);
    // The lead never fills a year inside the data, and hold ignores it.
    expect(completeSeries([undefined, 8, undefined], 1, { rule: 'hold', years: 4 }, undefined, [1, 2]).values).toEqual([8, 8, 8]);
  });

  it('projects a span that starts after the data\'s last year from the data before it (N47)', () => {
    // Data end two years before the span: indices −3, −2 are data (1, 2), −1 is after the data.
    const r = completeSeries([undefined, undefined], -2, { rule: 'trend', years: 10 }, undefined, [1, 2, undefined]);
    expect(r.ok).toBe(true);
    expect(r.values[0]).toBeCloseTo(8, 12);
    expect(r.values[1]).toBeCloseTo(16, 12);
    expect(r.projected).toEqual([0, 1]);
    expect(completeSeries([undefined], -1, { rule: 'trend', years: 10 }).ok).toBe(false);
  });

  it('does not report years the value is not needed, and fails with no value at all', () => {
    expect(completeSeries([undefined, 1, 1], 2, { rule: 'hold', years: 2 }, [true, false, false]).interpolated).toEqual([]);
    expect(completeSeries([undefined, 0], 1, { rule: 'hold', years: 2 }).ok).toBe(false);
  });
});

describe('decimalYear', () => {
  it('turns a COW date into a decimal year (missing month or day: the first)', () => {
    expect(decimalYear(1900, 1, 1)).toBe(1900);
    expect(decimalYear(1900, 7, 2)).toBe(1900 + 182 / 365);
    expect(decimalYear(1908, 10, 5)).toBe(1908 + 278 / 366);
    expect(decimalYear(1816, -9, -9)).toBe(1816);
  });
});
