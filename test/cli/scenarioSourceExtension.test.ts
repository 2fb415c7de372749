import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './cliHarness.js';
import { cliInProcess } from './inProcessCli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const NOT_A_SCENARIO_FILE = 'not a scenario file: its name must end in .yaml, .yml or .json (a bundled scenario is given by its name alone; see "counterpoise list")';

describe('an existing file without a scenario file\'s extension', () => {
  const file = join(tmp.dir, 'typo.txt');
  writeFileSync(file, 'meta: { id: x }\n');

  it.each([['validate'], ['run'], ['explore']])('%s: exit 2, one line naming the file and the accepted extensions', async (command) => {
    const r = await cliInProcess([command, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`counterpoise: ${file}: ${NOT_A_SCENARIO_FILE}\n`);
  });

  it('validate --json reports it as a problem of the file', async () => {
    const r = await cliInProcess(['validate', file, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, problems: [{ file, line: null, path: '(scenario)', message: NOT_A_SCENARIO_FILE }] });
  });

  it('a name that is no file is still looked up among the bundled scenarios; a folder gets its own message', async () => {
    const missing = await cliInProcess(['validate', join(tmp.dir, 'nothing.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('neither a scenario file (.yaml, .yml or .json) nor the name of a bundled scenario');
    mkdirSync(join(tmp.dir, 'folder'));
    const folder = await cliInProcess(['validate', join(tmp.dir, 'folder')]);
    expect(folder.stderr).toContain('neither a scenario file (.yaml, .yml or .json)');
  });
});
