/** Alliance-portfolio similarity for affinity seeds (model note N54): Häge's κ and Signorino & Ritter's S. */
import { describe, expect, it } from 'vitest';
import { allianceKappa, allianceTie } from '../../../src/data/allianceKappa.js';
import type { AlliancePair } from '../../../src/data/alliancesForYear.js';

const none = { defense: false, neutrality: false, nonaggression: false, entente: false };
const pair = (a: number, b: number, o: Partial<typeof none>): AlliancePair => {
  const obligations = { ...none, ...o };
  return { allianceId: 1, ccodeA: a, ccodeB: b, obligations, obligationsA: obligations, obligationsB: obligations };
};

describe('allianceKappa', () => {
  it('ties on the ordinal scale 3 defence, 2 neutrality or non-aggression, 1 entente, 0 none', () => {
    expect(allianceTie(pair(1, 2, { defense: true, entente: true }))).toBe(3);
    expect(allianceTie(pair(1, 2, { nonaggression: true }))).toBe(2);
    expect(allianceTie(pair(1, 2, { entente: true }))).toBe(1);
    expect(allianceTie(pair(1, 2, {}))).toBe(0);
  });

  it('computes κ = 1 − D_o/D_e by hand on a four-state system', () => {
    // System 1..4; 1–2 defence pact, 3–4 entente. Portfolios (ties to 1, 2, 3, 4):
    // 1: [3,3,0,0]  2: [3,3,0,0]  3: [0,0,3,1]  4: [0,0,1,3]
    const pairs = [pair(1, 2, { defense: true }), pair(3, 4, { entente: true })];
    const k = allianceKappa([1, 2, 3, 4], pairs, [1, 2, 3, 4]);
    expect(k.get('1-2')).toBe(1); // identical portfolios
    // 1 vs 3: D_o = (3 + 3 + 3 + 1)/4 = 2.5; p1 = {0: ½, 3: ½}, p3 = {0: ½, 1: ¼, 3: ¼};
    // D_e = ½·(½·0 + ¼·1 + ¼·3) + ½·(½·3 + ¼·2 + ¼·0) = ½·1 + ½·2 = 1.5; κ = 1 − 2.5/1.5 = −2/3.
    expect(k.get('1-3')).toBeCloseTo(-2 / 3, 12);
    // 3 vs 4: D_o = (0 + 0 + 2 + 2)/4 = 1; p3 = p4 = {0: ½, 1: ¼, 3: ¼}; D_e = Σ p(x)p(y)|x−y| = 2·(½·¼·1 + ½·¼·3 + ¼·¼·2) = 1.25; κ = 0.2.
    expect(k.get('3-4')).toBeCloseTo(0.2, 12);
    // S for comparison: 1 − 2·D_o/3.
    const s = allianceKappa([1, 2, 3, 4], pairs, [1, 3], 's');
    expect(s.get('1-3')).toBeCloseTo(1 - (2 * 2.5) / 3, 12);
  });

  it('stays in [−1, 1] and leaves out states not in the system', () => {
    const k = allianceKappa([1, 2], [pair(1, 2, { defense: true })], [1, 2, 99]);
    expect([...k.keys()]).toEqual(['1-2']);
    for (const v of k.values()) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });
});
