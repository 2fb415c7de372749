/**
 * Sine, cosine and arcsine that give the same bits in every JavaScript engine: fdlibm's algorithms
 * (Sun Microsystems' freely distributable libm, 1993: k_sin.c, k_cos.c, e_rem_pio2.c, s_sin.c,
 * s_cos.c, e_asin.c; "Permission to use, copy, modify, and distribute this software is freely
 * granted, provided that this notice is preserved"), written here in TypeScript from IEEE-754
 * additions, multiplications, divisions and `Math.sqrt`, which every engine rounds the same way.
 *
 * Why (docs/model.md §5.1 d_ij and §5.8 "Exact arithmetic"; docs/explore.md): ECMAScript does not require `Math.sin`,
 * `Math.cos` or `Math.asin` to be correctly rounded, and engines differ in the last bit — Node 20's
 * V8 computes them with fdlibm, Chromium's V8 (and, built the same way, later Node versions) with
 * routines derived from glibc, and other engines with their own. The world's proximity matrix is
 * made from great-circle distances, so a scenario with locations could give different threats in
 * the explorer than in Node, or in one Node version than another. These functions give exactly
 * what Node 20's `Math.sin`, `Math.cos` and `Math.asin` give (fdlibm, as in V8's ieee754.cc), on
 * any engine, so results recorded with Node 20 stay as they were.
 *
 * Domain: sine and cosine for |x| ≤ 2²⁰·π/2 (fdlibm's "medium" argument reduction; a distance's
 * angles are at most π); a larger finite argument is a RangeError, not silently approximated.
 * NaN and ±∞ give NaN, as `Math.sin` does.
 *
 * @packageDocumentation
 */

import { clearLow, fromWords, highWord } from './doubleWords.js';

// sin(x) ≈ x + S1·x³ + … + S6·x¹³ on [−π/4, π/4] (fdlibm k_sin.c).
const S1 = -1.66666666666666324348e-01;
const S2 = 8.33333333332248946124e-03;
const S3 = -1.98412698298579493134e-04;
const S4 = 2.75573137070700676789e-06;
const S5 = -2.50507602534068634195e-08;
const S6 = 1.58969099521155010221e-10;

// cos(x) ≈ 1 − x²/2 + C1·x⁴ + … + C6·x¹⁴ on [−π/4, π/4] (fdlibm k_cos.c).
const C1 = 4.16666666666666019037e-02;
const C2 = -1.38888888888741095749e-03;
const C3 = 2.48015872894767294178e-05;
const C4 = -2.75573143513906633035e-07;
const C5 = 2.08757232129817482790e-09;
const C6 = -1.13596475577881948265e-11;

/** sin(x + y) for |x| ≤ π/4, y the tail of x; `tail` false means y = 0. */
function kernelSin(x: number, y: number, tail: boolean): number {
  if ((highWord(x) & 0x7fffffff) < 0x3e400000) return x; // |x| < 2⁻²⁷: sin x = x to the last bit
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!tail) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/** cos(x + y) for |x| ≤ π/4, y the tail of x. */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2⁻²⁷
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // 1 − qx and x²/2 − qx are exact with qx = |x|/4 cut to its high word (0.28125 above 0.78125).
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

// π/2 in three pieces of 33 bits and their tails; 2/π to 53 bits (fdlibm e_rem_pio2.c).
const INV_PIO2 = 6.36619772367581382433e-01;
const PIO2_1 = 1.57079632673412561417e+00;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;
/** High words of n·π/2 for n = 1 … 32: an argument this close to one needs the careful reduction. */
const NPIO2_HIGH = Int32Array.of(
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
);

/** The reduced argument of the last {@link reduce}: x − n·π/2 = head + tail, |head| ≤ π/4. */
let head = 0;
let tail = 0;

/**
 * Reduces x (π/4 < |x| ≤ 2²⁰·π/2) to x − n·π/2 in (head, tail) and returns n. The reduction
 * subtracts n·π/2 in up to three pieces, each time only when the result lost too many bits.
 */
function reduce(x: number, hx: number, ix: number): number {
  if (ix < 0x4002d97c) { // |x| < 3π/4: n = ±1
    const near = ix === 0x3ff921fb; // near π/2: one more piece of π/2
    if (hx > 0) {
      let z = x - PIO2_1;
      if (!near) { head = z - PIO2_1T; tail = (z - head) - PIO2_1T; } else { z -= PIO2_2; head = z - PIO2_2T; tail = (z - head) - PIO2_2T; }
      return 1;
    }
    let z = x + PIO2_1;
    if (!near) { head = z + PIO2_1T; tail = (z - head) + PIO2_1T; } else { z += PIO2_2; head = z + PIO2_2T; tail = (z - head) + PIO2_2T; }
    return -1;
  }
  if (ix > 0x413921fb) throw new RangeError(`fdlibm sin/cos: |x| = ${Math.abs(x)} is beyond 2^20·π/2, outside the supported domain`);
  const t = Math.abs(x);
  const n = Math.trunc(t * INV_PIO2 + 0.5);
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T; // good to 85 bits
  if (n < 32 && ix !== NPIO2_HIGH[n - 1]) {
    head = r - w;
  } else {
    const j = ix >> 20;
    head = r - w;
    let lost = j - ((highWord(head) >> 20) & 0x7ff);
    if (lost > 16) { // a second piece: good to 118 bits
      let u = r;
      w = fn * PIO2_2;
      r = u - w;
      w = fn * PIO2_2T - ((u - r) - w);
      head = r - w;
      lost = j - ((highWord(head) >> 20) & 0x7ff);
      if (lost > 49) { // a third: 151 bits
        u = r;
        w = fn * PIO2_3;
        r = u - w;
        w = fn * PIO2_3T - ((u - r) - w);
        head = r - w;
      }
    }
  }
  tail = (r - head) - w;
  if (hx < 0) { head = -head; tail = -tail; return -n; }
  return n;
}

/** sin x, the same bits in every engine (fdlibm s_sin.c). */
export function fdlibmSin(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, false); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return x - x; // NaN, ±∞
  switch (reduce(x, hx, ix) & 3) {
    case 0: return kernelSin(head, tail, true);
    case 1: return kernelCos(head, tail);
    case 2: return -kernelSin(head, tail, true);
    default: return -kernelCos(head, tail);
  }
}

/** cos x, the same bits in every engine (fdlibm s_cos.c). */
export function fdlibmCos(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return x - x;
  switch (reduce(x, hx, ix) & 3) {
    case 0: return kernelCos(head, tail);
    case 1: return -kernelSin(head, tail, true);
    case 2: return -kernelCos(head, tail);
    default: return kernelSin(head, tail, true);
  }
}

// asin(x) ≈ x + x·R(x²), R = P/Q a rational fit on [0, 0.5] (fdlibm e_asin.c).
const PIO2_HI = 1.57079632679489655800e+00;
const PIO2_LO = 6.12323399573676603587e-17;
const PIO4_HI = 7.85398163397448278999e-01;
const PS0 = 1.66666666666666657415e-01;
const PS1 = -3.25565818622400915405e-01;
const PS2 = 2.01212532134862925881e-01;
const PS3 = -4.00555345006794114027e-02;
const PS4 = 7.91534994289814532176e-04;
const PS5 = 3.47933107596021167570e-05;
const QS1 = -2.40339491173441421878e+00;
const QS2 = 2.02094576023350569471e+00;
const QS3 = -6.88283971605453293030e-01;
const QS4 = 7.70381505559019352791e-02;

const asinP = (t: number): number => t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
const asinQ = (t: number): number => 1 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));

/** arcsin x, the same bits in every engine (fdlibm e_asin.c); NaN outside [−1, 1]. */
export function fdlibmAsin(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) { // |x| ≥ 1 (or NaN)
    if (x === 1 || x === -1) return x * PIO2_HI + x * PIO2_LO;
    return NaN;
  }
  if (ix < 0x3fe00000) { // |x| < 0.5
    if (ix < 0x3e400000) return x; // |x| < 2⁻²⁷
    const t = x * x;
    return x + x * (asinP(t) / asinQ(t));
  }
  // 0.5 ≤ |x| < 1: asin x = π/2 − 2·asin(√((1 − |x|)/2))
  const t = (1 - Math.abs(x)) * 0.5;
  const p = asinP(t);
  const q = asinQ(t);
  const s = Math.sqrt(t);
  let result: number;
  if (ix >= 0x3fef3333) { // |x| > 0.975
    result = PIO2_HI - (2 * (s + s * (p / q)) - PIO2_LO);
  } else {
    const f = clearLow(s); // s's high part, and c: f + c = √t to more than double precision
    const c = (t - f * f) / (s + f);
    const pp = 2 * s * (p / q) - (PIO2_LO - 2 * c);
    const qq = PIO4_HI - 2 * f;
    result = PIO4_HI - (pp - qq);
  }
  return hx > 0 ? result : -result;
}
