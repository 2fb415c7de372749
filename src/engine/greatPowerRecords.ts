import type { GreatPowerPositionRecord } from '../metrics/TickRecord.js';
import type { Scratch } from './Scratch.js';
import type { World } from './World.js';

/**
 * The full memberships of a world at one membership version, copied once (immutable once taken):
 * what the positions per great power are named from after the world has moved on.
 * @internal
 */
export interface MembershipSnapshot {
  readonly world: World;
  readonly version: number;
  readonly n: number;
  readonly slots: number;
  readonly member: Uint8Array;
  readonly alive: Uint8Array;
  readonly instIds: readonly string[];
}

/** The snapshot of w's memberships: `last` when w and its membership version are the same, else a new copy. @internal */
export function membershipSnapshot(w: World, last: MembershipSnapshot | null): MembershipSnapshot {
  if (last !== null && last.world === w && last.version === w.membershipVersion) return last;
  const slots = w.instSlots;
  return {
    world: w, version: w.membershipVersion, n: w.n, slots,
    member: w.member.slice(0, slots * w.n), alive: w.instAlive.slice(0, slots), instIds: w.instIds.slice(0, slots),
  };
}

/**
 * The positions per great power of the tick just run (note N57), as a function that builds the
 * records on its first call: the tick's numbers are copied now (the per-great-power threats, the
 * main threats, the great powers; the memberships by `snapshot`), the n·G objects only when read.
 * A run that never reads them (benchmarks, sweeps) pays three small copies per tick, not n·G objects.
 * @internal
 */
export function greatPowerRecords(w: World, s: Scratch, snapshot: MembershipSnapshot): () => GreatPowerPositionRecord[] {
  const n = w.n;
  const G = s.gpCount;
  const ids = w.ids; // a rebuilt world (N43) gets a new list; this one is not changed
  const threat = s.gpThreat.slice(0, n * G);
  const powers = s.gpStates.slice(0, G);
  const target = s.target.slice(0, n);
  let built: GreatPowerPositionRecord[] | null = null;
  return () => {
    if (built !== null) return built;
    const { member, alive, instIds, slots } = snapshot;
    const out: GreatPowerPositionRecord[] = [];
    for (let i = 0; i < n; i++) {
      for (let g = 0; g < G; g++) {
        const k = powers[g];
        if (k === i) continue;
        const inclusive: string[] = [];
        const exclusive: string[] = [];
        for (let q = 0; q < slots; q++) {
          if (alive[q] === 0 || member[q * n + i] === 0) continue;
          (member[q * n + k] === 1 ? inclusive : exclusive).push(instIds[q]);
        }
        out.push({ state: ids[i], power: ids[k], threat: threat[i * G + g], main: target[i] === k, inclusive, exclusive });
      }
    }
    built = out;
    return out;
  };
}
