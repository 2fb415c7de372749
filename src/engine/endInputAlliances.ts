import { setAlliance } from './createWorld.js';
import type { SimulationEvent } from './SimulationEvent.js';
import type { World } from './World.js';

/**
 * Ends the input alliances whose data end date falls before tick `w.tick` (model note N29):
 * `w.inputEnds` is in tick order and `next` is the first entry not yet handled; returns the new
 * `next`. An alliance already ended (by an event) is skipped silently; each end is an
 * `alliance-ended` event. Runs between ticks, outside the hot path.
 * @internal
 */
export function endInputAlliances(w: World, next: number, events: SimulationEvent[] | null): number {
  const ends = w.inputEnds;
  const n = w.n;
  let k = next;
  while (k < ends.length && ends[k].tick <= w.tick) {
    const { pair } = ends[k++];
    const i = (pair / n) | 0;
    const j = pair - i * n;
    if (setAlliance(w, i, j, false)) events?.push({ tick: w.tick, type: 'alliance-ended', between: [w.ids[i], w.ids[j]] });
  }
  return k;
}
