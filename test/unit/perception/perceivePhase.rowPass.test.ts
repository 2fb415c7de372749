/**
 * The fused perceive phase's row pass (perceivePhase.ts, `fusedWaltRows` and the functions it calls)
 * in the cases the bit-identity tests of perceivePhase.test.ts do not reach (issue #13 item 7: the
 * survivors of Stryker on the row pass, docs/testing.md): the tie draw of each row, the dispatch of
 * the pending relaxation's observations by the width of the membership masks and to the rows of a
 * nearly universal institution in a later mask word, memberships dissolved after the update, the
 * pending flag, the diagonal of the guessed columns, and the argmax's tie rules — in the row (the
 * row's own diagonal, ties at T = 0, a saturated power shift, colliding id hashes) and in the fold of
 * patched entries (exact ties by hash and by cinc). Each runs the phase directly, on the JavaScript
 * row function and on the WebAssembly row kernel, against the general path or an independent
 * computation.
 */
import { describe, expect, it } from 'vitest';
import { OPTION_INDEX } from '../../../src/decision/options.js';
import { updatePhase } from '../../../src/effects/updatePhase.js';
import { dissolveInstitution } from '../../../src/engine/createWorld.js';
import type { TickContext } from '../../../src/engine/TickContext.js';
import type { ScenarioInput } from '../../../src/index.js';
import { perceivePhase } from '../../../src/perception/perceivePhase.js';
import { aggregatePower } from '../../../src/perception/powerShift.js';
import { rowKernelOf, setRowKernelMinStates } from '../../../src/perception/RowKernel.js';
import { waltThreat } from '../../../src/perception/waltThreat.js';
import { expectedMainThreat } from '../../support/expectedMainThreat.js';
import { perceivedContext } from '../../support/tickContext.js';

type Ctx = ReturnType<typeof perceivedContext>;

/** A context after the general perception of tick 0, its world in the row kernel's memory or not, on the fused path or not. */
function context(input: ScenarioInput, kernel: boolean, fused: boolean, seed = 1): Ctx {
  const before = setRowKernelMinStates(kernel ? 0 : Infinity);
  let ctx: Ctx;
  try {
    ctx = perceivedContext(input, seed);
  } finally {
    setRowKernelMinStates(before);
  }
  expect(rowKernelOf(ctx.world.ahat, ctx.world.proximity) !== null).toBe(kernel);
  (ctx as { fused?: boolean }).fused = fused;
  return ctx;
}

const paths = [['the JavaScript row function', false], ['the row kernel', true]] as const;

/** State k of `n`: distinct capabilities, places and ideologies. */
function states(n: number): ScenarioInput['states'] {
  return Array.from({ length: n }, (_, k) => ({
    id: `S${String(k).padStart(2, '0')}`,
    capabilities: { mil: 1 + ((k * 7) % 5), eco: 1 + ((k * 3) % 4), pop: 1 + k / 3 },
    location: { lat: -40 + ((k * 23) % 80), lon: -150 + ((k * 47) % 300) },
    ideology: 0.15 + ((k * 0.29) % 0.8),
    nuclear: k % 5 === 1,
  }));
}

/** Beliefs and acts before the update phase. */
type Prepare = (ctx: Ctx) => void;

/** Beliefs spread over [0, 1] (away from the clips for most entries), 0 on the diagonal; everyone idle but state 1, which arms against state 2. */
const spreadAndArm: Prepare = (ctx) => {
  const { world: w, scratch: s } = ctx;
  const n = w.n;
  for (let k = 0; k < n * n; k++) w.ahat[k] = k % (n + 1) === 0 ? 0 : 0.05 + ((k * 0.37) % 0.9);
  s.action.fill(OPTION_INDEX.NONE);
  s.action[1] = OPTION_INDEX.HI;
  s.target[1] = 2;
};

/**
 * One tick's update phase (by default everyone idle but one state that arms against another, so that
 * the rows have patches and arming evidence), then the next perception: on the general path the
 * relaxation is applied by the update phase and T is the stored matrix; on the fused path both are
 * done row by row.
 */
function updateThenPerceive(input: ScenarioInput, kernel: boolean, fused: boolean, prepare: Prepare = spreadAndArm, seed = 1): Ctx {
  const ctx = context(input, kernel, fused, seed);
  const s = ctx.scratch;
  prepare(ctx);
  updatePhase(ctx);
  expect(s.beliefsPending).toBe(fused); // the general path's update phase applies it at once
  perceivePhase(ctx);
  return ctx;
}

/** The fused path's beliefs, main threats and their T are the general path's, bit for bit. */
function expectFusedIsGeneral(input: ScenarioInput, kernel: boolean, prepare: Prepare = spreadAndArm, seed = 1): Ctx {
  const general = updateThenPerceive(input, kernel, false, prepare, seed);
  const fused = updateThenPerceive(input, kernel, true, prepare, seed);
  expect(fused.scratch.threatStored).toBe(false);
  const n = general.world.n;
  expect(Array.from(fused.world.ahat.subarray(0, n * n))).toEqual(Array.from(general.world.ahat.subarray(0, n * n)));
  expect(Array.from(fused.scratch.target.subarray(0, n))).toEqual(Array.from(general.scratch.target.subarray(0, n)));
  expect(Array.from(fused.scratch.tMain.subarray(0, n))).toEqual(Array.from(general.scratch.tMain.subarray(0, n)));
  return fused;
}

/**
 * `n` states and `slots` institutions of two members each, spread so that in every mask word some
 * states share an institution and others do not (no institution holds more than two states, so no
 * row is inside a nearly universal one and no pair shares all of them).
 */
function sparseWorld(n: number, slots: number): ScenarioInput {
  const ids = states(n).map((x) => x.id);
  return {
    meta: { id: `sparse-${slots}`, startYear: 1900 },
    states: states(n),
    institutions: Array.from({ length: slots }, (_, q) => {
      const a = (q * 5) % n;
      const b = (a + 1 + (q % (n - 1))) % n;
      return { id: `I${String(q).padStart(2, '0')}`, members: [ids[a], ids[b === a ? (a + 1) % n : b]], strength: 0.5 };
    }),
  };
}

/**
 * Twelve states; 32 institutions of S00 and S01 alone (P00 … P31), then in slot 32 (the second mask
 * word) Q-MOST, of every state but S04 and S07, and in slot 33 R-PAIR of S05 and S07: the rows of
 * Q-MOST's members test only the two outsiders; S04 shares nothing with anyone, S07 only R-PAIR with
 * S05. S01, S03 and S06 (before the outsiders and before S07) are members of Q-MOST, S06 not of R-PAIR.
 */
function nearlyUniversalInSecondWord(): ScenarioInput {
  const st = states(12);
  const ids = st.map((x) => x.id);
  return {
    meta: { id: 'most-in-word-1', startYear: 1900 },
    states: st,
    institutions: [
      ...Array.from({ length: 32 }, (_, q) => ({ id: `P${String(q).padStart(2, '0')}`, members: [ids[0], ids[1]], strength: 0.4 })),
      { id: 'Q-MOST', members: ids.filter((_, k) => k !== 4 && k !== 7), strength: 0.6 },
      { id: 'R-PAIR', members: [ids[5], ids[7]], strength: 0.3 },
    ],
  };
}

describe('perceivePhase, the fused row pass: the pending observations by mask width', () => {
  for (const [name, kernel] of paths) {
    it(`two mask words, pairs that share an institution and pairs that do not: the general path's numbers (${name})`, () => {
      const ctx = expectFusedIsGeneral(sparseWorld(10, 40), kernel);
      expect(ctx.scratch.pendingWords).toBe(2);
      expect(ctx.scratch.pendingAllShare).toBe(false);
    });

    it(`three mask words, pairs that share an institution and pairs that do not: the general path's numbers (${name})`, () => {
      const ctx = expectFusedIsGeneral(sparseWorld(10, 70), kernel);
      expect(ctx.scratch.pendingWords).toBe(3);
      expect(ctx.scratch.pendingAllShare).toBe(false);
    });

    it(`a nearly universal institution in the second mask word; its outsiders share nothing with its members (${name})`, () => {
      const ctx = expectFusedIsGeneral(nearlyUniversalInSecondWord(), kernel);
      const s = ctx.scratch;
      expect(s.pendingWords).toBe(2);
      expect(ctx.world.instIds[32]).toBe('Q-MOST'); // slots follow the ids' order: P00 … P31, then Q-MOST
      expect(s.obsOutsideCount).toBe(2); // the member rows took the nearly universal path
    });
  }
});

describe('perceivePhase, the fused row pass: memberships that changed after the update phase', () => {
  for (const [name, kernel] of paths) {
    it(`every institution dissolved between the update and the next perception: the relaxation still reassures by the memberships at the update (${name})`, () => {
      const run = (fused: boolean): Ctx => {
        const ctx = context(sparseWorld(10, 6), kernel, fused);
        spreadAndArm(ctx);
        updatePhase(ctx);
        for (let q = 0; q < ctx.world.instSlots; q++) dissolveInstitution(ctx.world, q); // as the institutions phase may, after the update
        perceivePhase(ctx);
        return ctx;
      };
      const general = run(false);
      const fused = run(true);
      const n = general.world.n;
      expect(Array.from(fused.world.instAlive.subarray(0, fused.world.instSlots)).every((x) => x === 0)).toBe(true);
      expect(Array.from(fused.world.ahat.subarray(0, n * n))).toEqual(Array.from(general.world.ahat.subarray(0, n * n)));
      expect(Array.from(fused.scratch.target.subarray(0, n))).toEqual(Array.from(general.scratch.target.subarray(0, n)));
      expect(Array.from(fused.scratch.tMain.subarray(0, n))).toEqual(Array.from(general.scratch.tMain.subarray(0, n)));
    });
  }
});

describe('perceivePhase, the fused row pass: the tie draw and the pending flag', () => {
  /** `n` identical states at one place, without dyads or institutions: every T_ij (i ≠ j) and every share are equal. */
  const identical = (n: number): ScenarioInput => ({
    meta: { id: 'identical', startYear: 1900 },
    states: Array.from({ length: n }, (_, k) => ({ id: `T${k}`, capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.4, offensive: 0.5, location: { lat: 10, lon: 10 } })),
  });

  for (const [name, kernel] of paths) {
    it(`on a full tie each row takes the candidate with the smallest hash of its own tie draw and the candidate's id (${name})`, () => {
      const ctx = context(identical(9), kernel, true);
      const { world: w, scratch: s } = ctx;
      const n = w.n;
      perceivePhase(ctx); // fused, nothing pending
      expect(s.threatStored).toBe(false);
      const T = new Float64Array(n * n);
      waltThreat.threatMatrix(ctx.view, T);
      const winners: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) if (j !== i) expect(T[i * n + j]).toBe(T[1]); // a full tie
        const best = expectedMainThreat(ctx, T, i);
        winners.push(best);
        expect(s.tMain[i]).toBe(T[i * n + best]);
      }
      expect(Array.from(s.target.subarray(0, n))).toEqual(winners);
    });

    it(`applies the pending relaxation once: a second perception before the next update phase changes no belief (${name})`, () => {
      const general = updateThenPerceive(sparseWorld(10, 6), kernel, false);
      const ctx = updateThenPerceive(sparseWorld(10, 6), kernel, true);
      const n = ctx.world.n;
      const once = Array.from(general.world.ahat.subarray(0, n * n));
      expect(ctx.scratch.beliefsPending).toBe(false);
      expect(Array.from(ctx.world.ahat.subarray(0, n * n))).toEqual(once);
      perceivePhase(ctx);
      expect(Array.from(ctx.world.ahat.subarray(0, n * n))).toEqual(once);
      expect(Array.from(ctx.scratch.target.subarray(0, n))).toEqual(Array.from(general.scratch.target.subarray(0, n)));
    });
  }
});

describe('perceivePhase, the fused row pass: the guessed columns', () => {
  /** T of Walt's model from the view (no affinity in these worlds), without the phase's code. */
  const threat = (ctx: TickContext): Float64Array => {
    const T = new Float64Array(ctx.world.n * ctx.world.n);
    waltThreat.threatMatrix(ctx.view, T);
    return T;
  };

  for (const [name, kernel] of paths) {
    it(`writes every guessed column in full, its target's own entry 0, over values left in the buffer (${name})`, () => {
      const ctx = context(sparseWorld(12, 5), kernel, true);
      const { world: w, scratch: s } = ctx;
      const n = w.n;
      // the guesses of the row pass: the general perception's targets, then the great powers (none here)
      const guesses = Array.from(s.guessTargets.subarray(0, s.guessCount));
      expect(guesses.length).toBeGreaterThan(2);
      s.guessColumns = new Float64Array(guesses.length * n).fill(7); // what an earlier tick's columns left
      perceivePhase(ctx);
      const T = threat(ctx);
      guesses.forEach((j, g) => {
        for (let i = 0; i < n; i++) expect(s.guessColumns[g * n + i], `column of ${j}, row ${i}`).toBe(i === j ? 0 : T[i * n + j]);
      });
      // and the targets' columns read from them
      for (const j of new Set(Array.from(s.target.subarray(0, n)))) {
        const cb = s.targetSlot[j] * n;
        for (let k = 0; k < n; k++) expect(s.targetThreat[cb + k], `T ${k}→${j}`).toBe(k === j ? 0 : T[k * n + j]);
      }
    });
  }
});

describe('perceivePhase, the fused row pass: the argmax and its tie rules', () => {
  /**
   * Six states of different strength (S01 the strongest); only S03 has intent (ideology 1), and every
   * belief starts at 0: after the relaxation every row sees intent in S03 alone, and S03's own row is
   * all 0 but for its diagonal, relaxed to η_b·ideo (which the pass resets to 0 and never counts).
   */
  const loneIntent = (): ScenarioInput => ({
    meta: { id: 'lone-intent', startYear: 1900 },
    states: [2, 9, 5, 3, 4, 1].map((x, k) => ({
      id: `S${String(k).padStart(2, '0')}`, capabilities: { mil: x, eco: x, pop: x }, ideology: k === 3 ? 1 : 0, location: { lat: 10 * k, lon: 5 * k },
    })),
  });
  const zeroAndIdle: Prepare = (ctx) => {
    ctx.world.ahat.fill(0);
    ctx.scratch.action.fill(OPTION_INDEX.NONE);
  };

  /**
   * Three identical states (intent 1) at one place, M and two others with the given ids. Before the
   * update M believes `armer` fully (1) and `provoker` at 0.99, everything else at 0.5; `armer` arms
   * (against `provoker`) and `provoker` acts against M. After the update M's belief of both is clipped
   * to 1: the armer's in the bulk relaxation (its arming evidence), the provoker's by its patch, so
   * M's row ties exactly (equal T, equal cinc) between the bulk's winner and a patched entry.
   */
  const tieWorld = (ids: [string, string]): ScenarioInput => ({
    meta: { id: 'fold-tie', startYear: 1900 },
    states: ['M', ...ids].map((id) => ({ id, capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 1, offensive: 0.5, location: { lat: 10, lon: 10 } })),
  });
  const armAndProvoke = (armer: string, provoker: string): Prepare => (ctx) => {
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    const [m, a, p] = [ctx.index('M'), ctx.index(armer), ctx.index(provoker)];
    for (let k = 0; k < n * n; k++) w.ahat[k] = k % (n + 1) === 0 ? 0 : 0.5;
    w.ahat[m * n + a] = 1;
    w.ahat[m * n + p] = 0.99;
    s.action.fill(OPTION_INDEX.NONE);
    s.action[a] = OPTION_INDEX.HI; s.target[a] = p;
    s.action[p] = OPTION_INDEX.HE; s.target[p] = m;
  };

  /**
   * Five identical states (intent 1) at one place. M believes D at 0.995, A and B at 0.99, the rest
   * 0.5; A and B act hard against M and C soft: the bulk's winner is D (not patched), A's patch (1)
   * beats it, B's (1) ties A's, C's (about 0.6) is below both.
   */
  const twoPatchesTie = (): ScenarioInput => ({
    meta: { id: 'fold-two', startYear: 1900 },
    states: ['A', 'B', 'C', 'D', 'M'].map((id) => ({ id, capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 1, offensive: 0.5, location: { lat: 10, lon: 10 } })),
  });
  const twoProvokers: Prepare = (ctx) => {
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    const m = ctx.index('M');
    for (let k = 0; k < n * n; k++) w.ahat[k] = k % (n + 1) === 0 ? 0 : 0.5;
    w.ahat[m * n + ctx.index('A')] = 0.99;
    w.ahat[m * n + ctx.index('B')] = 0.99;
    w.ahat[m * n + ctx.index('D')] = 0.995;
    s.action.fill(OPTION_INDEX.NONE);
    for (const [id, act] of [['A', 'HE'], ['B', 'HE'], ['C', 'SE']] as const) { s.action[ctx.index(id)] = OPTION_INDEX[act]; s.target[ctx.index(id)] = m; }
  };

  /**
   * tieWorld's three states with w_P = 0 (T does not depend on cinc) and different strengths: the
   * armer's entry (bulk) and the provoker's (patched) tie exactly in T, not in cinc.
   */
  const unequalTieWorld = (): ScenarioInput => ({
    meta: { id: 'fold-cinc', startYear: 1900 },
    states: [['M', 1], ['STRONG', 4], ['WEAK', 2]].map(([id, x]) => ({
      id: id as string, capabilities: { mil: x as number, eco: x as number, pop: x as number }, ideology: 1, offensive: 0.5, location: { lat: 10, lon: 10 },
    })),
    parameters: { wP: 0, wG: 0.5, wO: 0.5 },
  });

  for (const [name, kernel] of paths) {
    it(`a row that sees no threat: the strongest other state (ties at T = 0 go to the larger cinc), never the row's own state (${name})`, () => {
      for (const seed of [1, 2, 3, 4]) {
        const ctx = expectFusedIsGeneral(loneIntent(), kernel, zeroAndIdle, seed);
        const s = ctx.scratch;
        expect(s.tMain[3]).toBe(0);
        expect(s.target[3]).toBe(1);
        for (const k of [0, 1, 2, 4, 5]) expect(s.target[k]).toBe(3);
      }
    });

    it(`a patched entry that ties the bulk's winner exactly: the smaller hash of the row's tie draw and the id wins (${name})`, () => {
      const winners = new Set<string>();
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        for (const [armer, provoker] of [['A', 'B'], ['B', 'A']] as const) {
          const ctx = expectFusedIsGeneral(tieWorld(['A', 'B']), kernel, armAndProvoke(armer, provoker), seed);
          const { world: w, scratch: s } = ctx;
          const m = ctx.index('M');
          expect([ctx.index('A'), ctx.index('B')]).toContain(s.target[m]);
          expect(w.ahat[m * w.n + ctx.index('A')]).toBe(1);
          expect(w.ahat[m * w.n + ctx.index('B')]).toBe(1);
          winners.add(`${w.ids[s.target[m]] === provoker ? 'provoker' : 'armer'}`);
        }
      }
      expect([...winners].sort()).toEqual(['armer', 'provoker']); // the draws decide both ways
    });

    it(`two patched entries that tie each other after the first beat the bulk's winner; a lower patched entry is no candidate (${name})`, () => {
      const winners = new Set<string>();
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const ctx = expectFusedIsGeneral(twoPatchesTie(), kernel, twoProvokers, seed);
        const { world: w, scratch: s } = ctx;
        const m = ctx.index('M');
        expect(w.ahat[m * w.n + ctx.index('D')]).toBeLessThan(1);
        winners.add(w.ids[s.target[m]]);
      }
      expect([...winners].sort()).toEqual(['A', 'B']);
    });

    it(`a patched entry that ties the bulk's winner in T (w_P = 0) but not in cinc: the larger cinc wins (${name})`, () => {
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        for (const [armer, provoker] of [['STRONG', 'WEAK'], ['WEAK', 'STRONG']] as const) {
          const ctx = expectFusedIsGeneral(unequalTieWorld(), kernel, armAndProvoke(armer, provoker), seed);
          const { world: w, scratch: s } = ctx;
          const m = ctx.index('M');
          expect(w.ahat[m * w.n + ctx.index(armer)]).toBe(1);
          expect(w.ahat[m * w.n + ctx.index(provoker)]).toBe(1);
          expect(s.target[m]).toBe(ctx.index('STRONG'));
        }
      }
    });

    it(`a full tie at a saturated power shift (power factor 1, T equal to its bound): the hash decides, the entry is not skipped (${name})`, () => {
      // D declines to a thousandth of its capabilities after its shares were recorded (tick 0): the two
      // identical states J1, J2 rose against it so far that the power shift of N32 saturates (factor 1).
      const input = (): ScenarioInput => ({
        meta: { id: 'saturated', startYear: 1900 },
        states: [
          { id: 'D', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.2, location: { lat: 0, lon: 0 } },
          { id: 'J1', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.8, offensive: 0.5, location: { lat: 10, lon: 10 } },
          { id: 'J2', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.8, offensive: 0.5, location: { lat: 10, lon: 10 } },
          { id: 'K', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.1, location: { lat: -50, lon: 150 } },
        ],
      });
      const perceive = (fused: boolean, seed: number): Ctx => {
        const ctx = context(input(), kernel, fused, seed);
        const d = ctx.index('D');
        for (const a of [ctx.world.mil, ctx.world.eco, ctx.world.pop]) a[d] /= 1000;
        perceivePhase(ctx); // the same year: the shares of tick 0 are the shift's reference
        return ctx;
      };
      const winners = new Set<number>();
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const general = perceive(false, seed);
        const fused = perceive(true, seed);
        const s = fused.scratch;
        const [d, j1, j2] = [fused.index('D'), fused.index('J1'), fused.index('J2')];
        for (const j of [j1, j2]) expect(aggregatePower(s.cinc[d], s.cinc[j], s.cincPast[d], s.cincPast[j], s.threatWShift)).toBe(1);
        expect([j1, j2]).toContain(s.target[d]);
        expect(s.target[d]).toBe(general.scratch.target[d]);
        expect(s.tMain[d]).toBe(general.scratch.tMain[d]);
        winners.add(s.target[d]);
      }
      expect(winners.size).toBe(2); // the draws decide both ways
    });

    it(`ids whose hashes collide (FNV-1a: costarring, liquid): a full tie between them goes to the lower index, in the bulk and in the fold (${name})`, () => {
      const input = tieWorld(['costarring', 'liquid']);
      // the bulk: M's row, nothing pending, is a full tie between the two
      const ctx = context(input, kernel, true);
      const w = ctx.world;
      const [c, l] = [ctx.index('costarring'), ctx.index('liquid')];
      expect(c).toBeLessThan(l);
      expect(w.idHash[c]).toBe(w.idHash[l]);
      perceivePhase(ctx);
      expect(ctx.scratch.target[ctx.index('M')]).toBe(c);
      // the fold: the patched entry has the lower index, or the bulk's winner has
      for (const [armer, provoker] of [['liquid', 'costarring'], ['costarring', 'liquid']] as const) {
        const fused = expectFusedIsGeneral(input, kernel, armAndProvoke(armer, provoker));
        expect(fused.scratch.target[fused.index('M')]).toBe(c);
      }
    });
  }
});
