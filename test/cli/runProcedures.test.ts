/** `counterpoise run` writes the accession procedures (model §5.12, note N59) where R and pandas read them. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const SCENARIO = `meta: { id: procedures-cli, startYear: 2000 }
states:
  - { id: A, capabilities: { mil: 8, eco: 8, pop: 8 }, ideology: 0.9, offensive: 0.9 }
  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }
  - { id: C, capabilities: { mil: 2, eco: 2, pop: 2 } }
  - { id: D, capabilities: { mil: 1, eco: 1, pop: 1 } }
  - { id: E, capabilities: { mil: 1, eco: 1, pop: 1 } }
institutions:
  - { id: Q, members: [A, B], strength: 0.5 }
  - { id: R, members: [B, C], strength: 0.4, strictness: 0.9 }
`;

/** A CSV as header and rows of cells (the files have no quoted commas in these columns). */
function csv(path: string): { header: string[]; rows: string[][] } {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  return { header: head.split(','), rows: lines.map((l) => l.split(',')) };
}

describe('counterpoise run: applications and blocks counted (model §5.12)', () => {
  it('ticks.csv and runs.csv count applications, blocks, accessions and lapses; run.json lists them per state and institution', () => {
    const file = join(tmp.dir, 'procedures.yaml');
    writeFileSync(file, SCENARIO);
    const out = join(tmp.dir, 'out');
    // Seed 8: a run with applications (rare events; the check below keeps the test from passing vacuously).
    const r = cli(['run', file, '--ticks', '60', '--seed', '8', '--out', out, '--json']);
    expect(r.stderr).not.toContain('counterpoise:');
    expect(r.code).toBe(0);
    const ticks = csv(join(out, 'ticks.csv'));
    const measures = ['applications', 'blocks', 'accessions', 'applicationsLapsed'];
    for (const m of measures) expect(ticks.header).toContain(m);
    const column = (t: { header: string[]; rows: string[][] }, name: string): number[] => t.rows.map((row) => Number(row[t.header.indexOf(name)]));
    const summary = (JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { summary: Record<string, unknown> }).summary as {
      applications: number; blocks: number; accessions: number; applicationsLapsed: number;
      proceduresByState: { state: string; applications: number; admitted: number; blocksCast: number }[];
      proceduresByInstitution: { institution: string; applications: number; admitted: number; blocks: number }[];
    };
    expect(summary.applications).toBeGreaterThan(0);
    const runs = csv(join(out, 'runs.csv'));
    for (const m of measures) {
      const total = column(ticks, m).reduce((a, b) => a + b, 0);
      expect(total, m).toBe(summary[m as 'applications']);
      expect(column(runs, m), m).toEqual([total]);
    }
    expect(summary.proceduresByState.reduce((t, s) => t + s.applications, 0)).toBe(summary.applications);
    expect(summary.proceduresByInstitution.reduce((t, s) => t + s.admitted, 0)).toBe(summary.accessions);
    const events = csv(join(out, 'events.csv'));
    const applied = events.rows.filter((row) => row[events.header.indexOf('type')] === 'application');
    expect(applied).toHaveLength(summary.applications);
    for (const row of applied) expect(['II', 'IE']).toContain(row[events.header.indexOf('label')]);
  });
});
