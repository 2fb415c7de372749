import { describe, expect, it } from 'vitest';
import { fdlibmExp, fdlibmExpm1, fdlibmLog, fdlibmLog1p } from '../../../src/model/fdlibmExpLog.js';
import { bits, foldBits, uniforms, withinTwoUlps } from '../../support/doubleBits.js';

// 100,000 fixed inputs per function over the ranges the model uses and beyond (tiny, large, near
// overflow); the fingerprints are those of Node 20's Math.exp, Math.expm1, Math.log and Math.log1p,
// which are fdlibm (the same in Node 22; Chromium 156 differs in about a tenth of exp's results).
const u = uniforms(2);
const N = 100_000;
const xs = Array.from({ length: N }, (_, k) => (u() * 2 - 1) * [1, 10, 700, 1e-6][k % 4]);
const ps = Array.from({ length: N }, (_, k) => u() * [1, 100, 1e300, 1e-300][k % 4]);

/** Whether this engine's Math.exp and Math.log are fdlibm: inputs where fdlibm is not correctly rounded. */
const engineIsFdlibm = bits(Math.exp(0.5)) === bits(fdlibmExp(0.5)) && foldBits(xs.slice(0, 2000).map(Math.exp)) === foldBits(xs.slice(0, 2000).map(fdlibmExp));

describe('fdlibmExp, fdlibmExpm1, fdlibmLog, fdlibmLog1p', () => {
  it('give fdlibm\'s bits over 100,000 fixed inputs each, on any engine (fingerprints taken from Node 20\'s Math)', () => {
    expect(foldBits(xs.map(fdlibmExp))).toBe('3e65d3aef38d0778');
    expect(foldBits(xs.map(fdlibmExpm1))).toBe('fda28eb34383d332');
    expect(foldBits(ps.map(fdlibmLog))).toBe('0bd77c14e983f926');
    expect(foldBits(xs.map((x) => fdlibmLog1p(Math.abs(x) - 0.5)))).toBe('4b8258cbaff62742');
  });

  it('stay within 2 ulps of the engine\'s own functions', () => {
    const far: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      if (!withinTwoUlps(fdlibmExp(xs[k]), Math.exp(xs[k]))) far.push(`exp ${xs[k]}`);
      if (!withinTwoUlps(fdlibmExpm1(xs[k]), Math.expm1(xs[k]))) far.push(`expm1 ${xs[k]}`);
      if (!withinTwoUlps(fdlibmLog(ps[k]), Math.log(ps[k]))) far.push(`log ${ps[k]}`);
      const v = Math.abs(xs[k]) - 0.5;
      if (!withinTwoUlps(fdlibmLog1p(v), Math.log1p(v))) far.push(`log1p ${v}`);
    }
    expect(far).toEqual([]);
  });

  it.runIf(engineIsFdlibm)('equal this engine\'s Math bit for bit, on random bit patterns too (Node 20 and 22: V8\'s fdlibm)', () => {
    const r = uniforms(99);
    const d = new DataView(new ArrayBuffer(8));
    let differ = 0;
    for (let k = 0; k < 200_000; k++) {
      d.setUint32(0, Math.floor(r() * 4294967296));
      d.setUint32(4, Math.floor(r() * 4294967296));
      const v = d.getFloat64(0); // any double: NaNs, infinities, subnormals included
      if (!Object.is(fdlibmExp(v), Math.exp(v))) differ++;
      if (!Object.is(fdlibmExpm1(v), Math.expm1(v))) differ++;
      if (!Object.is(fdlibmLog(v), Math.log(v))) differ++;
      if (!Object.is(fdlibmLog1p(v), Math.log1p(v))) differ++;
    }
    expect(differ).toBe(0);
  });
  if (!engineIsFdlibm) console.log('fdlibmExpLog: this engine\'s Math.exp/Math.log are not fdlibm; the bit-for-bit comparison with them is skipped (the fingerprints still run)');

  it('handle the edges as fdlibm does: zeros, infinities, NaN, overflow, underflow, exp(1) = e', () => {
    expect(fdlibmExp(1)).toBe(Math.E);
    expect(fdlibmExp(0)).toBe(1);
    expect(fdlibmExp(-0)).toBe(1);
    expect(fdlibmExp(Infinity)).toBe(Infinity);
    expect(fdlibmExp(-Infinity)).toBe(0);
    expect(fdlibmExp(710)).toBe(Infinity);
    expect(fdlibmExp(-746)).toBe(0);
    expect(fdlibmExp(-745)).toBeGreaterThan(0); // a subnormal
    expect(fdlibmExp(NaN)).toBeNaN();
    expect(Object.is(fdlibmExpm1(-0), -0)).toBe(true);
    expect(fdlibmExpm1(-Infinity)).toBe(-1);
    expect(fdlibmExpm1(-40)).toBe(-1);
    expect(fdlibmExpm1(1e-20)).toBe(1e-20);
    expect(fdlibmLog(0)).toBe(-Infinity);
    expect(fdlibmLog(-1)).toBeNaN();
    expect(fdlibmLog(1)).toBe(0);
    expect(fdlibmLog(Infinity)).toBe(Infinity);
    expect(fdlibmLog(5e-324)).toBeCloseTo(-744.44007192138126, 10);
    expect(fdlibmLog1p(-1)).toBe(-Infinity);
    expect(fdlibmLog1p(-2)).toBeNaN();
    expect(Object.is(fdlibmLog1p(-0), -0)).toBe(true);
    expect(fdlibmLog1p(1e300)).toBeCloseTo(690.77552789821368, 10);
  });
});
