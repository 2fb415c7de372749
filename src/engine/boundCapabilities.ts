import { CAPABILITY_BOUND, FLOOR_MIN, timesPowerOfTwo } from '../model/capabilityLimits.js';
import type { World } from './World.js';

/**
 * Keeps the world's capabilities bounded (issue #11 item 6): when `largest` — the largest of mil,
 * eco and pop — lies outside [1/CAPABILITY_BOUND, CAPABILITY_BOUND], multiplies every mil, eco,
 * pop, trade, baseline trade and floor by the power of two that brings the largest to about 1, and
 * records it in `w.capabilityExponent`. Exact in floating point, so shares are unchanged bit for bit;
 * a floor is kept at least {@link FLOOR_MIN}. Does nothing (and allocates nothing) otherwise.
 * @internal
 */
export function boundCapabilities(w: World, largest: number): void {
  if (largest <= CAPABILITY_BOUND && largest >= 1 / CAPABILITY_BOUND) return;
  if (!(largest > 0 && largest < Infinity)) throw new RangeError(`capabilities cannot be represented (largest ${largest})`);
  const e = -Math.floor(Math.log2(largest));
  const n = w.n;
  for (let i = 0; i < n; i++) {
    w.mil[i] = timesPowerOfTwo(w.mil[i], e);
    w.eco[i] = timesPowerOfTwo(w.eco[i], e);
    w.pop[i] = timesPowerOfTwo(w.pop[i], e);
  }
  for (const key of w.tradePairs) {
    const m = (key / n) | 0;
    const j = key - m * n;
    const x = timesPowerOfTwo(w.trade[key], e);
    const x0 = timesPowerOfTwo(w.tradeBase[key], e);
    w.trade[key] = w.trade[j * n + m] = x;
    w.tradeBase[key] = w.tradeBase[j * n + m] = x0;
  }
  w.floorMil = Math.max(timesPowerOfTwo(w.floorMil, e), FLOOR_MIN);
  w.floorEco = Math.max(timesPowerOfTwo(w.floorEco, e), FLOOR_MIN);
  w.floorPop = Math.max(timesPowerOfTwo(w.floorPop, e), FLOOR_MIN);
  w.capabilityExponent -= e;
}

/** The largest of every state's mil, eco and pop. @internal */
export function largestCapability(w: World): number {
  let top = 0;
  for (let i = 0; i < w.n; i++) top = Math.max(top, w.mil[i], w.eco[i], w.pop[i]);
  return top;
}
