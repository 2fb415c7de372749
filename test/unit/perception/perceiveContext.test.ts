/**
 * What the perceive phase hands to the decide and effect phases (THEORY §5.2, §5.3), checked against
 * an independent computation from the world alone: the main threat and its T, the shares, CON and the
 * poles, Σ cinc over each institution, the per-target columns, sums, partner candidates and shared
 * threat, every decision-context variable z, the venues and the option masks — on the general path
 * (the stored matrix) and on the fused path (no matrix; the columns recomputed or collected).
 */
import { describe, expect, it } from 'vitest';
import {
  Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA,
} from '../../../src/decision/DecisionContext.js';
import { OPTION_COUNT, OPTION_INDEX } from '../../../src/decision/options.js';
import { PARTNER_TOP } from '../../../src/engine/Scratch.js';
import type { TickContext } from '../../../src/engine/TickContext.js';
import type { ScenarioInput } from '../../../src/index.js';
import { concentration, effectivePoles } from '../../../src/metrics/concentration.js';
import { dyadDefence } from '../../../src/perception/PerceptionModel.js';
import { perceivePhase } from '../../../src/perception/perceivePhase.js';
import { waltThreat } from '../../../src/perception/waltThreat.js';
import { perceivedContext } from '../../support/tickContext.js';
import { mulberry32, randomWorld } from '../../support/randomWorld.js';

/** T_ij of Walt's model times the affinity factor (N54), from the view, without the perceive phase's code. */
function independentThreat(ctx: TickContext): Float64Array {
  const { world: w, params: p } = ctx;
  const n = w.n;
  const T = new Float64Array(n * n);
  waltThreat.threatMatrix(ctx.view, T);
  if (w.affinity.length > 0) {
    for (let k = 0; k < n * n; k++) if (w.affinity[k] > 0) T[k] = T[k] * (1 - p.affinityThreat * w.affinity[k]);
  }
  return T;
}

/** Whether i has a voice in institution q: a member, a candidate, an observer or an associate (model §5.11). */
const voice = (ctx: TickContext, q: number, i: number): boolean => {
  const w = ctx.world;
  const st = w.status[q * w.n + i];
  return w.member[q * w.n + i] === 1 || (st > 1 && st < 5);
};

function checkPerception(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const T = independentThreat(ctx);
  const cinc = s.cinc;
  let total = 0;
  for (let i = 0; i < n; i++) total += cinc[i];
  // Shares, CON over the great powers (when two or more), poles.
  let majors = 0;
  for (let i = 0; i < n; i++) majors += w.major[i];
  const include = p.conOver === 'majors' && majors >= 2 ? w.major : undefined;
  expect(s.con).toBe(concentration(cinc, include));
  expect(s.effectivePoles).toBe(effectivePoles(cinc, include));
  expect(s.poles).toBe(Array.from(cinc.subarray(0, n)).filter((c) => c >= p.piPole).length);

  // Main threat: the row's maximum (ties: the larger share); its T exactly.
  let threatSum = 0;
  for (let i = 0; i < n; i++) {
    const j = s.target[i];
    expect(j).not.toBe(i);
    expect(s.tMain[i]).toBe(T[i * n + j]);
    for (let k = 0; k < n; k++) {
      if (k === i) continue;
      const t = T[i * n + k];
      expect(t > s.tMain[i] || (t === s.tMain[i] && cinc[k] > cinc[j])).toBe(false);
    }
    threatSum += s.tMain[i];
  }
  expect(s.meanThreat).toBe(threatSum / n);

  // Σ cinc over each live institution's members (0 for a dead slot).
  for (let q = 0; q < w.instSlots; q++) {
    let sum = 0;
    if (w.instAlive[q] === 1) for (let k = 0; k < n; k++) if (w.member[q * n + k] === 1) sum += cinc[k];
    expect(s.instCinc[q]).toBe(sum);
  }

  // Per distinct target j: the columns, the ally sum, the free count, the partner candidates, shared_q(j).
  const targets = [...new Set(Array.from(s.target.subarray(0, n)))];
  expect(s.targetCount).toBe(targets.length);
  expect(s.guessCount).toBe(targets.length);
  expect(Array.from(s.guessTargets.subarray(0, targets.length))).toEqual(targets);
  for (let j = 0; j < n; j++) expect(s.guessSlot[j]).toBe(targets.indexOf(j));
  for (const j of targets) {
    const slot = s.targetSlot[j];
    const cb = slot * n;
    const col = (k: number): number => (k === j ? 0 : cinc[k] * T[k * n + j]);
    for (let k = 0; k < n; k++) {
      expect(s.targetThreat[cb + k]).toBe(k === j ? 0 : T[k * n + j]);
      expect(s.targetColumns[cb + k]).toBe(col(k));
    }
    let sum = 0;
    const free: number[] = [];
    for (let k = 0; k < n; k++) {
      if (k === j || w.ally[j * n + k] === 1) continue;
      free.push(k);
      sum += col(k);
    }
    expect(s.targetAllySum[j]).toBe(sum);
    expect(s.targetFreeCount[j]).toBe(free.length);
    const ranked = [...free].sort((a, b) => col(b) - col(a) || a - b).slice(0, PARTNER_TOP);
    expect(s.partnerTopCount[slot]).toBe(ranked.length);
    expect(Array.from(s.partnerTop.subarray(slot * PARTNER_TOP, slot * PARTNER_TOP + ranked.length))).toEqual(ranked);
    for (let q = 0; q < w.instSlots; q++) {
      let expected = 0;
      if (w.instAlive[q] === 1 && w.member[q * n + j] === 0 && s.instCinc[q] > 0) {
        let num = 0;
        for (let k = 0; k < n; k++) if (w.member[q * n + k] === 1) num += col(k);
        expected = num / s.instCinc[q];
      }
      expect(s.shared[q * n + j]).toBe(expected);
    }
  }

  // The decision context z of every state toward its main threat, its venues and its masks.
  for (let i = 0; i < n; i++) {
    const j = s.target[i];
    const z = s.z.subarray(i * Z_SIZE, (i + 1) * Z_SIZE);
    const ij = i * n + j;
    const x = w.trade[ij];
    const Tm = T[ij];
    expect(z[Z_T]).toBe(Tm);
    expect(z[Z_D]).toBe(Math.min(1, x / w.eco[i] / p.wSat));
    expect(z[Z_DT]).toBe(Math.min(1, x / w.eco[j] / p.wSat));
    expect(z[Z_THETA]).toBe(dyadDefence(w.theta, p.thetaNuc, w.nuc[i], w.nuc[j]));
    expect([z[Z_NU], z[Z_IDEO], z[Z_LAM]]).toEqual([w.nu, w.ideo[j], w.lambda]);
    const r = cinc[i] / (cinc[i] + cinc[j]);
    expect(z[Z_R]).toBe(r);
    expect(z[Z_DISP]).toBe(Math.abs(2 * r - 1));
    const allied = w.ally[ij];
    let num = 0;
    for (let k = 0; k < n; k++) if (k !== j && w.ally[j * n + k] === 0) num += k === j ? 0 : cinc[k] * T[k * n + j];
    num -= allied === 0 ? cinc[i] * Tm : 0;
    const den = total - cinc[i] - cinc[j];
    expect(z[Z_A]).toBe(den > 0 ? Math.min(1, Math.max(0, num / den)) : 0);
    expect(z[Z_CON]).toBe(s.con);
    expect(z[Z_ALLY]).toBe(allied);
    expect(z[Z_G]).toBe(w.proximity[ij]);
    // ρ_I: the strongest institution where i has a voice and j is a member (first slot on a tie);
    // ρ_E: the best s_q·shared_q(j) where i has a voice and j is not a member (ties: the stronger, then the first).
    let rhoI = 0; let incl = -1; let rhoE = 0; let excl = -1;
    for (let q = 0; q < w.instSlots; q++) {
      if (w.instAlive[q] !== 1 || !voice(ctx, q, i)) continue;
      const sq = w.instStrength[q];
      if (w.member[q * n + j] === 1) {
        if (incl < 0 || sq > rhoI) { rhoI = sq; incl = q; }
      } else {
        const score = sq * s.shared[q * n + j];
        if (excl < 0 || score > rhoE || (score === rhoE && sq > w.instStrength[excl])) { rhoE = score; excl = q; }
      }
    }
    expect([z[Z_RHOI], z[Z_RHOE], z[Z_NEWCLUB]]).toEqual([rhoI, rhoE, excl < 0 ? 1 : 0]);
    expect([s.inclusiveVenue[i], s.exclusiveVenue[i]]).toEqual([incl, excl]);
    // Masks: HE and SE need a k ∉ {i, j} allied with neither; SS needs trade; II an inclusive venue.
    let partner = false;
    for (let k = 0; k < n; k++) if (k !== i && k !== j && w.ally[j * n + k] === 0 && w.ally[i * n + k] === 0) partner = true;
    const mask = Array.from(s.mask.subarray(i * OPTION_COUNT, (i + 1) * OPTION_COUNT));
    const expected = new Array<number>(OPTION_COUNT).fill(1);
    if (!partner) { expected[OPTION_INDEX.HE] = 0; expected[OPTION_INDEX.SE] = 0; }
    if (!(x > 0)) expected[OPTION_INDEX.SS] = 0;
    if (incl < 0) expected[OPTION_INDEX.II] = 0;
    expect(mask).toEqual(expected);
  }
}

/** Overwrites the perceive phase's outputs (not its inputs) with values it never writes. */
function scribble(ctx: TickContext): void {
  const s = ctx.scratch;
  for (const a of [s.z, s.shared, s.instCinc, s.targetColumns, s.targetThreat, s.targetAllySum, s.tMain]) a.fill(7);
  for (const a of [s.mask]) a.fill(7);
  for (const a of [s.inclusiveVenue, s.exclusiveVenue, s.partnerTop, s.targetFreeCount]) a.fill(77);
}

/** A random world with denser alliances (so some targets leave a state no partner), statuses and affinity. */
function alliedWorld(seed: number, states: number, institutions: number, allianceShare: number): ScenarioInput {
  const input = randomWorld(seed, { states, institutions });
  const rnd = mulberry32(seed + 1000);
  const ids = input.states.map((st) => st.id);
  const byPair = new Map((input.dyads ?? []).map((d) => [`${d.between[0]}|${d.between[1]}`, d]));
  const dyads: NonNullable<ScenarioInput['dyads']> = [];
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const d = byPair.get(`${ids[a]}|${ids[b]}`) ?? { between: [ids[a], ids[b]] as [string, string], trade: 0 };
      dyads.push({ ...d, alliance: rnd() < allianceShare });
    }
  }
  input.dyads = dyads;
  // Statuses short of membership for the first non-member of each institution (model §5.11).
  const statuses = ['candidate', 'observer', 'associate'] as const;
  input.institutions = (input.institutions ?? []).map((q, k) => {
    const outsider = ids.find((id) => !q.members.includes(id));
    return outsider === undefined ? q : { ...q, statuses: [{ state: outsider, status: statuses[k % 3] }] };
  });
  input.affinity = { pairs: [{ between: [ids[0], ids[1]], affinity: 0.6 }, { between: [ids[2], ids[3]], affinity: -0.4 }] };
  return input;
}

/**
 * Eight identical states at one place (every T_kj equal: ties in the partner ranking and the argmax);
 * with ideology 0 nobody perceives intent, so every T and every shared_q(j) is 0 and two exclusive
 * venues of different strength (the weaker in the first slot) tie on s_q·shared_q(j) = 0. Two venues of
 * equal strength (STRONG, TWIN): the first slot is kept, as inclusive and as exclusive venue.
 */
function tiedWorld(ideology: number): ScenarioInput {
  const ids = Array.from({ length: 8 }, (_, k) => `T${k}`);
  return {
    meta: { id: 'tied', startYear: 1900 },
    states: ids.map((id) => ({ id, capabilities: { mil: 1, eco: 1, pop: 1 }, ideology, location: { lat: 10, lon: 10 } })),
    dyads: [{ between: ['T0', 'T5'], trade: 0.2, alliance: true }],
    institutions: [
      { id: 'I1-WEAK', members: ids.slice(0, 4), strength: 0.3 },
      { id: 'I2-STRONG', members: ids.slice(0, 4), strength: 0.7 },
      { id: 'I3-TWIN', members: ids.slice(0, 4), strength: 0.7 },
      { id: 'I4-OTHER', members: ids.slice(4), strength: 0.5 },
    ],
  };
}

const far = (k: number): { lat: number; lon: number } => ({ lat: -40 + 10 * k, lon: -120 });
const caps = (x: number): { mil: number; eco: number; pop: number } => ({ mil: x, eco: x, pop: x });

/**
 * S1's main threat is S2 (strong, near, intent). S2 is allied with S0, S1 with S0 and S3: of the
 * candidates S3 and S4 not allied with S2, only S4 is free, so HE stays available (the scan of i's
 * allies runs, free = allies of i = 2, and must stop at the last state). S1 and S2 share only an
 * institution of strength 0 (an inclusive venue all the same). S1 has a voice in two exclusive venues:
 * Z1 (s = 0.5, whose member S3 fears S2) and the stronger Z2 (s = 0.9, whose members see no intent in
 * S2: shared 0); the better score wins, not the stronger venue.
 */
function scanWorld(): ScenarioInput {
  return {
    meta: { id: 'scan', startYear: 1900 },
    states: [
      { id: 'S0', capabilities: caps(1), ideology: 0, location: far(0) },
      { id: 'S1', capabilities: caps(2), ideology: 0.1, location: { lat: 50, lon: 10 } },
      { id: 'S2', capabilities: caps(10), ideology: 0.9, location: { lat: 50, lon: 12 } },
      { id: 'S3', capabilities: caps(1), ideology: 0, location: far(1) },
      { id: 'S4', capabilities: caps(1), ideology: 0, location: far(2) },
    ],
    dyads: [
      { between: ['S0', 'S2'], alliance: true }, { between: ['S1', 'S3'], alliance: true }, { between: ['S0', 'S1'], alliance: true },
    ],
    institutions: [
      { id: 'Z0', members: ['S1', 'S2'], strength: 0 },
      { id: 'Z1', members: ['S3', 'S4'], strength: 0.5, statuses: [{ state: 'S1', status: 'observer' }] },
      { id: 'Z2', members: ['S0', 'S4'], strength: 0.9, statuses: [{ state: 'S1', status: 'associate' }] },
    ],
    perceptions: [{ from: 'S0', to: 'S2', intent: 0 }, { from: 'S4', to: 'S2', intent: 0 }],
  };
}

/** A's main threat is B; B's only non-allies besides A are C, A's one ally: no partner, found by the scan (free = allies of A = 1). */
function noPartnerWorld(): ScenarioInput {
  return {
    meta: { id: 'no-partner', startYear: 1900 },
    states: [
      { id: 'A', capabilities: caps(2), ideology: 0.1, location: { lat: 50, lon: 10 } },
      { id: 'B', capabilities: caps(10), ideology: 0.9, location: { lat: 50, lon: 12 } },
      { id: 'C', capabilities: caps(1), ideology: 0, location: far(0) },
      { id: 'D', capabilities: caps(1), ideology: 0, location: far(1) },
    ],
    dyads: [{ between: ['A', 'C'], alliance: true }, { between: ['B', 'D'], alliance: true }],
  };
}

const worlds: [string, () => ScenarioInput][] = [
  ['the scan of allies that must stop at the last state; a venue of strength 0', scanWorld],
  ['no partner, found by the scan of allies', noPartnerWorld],
  ['two states with shares 1/4 and 3/4 (the denominator of A is exactly 0)', () => ({
    meta: { id: 'two' }, states: [
      { id: 'P', capabilities: caps(1), ideology: 0.5, location: { lat: 50, lon: 10 } },
      { id: 'Q', capabilities: caps(3), ideology: 0.5, location: { lat: 50, lon: 12 } }],
  })],
  ['identical states (ties everywhere)', () => tiedWorld(0.4)],
  ['identical states without intent (every T is 0)', () => tiedWorld(0)],
  ['two states (no third state: the denominator of A is 0)', () => randomWorld(36, { states: 2, institutions: 1 })],
  ['a random world, one mask word', () => randomWorld(31, { states: 12, institutions: 5 })],
  ['a random world, two mask words', () => randomWorld(32, { states: 13, institutions: 40 })],
  ['dense alliances, statuses and affinity', () => alliedWorld(33, 9, 4, 0.6)],
  ['nearly all allied (no partner left for some)', () => alliedWorld(34, 6, 3, 0.85)],
  ['sparse alliances, statuses and affinity, 17 states', () => alliedWorld(35, 17, 6, 0.15)],
];

describe('perceivePhase: the context it hands on, against an independent computation (THEORY §5.2, §5.3)', () => {
  for (const [name, make] of worlds) {
    it(`general path: ${name}`, () => {
      const ctx = perceivedContext(make());
      expect(ctx.scratch.threatStored).toBe(true);
      checkPerception(ctx);
      // Perceived again over outputs left with other values: every output is written, none kept.
      scribble(ctx);
      perceivePhase(ctx);
      checkPerception(ctx);
    });

    it(`fused path: ${name}`, () => {
      const ctx = perceivedContext(make());
      (ctx as { fused?: boolean }).fused = true;
      scribble(ctx);
      perceivePhase(ctx); // a second perception of tick 0: last perception's targets are the guesses
      expect(ctx.scratch.threatStored).toBe(false);
      checkPerception(ctx);
      // And a first fused perception (no guesses yet): every target column recomputed.
      const fresh = perceivedContext(make());
      const s = fresh.scratch;
      for (let g = 0; g < s.guessCount; g++) s.guessSlot[s.guessTargets[g]] = -1;
      s.guessCount = 0;
      (fresh as { fused?: boolean }).fused = true;
      perceivePhase(fresh);
      checkPerception(fresh);
    });
  }

  it('the handcrafted worlds are what they claim: S1 → S2 with a partner and a venue of strength 0; A → B without a partner', () => {
    const scan = perceivedContext(scanWorld());
    const [s1, s2] = [scan.index('S1'), scan.index('S2')];
    expect(scan.scratch.target[s1]).toBe(s2);
    expect(scan.scratch.mask[s1 * OPTION_COUNT + OPTION_INDEX.HE]).toBe(1);
    expect(scan.scratch.mask[s1 * OPTION_COUNT + OPTION_INDEX.II]).toBe(1);
    expect(scan.scratch.z[s1 * Z_SIZE + Z_RHOI]).toBe(0);
    expect(scan.scratch.exclusiveVenue[s1]).toBe(1); // Z1
    expect(scan.scratch.z[s1 * Z_SIZE + Z_RHOE]).toBeGreaterThan(0);
    const np = perceivedContext(noPartnerWorld());
    expect(np.scratch.target[np.index('A')]).toBe(np.index('B'));
    expect(np.scratch.mask[np.index('A') * OPTION_COUNT + OPTION_INDEX.HE]).toBe(0);
  });

  it('the worlds reach every branch checked: no partner, no trade, no inclusive venue, a status holder\'s venue', () => {
    let noPartner = 0; let noTrade = 0; let noVenue = 0; let statusVenue = 0;
    for (const [, make] of worlds) {
      const ctx = perceivedContext(make());
      const { world: w, scratch: s } = ctx;
      for (let i = 0; i < w.n; i++) {
        const m = s.mask.subarray(i * OPTION_COUNT);
        if (m[OPTION_INDEX.HE] === 0) noPartner++;
        if (m[OPTION_INDEX.SS] === 0) noTrade++;
        if (m[OPTION_INDEX.II] === 0) noVenue++;
        for (const q of [s.inclusiveVenue[i], s.exclusiveVenue[i]]) if (q >= 0 && w.member[q * w.n + i] === 0) statusVenue++;
      }
    }
    expect([noPartner > 0, noTrade > 0, noVenue > 0, statusVenue > 0]).toEqual([true, true, true, true]);
  });
});
