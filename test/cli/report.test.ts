import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, hasStack, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('counterpoise report', () => {
  const run = join(tmp.dir, 'run');
  const ran = cli(['run', 'concert-of-europe', '--ticks', '30', '--out', run, '--quiet']);

  it('builds report.html and the SVG figures from a run folder', () => {
    expect(ran.code).toBe(0);
    const r = cli(['report', run]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`report: ${join(run, 'report.html')}`);
    const html = readFileSync(join(run, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<title>Concert of Europe');
    // Self-contained: the libraries inline, no remote script or stylesheet.
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    const figures = readdirSync(join(run, 'figures')).sort();
    expect(figures).toEqual(['capability-shares.svg', 'legitimacy-restraint.svg', 'memberships.svg', 'strategy-families.svg', 'strategy-options.svg', 'threat-matrix.svg']);
    for (const f of figures) expect(readFileSync(join(run, 'figures', f), 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('is deterministic: the same folder gives the same report bytes', () => {
    const first = readFileSync(join(run, 'report.html'));
    const svg = readFileSync(join(run, 'figures', 'memberships.svg'));
    expect(cli(['report', run, '--quiet']).code).toBe(0);
    expect(readFileSync(join(run, 'report.html')).equals(first)).toBe(true);
    expect(readFileSync(join(run, 'figures', 'memberships.svg')).equals(svg)).toBe(true);
  });

  it('--out writes elsewhere; --no-figures skips the SVGs', () => {
    const out = join(tmp.dir, 'elsewhere');
    const r = cli(['report', run, '--out', out, '--no-figures', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'figures'))).toBe(false);
  });

  it('a missing folder: exit 2, one line', () => {
    const r = cli(['report', join(tmp.dir, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`counterpoise: ${join(tmp.dir, 'nowhere')}: no such folder\n`);
  });

  it('a folder that holds no run: exit 2, one line saying what was expected', () => {
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    const r = cli(['report', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe(`counterpoise: ${empty}: holds neither a run (run.json) nor a complete sweep (manifest.json); give a folder written by "counterpoise run" or "counterpoise sweep"\n`);
  });

  it('a damaged run folder: exit 2 naming the missing file, no stack trace', () => {
    const broken = join(tmp.dir, 'broken');
    expect(cli(['run', 'concert-of-europe', '--ticks', '5', '--out', broken, '--quiet']).code).toBe(0);
    rmSync(join(broken, 'states.csv'));
    const r = cli(['report', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('states');
    expect(hasStack(r.stderr)).toBe(false);
  });
});
