/** Helpers for tests that pin floating-point results bit for bit (test/unit/model/fdlibm*.test.ts). */

/** The IEEE-754 bits of a double, as 16 hex digits (big-endian). */
export function bits(v: number): string {
  const d = new DataView(new ArrayBuffer(8));
  d.setFloat64(0, v);
  return d.getBigUint64(0).toString(16).padStart(16, '0');
}

/** A fixed sequence of uniforms in [0, 1) (a linear congruential generator; no Math.random). */
export function uniforms(seed: number): () => number {
  let x = seed >>> 0;
  return () => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return x / 4294967296; };
}

/** Two 32-bit multiplicative hashes of the results' low and high words, as 16 hex digits: a fingerprint of many results' bits. */
export function foldBits(results: Iterable<number>): string {
  const d = new DataView(new ArrayBuffer(8));
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const v of results) {
    d.setFloat64(0, v);
    h1 = Math.imul(h1 ^ d.getUint32(4), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ d.getUint32(0), 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** |a − b| within two units of b's last place (relative 2·ε, with a floor for results near 0). */
export function withinTwoUlps(a: number, b: number): boolean {
  return Object.is(a, b) || Math.abs(a - b) <= 2 * Number.EPSILON * Math.abs(b) + 1e-300;
}
