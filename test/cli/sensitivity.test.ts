import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliPath, hasStack, repoRoot, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** A small Sobol' design: N = 8, D = 2, so 8 × 6 = 48 points × 2 replicates = 96 runs of 10 ticks. */
const SOBOL = `ticks: 10
replicates: 2
baseSeed: 4
formats: [csv]
tables: { ticks: false, events: false }
design:
  type: sobol
  samples: 8
  parameters:
    system.lambda: { min: 0, max: 1 }
    system.nu: { min: 0, max: 1 }
`;

describe('counterpoise sensitivity', () => {
  const design = join(tmp.dir, 'sobol.yaml');
  writeFileSync(design, SOBOL);
  const whole = join(tmp.dir, 'whole');
  const ran = cli(['sensitivity', 'concert-of-europe', '--design', design, '--out', whole, '--workers', '2', '--json']);

  it('runs the design and prints sensitivity.json: S1, ST and S2 with bootstrap intervals for every metric', () => {
    expect(ran.stderr).not.toContain('counterpoise:');
    expect(ran.code).toBe(0);
    const doc = JSON.parse(ran.stdout) as { kind: string; method: string; points: number; replicates: number; parameters: string[]; rows: { metric: string; index: string; parameter: string; estimate: number | null; conf: number | null }[] };
    expect(doc.kind).toBe('counterpoise-sensitivity');
    expect(doc.method).toBe('sobol');
    expect(doc.points).toBe(48);
    expect(doc.replicates).toBe(2);
    expect(doc.parameters).toEqual(['system.lambda', 'system.nu']);
    const aggressions = doc.rows.filter((r) => r.metric === 'aggressions');
    expect(aggressions.map((r) => `${r.index}:${r.parameter}`)).toEqual(['S1:system.lambda', 'S1:system.nu', 'ST:system.lambda', 'ST:system.nu', 'S2:system.lambda']);
    expect(readFileSync(join(whole, 'sensitivity.json'), 'utf8')).toBe(`${ran.stdout.trimEnd()}\n`);
    expect(readFileSync(join(whole, 'sensitivity.csv'), 'utf8').split('\r\n')[0]).toBe('metric,method,index,parameter,with,estimate,conf,ciLow,ciHigh');
    // Progress on stderr.
    expect(ran.stderr).toContain('sensitivity: done, 96 runs');
  });

  it('gives the same files on one thread; a text summary without --json; a folder can be analysed again', () => {
    const one = join(tmp.dir, 'one');
    const r = cli(['sensitivity', 'concert-of-europe', '--design', design, '--out', one, '--workers', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Sobol' indices over 48 points/m);
    expect(r.stdout).toMatch(/^ {2}aggressions: system\.(lambda|nu) \d\.\d{3} ±\d\.\d{3} \[-?\d\.\d{3}\]/m);
    for (const f of ['sensitivity.csv', 'sensitivity.json', 'runs.csv']) expect(readFileSync(join(one, f), 'utf8')).toBe(readFileSync(join(whole, f), 'utf8'));
    const again = cli(['sensitivity', one, '--json']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(ran.stdout);
  });

  it('is resumable: killed mid-run, --resume ends with the same files as an uninterrupted run', async () => {
    const out = join(tmp.dir, 'killed');
    const args = [cliPath, 'sensitivity', 'concert-of-europe', '--design', design, '--out', out, '--workers', '1', '--checkpoint-ms', '1', '--quiet'];
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Kill it (no chance to clean up) once a checkpoint records finished runs.
    for (let k = 0; k < 600; k++) {
      const cp = join(out, 'checkpoint.json');
      if (existsSync(cp)) {
        try { if ((JSON.parse(readFileSync(cp, 'utf8')) as { completed: number }).completed > 0) break; } catch { /* being replaced */ }
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const resumed = cli(['sensitivity', 'concert-of-europe', '--design', design, '--out', out, '--resume', '--workers', '1', '--json']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resumed/);
    expect(resumed.stdout).toBe(ran.stdout);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe(readFileSync(join(whole, 'runs.csv'), 'utf8'));
  });

  it('refuses a design that is not sobol or morris, and a bad sobol design, naming the field (exit 2, no stack)', () => {
    const grid = join(tmp.dir, 'grid.yaml');
    writeFileSync(grid, 'ticks: 5\ndesign:\n  type: grid\n  parameters:\n    system.lambda: { values: [0.2, 0.8] }\n');
    const r = cli(['sensitivity', 'concert-of-europe', '--design', grid, '--out', join(tmp.dir, 'g')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/design\.type {2}a sensitivity analysis needs a sobol or morris design \(got grid\)/);
    expect(hasStack(r.stderr)).toBe(false);
    const bad = join(tmp.dir, 'bad.yaml');
    writeFileSync(bad, SOBOL.replace('samples: 8', 'samples: 12'));
    const b = cli(['sensitivity', 'concert-of-europe', '--design', bad, '--out', join(tmp.dir, 'b')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/design\.samples {2}must be a power of two/);
    expect(hasStack(b.stderr)).toBe(false);
    const none = cli(['sensitivity', join(tmp.dir, 'nowhere')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/not a folder holding a complete sweep/);
  });
});
