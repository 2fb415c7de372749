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
