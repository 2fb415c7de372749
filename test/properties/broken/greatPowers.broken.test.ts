/**
 * P25 must be able to fail: it runs here against the library with one phase wrapped so that it
 * breaks one half of the property or the other, and fast-check must find a counterexample each time.
 */
import { describe, it } from 'vitest';
import { LIBRARY, withPhase } from '../../../src/testing/runtime/Library.js';
import { expectCounterexample } from '../expectations.js';
import { statusHoldersAsMembers } from './brokenVariants.js';
import { TIMEOUT } from '../fcSettings.js';

describe('great-power properties catch broken variants', () => {
  it('P25 broken: the great-power row written for the powers in reverse order (a slot mix-up); status holders counted as members in the positions', () => {
    expectCounterexample('P25', {}, withPhase(LIBRARY, 'perceive', (ctx, original) => {
      original(ctx);
      const s = ctx.scratch;
      const G = s.gpCount;
      for (let i = 0; i < ctx.world.n; i++) s.gpThreat.subarray(i * G, i * G + G).reverse();
    }));
    expectCounterexample('P25', {}, statusHoldersAsMembers('record'));
  }, TIMEOUT);
});
