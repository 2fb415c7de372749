/**
 * Time in years, not ticks (issue #12 item 5, model note N28): `ticksPerYear` changes the
 * resolution of a run, not its dynamics.
 *
 * The property: concert-of-europe over the same 24 years (1816–1840) at 1, 2, 4 and 12 ticks per
 * year gives statistically indistinguishable YEARLY rates of aggression, alliance formation and club
 * founding, and yearly family shares (each family's acts per state-year; accommodate is the rest).
 * Seeds are the unit: 40 seeds per resolution, one value per seed and measure. Test: Welch's t test
 * of each resolution against 1 tick per year, per measure, with a Bonferroni correction over the
 * 7 measures × 3 comparisons = 21 tests at family α = 0.01 (each at α = 0.01/21, two-sided).
 * Before the change (every rate per tick) aggressions per run were 1.2, 2.4, 4.7 and 13.7 at 1, 2,
 * 4 and 12 ticks per year (the issue's measurement), which this test rejects by far.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../src/index.js';
import { loadScenario } from '../../../src/node/index.js';
import { studentTQuantile } from '../../../src/experiments/statistics.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const YEARS = 24;
const SEEDS = 40;
const RESOLUTIONS = [1, 2, 4, 12];
const MEASURES = ['aggressions', 'alliancesFormed', 'clubsFounded', 'hard', 'soft', 'institutional', 'accommodate'] as const;
type Measure = (typeof MEASURES)[number];
const FAMILY_ALPHA = 0.01;

/** concert-of-europe with its `meta.ticksPerYear` replaced (events are dated by year, so they keep their dates). */
function concertAt(ticksPerYear: number): ReturnType<typeof loadScenario> {
  const text = readFileSync(join(ROOT, 'scenarios', 'concert-of-europe.yaml'), 'utf8');
  expect(text).toMatch(/\n {2}ticksPerYear: 4\n/);
  const file = join(mkdtempSync(join(tmpdir(), 'cp-years-')), 'concert-of-europe.yaml');
  writeFileSync(file, text.replace(/\n {2}ticksPerYear: 4\n/, `\n  ticksPerYear: ${ticksPerYear}\n`));
  return loadScenario(file);
}

/** One seed's yearly measures at a resolution. */
function yearly(scenario: ReturnType<typeof loadScenario>, seed: number): Record<Measure, number> {
  const tpy = scenario.meta.ticksPerYear;
  const n = scenario.states.length;
  const { records } = runSimulation(scenario, { seed, ticks: YEARS * tpy, collectEvents: false });
  const sum = (f: (r: (typeof records)[number]) => number): number => records.reduce((t, r) => t + f(r), 0);
  const stateYears = n * YEARS;
  const hard = sum((r) => r.families.hard) / stateYears;
  const soft = sum((r) => r.families.soft) / stateYears;
  const institutional = sum((r) => r.families.institutional) / stateYears;
  return {
    aggressions: sum((r) => r.aggressions) / YEARS,
    alliancesFormed: sum((r) => r.alliancesFormed) / YEARS,
    clubsFounded: sum((r) => r.clubsFounded) / YEARS,
    hard, soft, institutional,
    accommodate: 1 - hard - soft - institutional,
  };
}

function meanVar(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/** Welch's two-sided t test: whether the means differ at level α. */
function welchRejects(a: number[], b: number[], alpha: number): { t: number; critical: number; rejects: boolean } {
  const x = meanVar(a);
  const y = meanVar(b);
  const se2 = x.variance / a.length + y.variance / b.length;
  if (se2 === 0) return { t: x.mean === y.mean ? 0 : Infinity, critical: 0, rejects: x.mean !== y.mean };
  const t = (x.mean - y.mean) / Math.sqrt(se2);
  const df = se2 ** 2 / ((x.variance / a.length) ** 2 / (a.length - 1) + (y.variance / b.length) ** 2 / (b.length - 1));
  const critical = studentTQuantile(1 - alpha / 2, df);
  return { t, critical, rejects: Math.abs(t) > critical };
}

describe('ticksPerYear changes the resolution, not the dynamics (N28)', () => {
  it('concert-of-europe, 24 years, 40 seeds: yearly rates and family shares agree at 1, 2, 4 and 12 ticks per year (Welch, Bonferroni, family α = 0.01)', () => {
    const samples = new Map<number, Record<Measure, number[]>>();
    for (const tpy of RESOLUTIONS) {
      const scenario = concertAt(tpy);
      expect(scenario.meta.ticksPerYear).toBe(tpy);
      const out = Object.fromEntries(MEASURES.map((m) => [m, [] as number[]])) as Record<Measure, number[]>;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const y = yearly(scenario, seed);
        for (const m of MEASURES) out[m].push(y[m]);
      }
      samples.set(tpy, out);
    }
    const base = samples.get(1) as Record<Measure, number[]>;
    // Activity must be there to compare: aggression and acts of every family.
    for (const m of ['aggressions', 'hard', 'soft', 'institutional'] as const) expect(meanVar(base[m]).mean, m).toBeGreaterThan(0);
    const table = RESOLUTIONS.map((tpy) => `${tpy}/year: ${MEASURES.map((m) => `${m} ${meanVar((samples.get(tpy) as Record<Measure, number[]>)[m]).mean.toPrecision(3)}`).join(', ')}`);
    console.log(`yearly means over ${SEEDS} seeds\n${table.join('\n')}`);
    const alpha = FAMILY_ALPHA / (MEASURES.length * (RESOLUTIONS.length - 1));
    const failures: string[] = [];
    for (const tpy of RESOLUTIONS.slice(1)) {
      const other = samples.get(tpy) as Record<Measure, number[]>;
      for (const m of MEASURES) {
        const r = welchRejects(other[m], base[m], alpha);
        if (r.rejects) {
          failures.push(`${m} at ${tpy}/year: mean ${meanVar(other[m]).mean.toPrecision(4)} vs ${meanVar(base[m]).mean.toPrecision(4)} at 1/year (|t| = ${Math.abs(r.t).toFixed(2)} > ${r.critical.toFixed(2)})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
