import { canonicalJson } from './canonicalJson.js';
import { JOE_KUO_DIRECTIONS, SOBOL_MAX_DIMENSIONS } from './joeKuoDirections.js';
import { seededUniform } from '../random/seededUniform.js';

/** Bits of every coordinate: points are multiples of 2^−32, so up to 2^32 points are distinct. */
const BITS = 32;
const SCALE = 2 ** BITS;

/** A scrambled Sobol' sequence: its dimension and a pure function from index to point. */
export interface SobolSequence {
  /** Coordinates of each point. */
  readonly dimensions: number;
  /**
   * The point at `index` (0 ≤ index < 2^32), each coordinate in [0, 1). Pure: the same index gives the
   * same point; computed directly (Gray-code order), so any point can be had without the ones before.
   */
  point(index: number): Float64Array;
}

/** The unscrambled direction numbers v_1 … v_32 of one dimension (0-based), as unsigned 32-bit integers. */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    // The first coordinate is the van der Corput sequence: every m_k = 1.
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [a, ...m] = JOE_KUO_DIRECTIONS[dimension - 1].split(' ').map(Number);
  const s = m.length;
  for (let k = 0; k < Math.min(s, BITS); k++) v[k] = m[k] * 2 ** (BITS - 1 - k);
  // Bratley & Fox (1988) recurrence on the primitive polynomial x^s + a_1 x^{s−1} + … + a_{s−1} x + 1:
  // v_k = v_{k−s} ⊕ (v_{k−s} >> s) ⊕ a_1 v_{k−1} ⊕ … ⊕ a_{s−1} v_{k−s+1}.
  for (let k = s; k < BITS; k++) {
    let x = (v[k - s] ^ (v[k - s] >>> s)) >>> 0;
    for (let i = 1; i < s; i++) if (((a >>> (s - 1 - i)) & 1) === 1) x = (x ^ v[k - i]) >>> 0;
    v[k] = x;
  }
  return v;
}

function parity(x: number): number {
  let y = x >>> 0;
  y ^= y >>> 16;
  y ^= y >>> 8;
  y ^= y >>> 4;
  y ^= y >>> 2;
  y ^= y >>> 1;
  return y & 1;
}

/**
 * The Sobol' sequence (Sobol' 1967) with Joe and Kuo's direction numbers (`new-joe-kuo-6.21201`,
 * see joeKuoDirections.ts), scrambled as scipy's `qmc.Sobol(scramble=True)` scrambles it — the
 * sequence SALib's `sample.sobol` draws its Saltelli matrices from: a random linear matrix scramble
 * (Matoušek 1998: each dimension's generator matrix multiplied on the left by a random lower
 * triangular binary matrix with unit diagonal) followed by a random digital shift (XOR with a random
 * 32-bit word). Scrambling keeps the sequence's (t, s) net properties, removes the repeated
 * coordinates of the unscrambled first points (Campolongo et al. 2011, Table 2) and makes the
 * estimates random, so their spread can be assessed (Owen 2020, "On dropping the first Sobol' point").
 *
 * The scramble is drawn from a seeded stream (seededUniform) keyed by `seed` — deterministic, the
 * same on every platform, never Math.random. Use a power of two as the number of points.
 *
 * @param dimensions 1 … 128 (the rows of Joe and Kuo's table included here).
 * @param seed the scramble's seed; `null` gives the unscrambled sequence (point 0 is the origin).
 * @throws RangeError outside 1 … 128 dimensions.
 */
export function sobolSequence(dimensions: number, seed: number | string | null): SobolSequence {
  if (!(Number.isInteger(dimensions) && dimensions >= 1 && dimensions <= SOBOL_MAX_DIMENSIONS)) {
    throw new RangeError(`a Sobol' sequence here has 1 to ${SOBOL_MAX_DIMENSIONS} dimensions (got ${dimensions})`);
  }
  const v: Uint32Array[] = [];
  const shift = new Uint32Array(dimensions);
  const next = seed === null ? null : seededUniform(`sobol:${canonicalJson(seed)}`);
  const word = (): number => Math.floor((next as () => number)() * SCALE) >>> 0;
  for (let d = 0; d < dimensions; d++) {
    const raw = directionNumbers(d);
    if (next === null) { v.push(raw); continue; }
    // Rows of the lower triangular matrix L, bit 31 − l standing for column l (l = 0 is the most
    // significant bit, 2^−1): row i has its diagonal bit and random bits left of it.
    const rows = new Uint32Array(BITS);
    for (let i = 0; i < BITS; i++) {
      let row = 2 ** (BITS - 1 - i);
      for (let l = 0; l < i; l++) if (next() < 0.5) row += 2 ** (BITS - 1 - l);
      rows[i] = row >>> 0;
    }
    const scrambled = new Uint32Array(BITS);
    for (let k = 0; k < BITS; k++) {
      let x = 0;
      for (let i = 0; i < BITS; i++) if (parity(rows[i] & raw[k]) === 1) x += 2 ** (BITS - 1 - i);
      scrambled[k] = x >>> 0;
    }
    v.push(scrambled);
    shift[d] = word();
  }
  return {
    dimensions,
    point(index: number): Float64Array {
      if (!(Number.isInteger(index) && index >= 0 && index < SCALE)) throw new RangeError(`Sobol' point ${index} is outside 0 … 2^32 − 1`);
      // Antonov & Saleev (1979): point n is the XOR of the direction numbers at the set bits of its Gray code.
      const gray = (index ^ Math.floor(index / 2)) >>> 0;
      const out = new Float64Array(dimensions);
      for (let d = 0; d < dimensions; d++) {
        let x = shift[d];
        const vd = v[d];
        for (let k = 0, g = gray; g !== 0; k++, g >>>= 1) if ((g & 1) === 1) x = (x ^ vd[k]) >>> 0;
        out[d] = x / SCALE;
      }
      return out;
    },
  };
}
