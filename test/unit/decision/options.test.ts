import { describe, expect, it } from 'vitest';
import {
  FAMILIES, FAMILY_INDEX_OF_OPTION, FAMILY_OF, OPTIONS, OPTION_COUNT, OPTION_INDEX, isBalancing, toOptionRecord,
} from '../../../src/decision/options.js';

describe('OPTIONS (THEORY §5.3 action menu)', () => {
  it('lists the nine options in engine order', () => {
    expect(OPTIONS).toEqual(['NONE', 'BAND', 'HI', 'HE', 'SE', 'SS', 'SL', 'II', 'IE']);
    expect(OPTION_COUNT).toBe(9);
  });

  it('OPTION_INDEX is the inverse of OPTIONS', () => {
    OPTIONS.forEach((o, k) => expect(OPTION_INDEX[o]).toBe(k));
    expect(Object.keys(OPTION_INDEX)).toHaveLength(9);
    expect(OPTION_INDEX.HI).toBe(2);
    expect(Object.isFrozen(OPTION_INDEX)).toBe(true);
  });

  it('assigns the families of the §5.3 table (soft = SE, SS, SL; institutional = II, IE)', () => {
    expect(FAMILIES).toEqual(['accommodate', 'hard', 'soft', 'institutional']);
    expect(OPTIONS.filter((o) => FAMILY_OF[o] === 'accommodate')).toEqual(['NONE', 'BAND']);
    expect(OPTIONS.filter((o) => FAMILY_OF[o] === 'hard')).toEqual(['HI', 'HE']);
    expect(OPTIONS.filter((o) => FAMILY_OF[o] === 'soft')).toEqual(['SE', 'SS', 'SL']);
    expect(OPTIONS.filter((o) => FAMILY_OF[o] === 'institutional')).toEqual(['II', 'IE']);
    expect(Object.isFrozen(FAMILY_OF)).toBe(true);
  });

  it('FAMILY_INDEX_OF_OPTION gives the family index per option index', () => {
    expect(FAMILY_INDEX_OF_OPTION).toEqual([0, 0, 1, 1, 2, 2, 2, 3, 3]);
  });

  it('isBalancing is false exactly for NONE and BAND', () => {
    expect(OPTIONS.filter((o) => !isBalancing(o))).toEqual(['NONE', 'BAND']);
  });

  it('toOptionRecord maps an engine-order array onto option names', () => {
    const rec = toOptionRecord(Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]));
    OPTIONS.forEach((o, k) => expect(rec[o]).toBe(k));
    expect(Object.keys(rec).sort()).toEqual([...OPTIONS].sort());
  });
});
