/**
 * The explorer's model side (what the page's Web Worker runs), in Node: sliders change the ticks
 * after them and only those, inadmissible parameters are refused with the constraint named,
 * explanations of past ticks are the CLI's `explain` (replayed with the same changes), and dropped
 * files are validated with the CLI's `file:line:column  path  message` lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Terminal } from '../../../src/cli/Terminal.js';
import { formatExplanation } from '../../../src/cli/formatExplanation.js';
import { createSimulation } from '../../../src/engine/Simulation.js';
import { DIRECT_LIBRARIES } from '../../../src/explore/worker/directLibraries.js';
import { ExploreSession } from '../../../src/explore/worker/ExploreSession.js';
import { loadScenario } from '../../../src/node/loadScenario.js';
import { repoRoot } from '../../cli/cliHarness.js';

const concert = loadScenario('concert-of-europe');
const plain = new Terminal({ stdout: { write: () => true }, stderr: { write: () => true }, env: { NO_COLOR: '1' } });

function loaded(seed = 42): ExploreSession {
  const s = new ExploreSession(DIRECT_LIBRARIES);
  const reply = s.load(concert, seed);
  expect(reply.type).toBe('loaded');
  return s;
}

describe('ExploreSession', () => {
  it('steps the same run as createSimulation with the same seed', () => {
    const s = loaded(7);
    const frame = s.step(15);
    const direct = createSimulation(concert, { seed: 7 }).run(15);
    expect(frame.records).toEqual(direct);
    expect(frame.tick).toBe(15);
    expect(frame.threat).toHaveLength(concert.states.length ** 2);
    expect(frame.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const sim = createSimulation(concert, { seed: 7 });
    sim.run(15);
    const world = sim.world;
    expect(frame.alliances).toEqual(world.alliances);
    expect(frame.ententes).toEqual(world.ententes);
    expect(frame.institutions).toEqual(world.institutions.map((q) => ({ id: q.id, members: q.members })));
  });

  it('a slider change changes the ticks after it, not those before', () => {
    const a = loaded();
    const b = loaded();
    const before = [a.step(10).records, b.step(10).records];
    expect(before[0]).toEqual(before[1]);
    const reply = b.set({ kind: 'system', key: 'lambda' }, 0);
    expect(reply).toMatchObject({ type: 'set', applied: true });
    expect(b.step(20).records).not.toEqual(a.step(20).records);
  });

  it('refuses a parameter outside the admissible set and names the violated constraint', () => {
    const s = loaded();
    const reply = s.set({ kind: 'parameter', key: 'betaH' }, 0.5);
    expect(reply.type).toBe('set');
    if (reply.type !== 'set') return;
    expect(reply.applied).toBe(false);
    expect(reply.violations.map((v) => v.constraint)).toContain('C3');
    expect(reply.note).toMatch(/^C3: /);
    // Nothing changed: the run is the unchanged one.
    expect(s.step(10).records).toEqual(createSimulation(concert, { seed: 42 }).run(10));
    const ok = s.set({ kind: 'parameter', key: 'mu' }, 1.5);
    expect(ok).toMatchObject({ applied: true, violations: [] });
  });

  it('refuses a system condition outside [0, 1]', () => {
    expect(loaded().set({ kind: 'system', key: 'nu' }, 1.5)).toMatchObject({ applied: false, note: 'nu must lie in [0, 1]' });
  });

  it('explains a past tick as `counterpoise explain` does, replaying the slider changes', () => {
    const s = loaded();
    s.step(12);
    const reply = s.explain('UKG', 5);
    const sim = createSimulation(concert, { seed: 42 });
    sim.run(5);
    expect(reply).toEqual({ type: 'explained', state: 'UKG', tick: 5, lines: formatExplanation(sim.stepAndExplain('UKG').explanation, 42, plain) });

    // With λ set to 0.1 before tick 8: tick 10's explanation sees λ = 0.1, as the run did.
    const t = loaded();
    t.step(8);
    t.set({ kind: 'system', key: 'lambda' }, 0.1);
    t.step(5);
    const replay = createSimulation(concert, { seed: 42 });
    replay.run(8);
    replay.apply({ type: 'set-system', field: 'lambda', value: 0.1 });
    replay.run(2);
    const expected = formatExplanation(replay.stepAndExplain('FRN').explanation, 42, plain);
    const got = t.explain('FRN', 10);
    expect(got).toMatchObject({ type: 'explained', lines: expected });
    expect(expected.some((l) => /^\s+λ\s+0\.100/.test(l))).toBe(true);
  });

  it('does not explain a tick that has not run', () => {
    const s = loaded();
    s.step(3);
    expect(s.explain('UKG', 3)).toMatchObject({ type: 'error' });
  });

  it('reset keeps the sliders: the new run has them from tick 0', () => {
    const s = loaded();
    s.step(4);
    s.set({ kind: 'system', key: 'theta' }, 0.9);
    const frame = s.reset(42);
    expect(frame.tick).toBe(0);
    const sim = createSimulation(concert, { seed: 42 });
    sim.apply({ type: 'set-system', field: 'theta', value: 0.9 });
    expect(s.step(10).records).toEqual(sim.run(10));
  });

  it('validates a dropped file with the CLI\'s file:line:column  path  message lines', () => {
    const s = loaded();
    const text = 'meta:\n  id: bad\nstates:\n  - id: A\n    capabilities: { mil: -1, eco: 1, pop: 1 }\n  - id: B\n'
      + '    capabilities: { mil: 1, eco: 1, pop: 1 }\n    ideology: 3\n';
    const reply = s.loadFile('bad.yaml', text, 42);
    expect(reply).toEqual({
      type: 'issues', file: 'bad.yaml', lines: [
        'bad.yaml:5:21  states[0].capabilities.mil  Too small: expected number to be >0',
        'bad.yaml:8:5  states[1].ideology  Too big: expected number to be <=1',
      ],
    });
  });

  it('loads a valid dropped file and runs it', () => {
    const s = new ExploreSession(DIRECT_LIBRARIES);
    const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'scenarios', 'minimal.yaml'), 'utf8');
    const reply = s.loadFile('minimal.yaml', text, 3);
    expect(reply).toMatchObject({ type: 'loaded', info: { id: 'minimal', states: [{ id: 'A' }, { id: 'B' }] } });
    expect(s.step(5).records).toHaveLength(5);
  });

  it('exports the run\'s ticks as CSV with the columns of a run\'s ticks.csv from tick on', () => {
    const s = loaded(5);
    s.step(3);
    s.step(4);
    const reply = s.ticksCsv();
    expect(reply.type).toBe('csv');
    if (reply.type !== 'csv') return;
    expect(reply.name).toBe('concert-of-europe-seed5-ticks.csv');
    const lines = reply.text.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^tick,year,action_NONE,.*,family_accommodate,.*,con,/);
    const direct = createSimulation(concert, { seed: 5 }).run(7);
    const header = lines[0].split(',');
    expect(lines.slice(1).map((l) => Number(l.split(',')[header.indexOf('con')]))).toEqual(direct.map((r) => r.con));
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    s.reset(5);
    expect(s.ticksCsv()).toMatchObject({ text: `${lines[0]}\n` });
  });

  it('an ensemble: per family and tick, the mean over seeds seed, seed + 1, … and its 95 % interval, with the sliders from tick 0', () => {
    const s = loaded();
    s.set({ kind: 'system', key: 'lambda' }, 0.3);
    const reply = s.ensemble(10, 4, 15);
    expect(reply.type).toBe('ensemble');
    if (reply.type !== 'ensemble') return;
    expect(reply.bands.seeds).toEqual([10, 11, 12, 13]);
    const runs = [10, 11, 12, 13].map((seed) => {
      const sim = createSimulation(concert, { seed });
      sim.apply({ type: 'set-system', field: 'lambda', value: 0.3 });
      return sim.run(15);
    });
    const hard = reply.bands.families.hard;
    for (let t = 0; t < 15; t++) {
      const xs = runs.map((r) => r[t].families.hard);
      expect(hard.mean[t]).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / 4, 12);
      expect(hard.low[t]).toBeLessThanOrEqual(hard.mean[t]);
      expect(hard.high[t]).toBeGreaterThanOrEqual(hard.mean[t]);
    }
    const acc = reply.bands.families.accommodate;
    expect(acc.high.some((h, t) => h > acc.low[t])).toBe(true); // the seeds differ somewhere: a band
    expect(s.ensemble(1, 0, 10)).toMatchObject({ type: 'error' });
  });
});
