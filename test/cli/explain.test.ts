import { describe, expect, it } from 'vitest';
import { cli, hasStack } from './cliHarness.js';

const OPTIONS = ['NONE', 'BAND', 'HI', 'HE', 'SE', 'SS', 'SL', 'II', 'IE'];

describe('counterpoise explain', () => {
  const r = cli(['explain', 'concert-of-europe', '--state', 'TUR', '--tick', '10', '--seed', '42']);

  it('exits 0 and names the state, tick, seed and the option chosen', () => {
    expect(r.stderr).not.toContain('counterpoise:');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^TUR at tick 10 \(1818\.5\), seed 42: chose (NONE|BAND|HI|HE|SE|SS|SL|II|IE) — /);
  });

  it('shows the main threat with Walt\'s four components', () => {
    expect(r.stdout).toMatch(/^Main threat$/m);
    expect(r.stdout).toMatch(/^ {2}[A-Z]{3} {2}T = \d\.\d{3}, from Walt's four components:$/m);
    for (const c of ['power      P = ', 'proximity  G = ', 'offence    O = ', 'intent     â = ']) expect(r.stdout).toContain(c);
  });

  it('shows the context variables', () => {
    for (const v of ['T', 'D', 'Dt', 'θ', 'ν', 'ideo_j', 'P3', 'λ', 'r', 'A', 'ρ_I', 'ρ_E', 'CON', 'G', 'X']) {
      expect(r.stdout).toMatch(new RegExp(`^ {2}${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+-?\\d\\.\\d{3}\\s{3}`, 'm'));
    }
  });

  it('shows each option\'s utility broken into terms, its probability, and the draw', () => {
    for (const o of OPTIONS) expect(r.stdout).toMatch(new RegExp(`^[▶ ] ${o}\\s`, 'm'));
    expect(r.stdout).toMatch(/HI +arm \(internal\) +hard +V = -?\s?\d\.\d{3} +p = +\d+\.\d%/);
    expect(r.stdout).toContain('−κ_HI -');
    expect(r.stdout).toContain('T·β_H +');
    const probabilities = [...r.stdout.matchAll(/p = +(\d+\.\d)%/g)].map((m) => Number(m[1]));
    expect(probabilities).toHaveLength(OPTIONS.length);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    expect(r.stdout).toMatch(/^Draw: u = 0\.\d{4} falls in [A-Z]+'s interval/m);
    const chosen = /chose ([A-Z]+)/.exec(r.stdout)?.[1];
    expect(r.stdout).toMatch(new RegExp(`^▶ ${chosen}\\s`, 'm'));
  });

  it('--json gives the explanation as data, the same decision as the text', () => {
    const j = cli(['explain', 'concert-of-europe', '--state', 'TUR', '--tick', '10', '--json']);
    expect(j.code).toBe(0);
    const e = JSON.parse(j.stdout) as { state: string; tick: number; chosen: string; mainThreat: { power: number }; options: { terms: unknown[] }[] };
    expect(e).toMatchObject({ state: 'TUR', tick: 10, chosen: /chose ([A-Z]+)/.exec(r.stdout)?.[1] });
    expect(e.options).toHaveLength(9);
  });

  it('the issue\'s example: TUR in turkiye-dual-track at tick 10', () => {
    const tur = cli(['explain', 'turkiye-dual-track', '--state', 'TUR', '--tick', '10']);
    expect(tur.code).toBe(0);
    expect(tur.stdout).toMatch(/^TUR at tick 10 \(2004\.5\), seed 42: chose [A-Z]+ — /);
    expect(tur.stdout).toMatch(/^ {2}ρ_I\s+\d\.\d{3}/m);
    expect(tur.stdout).toMatch(/^Draw: u = /m);
  });

  it('an unknown state: exit 2, one line listing the states', () => {
    const bad = cli(['explain', 'concert-of-europe', '--state', 'XYZ', '--tick', '3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('counterpoise: no state "XYZ" in scenario concert-of-europe; its states are UKG, FRN, PRU, AUH, RUS, TUR\n');
    expect(hasStack(bad.stderr)).toBe(false);
  });

  it('missing --state or --tick, or a bad tick: exit 2 with a usage hint', () => {
    for (const args of [['--tick', '3'], ['--state', 'TUR'], ['--state', 'TUR', '--tick', '-1'], ['--state', 'TUR', '--tick', 'x']]) {
      const bad = cli(['explain', 'concert-of-europe', ...args]);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toContain('Run "counterpoise explain --help" for usage.');
    }
  });
});
