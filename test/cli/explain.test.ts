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

/** The JSON explanation's fields this file reads (issue #13 item 4, note N57). */
interface GreatPowerJson { state: string; threat: number; rank: number; main: boolean; power: number; proximity: number; offence: number; intent: number; inclusive: string[]; exclusive: string[] }
interface ExplanationJson {
  chosen: string; venue: string | null; mainThreat: { state: string; threat: number }; context: { T: number };
  greatPowers: GreatPowerJson[]; partner: { kind: string; states: string[]; inForce: boolean } | null;
}

describe('counterpoise explain: more than one great power in view, partner and venue (issue #13 item 4)', () => {
  // turkiye-dual-track at seed 42: TUR's great powers are those of COW's majors file in the year.
  const json = (tick: number): ExplanationJson => {
    const r = cli(['explain', 'turkiye-dual-track', '--state', 'TUR', '--tick', String(tick), '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as ExplanationJson;
  };
  const text = (tick: number): string => {
    const r = cli(['explain', 'turkiye-dual-track', '--state', 'TUR', '--tick', String(tick)]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('ranks every great power with T and its terms, and the main threat\'s per-great-power T equals its T exactly', () => {
    const e = json(10);
    expect(e.greatPowers.map((g) => g.state).sort()).toEqual(['CHN', 'FRN', 'GMY', 'RUS', 'UKG', 'USA']);
    const main = e.greatPowers.filter((g) => g.main);
    expect(main).toHaveLength(1);
    expect(main[0].state).toBe(e.mainThreat.state);
    expect(main[0].rank).toBe(1);
    expect(main[0].threat).toBe(e.mainThreat.threat);
    expect(main[0].threat).toBe(e.context.T);
    for (let k = 1; k < e.greatPowers.length; k++) {
      expect(e.greatPowers[k].rank).toBeGreaterThan(e.greatPowers[k - 1].rank);
      expect(e.greatPowers[k].threat).toBeLessThanOrEqual(e.greatPowers[k - 1].threat);
    }
    // The text shows each with its rank, T and Walt's terms.
    const t = text(10);
    expect(t).toMatch(/^Great powers in view \(model §5\.2, note N57\)/m);
    for (const g of e.greatPowers) {
      expect(t).toMatch(new RegExp(`^ {2}#${g.rank}\\s+${g.state}\\s+T = ${g.threat.toFixed(3)}${g.main ? ' \\(main threat\\)' : ''}\\s+P ${g.power.toFixed(2)}, G ${g.proximity.toFixed(2)}, O ${g.offence.toFixed(2)}, â ${g.intent.toFixed(2)}$`, 'm'));
    }
    // TUR is in NATO with the United States and not with China.
    expect(e.greatPowers.find((g) => g.state === 'USA')?.inclusive).toContain('NATO');
    expect(e.greatPowers.find((g) => g.state === 'CHN')?.exclusive).toContain('NATO');
    expect(t).toMatch(/^ {8}including it: .*NATO.*; {2}excluding it: /m);
  });

  it('names the venue and the club members of an exclusive institutional act', () => {
    const e = json(35);
    expect(e.chosen).toBe('IE');
    expect(e.venue).toBe('EU');
    expect(e.partner?.kind).toBe('club');
    expect(e.partner?.states).toContain('GMY');
    expect(e.partner?.states).not.toContain('TUR');
    expect(e.partner?.states).not.toContain(e.mainThreat.state);
    const t = text(35);
    expect(t).toContain(`Venue: EU, against ${e.mainThreat.state} (model §5.5).`);
    expect(t).toContain(`Partner: club members ${(e.partner?.states ?? []).join(', ')} in EU, against ${e.mainThreat.state} (model §5.5).`);
  });

  it('names the entente partner of a limited entente', () => {
    const e = json(0);
    expect(e.chosen).toBe('SE');
    expect(e.partner).toMatchObject({ kind: 'entente', states: [expect.stringMatching(/^[A-Z]{3}$/)] });
    expect(text(0)).toContain(`Partner: entente partner ${e.partner?.states[0]} against ${e.mainThreat.state} (model §5.5)`);
  });
});
