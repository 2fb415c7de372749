/**
 * x^y that gives the same bits in every JavaScript engine: fdlibm's e_pow.c (Sun Microsystems'
 * freely distributable libm, 1993: "Permission to use, copy, modify, and distribute this software
 * is freely granted, provided that this notice is preserved"), in TypeScript, as V8 computes
 * `Math.pow` in Node 20 and 22. Node 24's `Math.pow` differs from it in the last bit for about a
 * tenth of non-integer exponents, and browsers' engines differ likewise (src/model/fdlibmExpLog.ts
 * says why the model needs the same bits everywhere; docs/model.md §5.8).
 *
 * Method (fdlibm): log2|x| = n + t1 + t2 to about 64 bits by a rational approximation, y times it
 * split exactly into an integer and a fraction, and 2^fraction by exp's polynomial.
 *
 * @packageDocumentation
 */
import { clearLow, fromWords, highWord, lowWord, withHigh } from './doubleWords.js';
import { expPolynomial } from './fdlibmExpLog.js';

const DP_H = 5.84962487220764160156e-01; // log2(1.5), head and tail
const DP_L = 1.35003920212974897128e-08;
const TWO53 = 9007199254740992.0;
// (3/2)·(log(x) − 2s − (2/3)·s³) ≈ s⁴·(L1 + L2·s² + … + L6·s¹⁰)
const L1 = 5.99999999999994648725e-01;
const L2 = 4.28571428578550184252e-01;
const L3 = 3.33333329818377432918e-01;
const L4 = 2.72728123808534006489e-01;
const L5 = 2.30660745775561754067e-01;
const L6 = 2.06975017800338417784e-01;
// 2^r as e^(r·ln2): exp's polynomial (expPolynomial)
const LG2 = 6.93147180559945286227e-01;
const LG2_H = 6.93147182464599609375e-01;
const LG2_L = -1.90465429995776804525e-09;
const OVT = 8.0085662595372944372e-17; // −(1024 − log2(overflow + ½ ulp))
const CP = 9.61796693925975554329e-01; // 2/(3·ln2), and in two pieces
const CP_H = 9.61796700954437255859e-01;
const CP_L = -7.02846165095275826516e-09;
const IVLN2 = 1.44269504088896338700e+00; // 1/ln2, and in two pieces
const IVLN2_H = 1.44269502162933349609e+00;
const IVLN2_L = 1.92596299112661746887e-08;
const HUGE = 1.0e300;
const TINY = 1.0e-300;
const TWO54 = 1.80143985094819840000e+16;
const TWOM54 = 5.55111512312578270212e-17;

/** x·2^n, rounded once (fdlibm s_scalbn.c); here only for results that fall below 2⁻¹⁰²². */
function scalbn(x: number, n: number): number {
  let hx = highWord(x);
  let k = (hx & 0x7ff00000) >> 20;
  if (k === 0) { // 0 or subnormal
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return x;
    x *= TWO54;
    hx = highWord(x);
    k = ((hx & 0x7ff00000) >> 20) - 54;
  }
  if (k === 0x7ff) return x + x;
  k += n;
  if (k > 0x7fe) return HUGE * (x < 0 ? -HUGE : HUGE);
  if (k > 0) return withHigh(x, (hx & 0x800fffff) | (k << 20));
  if (k <= -54) return TINY * (x < 0 ? -TINY : TINY);
  k += 54;
  return withHigh(x, (hx & 0x800fffff) | (k << 20)) * TWOM54;
}

/** x^y, the same bits in every engine (fdlibm e_pow.c, as in V8's ieee754.cc). */
export function fdlibmPow(x: number, y: number): number {
  // fdlibm's answers for y = 1, 2 and ±0, before anything else (the model's common exponents: ℓ = 1,
  // affinity's counts): x, x·x and 1, as its special cases give them.
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === 0) return 1;
  IO[0] = x;
  IO[1] = y;
  powSlot();
  return IO[0];
}

/**
 * The argument x, the exponent y and the result of {@link powSlot}. A function that V8 does not
 * inline boxes every double passed to or returned from it; the algorithm is too long to be inlined,
 * so the exported function is a small wrapper around this in-place form.
 */
const IO = new Float64Array(2);

/** The algorithm of {@link fdlibmPow} on IO[0] and IO[1], the result in IO[0]. */
function powSlot(): void {
  const x = IO[0];
  const y = IO[1];
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) { IO[0] = 1; return; } // x^0 = 1, also for NaN
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0) || iy > 0x7ff00000 || (iy === 0x7ff00000 && ly !== 0)) { IO[0] = x + y; return; } // NaN

  // For x < 0: 0 if y is not an integer, 1 if an odd one, 2 if an even one.
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yisint = 2; // |y| ≥ 2⁵³: even
    else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff;
      if (e > 20) {
        const j = ly >>> (52 - e);
        if ((j << (52 - e)) === (ly | 0)) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if ((j << (20 - e)) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) { // special y
    if (iy === 0x7ff00000) { // y = ±∞
      if (((ix - 0x3ff00000) | lx) === 0) { IO[0] = y - y; return; } // (±1)^±∞ = NaN
      if (ix >= 0x3ff00000) { IO[0] = hy >= 0 ? y : 0; return; } // |x| > 1
      IO[0] = hy < 0 ? -y : 0; return; // |x| < 1
    }
    if (iy === 0x3ff00000) { IO[0] = hy < 0 ? 1 / x : x; return; } // y = ±1
    if (hy === 0x40000000) { IO[0] = x * x; return; } // y = 2
    if (hy === 0x3fe00000 && hx >= 0) { IO[0] = Math.sqrt(x); return; } // y = 0.5, x ≥ +0
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) { // x = ±0, ±∞, ±1
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0) z = NaN; // (−1)^non-integer
      else if (yisint === 1) z = -z; // (x < 0)^odd
    }
    IO[0] = z; return;
  }

  let n = (hx >> 31) + 1; // 0 for x < 0, 1 otherwise
  if ((n | yisint) === 0) { IO[0] = NaN; return; } // (x < 0)^non-integer
  const s = (n | (yisint - 1)) === 0 ? -1 : 1; // sign of the result: (x < 0)^odd

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) { // |y| > 2³¹
    if (iy > 0x43f00000) { // |y| > 2⁶⁴: overflow or underflow
      if (ix <= 0x3fefffff) { IO[0] = hy < 0 ? HUGE * HUGE : TINY * TINY; return; }
      if (ix >= 0x3ff00000) { IO[0] = hy > 0 ? HUGE * HUGE : TINY * TINY; return; }
    }
    if (ix < 0x3fefffff) { IO[0] = hy < 0 ? s * HUGE * HUGE : s * TINY * TINY; return; }
    if (ix > 0x3ff00000) { IO[0] = hy > 0 ? s * HUGE * HUGE : s * TINY * TINY; return; }
    // |1 − x| ≤ 2⁻²⁰: log(x) by x − x²/2 + x³/3 − x⁴/4
    const t = ax - 1;
    const w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = clearLow(u + v);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) { // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000; // normalise
    let k: number;
    if (j <= 0x3988e) k = 0; // |x| < √(3/2)
    else if (j < 0xbb67a) k = 1; // |x| < √3
    else { k = 0; n += 1; ix -= 0x00100000; }
    ax = withHigh(ax, ix);
    const bp = k === 0 ? 1 : 1.5;
    // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
    let u = ax - bp;
    let v = 1 / (ax + bp);
    const ss = u * v;
    const sH = clearLow(ss);
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0); // ax + bp, high part
    let tL = ax - (tH - bp);
    const sL = v * ((u - sH * tH) - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = clearLow(3 + s2 + r);
    tL = r - ((tH - 3) - s2);
    u = sH * tH;
    v = sL * tH + tL * ss;
    const pH = clearLow(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + (k === 0 ? 0 : DP_L);
    // log2(ax) = n + dp_h + z_h + z_l
    const t = n;
    const dpH = k === 0 ? 0 : DP_H;
    t1 = clearLow(((zH + zL) + dpH) + t);
    t2 = zL - (((t1 - t) - dpH) - zH);
  }

  // (y1 + y2)·(t1 + t2), y1 = y cut to its high word
  const y1 = clearLow(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = highWord(z);
  const i = lowWord(z) | 0;
  if (j >= 0x40900000) { // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0) { IO[0] = s * HUGE * HUGE; return; }
    if (pL + OVT > z - pH) { IO[0] = s * HUGE * HUGE; return; }
  } else if ((j & 0x7fffffff) >= 0x4090cc00) { // z ≤ −1075
    if (((j - 0xc090cc00) | i) !== 0) { IO[0] = s * TINY * TINY; return; }
    if (pL <= z - pH) { IO[0] = s * TINY * TINY; return; }
  }
  // 2^(pH + pL)
  const ai = j & 0x7fffffff;
  let k = (ai >> 20) - 0x3ff;
  n = 0;
  if (ai > 0x3fe00000) { // |z| > 0.5: n = [z + 0.5]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = clearLow(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tt1 = expPolynomial(z, tt);
  const rr = (z * tt1) / ((tt1 - 2) - (w + z * w));
  z = 1 - (rr - z);
  j = (highWord(z) + (n << 20)) | 0;
  if ((j >> 20) <= 0) z = scalbn(z, n); // a subnormal result
  else z = withHigh(z, (highWord(z) + (n << 20)) | 0);
  IO[0] = s * z;
}
