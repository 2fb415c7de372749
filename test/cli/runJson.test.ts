import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('counterpoise run --json', () => {
  it('prints one JSON document on stdout: out folder, files, seed, ticks and the summary metrics', () => {
    const out = join(tmp.dir, 'coe');
    const r = cli(['run', 'concert-of-europe', '--ticks', '6', '--seed', '7', '--out', out, '--json']);
    expect(r.stderr).not.toContain('counterpoise:');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as {
      out: string; scenario: string; seed: number; ticks: number; files: { name: string }[];
      summary: { finalShares: Record<string, number>; finalCon: number }; report: unknown;
    };
    expect(result).toMatchObject({ out, scenario: 'concert-of-europe', seed: 7, ticks: 6, report: null });
    expect(result.files.map((f) => f.name).sort()).toEqual(readdirSync(out).filter((f) => !f.startsWith('.')).sort());
    expect(Object.keys(result.summary.finalShares)).toContain('UKG');
    expect(typeof result.summary.finalCon).toBe('number');
  });
});
