import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScratch } from '../../../src/engine/Scratch.js';
import { createWorld, dissolveInstitution } from '../../../src/engine/createWorld.js';
import { sharedPairShare } from '../../../src/institutions/membershipIndex.js';
import { resolveScenario } from '../../../src/index.js';

/** The share of pairs sharing a live institution, by its definition (every pair, every slot). */
function bruteForce(w: ReturnType<typeof createWorld>): number {
  const n = w.n;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let shared = false;
      for (let q = 0; q < w.instSlots; q++) if (w.instAlive[q] === 1 && w.member[q * n + i] === 1 && w.member[q * n + j] === 1) shared = true;
      if (shared) pairs++;
    }
  }
  return n < 2 ? 0 : pairs / ((n * (n - 1)) / 2);
}

describe('sharedPairShare (c4, THEORY §5.6)', () => {
  it('equals the count over every pair, with or without a near-universal institution, after dissolutions', () => {
    const memberships = fc.array(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(fc.integer({ min: 2, max: 12 }), memberships, fc.nat(5), (n, table, dissolve) => {
      const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(2, '0')}`);
      const w = createWorld(resolveScenario({
        meta: { id: 'share' },
        states: ids.map((id) => ({ id, capabilities: { mil: 1, eco: 1, pop: 1 } })),
        institutions: table.map((row, q) => ({ id: `Q${q}`, members: ids.filter((_, i) => row[i] || (q === 0 && i > 0)) }))
          .filter((q) => q.members.length >= 2),
      }));
      if (dissolve < w.instSlots && w.instSlots > 1) dissolveInstitution(w, dissolve);
      const s = createScratch(w, 4);
      expect(sharedPairShare(w, s)).toBe(bruteForce(w));
    }));
  });
});
