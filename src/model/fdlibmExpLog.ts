/**
 * exp, expm1, log and log1p that give the same bits in every JavaScript engine: fdlibm's algorithms
 * (Sun Microsystems' freely distributable libm, 1993: e_exp.c, s_expm1.c, e_log.c, s_log1p.c;
 * "Permission to use, copy, modify, and distribute this software is freely granted, provided that
 * this notice is preserved"), written in TypeScript from IEEE-754 operations that every engine
 * rounds the same way, with V8's one change (exp(1) returns the double nearest e).
 *
 * Why (docs/model.md §5.8, "Exact arithmetic"): ECMAScript does not fix the last bit of `Math.exp`
 * and its kin, and engines differ — Node 20 and 22 compute them with fdlibm, Chromium 156 with other
 * routines (a tenth of `Math.exp` results differ in the last bit), Node 24's `Math.pow` differs from
 * Node 20's. The model's decisions, decays and proximities go through these functions, so a run
 * could differ between the explorer and Node, or between Node versions. These functions give
 * exactly what Node 20's `Math` gives, on any engine (test/unit/model/fdlibmExpLog.test.ts).
 *
 * @packageDocumentation
 */
import { fromWords, highWord, lowWord, withHigh } from './doubleWords.js';

const LN2_HI = 6.93147180369123816490e-01; // ln 2 in two pieces: n·LN2_HI is exact for |n| < 2000
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e+00;
const E = 2.718281828459045;
const O_THRESHOLD = 7.09782712893383973096e+02; // exp overflows above
const U_THRESHOLD = -7.45133219101941108420e+02; // and underflows to 0 below
const TWO1023 = 8.988465674311579539e307;
const TWOM1000 = 9.33263618503218878990e-302;
// exp(r) on [−ln2/2, ln2/2]: R1(r) = r − (P1·r² + … + P5·r¹⁰) (fdlibm e_exp.c).
const P1 = 1.66666666666666019037e-01;
const P2 = -2.77777777770155933842e-03;
const P3 = 6.61375632143793436117e-05;
const P4 = -1.65339022054652515390e-06;
const P5 = 4.13813679705723846039e-08;

/**
 * r − t·(P1 + t·(P2 + … + t·P5)), t = r²: the polynomial part of e^r on [−ln2/2, ln2/2] that exp and
 * pow share (fdlibm e_exp.c, e_pow.c). @internal
 */
export function expPolynomial(r: number, t: number): number {
  return r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
}

// The high-word tests of the C code as comparisons of |x| with the doubles whose high word is the
// constant and whose low word is 0 (for positive doubles the order of values is that of their bits):
// no word is extracted in the hot path. ax ≥ H ⇔ |x| ≥ w(H); ax > H ⇔ |x| ≥ w(H + 1); ax < H ⇔ |x| < w(H).
const w = (hi: number): number => fromWords(hi, 0);
const ABS_709 = w(0x40862e42); // |x| ≥ 709.78…: overflow or underflow possible
const ABS_56LN2 = w(0x4043687a); // |x| ≥ 56·ln2
const ABS_HALF_LN2 = w(0x3fd62e43); // |x| > ln2/2
const ABS_1P5_LN2 = w(0x3ff0a2b2); // |x| < 1.5·ln2
const ABS_2M28 = w(0x3e300000); // 2⁻²⁸
const ABS_2M54 = w(0x3c900000); // 2⁻⁵⁴
/**
 * The argument and result of the in-place forms. A function that V8 does not inline boxes every
 * double passed to it or returned from it (an allocation per call); exp and expm1 are too long to
 * be inlined into the model's loops, so each exported function is a tiny wrapper (inlined) around
 * an in-place form that reads and writes this array.
 */
const IO = new Float64Array(1);
/** 2^k for k = −1022 … 1023, at index k + 1022: exact powers of two without building their words per call. */
const POW2 = new Float64Array(2046);
for (let k = -1022; k <= 1023; k++) POW2[k + 1022] = w((k + 1023) << 20);

/** e^x, the same bits in every engine (fdlibm e_exp.c). */
export function fdlibmExp(x: number): number {
  IO[0] = x;
  fdlibmExpInPlace(IO, 0, 1);
  return IO[0];
}

/**
 * e^v[k] for k = from … to − 1, in place (fdlibm e_exp.c, as {@link fdlibmExp}): one call for a
 * row of values, e.g. the choice's nine options (e^−∞ = 0 for a masked one). No allocation.
 */
export function fdlibmExpInPlace(v: Float64Array, from: number, to: number): void {
  // The algorithm is written once, in this loop: a call per value (it is too long for V8 to inline)
  // cost a third more than the loop itself.
  for (let i = from; i < to; i++) {
    const x = v[i];
    const ax = Math.abs(x);
    if (!(ax < ABS_709)) { // |x| ≥ 709.78…, ±∞ or NaN
      if (x !== x) { v[i] = x + x; continue; } // NaN
      if (ax === Infinity) { v[i] = x > 0 ? x : 0; continue; }
      if (x > O_THRESHOLD) { v[i] = Infinity; continue; }
      if (x < U_THRESHOLD) { v[i] = 0; continue; }
    }
    const negative = x < 0;
    let k = 0;
    let hi = 0;
    let lo = 0;
    let r = x;
    if (ax >= ABS_HALF_LN2) { // |x| > ln2/2: x = k·ln2 + r
      if (ax < ABS_1P5_LN2) { // and < 1.5·ln2: k = ±1
        if (x === 1) { v[i] = E; continue; }
        hi = negative ? x + LN2_HI : x - LN2_HI;
        lo = negative ? -LN2_LO : LN2_LO;
        k = negative ? -1 : 1;
      } else {
        k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0; // truncation, as C's cast (|k| ≤ 1077)
        hi = x - k * LN2_HI; // exact
        lo = k * LN2_LO;
      }
      r = hi - lo;
    } else if (ax < ABS_2M28) {
      v[i] = 1 + x; continue;
    }
    const t = r * r;
    const c = expPolynomial(r, t);
    if (k === 0) { v[i] = 1 - ((r * c) / (c - 2) - r); continue; }
    const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
    if (k >= -1021) {
      if (k === 1024) { v[i] = y * 2 * TWO1023; continue; }
      v[i] = y * POW2[k + 1022]; continue; // y·2^k
    }
    v[i] = y * POW2[k + 1000 + 1022] * TWOM1000; // two steps, the last one rounding a subnormal once
  }
}


// expm1(r) on [0, 0.3466]: R1(z) ≈ 1 + Q1·z + … + Q5·z⁵, z = r²/2 (fdlibm s_expm1.c).
const Q1 = -3.33333333333331316428e-02;
const Q2 = 1.58730158725481460165e-03;
const Q3 = -7.93650757867487942473e-05;
const Q4 = 4.00821782732936239552e-06;
const Q5 = -2.01099218183624371326e-07;

/** e^x − 1, accurate near 0, the same bits in every engine (fdlibm s_expm1.c). */
export function fdlibmExpm1(x: number): number {
  IO[0] = x;
  expm1At(IO, 0);
  return IO[0];
}

/** The algorithm of {@link fdlibmExpm1} on v[i], in place: a double neither passed nor returned, so never boxed. */
function expm1At(v: Float64Array, i: number): void {
  const x = v[i];
  const ax = Math.abs(x);
  const negative = x < 0;
  if (!(ax < ABS_56LN2)) { // |x| ≥ 56·ln2, ±∞ or NaN
    if (!(ax < ABS_709)) {
      if (x !== x) { v[i] = x + x; return; } // NaN
      if (ax === Infinity) { v[i] = negative ? -1 : x; return; }
      if (x > O_THRESHOLD) { v[i] = Infinity; return; }
    }
    if (negative) { v[i] = -1; return; } // x < −56·ln2: e^x − 1 rounds to −1
  }
  let k = 0;
  let c = 0;
  let r = x;
  if (ax >= ABS_HALF_LN2) { // |x| > ln2/2
    let hi: number;
    let lo: number;
    if (ax < ABS_1P5_LN2) { // and < 1.5·ln2
      if (!negative) { hi = x - LN2_HI; lo = LN2_LO; k = 1; } else { hi = x + LN2_HI; lo = -LN2_LO; k = -1; }
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    r = hi - lo;
    c = (hi - r) - lo;
  } else if (ax < ABS_2M54) { // |x| < 2⁻⁵⁴
    v[i] = x; return;
  }
  const hfx = 0.5 * r;
  const hxs = r * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - r * t));
  if (k === 0) { v[i] = r - (r * e - hxs); return; }
  e = r * (e - c) - c;
  e -= hxs;
  if (k === -1) { v[i] = 0.5 * (r - e) - 0.5; return; }
  if (k === 1) { v[i] = r < -0.25 ? -2 * (e - (r + 0.5)) : 1 + 2 * (r - e); return; }
  if (k <= -2 || k > 56) { // e^x − 1 = 2^k·(1 + expm1(r)) − 1 suffices
    let y = 1 - (e - r);
    y = k === 1024 ? y * 2 * 8.98846567431158e+307 : y * POW2[k + 1022];
    v[i] = y - 1; return;
  }
  const twopk = POW2[k + 1022];
  if (k < 20) { v[i] = ((1 - POW2[-k + 1022]) - (e - r)) * twopk; return; } // 1 − 2^−k is exact
  v[i] = (r - (e + POW2[-k + 1022]) + 1) * twopk;
}

// log(1 + f) = 2s + s·R(s²), s = f/(2 + f), on [0, 0.1716] (fdlibm e_log.c; the same for log1p).
const LG1 = 6.666666666666735130e-01;
const LG2 = 3.999999999940941908e-01;
const LG3 = 2.857142874366239149e-01;
const LG4 = 2.222219843214978396e-01;
const LG5 = 1.818357216161805012e-01;
const LG6 = 1.531383769920937332e-01;
const LG7 = 1.479819860511658591e-01;
const TWO54 = 1.80143985094819840000e+16;

/** ln x, the same bits in every engine (fdlibm e_log.c). */
export function fdlibmLog(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) { // x < 2⁻¹⁰²²: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54; // scale a subnormal up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHigh(x, hx | (i ^ 0x3ff00000)); // x or x/2 in [√2/2, √2)
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2⁻²⁰
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - ((R - k * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) { // f not small: the more accurate form
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - ((hfsq - (s * (hfsq + R) + k * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - ((s * (f - R) - k * LN2_LO) - f);
}

/** ln(1 + x), accurate near 0, the same bits in every engine (fdlibm s_log1p.c). */
export function fdlibmLog1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  if (hx < 0x3fda827a) { // 1 + x < √2
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x ≤ −1
    if (ax < 0x3e200000) { // |x| < 2⁻²⁹
      return ax < 0x3c900000 ? x : x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) { // √2/2 ≤ 1 + x < √2: f = x exactly
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // the rounding error of 1 + x
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) { // u < √2: normalise u
      u = withHigh(u, hu | 0x3ff00000);
    } else { // normalise u/2
      k += 1;
      u = withHigh(u, hu | 0x3fe00000);
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) { // |f| < 2⁻²⁰
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const R = hfsq * (1 - 0.66666666666666666 * f);
    return k === 0 ? f - R : k * LN2_HI - ((R - (k * LN2_LO + c)) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - ((hfsq - (s * (hfsq + R) + (k * LN2_LO + c))) - f);
}
