import { describe, expect, it } from 'vitest';
import { categoryIndex } from '../../src/calibration/categories.js';
import { MOMENT_NAMES, NOT_SIMULATED, momentsOf, type HistoryRows } from '../../src/calibration/simulatedMoments.js';

/** Two states over years 0–3; `cats[state][year]` a category name, or null for no row, or 'X' not simulated. */
function history(cats: (string | null)[][]): HistoryRows {
  const state: number[] = [];
  const year: number[] = [];
  const category: number[] = [];
  for (let t = 0; t < 4; t++) {
    cats.forEach((row, i) => {
      const c = row[t];
      if (c === null) return;
      state.push(i);
      year.push(t);
      category.push(c === 'X' ? NOT_SIMULATED : categoryIndex(c));
    });
  }
  return {
    rows: state.length, state: Int32Array.from(state), year: Int32Array.from(year), category: Uint8Array.from(category),
    stateIds: cats.map((_, i) => `S${i}`), firstYear: 0, lastYear: 3,
  };
}

describe('momentsOf', () => {
  it('gives each category\'s share of the state-years and the share of consecutive pairs with an act in both', () => {
    const m = momentsOf([history([
      ['HE', 'HI', 'NONE', 'HI'],
      ['NONE', 'SE', 'IE', null],
    ])]);
    const v = Object.fromEntries(MOMENT_NAMES.map((n, k) => [n, m.values[k]]));
    expect(v).toEqual({ HE: 1 / 7, HI: 2 / 7, SE: 1 / 7, IE: 1 / 7, II: 0, persist: 2 / 5 });
    expect(Array.from(m.n)).toEqual([7, 7, 7, 7, 7, 5]);
  });

  it('leaves the state-years a simulation did not reach out of every moment', () => {
    const m = momentsOf([history([
      ['HE', 'HI', 'X', 'X'],
      ['NONE', 'SE', 'X', 'X'],
    ])]);
    expect(Array.from(m.n)).toEqual([4, 4, 4, 4, 4, 2]);
    expect(m.values[MOMENT_NAMES.indexOf('persist')]).toBe(0.5);
  });
});
