import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, hasStack, tempDir } from './cliHarness.js';
import { BAD_SCENARIO } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function csvHeader(text: string): string[] {
  return text.split('\r\n')[0].split(',');
}

describe('counterpoise run', () => {
  const out = join(tmp.dir, 'coe');
  const first = cli(['run', 'concert-of-europe', '--seed', '42', '--ticks', '40', '--out', out]);

  it('exits 0 and prints the short summary', () => {
    expect(first.stderr).not.toContain('counterpoise:');
    expect(first.code).toBe(0);
    const text = first.stdout;
    expect(text).toMatch(/^Concert of Europe.* — seed 42, 40 ticks/);
    for (const label of ['final capability shares', 'strategy families', 'dominant family by period', 'alliances formed', 'institutions founded', 'aggression events']) {
      expect(text).toMatch(new RegExp(`^  ${label}\\s`, 'm'));
    }
    expect(text).toMatch(/final capability shares\s+[A-Z]{3} \d+\.\d%/);
    expect(text).toContain(`wrote `);
  });

  it('writes the tidy tables with their documented columns (a run is an ensemble of one)', () => {
    const written = readdirSync(out);
    for (const f of ['runs.csv', 'ticks.csv', 'events.csv', 'summary.csv', 'manifest.json', 'states.csv', 'threats.csv', 'memberships.csv', 'run.json']) {
      expect(written).toContain(f);
    }
    const KEY = ['run', 'point', 'replicate', 'seed'];
    const ticks = readFileSync(join(out, 'ticks.csv'), 'utf8');
    expect(csvHeader(ticks)).toEqual(expect.arrayContaining([...KEY, 'tick', 'year', 'action_HI', 'family_soft', 'con', 'aggressions']));
    expect(ticks.trim().split('\n')).toHaveLength(41);
    const states = readFileSync(join(out, 'states.csv'), 'utf8');
    expect(csvHeader(states)).toEqual([...KEY, 'tick', 'year', 'state', 'cinc', 'legitimacy', 'restraint', 'mainThreat', 'threat', 'action', 'family']);
    expect(states.trim().split('\n')).toHaveLength(1 + 40 * 6);
    expect(states.split('\r\n')[1]).toMatch(/^0,0,0,42,0,1816\.0,UKG,0\.\d+,/);
    const threats = readFileSync(join(out, 'threats.csv'), 'utf8');
    expect(csvHeader(threats)).toEqual([...KEY, 'tick', 'year', 'from', 'to', 'threat']);
    // Default threat ticks for 40 ticks: 0, 10, 20, 29, 39 — 6 × 5 ordered pairs each.
    expect(threats.trim().split('\n')).toHaveLength(1 + 5 * 30);
    const memberships = readFileSync(join(out, 'memberships.csv'), 'utf8');
    expect(csvHeader(memberships)).toEqual([...KEY, 'tick', 'year', 'state', 'kind', 'group', 'mainThreat', 'relation']);
    expect(memberships).toMatch(/,institution,CONCERT,[A-Z]{3},(inclusive|exclusive)\r\n/);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { seed: number; ticks: number; scenario: { id: string } };
    expect(manifest).toMatchObject({ kind: 'counterpoise-run', seed: 42, ticks: 40, scenario: { id: 'concert-of-europe' } });
    // The ensemble's runs table has one row, with this seed.
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').split('\r\n')[1]).toMatch(/^0,0,0,42,/);
  });

  it('the report\'s tables come from the same run as the ensemble\'s: family counts per tick agree', () => {
    const rows = (file: string) => {
      const [head, ...body] = readFileSync(join(out, file), 'utf8').trim().split('\r\n').map((l) => l.split(','));
      return body.map((cells) => Object.fromEntries(head.map((h, k) => [h, cells[k]])));
    };
    const states = rows('states.csv');
    for (const t of rows('ticks.csv')) {
      for (const f of ['accommodate', 'hard', 'soft', 'institutional']) {
        expect(states.filter((s) => s.tick === t.tick && s.family === f).length, `tick ${t.tick} ${f}`).toBe(Number(t[`family_${f}`]));
      }
    }
  });

  it('is deterministic: the same seed gives identical files, another seed different ones', () => {
    const again = join(tmp.dir, 'coe-again');
    expect(cli(['run', 'concert-of-europe', '--seed', '42', '--ticks', '40', '--out', again]).code).toBe(0);
    expect(files(again)).toEqual(files(out));
    const other = join(tmp.dir, 'coe-other');
    expect(cli(['run', 'concert-of-europe', '--seed', '43', '--ticks', '40', '--out', other]).code).toBe(0);
    expect(readFileSync(join(other, 'states.csv'), 'utf8')).not.toBe(readFileSync(join(out, 'states.csv'), 'utf8'));
  });

  it('--format ndjson,arrow writes NDJSON and Arrow tables; --quiet prints nothing', () => {
    const dir = join(tmp.dir, 'nd');
    const r = cli(['run', 'concert-of-europe', '--ticks', '5', '--out', dir, '--format', 'ndjson,arrow', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    const line = JSON.parse(readFileSync(join(dir, 'states.ndjson'), 'utf8').split('\n')[0]) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(['run', 'point', 'replicate', 'seed', 'tick', 'year', 'state', 'cinc', 'legitimacy', 'restraint', 'mainThreat', 'threat', 'action', 'family']);
    for (const t of ['runs', 'ticks', 'events', 'states', 'threats', 'memberships']) {
      expect(readFileSync(join(dir, `${t}.arrow`)).subarray(0, 6).toString('latin1'), t).toBe('ARROW1');
    }
    expect(existsSync(join(dir, 'states.csv'))).toBe(false);
    // The report reads NDJSON as well as CSV.
    expect(cli(['report', dir, '--no-figures', '--quiet']).code).toBe(0);
  });

  it('--report writes report.html and the SVG figures', () => {
    const dir = join(tmp.dir, 'with-report');
    const r = cli(['run', 'concert-of-europe', '--ticks', '12', '--out', dir, '--report']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`report: ${join(dir, 'report.html')}`);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(join(dir, 'figures')).filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(5);
  });

  it('a missing scenario file: exit 2 and one clear line', () => {
    const r = cli(['run', join(tmp.dir, 'no-such.yaml'), '--out', join(tmp.dir, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no-such.yaml: cannot read the scenario file: no such file');
    expect(existsSync(join(tmp.dir, 'x'))).toBe(false);
  });

  it('a run that fails (its output folder cannot be made): exit 1, one line, the stack only with --debug', () => {
    const file = join(tmp.dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const r = cli(['run', 'concert-of-europe', '--ticks', '3', '--out', join(file, 'out')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('note: '));
    expect(lines).toEqual([`counterpoise: ${join(file, 'out')}: could not write the outputs: a file is in the way of a folder (EEXIST); nothing was written`]);
    expect(hasStack(r.stderr)).toBe(false);
    const debug = cli(['run', 'concert-of-europe', '--ticks', '3', '--out', join(file, 'out'), '--debug']);
    expect(debug.code).toBe(1);
    expect(hasStack(debug.stderr)).toBe(true);
  });

  it('an unknown bundled name: exit 2, listing the bundled scenarios', () => {
    const r = cli(['run', 'concert-of-asia']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^counterpoise: unknown bundled scenario "concert-of-asia"; available: .*concert-of-europe/);
  });

  it('a scenario with mistakes: exit 2, one line per problem with file:line:column, no stack trace', () => {
    const file = join(tmp.dir, 'bad.yaml');
    writeFileSync(file, BAD_SCENARIO);
    const r = cli(['run', file, '--out', join(tmp.dir, 'bad-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(4);
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('missing scenario argument, extra arguments and bad flag values: exit 2 with a usage hint', () => {
    for (const args of [['run'], ['run', 'a', 'b'], ['run', 'concert-of-europe', '--format', 'xls'], ['run', 'concert-of-europe', '--ticks', '0'], ['run', 'concert-of-europe', '--format', 'arrow'], ['run', 'concert-of-europe', '--seed', '-3'],
      ['run', 'concert-of-europe', '--ticks', '10', '--threat-ticks', '3,12'], ['run', 'concert-of-europe', '--perception', 'psychic']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Run "counterpoise run --help" for usage.');
    }
  });
});
