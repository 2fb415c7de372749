import type { TickContext } from '../../src/engine/TickContext.js';
import { mix32 } from '../../src/random/hashString.js';
import { DRAW_TIE, DRAWS_PER_TICK } from '../../src/random/StateStreams.js';

/**
 * State i's main threat by docs/model.md §5.2, from a threat matrix T alone: the largest T_ij (j ≠ i),
 * then the largest cinc_j, then the smallest mix32 of i's tie draw and j's id hash. Written apart from
 * the engine's argmax, for tests of it.
 */
export function expectedMainThreat(ctx: TickContext, T: Float64Array, i: number): number {
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
