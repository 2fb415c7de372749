/**
 * The perceive phase's per-target part (THEORY §5.2, note N57): the main threat's tie rule on the
 * general path (mainThreat), the list of great powers and its version (listGreatPowers) — cases the
 * context and bit-identity tests do not reach (issue #13 item 7, the mutation survivors of
 * perceivePhase.ts lines 500–655).
 */
import { describe, expect, it } from 'vitest';
import { PARTNER_TOP } from '../../../src/engine/Scratch.js';
import type { ScenarioInput } from '../../../src/index.js';
import { writeGreatPowerPositions } from '../../../src/metrics/greatPowerPositions.js';
import { listGreatPowers, perceivePhase, writeGreatPowerThreats } from '../../../src/perception/perceivePhase.js';
import { waltThreat } from '../../../src/perception/waltThreat.js';
import type { TickContext } from '../../../src/engine/TickContext.js';
import { expectedMainThreat } from '../../support/expectedMainThreat.js';
import { randomWorld } from '../../support/randomWorld.js';
import { perceivedContext } from '../../support/tickContext.js';

/**
 * Six states of equal capabilities at one place (every P, G and O equal), so T_ij = ahat_ij·const
 * exactly. A's beliefs toward B…G are 0.3, 0.3, 0.6, 0.6, 0.6, 0.1: two tied below, then three tied
 * at the top, reached after the lower tie was broken, then a lower one; the other rows tie on their prior 0.5.
 */
function tiedRows(): ScenarioInput {
  const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
  const intent = [0.3, 0.3, 0.6, 0.6, 0.6, 0.1];
  return {
    meta: { id: 'ties', startYear: 1900 },
    states: ids.map((id) => ({ id, capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.5, location: { lat: 45, lon: 10 } })),
    perceptions: intent.map((a, k) => ({ from: 'A', to: ids[k + 1], intent: a })),
  };
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
        expect(s.target[i]).toBe(expectedMainThreat(ctx, T, i));
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

  it('equal T with a smaller share never wins, whatever the hash (w_P = 0: T does not depend on shares)', () => {
    const caps = [8, 1, 5, 2, 3];
    const input: ScenarioInput = {
      meta: { id: 'shares', startYear: 1900 },
      states: ['A', 'B', 'C', 'D', 'E', 'F'].map((id, k) => ({
        id, capabilities: { mil: k === 0 ? 1 : caps[k - 1], eco: 1, pop: 1 }, ideology: 0.5, location: { lat: 45, lon: 10 },
      })),
      parameters: { wP: 0, wG: 0.5, wO: 0.5 },
    } as ScenarioInput;
    for (let seed = 1; seed <= 20; seed++) {
      const ctx = perceivedContext(input, seed);
      const { world: w, scratch: s } = ctx;
      const n = w.n;
      const T = new Float64Array(n * n);
      waltThreat.threatMatrix(ctx.view, T);
      const a = ctx.index('A');
      expect(new Set(Array.from(T.subarray(a * n + 1, a * n + n))).size).toBe(1); // one T for B…F
      expect(s.target[a]).toBe(ctx.index('B')); // the largest share, listed first
      for (let i = 0; i < n; i++) expect(s.target[i]).toBe(expectedMainThreat(ctx, T, i));
    }
  });
});

/** The partner candidates of target j by their definition: k ∉ {j}, not allied with j, by cinc_k·T_kj (ties: lower index), the first PARTNER_TOP. */
function checkPartners(ctx: TickContext): number {
  const { world: w, scratch: s } = ctx;
  const n = w.n;
  const T = new Float64Array(n * n);
  waltThreat.threatMatrix(ctx.view, T);
  let most = 0;
  for (const j of new Set(Array.from(s.target.subarray(0, n)))) {
    const slot = s.targetSlot[j];
    const col = (k: number): number => s.cinc[k] * T[k * n + j];
    const free = Array.from({ length: n }, (_, k) => k).filter((k) => k !== j && w.ally[j * n + k] === 0);
    most = Math.max(most, free.length);
    const ranked = [...free].sort((x, y) => col(y) - col(x) || x - y).slice(0, PARTNER_TOP);
    expect(s.partnerTopCount[slot]).toBe(ranked.length);
    expect(Array.from(s.partnerTop.subarray(slot * PARTNER_TOP, slot * PARTNER_TOP + ranked.length))).toEqual(ranked);
    expect(s.targetFreeCount[j]).toBe(free.length);
  }
  return most;
}

describe('prepareTarget: the partner candidates when more than PARTNER_TOP states are free', () => {
  const identical = (): ScenarioInput => {
    const ids = Array.from({ length: 24 }, (_, k) => `S${k}`);
    return {
      meta: { id: 'many', startYear: 1900 },
      states: ids.map((id) => ({ id, capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.4, location: { lat: 10, lon: 10 } })),
      dyads: [{ between: ['S0', 'S5'], alliance: true }, { between: ['S3', 'S9'], alliance: true }],
    };
  };
  const cases: [string, () => ScenarioInput][] = [
    ['24 identical states (every candidate tied: the lower indices)', identical],
    ['a random world of 26 states', () => randomWorld(41, { states: 26, institutions: 2 })],
    ['a random world of 30 states', () => randomWorld(42, { states: 30, institutions: 3 })],
  ];
  for (const [name, make] of cases) {
    it(`the best ${PARTNER_TOP} by cinc_k·T_kj, ties by index, on both paths: ${name}`, () => {
      const ctx = perceivedContext(make());
      expect(checkPartners(ctx)).toBeGreaterThan(PARTNER_TOP + 1);
      (ctx as { fused?: boolean }).fused = true;
      perceivePhase(ctx);
      checkPartners(ctx);
    });
  }
});

describe('listGreatPowers: the list, its slots and its version (N57)', () => {
  /** Positions by their definition: live institutions of which i is a member, including or excluding g. */
  const checkPositions = (ctx: TickContext): void => {
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    const G = s.gpCount;
    const majors = Array.from({ length: n }, (_, k) => k).filter((k) => w.major[k] === 1);
    expect(Array.from(s.gpStates.subarray(0, G))).toEqual(majors);
    for (let k = 0; k < n; k++) expect(s.gpSlot[k]).toBe(majors.indexOf(k));
    writeGreatPowerPositions(w, s);
    for (let i = 0; i < n; i++) {
      majors.forEach((g, slot) => {
        let inc = 0; let exc = 0;
        for (let q = 0; q < w.instSlots; q++) {
          if (w.instAlive[q] === 0 || w.member[q * n + i] === 0 || g === i) continue;
          if (w.member[q * n + g] === 1) inc++; else exc++;
        }
        expect([s.gpInclusive[i * G + slot], s.gpExclusive[i * G + slot]]).toEqual([inc, exc]);
      });
    }
  };

  it('bumps the version exactly when the list changes; the positions follow; grows its arrays for more great powers', () => {
    const input = randomWorld(43, { states: 10, institutions: 5 });
    input.states.forEach((st, k) => { st.major = k < 2; });
    const ctx = perceivedContext(input);
    const { world: w, scratch: s } = ctx;
    checkPositions(ctx);
    const setMajors = (list: number[]): number => {
      const before = s.gpVersion;
      w.major.fill(0);
      for (const k of list) w.major[k] = 1;
      listGreatPowers(w, s);
      checkPositions(ctx);
      return s.gpVersion - before;
    };
    expect(setMajors([0, 1])).toBe(0); // unchanged: no new count
    expect(setMajors([0, 2])).toBeGreaterThan(0); // one left, one entered: as many as before
    expect(setMajors([0, 1])).toBeGreaterThan(0); // and back
    expect(setMajors([0, 1])).toBe(0);
    expect(setMajors([0, 1, 4, 6, 7])).toBeGreaterThan(0); // more than at creation: the arrays grow
    expect(s.gpThreat.length).toBeGreaterThanOrEqual(w.n * 5);
    expect(setMajors([3])).toBeGreaterThan(0);
    expect(setMajors([])).toBeGreaterThan(0);
  });
});

describe('writeGreatPowerThreats on the fused path: a column the row pass did not collect is computed', () => {
  it('with the collected columns out of date, missing, or another state\'s, every T_ig is the tick\'s', () => {
    const input = randomWorld(44, { states: 12, institutions: 3 });
    input.states.forEach((st, k) => { st.major = k % 3 === 0; });
    const ctx = perceivedContext(input);
    (ctx as { fused?: boolean }).fused = true;
    perceivePhase(ctx);
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    const G = s.gpCount;
    const T = new Float64Array(n * n);
    waltThreat.threatMatrix(ctx.view, T); // the beliefs the pass left are the ones T was computed from
    const expected = (): number[] => Array.from({ length: n * G }, (_, k) => {
      const i = Math.floor(k / G);
      const g = s.gpStates[k % G];
      return i === g ? 0 : T[i * n + g];
    });
    const columns = Float64Array.from(s.guessColumns);
    const g0 = s.gpStates[0];
    const slot = s.guessSlot[g0];
    expect(slot).toBeGreaterThanOrEqual(0);
    const run = (change: () => void): void => {
      s.guessColumns.set(columns);
      s.guessStamp = s.stamp + 1; // as during the phase
      s.guessSlot[g0] = slot;
      s.guessTargets[slot] = g0;
      change();
      s.gpThreat.fill(7);
      writeGreatPowerThreats(w, s);
      expect(Array.from(s.gpThreat.subarray(0, n * G))).toEqual(expected());
    };
    run(() => {}); // the collected columns
    run(() => { s.guessStamp = s.stamp - 3; s.guessColumns.fill(7); }); // out of date
    run(() => { s.guessSlot[g0] = -1; s.guessColumns.fill(7); }); // missing
    run(() => { s.guessTargets[slot] = (g0 + 1) % n; s.guessColumns.fill(7); }); // the slot holds another state
  });
});
