import { setAlliance } from '../engine/createWorld.js';
import type { Scratch } from '../engine/Scratch.js';
import type { TickContext } from '../engine/TickContext.js';
import type { World } from '../engine/World.js';
import { threatEntry } from '../perception/perceivePhase.js';

/**
 * Alliances end (model note N29): a formed alliance lapses when the shared threat that made it has
 * faded — both partners' threat from the common target below T_min — for `allianceLapseYears`
 * years in a row (⌈L·ticksPerYear⌉ ticks). Only alliances the model formed are watched; inputs
 * (scenario dyads, events) end at their data end date or by an event. Each lapse is an
 * `alliance-lapsed` event. Run in step 7 (THEORY §5.8, the update phase), on this tick's threats,
 * so that the next tick's partner lists are built after the change. Allocation-free unless an
 * alliance lapses.
 * @internal
 */
export function lapseAlliances(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const pairs = w.formedPairs;
  if (pairs.length === 0) return;
  const n = w.n;
  const need = ctx.rates.allianceLapseTicks;
  for (let k = 0; k < pairs.length;) {
    const key = pairs[k];
    const i = (key / n) | 0;
    const m = key - i * n;
    const j = w.formedTarget[k];
    // A target that left the state system (j = −1, N43) threatens no one any more.
    const faded = j < 0 || (belowMin(w, s, p.tMin, i, j) && belowMin(w, s, p.tMin, m, j));
    const ticks = faded ? w.formedFaded[k] + 1 : 0;
    w.formedFaded[k] = ticks;
    if (ticks >= need && setAlliance(w, i, m, false)) { // removes entry k: do not advance
      ctx.events?.push({ tick: ctx.tick, type: 'alliance-lapsed', actor: w.ids[i], partner: w.ids[m], target: j < 0 ? '' : w.ids[j] });
      continue;
    }
    k++;
  }
}

/**
 * Whether T_ij of this tick is below `tMin`. T_ij is stored by the general path; on the fused path it
 * is read from j's column when the perceive phase prepared j as a target (the same expression, so
 * the same value), else recomputed exactly ({@link threatEntry}): the beliefs are still those the
 * perceive phase used. A boolean, not T_ij: a double returned from a call that is not inlined is
 * boxed, an allocation per formed alliance and tick.
 */
function belowMin(w: World, s: Scratch, tMin: number, i: number, j: number): boolean {
  // Three returns, not one T: a T merged from the three sources would be boxed on every call.
  if (s.threatStored) return faded(s.threat[i * w.n + j], tMin);
  if (s.targetStamp[j] === s.stamp) return faded(s.targetThreat[s.targetSlot[j] * w.n + i], tMin);
  return faded(threatEntry(w, s, i, j), tMin);
}

/** Faded: T < T_min (the one comparison for the three sources of T). */
function faded(T: number, tMin: number): boolean {
  return T < tMin;
}
