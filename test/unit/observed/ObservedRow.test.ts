import { describe, expect, it } from 'vitest';
import { categoryOf, OBSERVED_PRECEDENCE } from '../../../src/observed/ObservedRow.js';

const flags = (...on: string[]) => ({
  HE: on.includes('HE'), HI: on.includes('HI'), SE: on.includes('SE'), IE: on.includes('IE'), II: on.includes('II'),
});

describe('categoryOf: precedence HE > HI > SE > IE > II', () => {
  it('states the order', () => {
    expect(OBSERVED_PRECEDENCE).toEqual(['HE', 'HI', 'SE', 'IE', 'II']);
  });

  it('gives the act of highest precedence among those that occurred, else NONE', () => {
    expect(categoryOf(flags())).toBe('NONE');
    expect(categoryOf(flags('II'))).toBe('II');
    expect(categoryOf(flags('II', 'IE'))).toBe('IE');
    expect(categoryOf(flags('II', 'IE', 'SE'))).toBe('SE');
    expect(categoryOf(flags('SE', 'HI'))).toBe('HI');
    expect(categoryOf(flags('HI', 'HE'))).toBe('HE');
    expect(categoryOf(flags('HE', 'HI', 'SE', 'IE', 'II'))).toBe('HE');
  });
});
