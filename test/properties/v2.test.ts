/**
 * The properties of the reference model v2 (issue #13; model §5.2, §5.7): beliefs from behaviour
 * (P21), the spiral (P22), power shifts (P23), against the library's model over 𝒫.
 * broken/v2.broken.test.ts shows each can fail.
 */
import { describe, it } from 'vitest';
import { expectHolds } from './expectations.js';
import { TIMEOUT } from './fcSettings.js';

describe('reference model v2 properties (model §5.2, §5.7)', () => {
  // Source: Jervis 1976, ch. 3 (the security dilemma); issue #13: "a belief updated from evidence with memory (a half-life in years)"
  it('P21 arming is evidence of intent, and evidence decays to the prior with the stated half-life [Jervis 1976]', () => { expectHolds('P21'); }, TIMEOUT);

  // Source: Jervis 1976, ch. 3 (the spiral model): each side's arming is read as hostile intent by the other
  it('P22 two states that arm against each other raise each other\'s threat (the spiral) [Jervis 1976]', () => { expectHolds('P22'); }, TIMEOUT);

  // Source: Organski & Kugler 1980, ch. 1 (power transition); Walt: no balancing against a rising power without offensive intentions
  it('P23 a rising power is more threatening than the same power not rising, and still no threat without intent [Organski & Kugler 1980]', () => { expectHolds('P23'); }, TIMEOUT);
});
