import { describe, expect, it } from 'vitest';
import { applyPendingBeliefs, bucketPatches } from '../../../src/effects/beliefs.js';
import type { Scratch } from '../../../src/engine/Scratch.js';
import type { ScenarioInput } from '../../../src/index.js';
import { perceivedContext } from '../../support/tickContext.js';

const world: ScenarioInput = {
  meta: { id: 'beliefs' },
  states: ['A', 'B', 'C', 'D', 'E'].map((id, k) => ({
    id, capabilities: { mil: 1 + k, eco: 2, pop: 1 }, ideology: 0.1 * k, location: { lat: 40 + 2 * k, lon: 10 + 3 * k },
  })),
};

/** A small deterministic sequence in [0, 1) (no Math.random). */
const seq = (k: number): number => ((k * 0.6180339887498949) % 1);

/** Fills the pending update with values that exercise every branch: both obs kinds, arming, clipping at 0 and 1. */
function pending(s: Scratch, n: number, words: number): void {
  s.beliefsPending = true;
  s.pendingKeep = 0.9;
  s.pendingWords = words;
  s.pendingMask = new Uint32Array(n * words);
  // A and B share an institution in the last word, C and D in the first, E shares none
  const put = (i: number, word: number, bit: number): void => { s.pendingMask[i * words + word] |= 1 << bit; };
  put(0, words - 1, 3); put(1, words - 1, 3); put(2, 0, 0); put(3, 0, 0); put(0, 0, 5);
  for (let j = 0; j < n; j++) {
    s.obsPlain[j] = 0.05 * j - 0.12; // negative for some j: clips at 0
    s.obsReassured[j] = 0.02 * j - 0.2;
    s.armEvidence[j] = j === 3 ? 0.6 : 0; // D armed: pushes some entries above 1
  }
  s.patchCount = 2;
  s.patchIndex[0] = 1 * n + 4; s.patchValue[0] = 0.777;
  s.patchIndex[1] = 4 * n + 0; s.patchValue[1] = 0.333;
  // stale entries past patchCount (from an earlier tick) must not be applied
  s.patchIndex[2] = 2 * n + 3; s.patchValue[2] = 0.999;
}

function expected(ahat: Float64Array, s: Scratch, proximity: Float64Array, n: number): number[] {
  const words = s.pendingWords;
  const out: number[] = [];
  for (let m = 0; m < n; m++) {
    for (let j = 0; j < n; j++) {
      let shared = false;
      for (let k = 0; k < words; k++) if ((s.pendingMask[m * words + k] & s.pendingMask[j * words + k]) !== 0) shared = true;
      const v = s.pendingKeep * ahat[m * n + j] + (shared ? s.obsReassured[j] : s.obsPlain[j]) + s.armEvidence[j] * proximity[m * n + j];
      out.push(m === j ? 0 : Math.min(1, Math.max(0, v)));
    }
  }
  out[1 * n + 4] = 0.777;
  out[4 * n + 0] = 0.333;
  return out;
}

describe('applyPendingBeliefs (THEORY §5.7, the pending belief relaxation)', () => {
  for (const words of [1, 2, 3]) {
    it(`relaxes every entry, reassured where the masks intersect, adds arming evidence, clips to [0, 1], zeroes the diagonal, then patches (${words} mask word${words > 1 ? 's' : ''})`, () => {
      const ctx = perceivedContext(world);
      const { world: w, scratch: s } = ctx;
      const n = w.n;
      for (let k = 0; k < n * n; k++) w.ahat[k] = seq(k + 1);
      pending(s, n, words);
      const want = expected(w.ahat.slice(), s, w.proximity, n);
      applyPendingBeliefs(w, s);
      Array.from(w.ahat).forEach((x, k) => expect(x, `entry ${k}`).toBeCloseTo(want[k], 15));
      expect(s.beliefsPending).toBe(false);
      // the fixture reaches both clips and both kinds of observation
      expect(want.filter((x, k) => x === 0 && k % (n + 1) !== 0).length).toBeGreaterThan(0);
      expect(want.filter((x) => x === 1).length).toBeGreaterThan(0);
      // applied once: a second call does nothing
      const after = w.ahat.slice();
      applyPendingBeliefs(w, s);
      expect(Array.from(w.ahat)).toEqual(Array.from(after));
    });
  }

  it('the reassured and the plain observation differ only where two states share an institution', () => {
    const ctx = perceivedContext(world);
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    w.ahat.fill(0.5);
    pending(s, n, 1);
    s.armEvidence.fill(0);
    s.patchCount = 0;
    applyPendingBeliefs(w, s);
    // A (0) and B (1) share; A and E (4) do not
    expect(w.ahat[0 * n + 1]).toBeCloseTo(0.45 + s.obsReassured[1], 15);
    expect(w.ahat[0 * n + 4]).toBeCloseTo(0.45 + s.obsPlain[4], 15);
    expect(w.ahat[2 * n + 3]).toBeCloseTo(0.45 + s.obsReassured[3], 15);
  });

  it('does nothing when nothing is pending', () => {
    const ctx = perceivedContext(world);
    const { world: w, scratch: s } = ctx;
    pending(s, w.n, 1);
    s.beliefsPending = false;
    const before = w.ahat.slice();
    applyPendingBeliefs(w, s);
    expect(Array.from(w.ahat)).toEqual(Array.from(before));
  });
});

describe('bucketPatches (the fused pass\'s patches by row)', () => {
  it('groups the patches by row, stably, with start offsets per row and start[n] = count', () => {
    const ctx = perceivedContext(world);
    const { scratch: s } = ctx;
    const n = 5;
    const patches: [number, number][] = [[3 * n + 1, 0.1], [0 * n + 4, 0.2], [3 * n + 0, 0.3], [4 * n + 4, 0.4], [0 * n + 2, 0.5], [3 * n + 1, 0.6]];
    s.patchCount = patches.length;
    patches.forEach(([i, v], k) => { s.patchIndex[k] = i; s.patchValue[k] = v; });
    s.patchStart.fill(9);
    bucketPatches(s, n);
    expect(Array.from(s.patchStart)).toEqual([0, 2, 2, 2, 5, 6]);
    const rows = Array.from({ length: n }, (_, m) => Array.from({ length: s.patchStart[m + 1] - s.patchStart[m] }, (_x, t) => {
      const at = s.patchStart[m] + t;
      return [s.patchRowIndex[at], s.patchRowValue[at]];
    }));
    expect(rows).toEqual([
      [[4, 0.2], [2, 0.5]],
      [], [],
      [[16, 0.1], [15, 0.3], [16, 0.6]],
      [[24, 0.4]],
    ]);
  });

  it('grows its row buffers to the patch buffers when they are too small', () => {
    const ctx = perceivedContext(world);
    const { scratch: s } = ctx;
    const n = 5;
    s.patchIndex = new Int32Array(40);
    s.patchValue = new Float64Array(40);
    const count = 30;
    for (let k = 0; k < count; k++) { s.patchIndex[k] = (count - 1 - k) % (n * n); s.patchValue[k] = k; }
    s.patchCount = count;
    bucketPatches(s, n);
    expect(s.patchRowIndex.length).toBe(40);
    expect(s.patchRowValue.length).toBe(40);
    expect(s.patchStart[n]).toBe(count);
    for (let m = 0; m < n; m++) {
      const idx = Array.from(s.patchRowIndex.subarray(s.patchStart[m], s.patchStart[m + 1]));
      expect(idx.every((i) => ((i / n) | 0) === m)).toBe(true);
      const vals = Array.from(s.patchRowValue.subarray(s.patchStart[m], s.patchStart[m + 1]));
      expect(vals).toEqual([...vals].sort((a, b) => a - b)); // stable: in the order they were listed
      vals.forEach((v, t) => expect(s.patchIndex[v]).toBe(idx[t]));
    }
  });
});
