import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString, mix32 } from '../../../src/random/hashString.js';

const M32 = 0xffffffffn;

/** Reference FNV-1a over UTF-16 code units, in BigInt arithmetic (independent of Math.imul). */
function fnv1aRef(text: string): number {
  let h = 0x811c9dc5n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x01000193n) & M32;
  }
  return Number(h);
}

/** Reference of the murmur3-style finaliser, in BigInt arithmetic. */
function mix32Ref(a: number, b: number): number {
  const A = BigInt(a >>> 0);
  const B = BigInt(b >>> 0);
  let h = (A ^ ((B * 0x9e3779b1n) & M32)) & M32;
  h ^= h >> 16n;
  h = (h * 0x85ebca6bn) & M32;
  h ^= h >> 13n;
  h = (h * 0xc2b2ae35n) & M32;
  h ^= h >> 16n;
  return Number(h);
}

describe('hashString: FNV-1a 32-bit', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('returns an unsigned 32-bit integer equal to the BigInt reference (fast-check, incl. non-ASCII)', () => {
    // arbitrary UTF-16 code units, lone surrogates included
    const text = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 24 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(fc.property(text, (s) => {
      const h = hashString(s);
      return Number.isInteger(h) && h >= 0 && h <= 0xffffffff && h === fnv1aRef(s);
    }), { numRuns: 300 });
  });

  it('hashes UTF-16 code units: "é" (U+00E9) hashes like the single byte 0xE9', () => {
    expect(hashString('é')).toBe(fnv1aRef('\u00e9'));
    expect(hashString('é')).toBe(Number(((0x811c9dc5n ^ 0xe9n) * 0x01000193n) & M32));
  });

  it('distinguishes typical state ids', () => {
    const ids = ['USA', 'RUS', 'CHN', 'UKG', 'FRN', 'GMY', 'TUR', 'JPN', 'IND', 'BRA'];
    expect(new Set(ids.map(hashString)).size).toBe(ids.length);
  });
});

describe('mix32', () => {
  it('matches the BigInt reference (fast-check)', () => {
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(fc.property(u32, u32, (a, b) => mix32(a, b) === mix32Ref(a, b)), { numRuns: 300 });
  });

  it('is an unsigned 32-bit integer, 0 at (0, 0), and depends on the order of its arguments', () => {
    expect(mix32(0, 0)).toBe(0);
    expect(mix32(1, 2)).toBe(mix32Ref(1, 2));
    expect(mix32(1, 2)).not.toBe(mix32(2, 1));
    const h = mix32(0xdeadbeef, 12345);
    expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
  });
});
