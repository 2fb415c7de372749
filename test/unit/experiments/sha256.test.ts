import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/experiments/canonicalJson.js';
import { sha256Hex } from '../../../src/experiments/sha256.js';

describe('sha256 (pure, browser-safe)', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))
      .toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto on inputs around the block boundaries and on non-ASCII text', () => {
    for (const n of [1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'λ'.repeat(n % 7) + 'x'.repeat(n);
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: undefined, x: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":"é","z":0}]},"b":1}');
  });

  it('writes numbers as JSON.stringify does (shortest round-trip) and rejects non-finite ones', () => {
    expect(canonicalJson([0.1 + 0.2, 1e-7, 2 ** 53, -0])).toBe('[0.30000000000000004,1e-7,9007199254740992,0]');
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
  });
});
