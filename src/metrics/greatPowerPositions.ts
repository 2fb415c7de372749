import type { Scratch } from '../engine/Scratch.js';
import type { World } from '../engine/World.js';

/**
 * Whether institution q includes state g: g is a full member at this moment (model §5.11: a
 * candidate, observer or associate is not). The one classification of the dual track (§5.9), of the
 * inclusive and exclusive memberships and of the positions per great power (note N57).
 * @internal
 */
export function institutionIncludes(w: World, q: number, g: number): boolean {
  return w.member[q * w.n + g] === 1;
}

/**
 * Institutional positions per great power (model §5.9, note N57): for every state i and great
 * power g of the tick (`scratch.gpStates`), how many live institutions of which i is a full member
 * include g (`gpInclusive[i·G + g]`) and how many exclude it (`gpExclusive`). Counted again only when
 * the memberships or the great powers changed since the last count; allocates nothing.
 * @internal
 */
export function writeGreatPowerPositions(w: World, s: Scratch): void {
  if (s.gpPositionsMembership === w.membershipVersion && s.gpPositionsVersion === s.gpVersion) return;
  s.gpPositionsMembership = w.membershipVersion;
  s.gpPositionsVersion = s.gpVersion;
  const n = w.n;
  const G = s.gpCount;
  const inc = s.gpInclusive;
  const exc = s.gpExclusive;
  inc.fill(0, 0, n * G);
  exc.fill(0, 0, n * G);
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0) continue;
    const base = q * n;
    for (let i = 0; i < n; i++) {
      if (w.member[base + i] === 0) continue;
      for (let g = 0; g < G; g++) {
        const k = s.gpStates[g];
        if (k === i) continue;
        if (institutionIncludes(w, q, k)) inc[i * G + g]++;
        else exc[i * G + g]++;
      }
    }
  }
}

/**
 * The ids of the live institutions of which state i is a full member that include the great power
 * g, and of those that exclude it (institution ids in slot order): the names behind the counts of
 * {@link writeGreatPowerPositions}. Allocates; for records and explanations, not the tick loop.
 * @internal
 */
export function positionVenues(w: World, i: number, g: number): { inclusive: string[]; exclusive: string[] } {
  const inclusive: string[] = [];
  const exclusive: string[] = [];
  if (i === g) return { inclusive, exclusive };
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0 || w.member[q * w.n + i] === 0) continue;
    (institutionIncludes(w, q, g) ? inclusive : exclusive).push(w.instIds[q]);
  }
  return { inclusive, exclusive };
}
