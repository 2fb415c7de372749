import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixCapacity, matrixOver, newMatrix, remapMatrix } from '../../../src/engine/remapMatrix.js';

/** A change of the set of states: which of `on` old states stay, and where states enter among them. */
const change = fc.record({
  // Up to 40 states, mostly staying: runs longer than the short-run loop (16) are copied natively.
  stays: fc.integer({ min: 1, max: 40 }).chain((len) => fc.array(fc.integer({ min: 0, max: 9 }).map((x) => x > 0), { minLength: len, maxLength: len })),
  entering: fc.array(fc.nat(40), { maxLength: 5 }),
}).map(({ stays, entering }) => {
  const on = stays.length;
  const kept = stays.flatMap((s, o) => (s ? [o] : []));
  // Entering states inserted before the kept state at each drawn position (staying states keep their order).
  const from: number[] = [];
  kept.forEach((o, k) => { for (const e of entering) if (e % (kept.length + 1) === k) from.push(-1); from.push(o); });
  for (const e of entering) if (e % (kept.length + 1) === kept.length) from.push(-1);
  return { on, from: Int32Array.from(from) };
});

/** The entry (i, j) of the rebuilt matrix for every pair of states that stay, by the definition. */
function expectedPairs(old: ArrayLike<number>, on: number, from: Int32Array): [number, number][] {
  const n = from.length;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (from[i] >= 0 && from[j] >= 0) out.push([i * n + j, old[from[i] * on + from[j]]]);
  return out;
}

describe('remapMatrix: the matrices of a rebuilt world (model note N43) without allocating', () => {
  it('every pair of states that stay keeps its entry, in place when the buffer is large enough', () => {
    fc.assert(fc.property(change, fc.integer({ min: 0, max: 4 }), ({ on, from }, spare) => {
      const n = from.length;
      const capacity = Math.max(on, n) + spare;
      const old = newMatrix(Float64Array, on, capacity);
      for (let k = 0; k < on * on; k++) old[k] = k + 0.5;
      const want = expectedPairs(old.slice(), on, from);
      const buffer = old.buffer;
      const got = remapMatrix(old, on, n, from, capacity);
      expect(got.length).toBe(n * n);
      expect(got.buffer).toBe(buffer); // no allocation
      for (const [k, v] of want) expect(got[k]).toBe(v);
    }));
  });

  it('copies into a new buffer, leaving the old matrix as it was, when the old one is too small', () => {
    fc.assert(fc.property(change, ({ on, from }) => {
      const n = from.length;
      const old = Uint8Array.from({ length: on * on }, (_, k) => (k * 7 + 1) % 251);
      const before = old.slice();
      const got = remapMatrix(old, on, n, from, n + 2);
      for (const [k, v] of expectedPairs(before, on, from)) expect(got[k]).toBe(v);
      if (n * n > on * on) {
        expect(got.buffer).not.toBe(old.buffer);
        expect(old).toEqual(before);
        expect(matrixCapacity(got)).toBe(n + 2);
      }
    }));
  });

  it('matrixOver hands out a view of the same buffer while it holds n² elements, else a new zero matrix', () => {
    const m = newMatrix(Int32Array, 3, 5);
    expect(m.length).toBe(9);
    expect(matrixCapacity(m)).toBe(5);
    const v = matrixOver(m, 5);
    expect(v.buffer).toBe(m.buffer);
    expect(v.length).toBe(25);
    const w = matrixOver(m, 6, 8);
    expect(w.buffer).not.toBe(m.buffer);
    expect(w.length).toBe(36);
    expect(matrixCapacity(w)).toBe(8);
  });
});
