import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA,
} from '../../../src/decision/DecisionContext.js';
import { OPTIONS, OPTION_COUNT, OPTION_INDEX, type Option } from '../../../src/decision/options.js';
import { writeLogit, writeUtilities } from '../../../src/decision/utilities.js';
import { defaultParameters } from '../../../src/model/defaultParameters.js';
import type { ModelParameters } from '../../../src/model/ModelParameters.js';

/** A packed context in engine layout. */
function packed(values: Partial<Record<number, number>>): Float64Array {
  const z = new Float64Array(Z_SIZE);
  for (const [k, v] of Object.entries(values)) z[Number(k)] = v ?? 0;
  return z;
}

function utilities(p: ModelParameters, z: Float64Array): Record<Option, number> {
  const out = new Float64Array(OPTION_COUNT);
  writeUtilities(p, z, 0, out, 0);
  const rec = {} as Record<Option, number>;
  OPTIONS.forEach((o, k) => { rec[o] = out[k]; });
  return rec;
}

// The worked example: T = 0.5, D = 0.2, Dt = 0.1, θ = 0.3, ν = 0.5, ideo = 0.4, λ = 0.5, r = 0.3,
// disp = |2r − 1| = 0.4, A = 0.4, ρI = 0.6, ρE = 0, CON = 0.3, not allied, G = 0.8.
const EXAMPLE = packed({
  [Z_T]: 0.5, [Z_D]: 0.2, [Z_DT]: 0.1, [Z_THETA]: 0.3, [Z_NU]: 0.5, [Z_IDEO]: 0.4, [Z_LAM]: 0.5, [Z_R]: 0.3,
  [Z_DISP]: 0.4, [Z_A]: 0.4, [Z_RHOI]: 0.6, [Z_RHOE]: 0, [Z_CON]: 0.3, [Z_ALLY]: 0, [Z_G]: 0.8, [Z_NEWCLUB]: 0,
});

/**
 * Parameters whose §5.4 coefficients are all different, so that a coefficient used in the wrong
 * place (or the wrong option) changes the result. Not admissible; the utilities are pure arithmetic.
 */
function distinct(): ModelParameters {
  return {
    ...defaultParameters(),
    mu: 0.7, tStar: 0.55,
    kappaBAND: 1.11, kappaHI: 3.13, kappaHE: 3.17, kappaSE: 1.19, kappaSS: 1.23, kappaSL: 1.29, kappaII: 0.31,
    kappaIE: 0.37, kappaCreate: 0.41, b: 2.3, xi: 1.7,
    betaH: 6.1, betaS: 2.2, betaI: 0.53, betaE: 1.47,
    dH: 0.59, pH: 0.61, lH: 0.67, cR: 0.71, cDH: 0.73, eta: 0.79, cA: 0.83,
    dS: 0.89, pS: 0.97, lS: 0.101, cA2: 0.103, cD: 0.107, sigmaC: 0.109, sigmaE: 0.113, lL: 0.127, dI: 0.131,
    zeta: 0.137, epsC: 0.139, cP: 0.149,
  };
}

describe('writeUtilities: hand-computed V_a of THEORY §5.4 (default parameters)', () => {
  const V = utilities(defaultParameters(), EXAMPLE);
  // P3 = (0.3 + 0.5 + (1 − 0.4)) / 3 = 1.4/3; X = 0 because T = 0.5 < T* = 0.6.

  it('V_NONE = 0', () => {
    expect(V.NONE).toBe(0);
  });

  it('V_BAND = −κ_B + T·b·(1 − r)(1 − A)·G = −1.5 + 0.5·3·0.7·0.6·0.8 = −0.996', () => {
    expect(V.BAND).toBeCloseTo(-0.996, 12);
  });

  it('V_HI: u_HI = 6.5 − 0.5·0.2 − 0.5·P3 − 0.5·0.5 + 0.4·0.3 − 0.3·0.4 = 71/12, V = −3 + T·u = −1/24', () => {
    expect(V.HI).toBeCloseTo(-1 / 24, 12);
  });

  it('V_HE: u_HE = 6.5 − 0.1 − 0.7/3 − 0.25 + 0.6·0.4 − 0.12 = 6.0366…, V = 0.018333…', () => {
    expect(V.HE).toBeCloseTo(-3 + 0.5 * (6.5 - 0.1 - 0.7 / 3 - 0.25 + 0.24 - 0.12), 12);
    expect(V.HE).toBeCloseTo(0.0183333333333, 10);
  });

  it('soft options: common part β_S + p_S·P3 + l_S·λ + c_D·disp = 2.41', () => {
    // u_SE = 2.41 + 0.3·0.2 + 0.3·0.4 = 2.59 → V = −1.5 + 1.295
    expect(V.SE).toBeCloseTo(-0.205, 12);
    // u_SS = 2.41 + (0.3 − 0.3)·0.2 + 0.4·0.1 = 2.45 → V = −1.5 + 1.225
    expect(V.SS).toBeCloseTo(-0.275, 12);
    // u_SL = 2.41 + 0.3·0.2 + 0.3·0.5 = 2.62 → V = −1.5 + 1.31
    expect(V.SL).toBeCloseTo(-0.19, 12);
  });

  it('institutional options: u_II = 0.5 + 0.51 + 0.5·0.6 = 1.31, u_IE = 1.5 + 0.51 + 0 = 2.01', () => {
    expect(V.II).toBeCloseTo(-1 + 0.5 * 1.31, 12);
    expect(V.IE).toBeCloseTo(-1 + 0.5 * 2.01, 12);
  });

  it('adds the existential term ξ·X to HI and HE only, X = (T − T*)/(1 − T*)', () => {
    const z = EXAMPLE.slice();
    z[Z_T] = 0.8; // X = (0.8 − 0.6)/0.4 = 0.5, ξ·X = 1
    const W = utilities(defaultParameters(), z);
    expect(W.HI).toBeCloseTo(-3 + 0.8 * (71 / 12) + 1, 12);
    expect(W.HE).toBeCloseTo(-3 + 0.8 * (6.5 - 0.1 - 0.7 / 3 - 0.25 + 0.24 - 0.12) + 1, 12);
    expect(W.SE).toBeCloseTo(-1.5 + 0.8 * 2.59, 12);
    expect(W.IE).toBeCloseTo(-1 + 0.8 * 2.01, 12);
  });

  it('X = 0 exactly at T = T* (the kink is at T*, not before)', () => {
    const p = defaultParameters();
    const at = EXAMPLE.slice(); at[Z_T] = p.tStar;
    const Vat = utilities(p, at);
    expect(Vat.HI).toBeCloseTo(-3 + 0.6 * (71 / 12), 12);
  });

  it('at T = 0 every V_a is −κ_a (context is irrelevant, P1)', () => {
    const p = defaultParameters();
    const z = EXAMPLE.slice(); z[Z_T] = 0;
    const W = utilities(p, z);
    expect(W).toEqual({
      NONE: 0, BAND: -p.kappaBAND, HI: -p.kappaHI, HE: -p.kappaHE, SE: -p.kappaSE, SS: -p.kappaSS,
      SL: -p.kappaSL, II: -p.kappaII, IE: -p.kappaIE,
    });
  });

  it('newClub adds κ_create to IE only, independent of T', () => {
    const p = defaultParameters();
    for (const T of [0, 0.5, 0.9]) {
      const z0 = EXAMPLE.slice(); z0[Z_T] = T;
      const z1 = z0.slice(); z1[Z_NEWCLUB] = 1;
      const a = utilities(p, z0);
      const b = utilities(p, z1);
      expect(b.IE - a.IE).toBeCloseTo(-p.kappaCreate, 12);
      for (const o of OPTIONS) if (o !== 'IE') expect(b[o]).toBe(a[o]);
    }
  });
});

describe('writeUtilities: each context variable enters V_a with T × its §5.4 coefficient', () => {
  const p = distinct();
  const T = 0.45; // below T* = 0.55 so X = 0
  const base = packed({
    [Z_T]: T, [Z_D]: 0.3, [Z_DT]: 0.25, [Z_THETA]: 0.2, [Z_NU]: 0.35, [Z_IDEO]: 0.45, [Z_LAM]: 0.55, [Z_R]: 0.4,
    [Z_DISP]: 0.15, [Z_A]: 0.65, [Z_RHOI]: 0.5, [Z_RHOE]: 0.3, [Z_CON]: 0.6, [Z_ALLY]: 0, [Z_G]: 0.7,
  });
  const r = base[Z_R];
  const A = base[Z_A];
  const G = base[Z_G];
  const zero: Record<Option, number> = { NONE: 0, BAND: 0, HI: 0, HE: 0, SE: 0, SS: 0, SL: 0, II: 0, IE: 0 };
  const soft = (c: number): Partial<Record<Option, number>> => ({ SE: c, SS: c, SL: c, II: c, IE: c });

  // ∂u_a/∂z for every option (V_NONE and the mask never depend on z).
  const cases: { name: string; slot: number; coef: Partial<Record<Option, number>> }[] = [
    { name: 'D', slot: Z_D, coef: { HI: -p.dH, HE: -p.dH, SE: p.dS, SS: p.dS - p.sigmaC, SL: p.dS, II: p.dS + p.dI, IE: p.dS + p.dI } },
    { name: 'Dt', slot: Z_DT, coef: { SS: p.sigmaE } },
    { name: 'θ (via P3/3)', slot: Z_THETA, coef: { HI: -p.pH / 3, HE: -p.pH / 3, ...soft(p.pS / 3) } },
    { name: 'ν (via P3/3)', slot: Z_NU, coef: { HI: -p.pH / 3, HE: -p.pH / 3, ...soft(p.pS / 3) } },
    { name: 'ideo (via P3, with a minus sign)', slot: Z_IDEO, coef: { HI: p.pH / 3, HE: p.pH / 3, ...soft(-p.pS / 3) } },
    { name: 'λ', slot: Z_LAM, coef: { HI: -p.lH, HE: -p.lH, SE: p.lS, SS: p.lS, SL: p.lS + p.lL, II: p.lS, IE: p.lS } },
    { name: 'r (disp held fixed)', slot: Z_R, coef: { BAND: -p.b * (1 - A) * G, HI: p.cR, II: p.cP, IE: -p.cP } },
    { name: 'disp', slot: Z_DISP, coef: { HI: -p.cDH, HE: -p.cDH, ...soft(p.cD) } },
    { name: 'A', slot: Z_A, coef: { BAND: -p.b * (1 - r) * G, HE: p.cA, SE: p.cA2 } },
    { name: 'ρI', slot: Z_RHOI, coef: { II: p.zeta } },
    { name: 'ρE', slot: Z_RHOE, coef: { IE: p.zeta } },
    { name: 'CON', slot: Z_CON, coef: { II: -p.epsC, IE: p.epsC } },
    { name: 'allyT', slot: Z_ALLY, coef: { HI: -p.eta, HE: -p.eta } },
    { name: 'G', slot: Z_G, coef: { BAND: p.b * (1 - r) * (1 - A) } },
  ];

  for (const c of cases) {
    it(`${c.name}: ΔV_a = T·coef_a·Δz for every option`, () => {
      const delta = c.slot === Z_ALLY ? 1 : 0.2;
      const z1 = base.slice(); z1[c.slot] += delta;
      const v0 = utilities(p, base);
      const v1 = utilities(p, z1);
      const coef = { ...zero, ...c.coef };
      for (const o of OPTIONS) {
        expect(v1[o] - v0[o], `${o}`).toBeCloseTo(T * coef[o] * delta, 12);
      }
    });
  }

  it('T: ∂V_a/∂T = u_a below T*, i.e. V_a = −κ_a + T·u_a is linear in T', () => {
    const at = (t: number): Record<Option, number> => { const z = base.slice(); z[Z_T] = t; return utilities(p, z); };
    const v0 = at(0);
    const v1 = at(0.2);
    const v2 = at(0.4);
    for (const o of OPTIONS) {
      expect(v2[o] - v1[o], o).toBeCloseTo(v1[o] - v0[o], 12);
    }
    // u_SL by hand at the base context
    const P3 = (0.2 + 0.35 + (1 - 0.45)) / 3;
    const uSL = p.betaS + p.dS * 0.3 + p.pS * P3 + (p.lS + p.lL) * 0.55 + p.cD * 0.15;
    expect((v1.SL - v0.SL) / 0.2).toBeCloseTo(uSL, 10);
    expect(v0.SL).toBeCloseTo(-p.kappaSL, 12);
  });

  it('T above T*: the slope in T of the hard options rises by ξ/(1 − T*), the others do not (P3 kink)', () => {
    const at = (t: number): Record<Option, number> => { const z = base.slice(); z[Z_T] = t; return utilities(p, z); };
    const kink = p.xi / (1 - p.tStar); // T* = 0.55
    const [a, b, c, d] = [at(0.3), at(0.5), at(0.6), at(0.8)];
    for (const o of OPTIONS) {
      const below = (b[o] - a[o]) / 0.2;
      const above = (d[o] - c[o]) / 0.2;
      const expected = o === 'HI' || o === 'HE' ? kink : 0;
      expect(above - below, o).toBeCloseTo(expected, 9);
    }
    // and V is continuous at T*: the jump over [T* − h, T* + h] vanishes with h
    const h = 1e-7;
    expect(at(0.55 + h).HI - at(0.55 - h).HI).toBeLessThan(1e-5);
  });

  it('ideology example: P3 uses 1 − ideo_j (ideo 0 → P3 = (θ + ν + 1)/3)', () => {
    const d = defaultParameters();
    const z = packed({ [Z_T]: 1, [Z_THETA]: 0, [Z_NU]: 0, [Z_IDEO]: 0 }); // P3 = 1/3, disp = 0 given explicitly
    const V = utilities(d, z);
    // u_SL = β_S + p_S·(1/3) = 2.1 → V_SL = −1.5 + 2.1
    expect(V.SL).toBeCloseTo(0.6, 12);
  });

  it('writes at the given offsets and nowhere else', () => {
    const z = new Float64Array(3 * Z_SIZE).fill(Number.NaN);
    z.set(EXAMPLE, Z_SIZE);
    const out = new Float64Array(3 * OPTION_COUNT).fill(-7);
    writeUtilities(defaultParameters(), z, Z_SIZE, out, OPTION_COUNT);
    const ref = new Float64Array(OPTION_COUNT);
    writeUtilities(defaultParameters(), EXAMPLE, 0, ref, 0);
    expect(Array.from(out.subarray(OPTION_COUNT, 2 * OPTION_COUNT))).toEqual(Array.from(ref));
    expect(Array.from(out.subarray(0, OPTION_COUNT)).every((x) => x === -7)).toBe(true);
    expect(Array.from(out.subarray(2 * OPTION_COUNT)).every((x) => x === -7)).toBe(true);
  });

  it('defaults satisfy the threat ladder u_II ≤ u_S ≤ u_H and u_II ≤ u_IE ≤ u_H for any z (C3, fast-check)', () => {
    const d = defaultParameters();
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(fc.property(fc.array(unit, { minLength: 14, maxLength: 14 }), fc.boolean(), (zs, ally) => {
      const z = new Float64Array(Z_SIZE);
      const slots = [Z_D, Z_DT, Z_THETA, Z_NU, Z_IDEO, Z_LAM, Z_R, Z_DISP, Z_A, Z_RHOI, Z_RHOE, Z_CON, Z_G];
      slots.forEach((s, k) => { z[s] = zs[k]; });
      z[Z_ALLY] = ally ? 1 : 0;
      z[Z_T] = 0.5; // < T*, so u_a = (V_a + κ_a)/T
      const V = utilities(d, z);
      const u = (o: Option, kappa: number): number => (V[o] + kappa) / 0.5;
      const uII = u('II', d.kappaII);
      const uIE = u('IE', d.kappaIE);
      const uS = [u('SE', d.kappaSE), u('SS', d.kappaSS), u('SL', d.kappaSL)];
      const uH = [u('HI', d.kappaHI), u('HE', d.kappaHE)];
      const eps = 1e-9;
      for (const s of uS) {
        if (!(uII <= s + eps)) return false;
        for (const h of uH) if (!(s <= h + eps)) return false;
      }
      for (const h of uH) if (!(uIE <= h + eps)) return false;
      return uII <= uIE + eps && uII >= -eps; // C7: u_II ≥ 0
    }), { numRuns: 300 });
  });
});

describe('writeLogit: the multinomial logit of THEORY §5.4', () => {
  const all = (): Uint8Array => new Uint8Array(OPTION_COUNT).fill(1);

  it('computes exp(V_a/μ)/Σ exp(V_b/μ) (hand example)', () => {
    const v = Float64Array.from([0, Math.log(2), Math.log(3), 0, 0, 0, 0, 0, 0]);
    const out = new Float64Array(OPTION_COUNT);
    writeLogit(v, all(), 1, out, 0);
    // weights 1, 2, 3, 1×6 → total 12
    expect(out[0]).toBeCloseTo(1 / 12, 14);
    expect(out[1]).toBeCloseTo(2 / 12, 14);
    expect(out[2]).toBeCloseTo(3 / 12, 14);
    for (let a = 3; a < OPTION_COUNT; a++) expect(out[a]).toBeCloseTo(1 / 12, 14);
  });

  it('divides by μ: with μ = 0.5, V = ln 2 gives weight 4', () => {
    const v = new Float64Array(OPTION_COUNT);
    v[2] = Math.log(2);
    const out = new Float64Array(OPTION_COUNT);
    writeLogit(v, all(), 0.5, out, 0);
    expect(out[2]).toBeCloseTo(4 / 12, 14);
    expect(out[0]).toBeCloseTo(1 / 12, 14);
  });

  it('gives masked options exactly 0 and renormalises over the rest', () => {
    const v = Float64Array.from([0, 5, 1, 2, 3, 4, 0.5, -1, 10]);
    const mask = all();
    mask[1] = 0; mask[8] = 0; // mask the two largest
    const out = new Float64Array(OPTION_COUNT);
    writeLogit(v, mask, 1, out, 0);
    expect(out[1]).toBe(0);
    expect(out[8]).toBe(0);
    const z = [0, 1, 2, 3, 4, 0.5, -1].reduce((s, x) => s + Math.exp(x), 0);
    expect(out[5]).toBeCloseTo(Math.exp(4) / z, 14);
    expect(out.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
  });

  it('only NONE available → p_NONE = 1', () => {
    const mask = new Uint8Array(OPTION_COUNT); mask[0] = 1;
    const out = new Float64Array(OPTION_COUNT);
    writeLogit(Float64Array.from([-50, 9, 9, 9, 9, 9, 9, 9, 9]), mask, 0.3, out, 0);
    expect(Array.from(out)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('is stable for huge utilities (1e6): finite, sums to 1, equals the shifted problem', () => {
    const small = Float64Array.from([0, -1, 0.5, 2, -3, 1, 0.25, -0.5, 1.5]);
    const huge = small.map((x) => x + 1e6);
    const a = new Float64Array(OPTION_COUNT);
    const b = new Float64Array(OPTION_COUNT);
    writeLogit(small, all(), 1, a, 0);
    writeLogit(huge, all(), 1, b, 0);
    expect(b.every((x) => Number.isFinite(x))).toBe(true);
    expect(b.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    for (let k = 0; k < OPTION_COUNT; k++) expect(b[k]).toBeCloseTo(a[k], 9);
    const neg = small.map((x) => x - 1e6);
    writeLogit(neg, all(), 1, b, 0);
    for (let k = 0; k < OPTION_COUNT; k++) expect(b[k]).toBeCloseTo(a[k], 9);
  });

  it('all utilities equal to 1e6 → uniform 1/9', () => {
    const out = new Float64Array(OPTION_COUNT);
    writeLogit(new Float64Array(OPTION_COUNT).fill(1e6), all(), 1e-3, out, 0);
    for (const x of out) expect(x).toBeCloseTo(1 / 9, 14);
  });

  it('tiny μ tends to argmax without NaN; exact ties split the mass', () => {
    const v = Float64Array.from([0, 0.1, 0.3, 0.2, 0.3, 0, 0, 0, 0]);
    const out = new Float64Array(OPTION_COUNT);
    writeLogit(v, all(), 1e-300, out, 0);
    expect(out.every((x) => Number.isFinite(x))).toBe(true);
    expect(out[2]).toBe(0.5);
    expect(out[4]).toBe(0.5);
    expect(out[1]).toBe(0);
    v[4] = 0.29;
    writeLogit(v, all(), 1e-6, out, 0);
    expect(out[2]).toBe(1);
    expect(out.reduce((s, x) => s + x, 0)).toBe(1);
  });

  it('large μ tends to uniform over available options (F3)', () => {
    const v = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const mask = all(); mask[3] = 0;
    const out = new Float64Array(OPTION_COUNT);
    writeLogit(v, mask, 1e9, out, 0);
    for (let a = 0; a < OPTION_COUNT; a++) {
      if (a === 3) expect(out[a]).toBe(0);
      else expect(out[a]).toBeCloseTo(1 / 8, 7);
    }
  });

  it('works at an offset and leaves the rest of the buffers alone', () => {
    const v = new Float64Array(2 * OPTION_COUNT).fill(1);
    const mask = new Uint8Array(2 * OPTION_COUNT).fill(1);
    const out = new Float64Array(2 * OPTION_COUNT).fill(-1);
    v[OPTION_COUNT + OPTION_INDEX.HI] = 1 + Math.log(8); // weight 8 vs 1 for the others: total 16
    writeLogit(v, mask, 1, out, OPTION_COUNT);
    expect(Array.from(out.subarray(0, OPTION_COUNT)).every((x) => x === -1)).toBe(true);
    expect(out[OPTION_COUNT + OPTION_INDEX.HI]).toBeCloseTo(0.5, 14);
    expect(out[OPTION_COUNT]).toBeCloseTo(1 / 16, 14);
  });

  it('F3: adding a constant to all V changes nothing (fast-check)', () => {
    const arb = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 9, maxLength: 9 });
    fc.assert(fc.property(arb, fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 0.05, max: 5, noNaN: true }),
      (vs, c, mu) => {
        const a = new Float64Array(OPTION_COUNT);
        const b = new Float64Array(OPTION_COUNT);
        writeLogit(Float64Array.from(vs), all(), mu, a, 0);
        writeLogit(Float64Array.from(vs.map((x) => x + c)), all(), mu, b, 0);
        for (let k = 0; k < OPTION_COUNT; k++) if (Math.abs(a[k] - b[k]) > 1e-9) return false;
        return true;
      }), { numRuns: 200 });
  });
});
