import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, hasStack, tempDir } from './cliHarness.js';
import { BAD_SCENARIO } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('counterpoise validate --json', () => {
  it('a valid file: exit 0, one JSON document on stdout with ok, no problems and the counts', () => {
    const r = cli(['validate', 'scenarios/concert-of-europe.yaml', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      file: 'scenarios/concert-of-europe.yaml', ok: true, problems: [],
      summary: { id: 'concert-of-europe', states: 6, startYear: 1816 },
    });
    expect(Array.isArray(result.warnings)).toBe(true);
  });

  it('a file with problems: exit 2, still one JSON document with every problem (file, line, column, path, message)', () => {
    const file = join(tmp.dir, 'bad.yaml');
    writeFileSync(file, BAD_SCENARIO);
    const r = cli(['validate', file, '--json']);
    expect(r.code).toBe(2);
    const result = JSON.parse(r.stdout) as { ok: boolean; problems: unknown[]; summary: unknown };
    expect(result.ok).toBe(false);
    expect(result.summary).toBeNull();
    expect(result.problems).toEqual([
      { file, line: 6, column: 21, path: 'states[0].capabilities.mil', message: 'Too small: expected number to be >0' },
      { file, line: 7, column: 5, path: 'states[0].ideology', message: 'Too big: expected number to be <=1' },
      { file, line: 10, column: 5, path: 'states[1].colour', message: 'unknown field "colour"' },
      { file, line: 13, column: 20, path: 'institutions[0].members[1]', message: 'unknown state "ZZZ"' },
    ]);
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('a missing file: exit 2, a JSON problem without a position', () => {
    const missing = join(tmp.dir, 'missing.yaml');
    const r = cli(['validate', missing, '--json']);
    expect(r.code).toBe(2);
    const result = JSON.parse(r.stdout) as { ok: boolean; problems: { line: unknown; path: string; message: string }[] };
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: missing, line: null, column: null, path: '(scenario)' });
    expect(result.problems[0].message).toMatch(/no such file/);
  });
});
