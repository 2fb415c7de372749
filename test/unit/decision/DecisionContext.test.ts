import { describe, expect, it } from 'vitest';
import {
  Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA,
  type DecisionContext,
} from '../../../src/decision/DecisionContext.js';
import { OPTION_COUNT, OPTION_INDEX } from '../../../src/decision/options.js';
import { packContext, packMask } from '../../../src/decision/strategyProbabilities.js';

const CTX: DecisionContext = {
  T: 0.11, D: 0.12, Dt: 0.13, theta: 0.14, nu: 0.15, ideo: 0.16, lam: 0.17, r: 0.18, A: 0.19,
  rhoI: 0.2, rhoE: 0.21, con: 0.22, allyT: true, G: 0.23, newClub: true,
};

describe('DecisionContext packed layout', () => {
  it('uses 16 distinct slots 0…15', () => {
    const slots = [Z_T, Z_D, Z_DT, Z_THETA, Z_NU, Z_IDEO, Z_LAM, Z_R, Z_DISP, Z_A, Z_RHOI, Z_RHOE, Z_CON, Z_ALLY, Z_G, Z_NEWCLUB];
    expect(new Set(slots).size).toBe(16);
    expect(Z_SIZE).toBe(16);
    expect([...slots].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, k) => k));
  });
});

describe('packContext', () => {
  it('puts each field in its slot, booleans as 1/0', () => {
    const z = packContext(CTX);
    expect(z).toBeInstanceOf(Float64Array);
    expect(z.length).toBe(Z_SIZE);
    expect(z[Z_T]).toBe(0.11);
    expect(z[Z_D]).toBe(0.12);
    expect(z[Z_DT]).toBe(0.13);
    expect(z[Z_THETA]).toBe(0.14);
    expect(z[Z_NU]).toBe(0.15);
    expect(z[Z_IDEO]).toBe(0.16);
    expect(z[Z_LAM]).toBe(0.17);
    expect(z[Z_R]).toBe(0.18);
    expect(z[Z_A]).toBe(0.19);
    expect(z[Z_RHOI]).toBe(0.2);
    expect(z[Z_RHOE]).toBe(0.21);
    expect(z[Z_CON]).toBe(0.22);
    expect(z[Z_ALLY]).toBe(1);
    expect(z[Z_G]).toBe(0.23);
    expect(z[Z_NEWCLUB]).toBe(1);
  });

  it('derives disp = |2r − 1| when it is not given, and keeps it when given', () => {
    expect(packContext(CTX)[Z_DISP]).toBeCloseTo(0.64, 15);
    expect(packContext({ ...CTX, r: 0.8 })[Z_DISP]).toBeCloseTo(0.6, 15);
    expect(packContext({ ...CTX, r: 0.5 })[Z_DISP]).toBe(0);
    expect(packContext({ ...CTX, disp: 0.05 })[Z_DISP]).toBe(0.05);
    expect(packContext({ ...CTX, disp: 0 })[Z_DISP]).toBe(0);
  });

  it('false or missing booleans become 0', () => {
    const { newClub: _omit, ...rest } = CTX;
    const z = packContext({ ...rest, allyT: false });
    expect(z[Z_ALLY]).toBe(0);
    expect(z[Z_NEWCLUB]).toBe(0);
  });

  it('writes into a given buffer and returns it (every slot overwritten)', () => {
    const buf = new Float64Array(Z_SIZE).fill(Number.NaN);
    const z = packContext(CTX, buf);
    expect(z).toBe(buf);
    expect(Array.from(buf).some((x) => Number.isNaN(x))).toBe(false);
  });
});

describe('packMask', () => {
  it('marks omitted and true as available, false as masked', () => {
    const m = packMask({ ...CTX, available: { HE: false, SS: false, II: true } });
    expect(m).toBeInstanceOf(Uint8Array);
    expect(m.length).toBe(OPTION_COUNT);
    const expected = new Array<number>(OPTION_COUNT).fill(1);
    expected[OPTION_INDEX.HE] = 0;
    expected[OPTION_INDEX.SS] = 0;
    expect(Array.from(m)).toEqual(expected);
  });

  it('everything available when `available` is absent; NONE always available', () => {
    expect(Array.from(packMask(CTX))).toEqual(new Array<number>(OPTION_COUNT).fill(1));
    expect(packMask({ ...CTX, available: { NONE: false } })[0]).toBe(1);
  });

  it('overwrites a reused buffer', () => {
    const buf = new Uint8Array(OPTION_COUNT);
    packMask({ ...CTX, available: { BAND: false } }, buf);
    expect(buf[OPTION_INDEX.BAND]).toBe(0);
    packMask(CTX, buf);
    expect(buf[OPTION_INDEX.BAND]).toBe(1);
  });
});
