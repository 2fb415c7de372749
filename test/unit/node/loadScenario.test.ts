import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledDataDir } from '../../../src/node/bundledData.js';
import { bundledDataProvider } from '../../../src/node/bundledDataProvider.js';
import { bundledScenariosDir } from '../../../src/node/bundledScenariosDir.js';
import { listBundledScenarios } from '../../../src/node/listBundledScenarios.js';
import { loadScenario } from '../../../src/node/loadScenario.js';
import { parseScenario } from '../../../src/scenario/file/parseScenario.js';
import { ScenarioError, formatIssue } from '../../../src/scenario/ScenarioError.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'scenarios');
const cleanup: string[] = [];
afterAll(() => { for (const dir of cleanup) rmSync(dir, { recursive: true, force: true }); });

/** A fresh temporary folder, removed after the tests. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'counterpoise-scenarios-'));
  cleanup.push(dir);
  return dir;
}

/** The formatted issues of a ScenarioError thrown by `run`. */
function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    if (e instanceof ScenarioError) return e.issues.map(formatIssue);
  }
  return expect.fail('no ScenarioError');
}

describe('loadScenario: files', () => {
  it('reads YAML (.yaml, .yml) and JSON by extension, and resolves with the bundled data', () => {
    const yaml = loadScenario(join(fixtures, 'minimal.yaml'));
    const json = loadScenario(join(fixtures, 'minimal.json'));
    expect(json).toEqual(yaml);
    const dir = tempDir();
    copyFileSync(join(fixtures, 'minimal.yaml'), join(dir, 'minimal.yml'));
    expect(loadScenario(join(dir, 'minimal.yml'))).toEqual(yaml);
    const example = loadScenario(join(fixtures, 'example.yaml'));
    expect(example.states.map((s) => s.major)).toEqual([true, true, true, true, true, true]);
    expect(example.institutions[0].members).toHaveLength(6);
  });

  it('names the file as given in every issue', () => {
    const path = relative(process.cwd(), join(fixtures, 'bad', 'unknown-field.yaml'));
    expect(problems(() => loadScenario(path))).toEqual([`${path}:6:5  states[0].ideolgy  unknown field "ideolgy"`]);
  });

  it('a missing file is a ScenarioError naming the path', () => {
    const path = join(fixtures, 'no-such-file.yaml');
    expect(problems(() => loadScenario(path))).toEqual([`${path}  (scenario)  cannot read the scenario file: no such file (${path})`]);
  });

  it('a name that is neither a file nor a bundled name', () => {
    expect(problems(() => loadScenario('../etc/passwd'))).toEqual([
      '(scenario)  "../etc/passwd" is neither a scenario file (.yaml, .yml or .json) nor the name of a bundled scenario',
    ]);
  });

  it('passes resolve options and a data provider through', () => {
    const text = readFileSync(join(fixtures, 'example.yaml'), 'utf8');
    expect(loadScenario(join(fixtures, 'example.yaml'), { resolve: { allowInadmissible: true } }))
      .toEqual(parseScenario(text, 'yaml', { data: bundledDataProvider }));
    expect(problems(() => loadScenario(join(fixtures, 'example.yaml'), { data: {} }))[0])
      .toMatch(/states\[0\]\.major {2}the data provider has no majors\(\) table/);
  });
});

describe('loadScenario: bundled names', () => {
  it('finds scenarios/<name>.yaml in the scenarios folder, and names it scenarios/<name>.yaml in issues', () => {
    expect(loadScenario('minimal', { scenariosDir: fixtures })).toEqual(loadScenario(join(fixtures, 'minimal.yaml')));
    const dir = tempDir();
    copyFileSync(join(fixtures, 'bad', 'unknown-field.yaml'), join(dir, 'broken.yaml'));
    expect(problems(() => loadScenario('broken', { scenariosDir: dir })))
      .toEqual(['scenarios/broken.yaml:6:5  states[0].ideolgy  unknown field "ideolgy"']);
  });

  it('an unknown name lists the available names', () => {
    expect(problems(() => loadScenario('concert', { scenariosDir: fixtures })))
      .toEqual(['(scenario)  unknown bundled scenario "concert"; available: example, minimal']);
    const empty = tempDir();
    expect(problems(() => loadScenario('concert', { scenariosDir: empty })))
      .toEqual([`(scenario)  unknown bundled scenario "concert"; there are none in ${empty}`]);
  });

  it('the package\'s scenarios folder is beside data/', () => {
    expect(bundledScenariosDir()).toBe(join(dirname(bundledDataDir()), 'scenarios'));
    expect(bundledScenariosDir()).toBe(join(root, 'scenarios'));
  });

  it('every bundled scenario loads by name and by path (none skipped)', () => {
    const bundled = listBundledScenarios();
    const onDisk = existsSync(join(root, 'scenarios')) ? bundled.length : 0;
    expect(bundled).toHaveLength(onDisk);
    for (const s of bundled) {
      const byName = loadScenario(s.name);
      expect(byName.meta.id).toBe(s.id);
      expect(loadScenario(s.path)).toEqual(byName);
    }
  });
});

describe('listBundledScenarios', () => {
  it('lists name, id, title and a one-line description of each .yaml file, sorted by name', () => {
    expect(listBundledScenarios({ dir: fixtures })).toEqual([
      {
        name: 'example',
        id: 'example',
        title: 'Six European powers, 1880 (an illustration of the format)',
        description: 'The six European great powers from 1880, with capabilities, great-power status, alliances, trade and an institution drawn from the Correlates of War data.',
        path: join(fixtures, 'example.yaml'),
      },
      { name: 'minimal', id: 'minimal', title: 'Two states', description: 'A stylised dyad.', path: join(fixtures, 'minimal.yaml') },
    ]);
  });

  it('lists a broken file by its name, and an absent folder as nothing', () => {
    const names = listBundledScenarios({ dir: join(fixtures, 'bad') });
    expect(names.find((s) => s.name === 'syntax')).toEqual({ name: 'syntax', id: 'syntax', title: '', description: '', path: join(fixtures, 'bad', 'syntax.yaml') });
    expect(listBundledScenarios({ dir: join(fixtures, 'absent') })).toEqual([]);
  });
});
