import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, hasStack, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** A small design: 2 × 2 points, 2 replicates, 8 ticks (8 runs). */
const DESIGN = `ticks: 8
replicates: 2
baseSeed: 7
formats: [csv]
design:
  type: grid
  parameters:
    system.lambda: { values: [0.2, 0.8] }
    system.nu: { values: [0.3, 0.7] }
`;

describe('counterpoise sweep and merge', () => {
  const design = join(tmp.dir, 'small.yaml');
  writeFileSync(design, DESIGN);
  const whole = join(tmp.dir, 'whole');
  const ran = cli(['sweep', 'concert-of-europe', '--design', design, '--out', whole, '--workers', '1', '--report']);

  it('runs the design with the scenario given on the command line, writes the tables and the report', () => {
    expect(ran.stderr).not.toContain('counterpoise:');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(new RegExp(`^${whole.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 8 runs on 1 worker thread in `, 'm'));
    expect(ran.stdout).toContain(`report: ${join(whole, 'report.html')}`);
    for (const f of ['runs.csv', 'ticks.csv', 'events.csv', 'summary.csv', 'manifest.json', 'report.html']) expect(readdirSync(whole)).toContain(f);
    expect(readFileSync(join(whole, 'runs.csv'), 'utf8').split('\r\n')[0]).toMatch(/^run,point,replicate,seed,system\.lambda,system\.nu,/);
    expect(readdirSync(join(whole, 'figures'))).toEqual(expect.arrayContaining(['sweep-outcomes.svg', 'sweep-strategies.svg']));
    // Progress goes to stderr, and not with --quiet.
    expect(ran.stderr).toContain('sweep: done, 8 runs');
  });

  it('--resume of a complete sweep does nothing; the output of another sweep is refused (exit 2)', () => {
    const again = cli(['sweep', 'concert-of-europe', '--design', design, '--out', whole, '--resume', '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    const other = join(tmp.dir, 'other.yaml');
    writeFileSync(other, DESIGN.replace('ticks: 8', 'ticks: 9'));
    const clash = cli(['sweep', 'concert-of-europe', '--design', other, '--out', whole, '--quiet']);
    expect(clash.code).toBe(2);
    expect(hasStack(clash.stderr)).toBe(false);
  });

  it('--shard i/n on each share, then merge, gives the unsharded sweep byte for byte', () => {
    const shards = [0, 1].map((i) => join(tmp.dir, `shard-${i}`));
    shards.forEach((dir, i) => {
      const r = cli(['sweep', 'concert-of-europe', '--design', design, '--shard', `${i}/2`, '--out', dir, '--workers', '0', '--quiet']);
      expect(r.code, r.stderr).toBe(0);
    });
    const merged = join(tmp.dir, 'merged');
    const r = cli(['merge', ...shards, '--out', merged]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('8 runs merged from 2 shards');
    for (const f of ['runs.csv', 'ticks.csv', 'events.csv', 'summary.csv', 'manifest.json']) {
      expect(readFileSync(join(merged, f)).equals(readFileSync(join(whole, f))), f).toBe(true);
    }
    // `sweep merge` is the same command.
    const viaSweep = cli(['sweep', 'merge', ...shards, '--out', join(tmp.dir, 'merged-2'), '--quiet']);
    expect(viaSweep.code).toBe(0);
    // An incomplete set of shards is refused, naming what is missing.
    const partial = cli(['merge', shards[0], '--out', join(tmp.dir, 'merged-3')]);
    expect(partial.code).toBe(2);
    expect(hasStack(partial.stderr)).toBe(false);
  });

  it('the report command builds a sweep report from a sweep folder', () => {
    const r = cli(['report', whole, '--out', join(tmp.dir, 'sweep-report'), '--quiet']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(tmp.dir, 'sweep-report', 'report.html'), 'utf8');
    expect(html).toContain('Outcomes against the swept parameters');
    expect(existsSync(join(tmp.dir, 'sweep-report', 'figures', 'sweep-outcomes.svg'))).toBe(true);
  });

  it('--design takes the name of a design shipped in examples/sweeps/ (lambda-nu), or says which there are', () => {
    // One run of the 320 (shard 0 of 320), in an empty folder: the bundled file is found without a path.
    const out = join(tmp.dir, 'bundled');
    const r = cli(['sweep', '--design', 'lambda-nu', '--shard', '0/320', '--workers', '0', '--out', out, '--quiet'], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { scenario: { id: string }; runs: number; shardRuns: number };
    expect(manifest).toMatchObject({ scenario: { id: 'concert-of-europe' }, runs: 320, shardRuns: 1 });

    const unknown = cli(['sweep', '--design', 'lambda-mu'], { cwd: tmp.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/lambda-mu: .*bundled: lambda-nu, lhs, morris, screening-oat, sobol/);
  });

  it('bad input: no --design, a missing design file, a design with mistakes, a bad shard — exit 2, no stack', () => {
    const noDesign = cli(['sweep', 'concert-of-europe']);
    expect(noDesign.code).toBe(2);
    expect(noDesign.stderr).toContain('missing --design');
    expect(noDesign.stderr).toContain('Run "counterpoise sweep --help" for usage.');

    const missing = cli(['sweep', 'concert-of-europe', '--design', join(tmp.dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('nope.yaml');

    const bad = join(tmp.dir, 'bad.yaml');
    writeFileSync(bad, DESIGN.replace('system.nu', 'system.nuu').replace('replicates: 2', 'replicates: 0'));
    const wrong = cli(['sweep', 'concert-of-europe', '--design', bad, '--out', join(tmp.dir, 'bad-out')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('replicates');
    expect(hasStack(wrong.stderr)).toBe(false);

    const shard = cli(['sweep', 'concert-of-europe', '--design', design, '--shard', 'half']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('--shard must be i/n');
  });
});
