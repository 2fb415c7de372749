/**
 * The numbers the docs quote from runs are generated (scripts/docs-numbers.mjs, `npm run
 * docs:numbers`): every marked region `<!-- generated:NAME -->…<!-- /generated:NAME -->` must be
 * what the golden summaries (test/golden/*.seed42.json) and docs/eras.csv say. Cheap: it reads
 * those files and runs no simulation. (The CLI sample of docs/cli.md is checked in test/cli/docs.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRegions, DOCS, fileRegions, findRegions, percent, ROOT } from '../../scripts/docs-numbers.mjs';

const regions = fileRegions();
const docs = DOCS.map((doc) => ({ doc, text: readFileSync(path.join(ROOT, doc), 'utf8') }));
const golden = (id: string) => JSON.parse(readFileSync(path.join(ROOT, 'test', 'golden', `${id}.seed42.json`), 'utf8')) as {
  familyShares: Record<string, number>; alliancesFormed: number; aggressions: number;
};

describe('docs numbers come from the runs (npm run docs:numbers)', () => {
  for (const { doc, text } of docs) {
    it(`every generated region of ${doc} is what the golden files and docs/eras.csv say`, () => {
      const stale: string[] = [];
      for (const [name, body] of findRegions(text)) {
        if (name === 'cli-run-sample') continue;
        expect(regions.has(name), `${doc}: region ${name} has no generator`).toBe(true);
        if (regions.get(name) !== body) stale.push(`${name}\n  doc:       ${body}\n  generated: ${regions.get(name)}`);
      }
      expect(stale, `${doc} is out of date: run npm run docs:numbers`).toEqual([]);
    });
  }

  it('docs/scenarios.md quotes every bundled scenario\'s golden summary and every era, all through regions', () => {
    const scenarios = findRegions(readFileSync(path.join(ROOT, 'docs', 'scenarios.md'), 'utf8'));
    const ids = readdirSync(path.join(ROOT, 'test', 'golden')).filter((f) => f.endsWith('.seed42.json')).map((f) => f.replace('.seed42.json', ''));
    for (const id of ids) expect(scenarios.has(id.startsWith('era-') ? `eras-${id}` : `seed42-${id}`), id).toBe(true);
    // No hand-typed share is left in an "At seed 42" or "In npm run eras" bullet outside its region.
    const text = readFileSync(path.join(ROOT, 'docs', 'scenarios.md'), 'utf8');
    const bullets = text.split('\n').filter((l) => /^- \*\*(At seed 42|In `npm run eras`)\.\*\*/.test(l));
    expect(bullets.length).toBe(ids.length);
    for (const b of bullets) expect(b).toMatch(/^- \*\*[^*]+\*\* <!-- generated:[\w-]+ -->[^<]*<!-- \/generated:[\w-]+ -->$/);
  });

  it('the regions say what the golden summaries hold (turkiye-dual-track: no alliance formed, its shares)', () => {
    const g = golden('turkiye-dual-track');
    const region = regions.get('seed42-turkiye-dual-track') ?? '';
    expect(g.alliancesFormed).toBe(0);
    expect(region).toContain('No alliances formed');
    expect(region).not.toContain('Kyrgyzstan');
    for (const [family, label] of [['accommodate', 'Accommodation'], ['institutional', 'institutional'], ['soft', 'soft'], ['hard', 'hard']]) {
      expect(region).toContain(`${label} ${percent(g.familyShares[family])}`);
    }
    // The generator spells counts below ten as words ("two aggressions"), as its count() does.
    const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    expect(region).toContain(`${g.aggressions < words.length ? words[g.aggressions] : g.aggressions} ${g.aggressions === 1 ? 'aggression' : 'aggressions'}`);
  });

  it('a region that differs from the goldens is detected and rewritten', () => {
    const { doc, text } = docs.find((d) => d.doc === 'docs/scenarios.md') ?? docs[0];
    const tampered = text.replace(/(<!-- generated:seed42-concert-of-europe -->Accommodation )\d+/, '$199');
    expect(tampered).not.toBe(text);
    expect(findRegions(tampered).get('seed42-concert-of-europe')).not.toBe(regions.get('seed42-concert-of-europe'));
    expect(applyRegions(tampered, regions), doc).toBe(text);
  });

  it('formats shares as the docs print them', () => {
    expect(percent(0.7222)).toBe('72 %');
    expect(percent(0.015)).toBe('1.5 %');
    expect(percent(0.0305)).toBe('3.1 %');
  });
});
