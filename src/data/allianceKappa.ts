import type { AlliancePair } from './alliancesForYear.js';

/**
 * The alliance tie of a pair on the ordinal scale of Signorino & Ritter (1999): 3 defence pact,
 * 2 neutrality or non-aggression pact, 1 entente, 0 none (the strongest over the alliances the two
 * share). A state's tie with itself is 3.
 */
export function allianceTie(p: AlliancePair): number {
  const o = p.obligations;
  return o.defense ? 3 : o.neutrality || o.nonaggression ? 2 : o.entente ? 1 : 0;
}

/**
 * Alliance-portfolio similarity with a correction for chance agreement: Cohen's κ with linear
 * (absolute-distance) weights, the variant of Häge (2011) of Signorino & Ritter's S. For states a
 * and b, over the N members of the state system in the year (the reference set), with d_ak ∈ {0…3}
 * the tie of a with k ({@link allianceTie}; d_aa = 3):
 *
 *   κ_ab = 1 − D_o / D_e,  D_o = (1/N)·Σ_k |d_ak − d_bk|,  D_e = Σ_x Σ_y p_a(x)·p_b(y)·|x − y|,
 *
 * with p_a the distribution of a's ties over the reference set. κ ∈ [−1, 1]: 1 for identical
 * portfolios, 0 for agreement no better than chance, negative for portfolios more different than
 * chance. Unlike S, κ is not inflated by the many pairs that have no alliance with anyone (most
 * entries are 0 for every state, so S is near 1 for almost every dyad — Häge 2011). D_e = 0 (both
 * portfolios constant) gives 0.
 *
 * @param system - COW codes of the reference set (the state system in the year), each once.
 * @param pairs - the alliance pairs in force in the year (alliancesForYear without filters).
 * @param wanted - COW codes of the states whose pairwise κ is wanted.
 * @param measure - `kappa` (default) or `s`: Signorino & Ritter's unweighted S = 1 − 2·D_o/3 (d_max = 3),
 *   for comparison.
 * @returns κ for every pair of `wanted` (both in `system`), keyed `"a-b"` with a < b.
 */
export function allianceKappa(
  system: readonly number[], pairs: readonly AlliancePair[], wanted: readonly number[], measure: 'kappa' | 's' = 'kappa',
): Map<string, number> {
  const index = new Map(system.map((c, k) => [c, k]));
  const N = system.length;
  const rows = new Map<number, Uint8Array>();
  for (const c of wanted) {
    const k = index.get(c);
    if (k === undefined || rows.has(c)) continue;
    const row = new Uint8Array(N);
    row[k] = 3;
    rows.set(c, row);
  }
  for (const p of pairs) {
    const tie = allianceTie(p);
    const a = rows.get(p.ccodeA);
    const b = rows.get(p.ccodeB);
    const ka = index.get(p.ccodeA);
    const kb = index.get(p.ccodeB);
    if (a !== undefined && kb !== undefined && tie > a[kb]) a[kb] = tie;
    if (b !== undefined && ka !== undefined && tie > b[ka]) b[ka] = tie;
  }
  const dist = new Map<number, number[]>();
  for (const [c, row] of rows) {
    const d = [0, 0, 0, 0];
    for (let k = 0; k < N; k++) d[row[k]] += 1 / N;
    dist.set(c, d);
  }
  const out = new Map<string, number>();
  const codes = [...rows.keys()].sort((x, y) => x - y);
  for (let x = 0; x < codes.length; x++) {
    for (let y = x + 1; y < codes.length; y++) {
      const ra = rows.get(codes[x]) as Uint8Array;
      const rb = rows.get(codes[y]) as Uint8Array;
      let observed = 0;
      for (let k = 0; k < N; k++) observed += Math.abs(ra[k] - rb[k]);
      observed /= N;
      const pa = dist.get(codes[x]) as number[];
      const pb = dist.get(codes[y]) as number[];
      let expected = 0;
      for (let u = 0; u < 4; u++) for (let v = 0; v < 4; v++) expected += pa[u] * pb[v] * Math.abs(u - v);
      const value = measure === 's' ? 1 - (2 * observed) / 3 : expected > 0 ? 1 - observed / expected : 0;
      out.set(`${codes[x]}-${codes[y]}`, Math.max(-1, Math.min(1, value)));
    }
  }
  return out;
}
