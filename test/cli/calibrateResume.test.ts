import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliPath, hasStack, repoRoot, tempDir } from './cliHarness.js';

/** Starts the CLI, SIGKILLs it as soon as stderr shows a completed unit, and resolves with what it printed. */
function runAndKill(args: readonly string[]): Promise<{ stderr: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (/calibrate: 1\/\d+ .* done/.test(stderr)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ stderr, signal }));
  });
}

describe('counterpoise calibrate --workers, checkpoint and resume', () => {
  it('a run killed (SIGKILL) after a unit resumes from its checkpoint and writes the very same file as an uninterrupted run', async () => {
    const { dir, remove } = tempDir();
    try {
      const spec = join(dir, 'spec.yaml');
      writeFileSync(spec, 'eras: [era-1815-1853, era-2010-today]\nestimate: [kappaHI, kappaHE, kappaSE, betaH]\ncrossValidate: true\n');
      const whole = join(dir, 'whole.yaml');
      const r0 = cli(['calibrate', spec, '--workers', '2', '--out', whole], { timeout: 300_000 });
      expect(r0.code, r0.stderr).toBe(0);
      expect(r0.stderr).toMatch(/7 unit\(s\) \(profile intervals, folds\) on 2 worker thread\(s\)/);
      expect(existsSync(`${whole}.checkpoint.json`)).toBe(false);

      const cut = join(dir, 'cut.yaml');
      const killed = await runAndKill(['calibrate', spec, '--workers', '1', '--out', cut]);
      expect(killed.signal).toBe('SIGKILL');
      expect(existsSync(cut)).toBe(false);
      const checkpoint = JSON.parse(readFileSync(`${cut}.checkpoint.json`, 'utf8')) as { results: Record<string, unknown> };
      const saved = Object.keys(checkpoint.results).length;
      expect(saved).toBeGreaterThanOrEqual(1);
      expect(saved).toBeLessThan(7);

      const r1 = cli(['calibrate', spec, '--workers', '1', '--out', cut], { timeout: 300_000 });
      expect(r1.code, r1.stderr).toBe(0);
      expect(r1.stderr).toContain(`resuming from ${cut}.checkpoint.json: ${saved} of 7 unit(s) already done`);
      expect(r1.stderr).toMatch(new RegExp(`${7 - saved} unit\\(s\\) \\(profile intervals, folds\\) on 1 worker thread`));
      expect(readFileSync(cut, 'utf8')).toBe(readFileSync(whole, 'utf8'));
      expect(existsSync(`${cut}.checkpoint.json`)).toBe(false);
      // In this thread (--workers 0): the same file again.
      const inline = join(dir, 'inline.yaml');
      const r2 = cli(['calibrate', spec, '--workers', '0', '--out', inline], { timeout: 300_000 });
      expect(r2.code, r2.stderr).toBe(0);
      expect(readFileSync(inline, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    } finally {
      remove();
    }
  }, 600_000);

  it('refuses a checkpoint written for another spec (exit 2, no stack) and keeps it', () => {
    const { dir, remove } = tempDir();
    try {
      const spec = join(dir, 'spec.yaml');
      writeFileSync(spec, 'eras: [era-2010-today]\nestimate: [kappaHI]\n');
      const out = join(dir, 'fitted.yaml');
      const stale = JSON.stringify({ format: 'counterpoise-calibrate-checkpoint/1', key: '{"spec":"another"}', results: {} });
      writeFileSync(`${out}.checkpoint.json`, stale);
      const r = cli(['calibrate', spec, '--out', out]);
      expect(r.code).toBe(2);
      expect(hasStack(r.stderr)).toBe(false);
      expect(r.stderr).toMatch(/fitted\.yaml\.checkpoint\.json.*key.*written for another spec/);
      expect(readFileSync(`${out}.checkpoint.json`, 'utf8')).toBe(stale);
      expect(existsSync(out)).toBe(false);
    } finally {
      remove();
    }
  }, 120_000);

  it('rejects --workers that is not a whole number ≥ 0 (exit 2)', () => {
    const r = cli(['calibrate', '--workers', 'two']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers must be a whole number/);
  });
});
