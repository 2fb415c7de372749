/**
 * Dropped files in the explorer (src/explore/worker/validateScenarioFile.ts): without the COW
 * tables, a data reference is an error that says how to get a page for the file; with the tables a
 * `--with-data` page carries, the file resolves exactly as loadScenario resolves it in Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COW_FILES } from '../../../src/data/cowFiles.js';
import { EXPLORE_DATA_FILES, noDataMessage, validateScenarioFile } from '../../../src/explore/worker/validateScenarioFile.js';
import type { ExploreDataTables } from '../../../src/explore/worker/ExploreLibraries.js';
import { loadScenario } from '../../../src/node/loadScenario.js';
import { repoRoot } from '../../cli/cliHarness.js';

const indoText = readFileSync(join(repoRoot, 'scenarios', 'indo-pacific.yaml'), 'utf8');
const tables: ExploreDataTables = Object.fromEntries(EXPLORE_DATA_FILES.map((k) => [k, readFileSync(join(repoRoot, 'data', COW_FILES[k]), 'utf8')]));

describe('validateScenarioFile', () => {
  it('every bundled scenario without the tables gives only the no-data lines: a check that depends on data-drawn members (veto holders) is not echoed', () => {
    for (const f of readdirSync(join(repoRoot, 'scenarios')).filter((x) => x.endsWith('.yaml'))) {
      const r = validateScenarioFile(f, readFileSync(join(repoRoot, 'scenarios', f), 'utf8'), null);
      if (r.ok) continue;
      expect(r.lines.filter((l) => !l.endsWith(noDataMessage(f))), f).toEqual([]);
    }
  });

  it('without the COW tables: every data reference is an error at its place that names the commands giving a page for the file', () => {
    const checked = validateScenarioFile('indo-pacific.yaml', indoText, null);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.lines.length).toBeGreaterThan(0);
    for (const line of checked.lines) {
      expect(line).toMatch(/^indo-pacific\.yaml:\d+:\d+  \S+  /);
      expect(line.endsWith(noDataMessage('indo-pacific.yaml'))).toBe(true);
    }
    expect(noDataMessage('f.yaml')).toContain('`counterpoise explore f.yaml --with-data`');
  });

  it('with the tables a --with-data page carries: the same resolved scenario as loadScenario in Node', () => {
    const checked = validateScenarioFile('indo-pacific.yaml', indoText, tables);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(JSON.parse(JSON.stringify(checked.scenario))).toEqual(JSON.parse(JSON.stringify(loadScenario('indo-pacific'))));
  });

  it('a table the page lacks is reported at the reference that needs it, not as a crash', () => {
    const { nmcV6: _v6, nmcV7: _v7, ...noNmc } = tables;
    const checked = validateScenarioFile('indo-pacific.yaml', indoText, noNmc);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.lines.some((l) => /capabilities.*nmc\(\) table/.test(l))).toBe(true);
  });

  it('the page carries every table the scenario format can reference', () => {
    expect([...EXPLORE_DATA_FILES].sort()).toEqual(Object.keys(COW_FILES).filter((k) => k !== 'igoCounts').sort());
  });
});
