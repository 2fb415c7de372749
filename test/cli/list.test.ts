import { describe, expect, it } from 'vitest';
import { cli } from './cliHarness.js';

describe('counterpoise list', () => {
  it('lists every bundled scenario with its one-line description', () => {
    const r = cli(['list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(expect.arrayContaining(['concert-of-europe', 'multipolar-2020s']));
    for (const line of lines) expect(line).toMatch(/^[a-z0-9-]+\s{2,}\S.*$/);
    expect(r.stdout).toMatch(/^concert-of-europe +The five great powers of 1816/m);
  });

  it('--json gives names, titles and descriptions as data', () => {
    const r = cli(['list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; title: string; description: string }[];
    expect(list.find((s) => s.name === 'concert-of-europe')).toMatchObject({ title: expect.stringContaining('Concert of Europe') });
  });

  it('takes no arguments', () => {
    const r = cli(['list', 'extra']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Run "counterpoise list --help" for usage.');
  });
});
