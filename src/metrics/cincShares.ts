/**
 * The three-component CINC analogue of THEORY §5.2 / §3:
 * cinc_i = (mil_i/Σmil + eco_i/Σeco + pop_i/Σpop) / 3. Shares sum to 1 and are unchanged when one
 * component is rescaled by c > 0 across all states (M4). Writes into `out`; no allocation.
 * Sums run in index order; the engine's order is canonical (by id).
 */
export function writeCincShares(mil: ArrayLike<number>, eco: ArrayLike<number>, pop: ArrayLike<number>, out: Float64Array): void {
  const n = out.length;
  let sm = 0;
  let se = 0;
  let sp = 0;
  for (let i = 0; i < n; i++) { sm += mil[i]; se += eco[i]; sp += pop[i]; }
  const im = sm > 0 ? 1 / (3 * sm) : 0;
  const ie = se > 0 ? 1 / (3 * se) : 0;
  const ip = sp > 0 ? 1 / (3 * sp) : 0;
  for (let i = 0; i < n; i++) out[i] = mil[i] * im + eco[i] * ie + pop[i] * ip;
}

/** CINC shares of a set of states given as `{ mil, eco, pop }` rows (allocating convenience wrapper). */
export function cincShares(capabilities: readonly { mil: number; eco: number; pop: number }[]): number[] {
  const out = new Float64Array(capabilities.length);
  writeCincShares(capabilities.map((c) => c.mil), capabilities.map((c) => c.eco), capabilities.map((c) => c.pop), out);
  return Array.from(out);
}
