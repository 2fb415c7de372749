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
import { createRowKernel, rowKernelOf, setRowKernelMinStates, type RowKernel } from '../../../src/perception/RowKernel.js';
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

describe('RowKernel: its memory and the threshold', () => {
  it('the threshold is inclusive: a world of exactly minStates states gets the kernel, one state fewer does not', () => {
    restore = setRowKernelMinStates(32);
    expect(createRowKernel(31)).toBeNull();
    expect(createRowKernel(32)).not.toBeNull();
    expect(setRowKernelMinStates(Infinity)).toBe(32);
    expect(createRowKernel(100)).toBeNull();
    setRowKernelMinStates(32);
    expect(createRowKernel(20000)).toBeNull(); // 6.4 GB of matrices: beyond a 32-bit memory
  });

  it('every capacity from 32 to 400 gets a memory that holds all its regions, none overlapping', () => {
    restore = setRowKernelMinStates(32);
    for (let c = 32; c <= 400; c++) {
      const k = createRowKernel(c) as RowKernel;
      expect(k, `capacity ${c}`).not.toBeNull();
      const vectors = [k.obs, k.obsShared, k.obsInside, k.arm, k.offOpen, k.offNuc, k.cinc, k.past, k.affinity, k.guessOut];
      const regions: [Float64Array | Int32Array | Uint32Array, number][] = [
        [k.ahat(c), 1], [k.proximity(c), 2], ...vectors.map((v, m): [Float64Array, number] => [v, 3 + m]), [k.guessList, 20], [k.idHash, 21],
      ];
      for (const [v, x] of regions) { expect(v.length).toBe(v === regions[0][0] || v === regions[1][0] ? c * c : c); v.fill(x); }
      k.result[0] = 99;
      const zero = new Float64Array(k.buffer, k.zeroAt, c);
      expect(zero.every((x) => x === 0), `capacity ${c}: the zero vector`).toBe(true);
      for (const [v, x] of regions) expect(v.every((y) => y === x), `capacity ${c}: a region overwritten`).toBe(true);
      expect(k.ahatAt).toBeGreaterThanOrEqual(8); // after the result
      expect([k.ahat(c).byteOffset, k.proximity(c).byteOffset]).toEqual([k.ahatAt, k.proximityAt]);
      // The addresses the row function receives are the regions' own.
      const at: [number, Float64Array | Int32Array | Uint32Array][] = [[k.obsAt, k.obs], [k.obsSharedAt, k.obsShared], [k.obsInsideAt, k.obsInside],
        [k.armAt, k.arm], [k.offOpenAt, k.offOpen], [k.offNucAt, k.offNuc], [k.cincAt, k.cinc], [k.pastAt, k.past], [k.affinityAt, k.affinity],
        [k.guessOutAt, k.guessOut], [k.guessListAt, k.guessList], [k.idHashAt, k.idHash]];
      for (const [a, v] of at) expect(v.byteOffset).toBe(a);
    }
  });

  it('rowKernelOf: the kernel only for its own ahat and proximity, at their own places', () => {
    restore = setRowKernelMinStates(32);
    const k = createRowKernel(40) as RowKernel;
    const n = 36;
    expect(rowKernelOf(k.ahat(n), k.proximity(n))).toBe(k);
    expect(rowKernelOf(new Float64Array(n * n), k.proximity(n))).toBeNull();
    expect(rowKernelOf(k.ahat(n), new Float64Array(n * n))).toBeNull();
    expect(rowKernelOf(k.proximity(n), k.proximity(n))).toBeNull();
    expect(rowKernelOf(k.ahat(n), k.ahat(n))).toBeNull();
    const other = createRowKernel(40) as RowKernel;
    expect(rowKernelOf(k.ahat(n), other.proximity(n))).toBeNull();
  });
});
