/**
 * Every institution property (E15 on) must be able to fail: each runs here against the library with
 * one phase wrapped so that it breaks the property, and fast-check must find a counterexample.
 */
import { describe, it } from 'vitest';
import { FAMILY_INDEX_OF_OPTION } from '../../../src/decision/options.js';
import { setStatus } from '../../../src/engine/createWorld.js';
import { STATUS_MEMBER } from '../../../src/institutions/MembershipStatus.js';
import { LIBRARY, withPhase } from '../../../src/testing/runtime/Library.js';
import { expectCounterexample } from '../expectations.js';
import { statusHoldersAsMembers } from './brokenVariants.js';
import { TIMEOUT } from '../fcSettings.js';

describe('institution properties catch broken variants', () => {
  it('E15 broken: a soft act against a great power counts on the inclusive track (legitimacy denial "at the UN")', () => {
    expectCounterexample('E15', {}, withPhase(LIBRARY, 'record', (ctx, original) => {
      const { world: w, scratch: s, params: p } = ctx;
      const n = w.n;
      for (let i = 0; i < n; i++) {
        const g = s.target[i];
        if (FAMILY_INDEX_OF_OPTION[s.action[i]] !== 2 || s.tMain[i] < p.tMin || w.major[g] === 0) continue;
        const pair = i * n + g;
        s.dualInclTick[pair] = ctx.tick;
        let soft = s.dualVenueIndex.get('soft');
        if (soft === undefined) { soft = s.dualVenueIds.push('soft') - 1; s.dualVenueIndex.set('soft', soft); }
        s.dualInclVenue[pair] = soft;
        if (s.dualListed[pair] === 0) { s.dualListed[pair] = 1; s.dualActive[s.dualActiveCount++] = pair; }
      }
      original(ctx);
    }));
  }, TIMEOUT);

  it('E16 broken: perception treats candidates, observers and associates as members', () => {
    expectCounterexample('E16', {}, statusHoldersAsMembers('perceive'));
  }, TIMEOUT);

  const withRule = (from: string, to: string) => withPhase(LIBRARY, 'accession', (ctx, original) => {
    const w = ctx.world;
    const saved = w.instRule.slice();
    for (let q = 0; q < w.instSlots; q++) if (w.instRule[q] === from) w.instRule[q] = to;
    original(ctx);
    for (let q = 0; q < saved.length; q++) w.instRule[q] = saved[q];
  });

  it('E17 broken: consensus counted as a majority vote', () => { expectCounterexample('E17', {}, withRule('consensus', 'majority')); }, TIMEOUT);

  it('E18 broken: a majority rule that lets any member veto (decided as consensus)', () => { expectCounterexample('E18', {}, withRule('majority', 'consensus')); }, TIMEOUT);

  it('E19 broken: accession ignores the target a club was founded against', () => {
    expectCounterexample('E19', {}, withPhase(LIBRARY, 'accession', (ctx, original) => {
      const w = ctx.world;
      const saved = w.instAgainst.slice();
      w.instAgainst.fill(-1);
      original(ctx);
      w.instAgainst.set(saved);
    }));
  }, TIMEOUT);

  it('E20 broken: an exit that clears the member but keeps its count (a list that keeps the leaver)', () => {
    expectCounterexample('E20', {}, withPhase(LIBRARY, 'accession', (ctx, original) => {
      const w = ctx.world;
      const before = w.memberCount.slice();
      original(ctx);
      for (let q = 0; q < w.instSlots; q++) if (w.memberCount[q] < before[q]) w.memberCount[q] = before[q];
    }));
  }, TIMEOUT);

  it('E21 broken: an application admits the applicant at once, with no vote', () => {
    expectCounterexample('E21', {}, withPhase(LIBRARY, 'application', (ctx, original) => {
      original(ctx);
      const w = ctx.world;
      const s = ctx.scratch;
      for (let k = 0; k < s.procCount; k++) setStatus(w, s.procInst[k], s.procState[k], STATUS_MEMBER);
    }));
  }, TIMEOUT);

  it('E23 broken: a hold that never lapses (every grievance, however old, counts)', () => {
    expectCounterexample('E23', {}, withPhase(LIBRARY, 'accession', (ctx, original) => {
      const s = ctx.scratch;
      const saved = s.lastSoftTick.slice();
      for (let c = 0; c < s.lastSoftTick.length; c++) if (s.lastSoftTarget[c] >= 0) s.lastSoftTick[c] = ctx.tick;
      original(ctx);
      s.lastSoftTick.set(saved);
    }));
  }, TIMEOUT);

  it('E22 broken: accession ignores the veto holders (every block counted by the rule alone)', () => {
    expectCounterexample('E22', {}, withPhase(LIBRARY, 'accession', (ctx, original) => {
      const w = ctx.world;
      const saved = w.vetoHolder.slice();
      w.vetoHolder.fill(0);
      original(ctx);
      w.vetoHolder.set(saved);
    }));
  }, TIMEOUT);
});
