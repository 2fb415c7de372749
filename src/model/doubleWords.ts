/**
 * The two 32-bit halves of an IEEE-754 double, read and written through one shared typed array —
 * what fdlibm's GET_HIGH_WORD, SET_LOW_WORD and INSERT_WORDS do in C (src/model/fdlibmTrig.ts,
 * fdlibmExpLog.ts, fdlibmPow.ts). Typed arrays use the platform's byte order: the high word is the
 * second half on a little-endian platform (every platform Node and the browsers run on), the first
 * on a big-endian one. No allocation: the functions reuse one 8-byte buffer.
 * @internal
 */
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The high 32 bits of x (sign, exponent, top of the mantissa), as a signed integer. */
export function highWord(x: number): number {
  f64[0] = x;
  return i32[HI];
}

/** The low 32 bits of x, as an unsigned integer. */
export function lowWord(x: number): number {
  f64[0] = x;
  return i32[LO] >>> 0;
}

/** x with its low 32 bits cleared. */
export function clearLow(x: number): number {
  f64[0] = x;
  i32[LO] = 0;
  return f64[0];
}

/** x with its high 32 bits replaced by `hi` (the low bits kept). */
export function withHigh(x: number, hi: number): number {
  f64[0] = x;
  i32[HI] = hi;
  return f64[0];
}

/** The double whose high word is `hi` and whose low word is `lo`. */
export function fromWords(hi: number, lo: number): number {
  i32[HI] = hi;
  i32[LO] = lo;
  return f64[0];
}
