/**
 * The perceive phase's per-target part (THEORY §5.2, note N57): the main threat's tie rule on the
 * general path (mainThreat), the list of great powers and its version (listGreatPowers) — cases the
 * context and bit-identity tests do not reach (issue #13 item 7, the mutation survivors of
 * perceivePhase.ts lines 500–655).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/index.js';
import { listGreatPowers, perceivePhase } from '../../../src/perception/perceivePhase.js';
import { waltThreat } from '../../../src/perception/waltThreat.js';
import { mix32 } from '../../../src/random/hashString.js';
import { DRAW_TIE, DRAWS_PER_TICK } from '../../../src/random/StateStreams.js';
import type { TickContext } from '../../../src/engine/TickContext.js';
import { perceivedContext } from '../../support/tickContext.js';

/**
 * Six states of equal capabilities at one place (every P, G and O equal), so T_ij = ahat_ij·const
 * exactly. A's beliefs toward B…F are 0.3, 0.3, 0.6, 0.6, 0.6: two tied below, then three tied at
 * the top, reached after the lower tie was broken; the other rows tie on their prior 0.5.
 */
function tiedRows(): ScenarioInput {
  const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
  const intent = [0.3, 0.3, 0.6, 0.6, 0.6];
  return {
    meta: { id: 'ties', startYear: 1900 },
    states: ids.map((id) => ({ id, capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.5, location: { lat: 45, lon: 10 } })),
    perceptions: intent.map((a, k) => ({ from: 'A', to: ids[k + 1], intent: a })),
  };
}

/** The main threat by THEORY §5.2 from the threat matrix alone: the largest T_ij, then the largest cinc_j, then the smallest hash of (i's tie draw, j's id). */
function expectedTarget(ctx: TickContext, T: Float64Array, i: number): number {
  const { world: w, scratch: s } = ctx;
  const n = w.n;
  const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
  const maxT = Math.max(...others.map((j) => T[i * n + j]));
  const atMax = others.filter((j) => T[i * n + j] === maxT);
  const maxC = Math.max(...atMax.map((j) => s.cinc[j]));
  const tied = atMax.filter((j) => s.cinc[j] === maxC);
  const u = Math.floor(s.draws[i * DRAWS_PER_TICK + DRAW_TIE] * 4294967296) >>> 0;
  return tied.reduce((a, b) => (mix32(u, w.idHash[b]) < mix32(u, w.idHash[a]) ? b : a));
}

describe('mainThreat: the tie rule of THEORY §5.2 on the general path', () => {
  it('full ties are broken by the smallest hash among all tied states, whatever came before in the row', () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const ctx = perceivedContext(tiedRows(), seed);
      const { world: w, scratch: s } = ctx;
      const n = w.n;
      expect(s.threatStored).toBe(true);
      const T = new Float64Array(n * n);
      waltThreat.threatMatrix(ctx.view, T);
      const a = ctx.index('A');
      // The world is what it claims: A's row has a tie of two and, above it, a tie of three.
      expect(T[a * n + 1]).toBe(T[a * n + 2]);
      expect(T[a * n + 3]).toBeGreaterThan(T[a * n + 1]);
      expect([T[a * n + 4], T[a * n + 5]]).toEqual([T[a * n + 3], T[a * n + 3]]);
      for (let i = 0; i < n; i++) {
        expect(s.target[i]).toBe(expectedTarget(ctx, T, i));
        expect(s.tMain[i]).toBe(T[i * n + s.target[i]]);
      }
      seen.add(s.target[a]);
    }
    expect([...seen].sort()).toEqual([3, 4, 5]); // each of the three tied states wins for some seed
  });

  it('a state that sees no threat at all (its row is 0) takes the largest other state, never itself', () => {
    const input: ScenarioInput = {
      meta: { id: 'calm', startYear: 1900 },
      states: [
        { id: 'BIG', capabilities: { mil: 9, eco: 9, pop: 9 }, ideology: 0.5, location: { lat: 45, lon: 10 } },
        { id: 'MID', capabilities: { mil: 3, eco: 3, pop: 3 }, ideology: 0.5, location: { lat: 46, lon: 12 } },
        { id: 'LOW', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.5, location: { lat: 47, lon: 14 } },
      ],
      perceptions: [{ from: 'BIG', to: 'MID', intent: 0 }, { from: 'BIG', to: 'LOW', intent: 0 }],
    };
    const ctx = perceivedContext(input);
    const big = ctx.index('BIG');
    expect(ctx.scratch.target[big]).toBe(ctx.index('MID'));
    expect(ctx.scratch.tMain[big]).toBe(0);
  });
});
