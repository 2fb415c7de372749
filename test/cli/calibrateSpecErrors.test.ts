import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './cliHarness.js';
import { cliInProcess } from './inProcessCli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('calibrate: the problems of a spec file, as validate prints a scenario\'s', () => {
  it('plain `file:line:column  path  message` lines (no "counterpoise:"), in file order', async () => {
    const spec = join(tmp.dir, 'spec.yaml');
    writeFileSync(spec, ['seed: 1.5', 'perception: both', 'eras: [era-1815-1853, era-1700-1750]', 'intervals: maybe'].join('\n'));
    const r = await cliInProcess(['calibrate', spec]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${spec}:1:1  seed  a whole number`,
      `${spec}:2:1  perception  walt or power`,
      expect.stringMatching(new RegExp(`^${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:23  eras\\[1\\]  "era-1700-1750" is not an era with data`)),
      `${spec}:4:1  intervals  true or false`,
    ]);
  });

  it('a YAML syntax error is one such line too; a missing file is one `counterpoise: file: message` line', async () => {
    const bad = join(tmp.dir, 'syntax.yaml');
    writeFileSync(bad, 'eras: [era-1815-1853\nseed: 1\n');
    const syntax = await cliInProcess(['calibrate', bad]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/^\S+syntax\.yaml:\d+:\d+ {2}\(spec\) {2}not valid YAML\/JSON: /);
    expect(syntax.stderr).not.toMatch(/at line \d+, column \d+/);
    const missing = await cliInProcess(['calibrate', join(tmp.dir, 'missing.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^counterpoise: \S+missing\.yaml: cannot read the spec: /);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
