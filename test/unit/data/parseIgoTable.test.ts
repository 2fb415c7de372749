import { describe, expect, it } from 'vitest';
import { loadIgoTable } from '../../../src/node/bundledData.js';

describe('parseIgoTable', () => {
  it('parses the 47 curated IGOs with blank end years as undefined', () => {
    const t = loadIgoTable();
    expect(t.rows.length).toBe(47);
    expect(t.rows.filter((r) => r.endYear === undefined).length).toBe(34);
    const lon = t.rows.find((r) => r.ioname === 'LoN');
    expect(lon).toMatchObject({ ionum: 3460, startYear: 1919, endYear: 1945, political: true, economic: false });
  });
});
