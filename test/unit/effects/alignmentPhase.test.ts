import { describe, expect, it } from 'vitest';
import { alignmentPhase } from '../../../src/effects/alignmentPhase.js';
import { aggressionPhase } from '../../../src/effects/aggressionPhase.js';
import { setAlliance } from '../../../src/engine/createWorld.js';
import type { ScenarioInput } from '../../../src/index.js';
import { DRAW_CONSENT, DRAWS_PER_TICK } from '../../../src/random/StateStreams.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

// A threatens everyone (ideology 0.9); B, C, D perceive it. D is allied with A.
const world: ScenarioInput = {
  meta: { id: 'align' },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.9, offensive: 0.9 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
    { id: 'D', capabilities: { mil: 3, eco: 3, pop: 3 } },
  ],
  dyads: [{ between: ['A', 'D'], alliance: true }],
};

describe('alignmentPhase (THEORY §5.5 HE, SE)', () => {
  it('E10: an alliance formed by mutual choice is symmetric; the partner is the strongest threatened non-ally of the target', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'HE', 'A');
    setAction(ctx, 'C', 'HE', 'A');
    alignmentPhase(ctx);
    const n = ctx.world.n;
    const [b, c] = [ctx.index('B'), ctx.index('C')];
    // D is allied with A, so B's best partner is C (C's is B): both chose HE against A → alliance.
    expect(ctx.scratch.partner[b]).toBe(c);
    expect(ctx.world.ally[b * n + c]).toBe(1);
    expect(ctx.world.ally[c * n + b]).toBe(1);
    expect(ctx.scratch.alliancesFormed).toBe(1);
    expect(ctx.events).toEqual([{ tick: 0, type: 'alliance-formed', actor: 'B', partner: 'C', target: 'A' }]);
  });

  it('E10: without the partner\'s own HE, the alliance needs its consent (probability T_kj)', () => {
    for (const [u, formed] of [[0.999999, 0], [0, 1]] as const) {
      const ctx = perceivedContext(world);
      everyoneIdle(ctx);
      setAction(ctx, 'B', 'HE', 'A');
      const [b, c] = [ctx.index('B'), ctx.index('C')];
      ctx.scratch.draws[b * DRAWS_PER_TICK + DRAW_CONSENT] = u;
      alignmentPhase(ctx);
      expect(ctx.world.ally[b * ctx.world.n + c]).toBe(formed);
    }
  });

  it('E10: an entente raises ent symmetrically by ε_E and adds nothing to deterrent capability; an alliance does', () => {
    const deterrence = (option: 'SE' | 'HE'): { ent: number; cap: number } => {
      const ctx = perceivedContext({ ...world, states: world.states.map((s) => (s.id === 'A' ? { ...s, revisionism: 1 } : s)) });
      everyoneIdle(ctx);
      setAction(ctx, 'B', option, 'A');
      setAction(ctx, 'C', option, 'A');
      alignmentPhase(ctx);
      aggressionPhase(ctx);
      const [b, c] = [ctx.index('B'), ctx.index('C')];
      const n = ctx.world.n;
      expect(ctx.world.ent[b * n + c]).toBe(ctx.world.ent[c * n + b]);
      return { ent: ctx.world.ent[b * n + c], cap: ctx.scratch.allyCap[b] };
    };
    const se = deterrence('SE');
    const he = deterrence('HE');
    const ctx = perceivedContext(world);
    const b = ctx.index('B');
    expect(se.ent).toBeCloseTo(2 * ctx.params.epsE, 12); // both chose SE with each other
    expect(se.cap).toBeCloseTo(ctx.scratch.cinc[b], 12); // effCap_B = cinc_B: no allies
    expect(he.cap).toBeGreaterThan(se.cap);
  });

  describe('the partner k* against an independent scan (THEORY §5.5, model note N54)', () => {
    // 24 states on a grid, so that the perceive phase's list of the 16 best candidates per target is
    // both used and exceeded; alliances, institutions (clubs that exclude a target count χ_club) and
    // affinity (blocs that make some partners ineligible).
    const ids = Array.from({ length: 24 }, (_, k) => `S${String(k).padStart(2, '0')}`);
    const big = (withAffinity: boolean, chiClub: number): ScenarioInput => ({
      meta: { id: 'partners' },
      states: ids.map((id, k) => ({
        id, capabilities: { mil: 1 + ((k * 7) % 11), eco: 1 + ((k * 5) % 9), pop: 1 + ((k * 3) % 7) },
        ideology: ((k * 13) % 10) / 10, offensive: ((k * 3) % 10) / 10, location: { lat: 30 + 3 * (k % 6), lon: 3 * Math.floor(k / 6) },
      })),
      dyads: [
        { between: ['S00', 'S05'], alliance: true }, { between: ['S03', 'S07'], alliance: true },
        { between: ['S10', 'S11'], alliance: true }, { between: ['S02', 'S09'], alliance: true },
      ],
      institutions: [
        { id: 'Q1', members: ['S00', 'S01', 'S02', 'S04', 'S08', 'S12'] },
        { id: 'Q2', members: ['S03', 'S06', 'S09', 'S13', 'S20', 'S21', 'S22'] },
      ],
      ...(withAffinity ? { affinity: { blocs: [{ name: 'B1', members: ['S03', 'S06', 'S08', 'S14'], affinity: 0.8 }],
        pairs: [{ between: ['S01', 'S12'], affinity: -0.9 }] } } : {}),
      parameters: { chiClub },
    });

    const expectedPartner = (ctx: ReturnType<typeof perceivedContext>, i: number, j: number, chiClub = ctx.params.chiClub): number => {
      const { world: w, scratch: s } = ctx;
      const p = { ...ctx.params, chiClub };
      const n = w.n;
      const aff = (x: number, y: number): number => (w.affinity.length === 0 ? 0 : w.affinity[x * n + y]);
      const on = w.affinity.length > 0;
      if (on && aff(i, j) >= p.affinityMin) return -1;
      const inQ = (q: number, x: number): boolean => w.member[q * n + x] === 1 && w.instAlive[q] === 1;
      let best = -1;
      let bestScore = -1;
      for (let k = 0; k < n; k++) {
        if (k === i || k === j || w.ally[j * n + k] === 1 || w.ally[i * n + k] === 1) continue;
        const T = s.targetThreat[s.targetSlot[j] * n + k]; // T_kj as the perceive phase left it for target j
        if (on && !(aff(k, j) < p.affinityMin && aff(i, k) > -p.affinityMin && T > 0)) continue;
        let club = 0;
        for (let q = 0; q < w.instSlots; q++) if (inQ(q, i) && inQ(q, k) && !inQ(q, j)) club = 1;
        const score = s.cinc[k] * T * (1 + p.chiClub * club);
        if (score > bestScore) { best = k; bestScore = score; }
      }
      return best;
    };

    for (const [withAffinity, chiClub, scan] of [[false, 1, false], [true, 1, false], [false, 0, false], [true, 3, false], [false, 1, true], [true, 3, true]] as const) {
      it(`every state's partner against every target${withAffinity ? ', with affinity' : ''}, χ_club = ${chiClub}${scan ? ', by the full scan (an alliance changed after the perceive phase)' : ''}`, () => {
        let checked = 0;
        let none = 0;
        let club = 0;
        for (let j = 0; j < ids.length; j += 1) {
          const ctx = perceivedContext(big(withAffinity, chiClub));
          const n = ctx.world.n;
          // An alliance formed after the perceive phase: its candidate lists are out of date, so
          // every partner comes from the full scan over all states.
          if (scan) expect(setAlliance(ctx.world, 15, 16, true)).toBe(true);
          everyoneIdle(ctx);
          const actors: number[] = [];
          for (let i = 0; i < n; i++) {
            if (i === j || ctx.scratch.targetStamp[j] !== ctx.scratch.stamp) continue; // j must be a target of this tick (its column prepared)
            ctx.scratch.action[i] = i % 2 === 0 ? 4 : 3; // SE or HE
            ctx.scratch.target[i] = j;
            actors.push(i);
          }
          ctx.scratch.draws.fill(0.999999); // no consent: partners are read before any alliance forms anyway
          const want = actors.map((i) => expectedPartner(ctx, i, j));
          actors.forEach((i, t) => { if (expectedPartner(ctx, i, j, 0) !== want[t]) club++; });
          alignmentPhase(ctx);
          actors.forEach((i, t) => {
            expect(ctx.scratch.partner[i], `partner of ${ids[i]} against ${ids[j]}`).toBe(want[t]);
            checked++;
            if (want[t] < 0) none++;
          });
        }
        expect(checked).toBeGreaterThan(60); // every actor against each of the tick's targets
        // with affinity, S03's bloc partners (S06, S08, S14) seek no partner against it
        if (withAffinity) expect(none).toBeGreaterThan(0);
        // the club bonus decides some partners (co-members of a club that excludes the target)
        if (chiClub > 0) expect(club).toBeGreaterThan(0);
        else expect(club).toBe(0);
      });
    }
  });

  describe('ententes and mutual choice', () => {
    it('SE adds ε_E to the pair\'s entente, capped at 1, lists a new pair once, and counts partners that cross entMin', () => {
      for (const [start, expected, crosses] of [[0, 0.2, true], [0.05, 0.25, true], [0.5, 0.7, false], [0.95, 1, false]] as const) {
        const ctx = perceivedContext(world);
        everyoneIdle(ctx);
        const { world: w, scratch: s } = ctx;
        const n = w.n;
        const [b, c] = [ctx.index('B'), ctx.index('C')];
        w.ent[b * n + c] = w.ent[c * n + b] = start;
        if (start > 0) w.entPairs.push(Math.min(b, c) * n + Math.max(b, c));
        s.entPartners.fill(0);
        setAction(ctx, 'B', 'SE', 'A');
        alignmentPhase(ctx);
        expect(s.partner[b]).toBe(c);
        expect(w.ent[b * n + c], `from ${start}`).toBeCloseTo(expected, 15);
        expect(w.ent[c * n + b]).toBe(w.ent[b * n + c]);
        expect(w.entPairs, `from ${start}`).toEqual([Math.min(b, c) * n + Math.max(b, c)]);
        expect([s.entPartners[b], s.entPartners[c]], `from ${start}`).toEqual(crosses ? [1, 1] : [0, 0]);
        expect(s.alliancesFormed).toBe(0);
      }
    });

    it('HE is mutual when the partner chose HE against the same target within the last year (N28), else it needs consent', () => {
      const cases: [number, string, number][] = [[3, 'A', 1], [4, 'A', 0], [1, 'D', 0]]; // ticks ago, the partner's target, formed
      for (const [ago, partnerTarget, formed] of cases) {
        const ctx = perceivedContext({ ...world, meta: { ...world.meta, ticksPerYear: 4 } });
        everyoneIdle(ctx);
        const { world: w, scratch: s } = ctx;
        const n = w.n;
        const [b, c] = [ctx.index('B'), ctx.index('C')];
        ctx.tick = 10;
        s.lastAllyTick[c] = 10 - ago;
        s.lastAllyTarget[c] = ctx.index(partnerTarget);
        setAction(ctx, 'B', 'HE', 'A');
        s.draws.fill(0.999999); // no consent
        alignmentPhase(ctx);
        expect(w.ally[b * n + c], `${ago} ticks ago against ${partnerTarget}`).toBe(formed);
        expect(s.alliancesFormed).toBe(formed);
        // B's own choice is remembered for its partners' next ticks
        expect([s.lastAllyTick[b], s.lastAllyTarget[b]]).toEqual([10, ctx.index('A')]);
      }
    });
  });
});

