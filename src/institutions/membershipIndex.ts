import type { Scratch } from '../engine/Scratch.js';
import type { World } from '../engine/World.js';

/**
 * Refreshes, after memberships changed, the indexes the phases read instead of scanning the
 * membership bitmap: each live institution's member list and each state's institutions as a bit
 * mask (two states share an institution iff their masks intersect: reassurance, THEORY §5.7), and
 * each state's institutions in which it has a voice (member or a lesser status, model §5.11).
 * Costs O(slots·n), paid only when a membership or an institution's life changed.
 * @internal
 */
export function refreshMembershipIndex(w: World, s: Scratch): void {
  if (s.membershipIndexVersion === w.membershipVersion && s.instMembers.length >= w.instCapacity * w.n) return;
  s.membershipIndexVersion = w.membershipVersion;
  const n = w.n;
  if (s.instMembers.length < w.instCapacity * n) s.instMembers = new Int32Array(w.instCapacity * n);
  const words = Math.max(1, Math.ceil(w.instSlots / 32));
  if (s.maskWords !== words || s.voiceMask.length !== n * words) {
    s.maskWords = words; s.stateMask = new Uint32Array(n * words); s.voiceMask = new Uint32Array(n * words);
  } else { s.stateMask.fill(0); s.voiceMask.fill(0); }
  const mask = s.stateMask;
  const voice = s.voiceMask;
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0) continue;
    const base = q * n;
    const bit = 1 << (q & 31);
    const word = q >>> 5;
    let c = 0;
    for (let i = 0; i < n; i++) {
      if (w.member[base + i] === 1) { s.instMembers[base + c++] = i; mask[i * words + word] |= bit; voice[i * words + word] |= bit; }
    }
    // Candidates, observers and associates have a voice; a suspended member (code 5) has none (model §5.13).
    if (w.statusCount[q] > 0) for (let i = 0; i < n; i++) if (w.status[base + i] > 1 && w.status[base + i] < 5) voice[i * words + word] |= bit;
  }
}

/**
 * The share of state pairs sharing at least one live institution (c4, THEORY §5.6), after
 * {@link refreshMembershipIndex}; recounted only when memberships changed. O((n² − m²)·W) with m
 * the members of the largest institution, O(slots) when it has every state (then every pair shares one).
 * @internal
 */
export function sharedPairShare(w: World, s: Scratch): number {
  if (s.sharePairsVersion === w.membershipVersion) return s.sharePairs;
  refreshMembershipIndex(w, s);
  const n = w.n;
  let universal = false;
  for (let q = 0; q < w.instSlots && !universal; q++) universal = w.instAlive[q] === 1 && w.memberCount[q] === n;
  let share: number;
  if (n < 2) share = 0;
  else if (universal) share = 1;
  else if (!w.instAlive.subarray(0, w.instSlots).includes(1)) share = 0;
  else {
    // Every pair of members of the largest live institution shares it; only the pairs with a state
    // outside it are tested: (n² − m²)/2 tests for m members instead of n²/2 (a handful of rows when
    // a near-universal institution exists, e.g. after states entered without memberships, N43).
    let big = -1;
    for (let q = 0; q < w.instSlots; q++) {
      if (w.instAlive[q] === 1 && (big < 0 || w.memberCount[q] > w.memberCount[big])) big = q;
    }
    const inside = big >= 0 ? w.memberCount[big] : 0;
    let pairs = (inside * (inside - 1)) / 2;
    const isIn = w.member;
    const base = big * n;
    for (let i = 0; i < n; i++) {
      if (inside > 0 && isIn[base + i] === 1) continue;
      // i is outside: its pairs with every member, and with the outsiders after it.
      for (let j = 0; j < n; j++) {
        if (j === i || (j < i && !(inside > 0 && isIn[base + j] === 1))) continue;
        if (sharesInstitution(s, i, j)) pairs++;
      }
    }
    share = pairs / ((n * (n - 1)) / 2);
  }
  s.sharePairs = share;
  s.sharePairsVersion = w.membershipVersion;
  return share;
}

/** Whether states i and j share a live institution (after {@link refreshMembershipIndex}). @internal */
export function sharesInstitution(s: Scratch, i: number, j: number): boolean {
  const words = s.maskWords;
  const mask = s.stateMask;
  for (let k = 0; k < words; k++) if ((mask[i * words + k] & mask[j * words + k]) !== 0) return true;
  return false;
}
