/**
 * The plain closing line (test/support/plainSummaryReporter.ts) on real vitest runs of small fixture
 * files: a red run never says `0 failed` — a failing beforeAll, a file that does not load and an
 * unhandled rejection each count — and a skip note is printed as its own line.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/cliHarness.js';

const vitest = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const config = join(repoRoot, 'test', 'fixtures', 'reporter', 'vitest.config.ts');

function runFixture(name: string): { status: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, [vitest, 'run', '--config', config], {
    cwd: repoRoot, encoding: 'utf8', timeout: 120_000, env: { ...process.env, REPORTER_FIXTURE: `${name}.fixture.ts`, NO_COLOR: '1' },
  });
  return { status: r.status, lines: r.stdout.trimEnd().split('\n') };
}

describe('the plain closing line', () => {
  it('counts passed and skipped tests, and prints each skip note on its own line', () => {
    const { status, lines } = runFixture('passes');
    expect(status).toBe(0);
    expect(lines.at(-1)).toBe('1 passed, 0 failed, 1 skipped');
    expect(lines).toContain('skipped 1: the component is absent: install it to run this test');
  });

  it.each([
    ['failingBeforeAll', '1 passed, 1 failed, 2 skipped'],
    ['topLevelHook', '0 passed, 1 failed, 1 skipped'],
    ['failsToLoad', '0 passed, 1 failed'],
    ['unhandled', '1 passed, 1 failed'],
  ])('counts an error outside any test as a failure (%s)', (fixture, closing) => {
    const { status, lines } = runFixture(fixture);
    expect(status).not.toBe(0);
    expect(lines.at(-1)).toBe(closing);
  });
});
