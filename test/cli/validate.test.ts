import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, hasStack, tempDir } from './cliHarness.js';
import { BAD_SCENARIO } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('counterpoise validate', () => {
  it('a valid file: exit 0 and one line saying so', () => {
    const r = cli(['validate', 'scenarios/concert-of-europe.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^scenarios\/concert-of-europe\.yaml: valid — concert-of-europe, 6 states/);
  });

  it('a bundled name is accepted too; --quiet prints nothing for a valid file', () => {
    const r = cli(['validate', 'multipolar-2020s', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('a file with several mistakes: exit 2, every problem on its own line with file:line:column and field path', () => {
    const file = join(tmp.dir, 'bad.yaml');
    writeFileSync(file, BAD_SCENARIO);
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:6:21  states[0].capabilities.mil  Too small: expected number to be >0`,
      `${file}:7:5  states[0].ideology  Too big: expected number to be <=1`,
      `${file}:10:5  states[1].colour  unknown field "colour"`,
      `${file}:13:20  institutions[0].members[1]  unknown state "ZZZ"`,
    ]);
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('a YAML syntax error: exit 2 with its position', () => {
    const file = join(tmp.dir, 'syntax.yaml');
    writeFileSync(file, 'meta:\n  id: x\nstates: [\n');
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+  `));
  });

  it('a missing file: exit 2 and one clear line, no stack trace', () => {
    const r = cli(['validate', join(tmp.dir, 'missing.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`counterpoise: ${join(tmp.dir, 'missing.yaml')}: cannot read the scenario file: no such file (${join(tmp.dir, 'missing.yaml')})\n`);
  });

  it('no file given: exit 2 with a usage hint', () => {
    const r = cli(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('counterpoise: missing scenario file\nRun "counterpoise validate --help" for usage.\n');
  });
});
