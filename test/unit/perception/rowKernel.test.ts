/**
 * The perceive phase's row pass in WebAssembly (src/perception/RowKernel.ts, rowKernel.wat) computes
 * what the JavaScript `fusedRow` computes, bit for bit: the same worlds run with and without the
 * kernel give the same records, the same beliefs and the same threats. And the committed bytes are
 * what the .wat assembles to.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, type Simulation } from '../../../src/index.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import { loadScenario } from '../../../src/node/index.js';
import { rowKernelOf, setRowKernelMinStates } from '../../../src/perception/RowKernel.js';
import type { ResolvedScenario } from '../../../src/model/ResolvedScenario.js';
import { randomWorld } from '../../support/randomWorld.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let restore: number | null = null;
afterEach(() => { if (restore !== null) setRowKernelMinStates(restore); restore = null; });

/** Runs `ticks` ticks with the kernel for every world size (`on`) or never, and returns what the run produced. */
function run(scenario: ResolvedScenario, seed: number, ticks: number, on: boolean): { records: string; ahat: number[]; threats: number[]; kernel: boolean } {
  restore = setRowKernelMinStates(on ? 0 : Infinity);
  const sim: Simulation = createSimulation(scenario, { seed });
  const records: unknown[] = [];
  for (let t = 0; t < ticks; t++) records.push(sim.step());
  const { world } = (sim as unknown as Engine).internals;
  const kernel = rowKernelOf(world.ahat, world.proximity) !== null;
  const ids = sim.world.states.map((s) => s.id);
  const threats = ids.flatMap((a) => ids.map((b) => sim.threat(a, b)));
  setRowKernelMinStates(restore);
  restore = null;
  return { records: JSON.stringify(records), ahat: Array.from(world.ahat), threats, kernel };
}

function expectSame(scenario: ResolvedScenario, seed: number, ticks: number): void {
  const wasm = run(scenario, seed, ticks, true);
  const js = run(scenario, seed, ticks, false);
  expect(wasm.kernel).toBe(true);
  expect(js.kernel).toBe(false);
  expect(wasm.records).toBe(js.records);
  expect(wasm.ahat.map((v) => Object.is(v, -0) ? '-0' : v)).toEqual(js.ahat.map((v) => Object.is(v, -0) ? '-0' : v));
  expect(wasm.threats).toEqual(js.threats);
}

describe('RowKernel: the row pass in WebAssembly gives the JavaScript pass\'s numbers', () => {
  it('on random worlds (odd and even sizes, nuclear pairs, arming, patches)', () => {
    for (const [seed, states] of [[1, 7], [2, 12], [3, 33], [4, 40]] as const) {
      expectSame(resolveScenario(randomWorld(seed, { states })), seed, 40);
    }
  });

  it('on worlds of exact ties (identical states: the tie rule by cinc, then by the hashed draw)', () => {
    for (const states of [9, 34]) {
      const input = randomWorld(11, { states, institutions: 1 });
      const tied = {
        ...input,
        states: input.states.map((x) => ({
          ...x, major: false, nuclear: false, revisionism: 0, ideology: 0.5, offensive: 0.5,
          capabilities: { mil: 1, eco: 1, pop: 1 }, location: { lat: 10, lon: 10 }, growth: { mil: 0, eco: 0, pop: 0 },
        })),
        dyads: [],
      };
      expectSame(resolveScenario(tied), 5, 20);
    }
  });

  it('with affinity, statuses and arming (the Ukraine 2014 world, turkiye-dual-track, multipolar-2020s)', () => {
    const ukraine = loadScenario(join(ROOT, 'test', 'fixtures', 'affinity', 'ukraine-2014.yaml'));
    expect(ukraine.affinity).toBeDefined();
    expectSame(ukraine, 3, 60);
    expectSame(loadScenario('turkiye-dual-track'), 42, 40);
    expectSame(loadScenario('multipolar-2020s'), 7, 40);
  });

  it('across world rebuilds (states entering and leaving: era-1919-1939)', () => {
    expectSame(loadScenario('era-1919-1939'), 42, 80);
  });

  it('a world below the threshold keeps ordinary arrays; one above it gets the kernel', () => {
    restore = setRowKernelMinStates(32);
    const small = createSimulation(resolveScenario(randomWorld(5, { states: 10 })), { seed: 1 }) as unknown as Engine;
    const large = createSimulation(resolveScenario(randomWorld(5, { states: 40 })), { seed: 1 }) as unknown as Engine;
    expect(rowKernelOf(small.internals.world.ahat, small.internals.world.proximity)).toBeNull();
    expect(rowKernelOf(large.internals.world.ahat, large.internals.world.proximity)).not.toBeNull();
  });

  it('the committed bytes are what rowKernel.wat assembles to (npm run build:wasm -- --check)', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-wasm.mjs'), '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
