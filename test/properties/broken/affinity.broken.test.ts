/**
 * The affinity property (P24) must be able to fail: it runs here against the library with one phase
 * wrapped so that it ignores affinity, and fast-check must find a counterexample.
 */
import { describe, it } from 'vitest';
import type { TickContext } from '../../../src/engine/TickContext.js';
import { LIBRARY, withPhase, type PhaseName } from '../../../src/testing/runtime/Library.js';
import { expectCounterexample } from '../expectations.js';
import { TIMEOUT } from '../fcSettings.js';

/** The library with the named phases run as if every affinity were 0 (the world's values restored after). */
function blindTo(...names: PhaseName[]) {
  let lib = LIBRARY;
  for (const name of names) {
    lib = withPhase(lib, name, (ctx: TickContext, original) => {
      const saved = ctx.world.affinity.slice();
      ctx.world.affinity.fill(0);
      original(ctx);
      ctx.world.affinity.set(saved);
    });
  }
  return lib;
}

describe('affinity properties catch broken variants', () => {
  it('P24 broken: partners and club members chosen without regard to affinity', () => {
    expectCounterexample('P24', {}, blindTo('alignment', 'institutional-acts'));
  }, TIMEOUT);

  it('P24 broken: perception that ignores affinity', () => {
    expectCounterexample('P24', {}, blindTo('perceive'));
  }, TIMEOUT);
});
