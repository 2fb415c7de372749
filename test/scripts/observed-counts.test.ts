/**
 * The numbers of docs/validation.md, "Coding the observed record", are generated
 * (scripts/observed-counts.mjs): every region must be what the source code of the observed layer
 * gives on the bundled data now. Runs the coding from src/ (no build needed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNmcTable } from '../../src/node/bundledData.js';
import { observedBehaviour } from '../../src/node/observedBehaviour.js';
import { BUILDUP_THRESHOLD, buildupIndex, buildupThresholdFromData } from '../../src/observed/buildupIndex.js';
import { applyRegions, DOC, findRegions, observedRegions, readEras, ROOT } from '../../scripts/observed-counts.mjs';

const lib = { observedBehaviour, buildupIndex, buildupThresholdFromData, loadNmcTable, BUILDUP_THRESHOLD };
const regions = observedRegions(lib);
const text = readFileSync(path.join(ROOT, DOC), 'utf8');

describe('docs/validation.md: the observed-record numbers come from the coding (node scripts/observed-counts.mjs)', () => {
  it('has every region, each what the coding gives now', () => {
    const found = findRegions(text);
    for (const [name, body] of regions) {
      expect(found.has(name), `${DOC}: region ${name} is missing`).toBe(true);
      expect(found.get(name), `${DOC}: region ${name} is out of date: run npx tsup && node scripts/observed-counts.mjs`).toBe(body);
    }
  });

  it('the eras are the spans of scenarios/era-*.yaml, [startYear, end of the id)', () => {
    const eras = readEras(2012);
    expect(eras[0]).toEqual({ id: 'era-1815-1853', from: 1816, to: 1852 });
    expect(eras.find((e) => e.id === 'era-1945-1991')).toEqual({ id: 'era-1945-1991', from: 1945, to: 1990 });
    expect(eras[eras.length - 1]).toEqual({ id: 'era-2010-today', from: 2010, to: 2012 });
  });

  it('the table counts every state-year once: the total row is the sum of the eras and the years outside them', () => {
    const table = regions.get('observed-counts') ?? '';
    const rows = table.trim().split('\n').slice(2).map((l) => l.split('|').map((c) => c.trim()));
    const total = rows.pop() ?? [];
    expect(total[1]).toBe('**all**');
    expect(rows.reduce((s, r) => s + Number(r[3]), 0)).toBe(Number(total[3]));
    expect(Number(total[3])).toBe(observedBehaviour().length);
  });

  it('a changed number is detected and rewritten', () => {
    const tampered = text.replace(/(\| \*\*all\*\* \| 1816–2012 \| )\d+/, '$1999');
    expect(tampered).not.toBe(text);
    expect(findRegions(tampered).get('observed-counts')).not.toBe(regions.get('observed-counts'));
    expect(applyRegions(tampered, regions)).toBe(text);
  });
});
