/**
 * docs/cli.md shows what `counterpoise run concert-of-europe --out out/coe` prints; the block is
 * generated (`node scripts/docs-numbers.mjs --cli`), and this test fails when the command prints
 * anything else, so the documented summary cannot drift from the program.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_SAMPLE_ARGS, findRegions, formatCliSample } from '../../scripts/docs-numbers.mjs';
import { cli, repoRoot, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('docs/cli.md: the sample run', () => {
  it('is exactly what `counterpoise run concert-of-europe --out out/coe` prints', () => {
    const r = cli(CLI_SAMPLE_ARGS, { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const region = findRegions(readFileSync(join(repoRoot, 'docs', 'cli.md'), 'utf8')).get('cli-run-sample');
    expect(region, 'docs/cli.md has no cli-run-sample region').toBeDefined();
    expect(region, 'out of date: run node scripts/docs-numbers.mjs --cli').toBe(formatCliSample(r.stdout, r.stderr));
  });
});
