import { describe, expect, it } from 'vitest';
import { alignmentPhase } from '../../../src/effects/alignmentPhase.js';
import { setAlliance } from '../../../src/engine/createWorld.js';
import { PARTNER_TOP } from '../../../src/engine/Scratch.js';
import { DRAW_CONSENT, DRAWS_PER_TICK } from '../../../src/random/StateStreams.js';
import type { ScenarioInput } from '../../../src/index.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

// The partner k* of THEORY §5.5 in small worlds, through both of choosePartner's paths: the candidate
// list the perceive phase prepared (used while the alliances are as they were then; with fewer than
// PARTNER_TOP candidates it holds them all and decides alone) and the full scan over all states (used
// when an alliance changed after the perceive phase). Where exact ties or a full list are needed, the
// test writes the columns cinc_k·T_kj (and the list built from them, as the perceive phase builds it).

type Ctx = ReturnType<typeof perceivedContext>;
type Mode = 'list' | 'scan';
const MODES: Mode[] = ['list', 'scan'];

const threat = { id: 'J', capabilities: { mil: 8, eco: 8, pop: 8 }, ideology: 0.9, offensive: 0.9 };
const plain = (id: string, c: number): ScenarioInput['states'][number] => ({ id, capabilities: { mil: c, eco: c, pop: c } });
/** A, B, C, D, E (indices 0–4) and the threat J (index 5). */
const six = (extra: Partial<ScenarioInput> = {}, caps: Record<string, number> = { A: 1, B: 1, C: 4, D: 3, E: 0.5 }): ScenarioInput => ({
  meta: { id: 'partner-choice' },
  states: [...Object.entries(caps).map(([id, c]) => plain(id, c)), threat],
  ...extra,
});

/** An alliance formed and dissolved after the perceive phase: the same alliances, but the candidate lists are out of date. */
function makeStale(ctx: Ctx, x: string, y: string): void {
  const w = ctx.world;
  expect(setAlliance(w, ctx.index(x), ctx.index(y), true)).toBe(true);
  expect(setAlliance(w, ctx.index(x), ctx.index(y), false)).toBe(true);
  expect(ctx.scratch.partnerTopVersion).not.toBe(w.allianceVersion);
}

/** B's partner in an entente against J (the tick's main threat of everyone). */
function partnerOf(ctx: Ctx, actor = 'B', target = 'J'): string {
  everyoneIdle(ctx);
  setAction(ctx, actor, 'SE', target);
  alignmentPhase(ctx);
  const k = ctx.scratch.partner[ctx.index(actor)];
  return k < 0 ? 'none' : ctx.world.ids[k];
}

function column(ctx: Ctx, target = 'J'): (id: string) => number {
  const s = ctx.scratch;
  const j = ctx.index(target);
  expect(s.targetStamp[j]).toBe(s.stamp); // J's column was prepared
  return (id) => s.targetColumns[s.targetSlot[j] * ctx.world.n + ctx.index(id)];
}

/** Writes cinc_k·T_kj against J for the given states, and the candidate list as the perceive phase builds it from them. */
function craft(ctx: Ctx, values: Record<string, number>, target = 'J'): void {
  const { world: w, scratch: s } = ctx;
  const n = w.n;
  const j = ctx.index(target);
  const slot = s.targetSlot[j];
  const cb = slot * n;
  for (const [id, v] of Object.entries(values)) s.targetColumns[cb + ctx.index(id)] = v;
  const col = s.targetColumns;
  const listed = [...Array(n).keys()]
    .filter((k) => k !== j && w.ally[j * n + k] !== 1)
    .sort((x, y) => col[cb + y] - col[cb + x] || x - y) // best first, ties: the lower index first
    .slice(0, PARTNER_TOP);
  s.partnerTop.set(listed, slot * PARTNER_TOP);
  s.partnerTopCount[slot] = listed.length;
}

describe('alignmentPhase: the partner k* through the candidate list and through the full scan', () => {
  it('the world: C is the best candidate against J, then D, then A, B, E', () => {
    const ctx = perceivedContext(six());
    const c = column(ctx);
    expect(c('C')).toBeGreaterThan(c('D'));
    expect(c('D')).toBeGreaterThan(Math.max(c('A'), c('B'), c('E')));
    expect(c('D') * 2).toBeGreaterThan(c('C')); // so that a club (χ_club = 1) lifts D above C
    expect(partnerOf(ctx)).toBe('C');
  });

  for (const mode of MODES) {
    describe(`by the ${mode === 'list' ? 'candidate list' : 'full scan'}`, () => {
      it('no partner (−1) when every other state is allied with the target', () => {
        const allies = ['A', 'C', 'D', 'E'].map((id) => ({ between: [id, 'J'] as [string, string], alliance: true }));
        const ctx = perceivedContext(six({ dyads: allies }));
        if (mode === 'scan') makeStale(ctx, 'A', 'C');
        expect(partnerOf(ctx)).toBe('none');
        expect(Array.from(ctx.world.ent).every((e) => e === 0)).toBe(true);
      });

      it('skips a candidate allied with the actor', () => {
        const ctx = perceivedContext(six({ dyads: [{ between: ['B', 'C'], alliance: true }] }));
        if (mode === 'scan') makeStale(ctx, 'A', 'E');
        expect(partnerOf(ctx)).toBe('D');
      });

      it('a co-member of a club that excludes the target scores (1 + χ_club)·cinc_k·T_kj; a club that includes it does not count', () => {
        const ctx = perceivedContext(six({ institutions: [{ id: 'Q', members: ['B', 'D'] }, { id: 'R', members: ['A', 'B', 'J'] }] }));
        if (mode === 'scan') makeStale(ctx, 'A', 'E');
        expect(partnerOf(ctx)).toBe('D');
        const none = perceivedContext(six({ institutions: [{ id: 'Q', members: ['B', 'D'] }], parameters: { chiClub: 0 } }));
        if (mode === 'scan') makeStale(none, 'A', 'E');
        expect(partnerOf(none)).toBe('C');
        // with R alone (it holds J), A's bonus would lift it: it does not count
        const shared = perceivedContext(six({ institutions: [{ id: 'R', members: ['A', 'B', 'J'] }], parameters: { chiClub: 100 } }));
        if (mode === 'scan') makeStale(shared, 'C', 'E');
        expect(partnerOf(shared)).toBe('C');
      });

      it('the highest score wins whatever its index; an exact tie goes to the lower index', () => {
        // A (index 0) with a lower score than C (index 2): C
        const lower = perceivedContext(six());
        craft(lower, { A: 0.3, B: 0.2, C: 0.5, D: 0.1, E: 0.05 });
        if (mode === 'scan') makeStale(lower, 'A', 'E');
        expect(partnerOf(lower)).toBe('C');
        // C and D equal: C
        const equal = perceivedContext(six());
        craft(equal, { A: 0.3, B: 0.2, C: 0.5, D: 0.5, E: 0.05 });
        if (mode === 'scan') makeStale(equal, 'A', 'E');
        expect(partnerOf(equal)).toBe('C');
        // A's club bonus (χ_club = 1) brings 0.25 to exactly C's 0.5: A, the lower index, although listed after C
        const club = perceivedContext(six({ institutions: [{ id: 'Q', members: ['A', 'B'] }] }));
        craft(club, { A: 0.25, B: 0.2, C: 0.5, D: 0.1, E: 0.05 });
        if (mode === 'scan') makeStale(club, 'C', 'E');
        expect(partnerOf(club)).toBe('A');
      });

      it('a club counts when it sits in the second 32-bit word of the institution masks', () => {
        // Q00–Q38 (slots 0–38) all hold J; Q39 (slot 39, word 1) holds B, D and E but not J. B is also in
        // Q00 with C and J (a club that holds J: no bonus for C).
        const institutions = Array.from({ length: 40 }, (_, q) => ({ id: `Q${String(q).padStart(2, '0')}`, members: q === 39 ? ['B', 'D', 'E'] : q === 0 ? ['B', 'C', 'J'] : ['A', 'J'] }));
        const ctx = perceivedContext(six({ institutions }));
        expect(ctx.scratch.maskWords).toBe(2);
        if (mode === 'scan') makeStale(ctx, 'A', 'E');
        expect(partnerOf(ctx)).toBe('D');
      });
    });
  }

  /** I, its threat J and K00–K16, all free; I shares the club Q with `coMember` only. */
  const fullList = (id: string, coMember: string, chiClub: number): { ks: string[]; ctx: ReturnType<typeof perceivedContext> } => {
    const ks = Array.from({ length: 17 }, (_, t) => `K${String(t).padStart(2, '0')}`);
    const input: ScenarioInput = {
      meta: { id },
      states: [plain('I', 1), threat, ...ks.map((k) => plain(k, 1))],
      institutions: [{ id: 'Q', members: ['I', coMember] }],
      parameters: { chiClub },
    };
    return { ks, ctx: perceivedContext(input) };
  };

  it('the full list: a co-member ranked below the PARTNER_TOP listed candidates can still win (the scan finds it)', () => {
    // I (index 0) against J; K00–K16 all free. The list holds K00–K15; K16 and I are not listed.
    const { ks, ctx } = fullList('full-list', 'K16', 3);
    craft(ctx, Object.fromEntries([['I', 0], ...ks.map((id, t) => [id, t < 16 ? 0.5 - 0.01 * t : 0.2])]));
    expect(ctx.scratch.partnerTopCount[ctx.scratch.targetSlot[ctx.index('J')]]).toBe(PARTNER_TOP);
    expect(partnerOf(ctx, 'I')).toBe('K16'); // 0.2·(1 + 3) = 0.8 > 0.5
  });

  it('the full list: an unlisted co-member that exactly ties the best listed score wins by its lower index', () => {
    // K16 (the highest index) scores 0.5 without a club; K14, the last listed, 0.25; K15 (not listed:
    // the tie with K14 goes to the lower index) 0.25 with a club, 0.25·(1 + 1) = 0.5 exactly.
    const { ks, ctx } = fullList('full-list-tie', 'K15', 1);
    craft(ctx, Object.fromEntries([['I', 0], ...ks.map((id, t) => [id, t === 16 ? 0.5 : t < 14 ? 0.4 : 0.25])]));
    const s = ctx.scratch;
    const slot = s.targetSlot[ctx.index('J')];
    expect(s.partnerTopCount[slot]).toBe(PARTNER_TOP);
    expect(s.partnerTop[slot * PARTNER_TOP + PARTNER_TOP - 1]).toBe(ctx.index('K14'));
    expect(partnerOf(ctx, 'I')).toBe('K15');
  });

  it('the full list, every candidate allied with the actor: no partner (−1), also after the list falls through to the scan', () => {
    const ks = Array.from({ length: 17 }, (_, t) => `K${String(t).padStart(2, '0')}`);
    const ctx = perceivedContext({
      meta: { id: 'full-list-allied' },
      states: [plain('I', 1), threat, ...ks.map((id) => plain(id, 1))],
      dyads: ks.map((id) => ({ between: ['I', id] as [string, string], alliance: true })),
    });
    expect(ctx.scratch.partnerTopCount[ctx.scratch.targetSlot[ctx.index('J')]]).toBe(PARTNER_TOP);
    expect(partnerOf(ctx, 'I')).toBe('none');
  });

  it('a candidate allied with the target after the perceive phase is skipped (the list is out of date)', () => {
    const ctx = perceivedContext(six());
    expect(setAlliance(ctx.world, ctx.index('J'), ctx.index('C'), true)).toBe(true);
    expect(partnerOf(ctx)).toBe('D');
  });
});

describe('alignmentPhase: forming alliances and ententes', () => {
  const strongA = { A: 4, B: 1, C: 3, D: 2, E: 0.5 }; // A, index 0, is the best candidate

  it('a partner with index 0 gets the entente and the alliance', () => {
    const se = perceivedContext(six({}, strongA));
    const [a, b] = [se.index('A'), se.index('B')];
    const n = se.world.n;
    expect(partnerOf(se)).toBe('A');
    expect(se.world.ent[b * n + a]).toBe(se.params.epsE);
    const he = perceivedContext(six({}, strongA));
    everyoneIdle(he);
    setAction(he, 'B', 'HE', 'J');
    he.scratch.draws.fill(0); // consent
    alignmentPhase(he);
    expect(he.world.ally[b * n + a]).toBe(1);
    expect(he.scratch.alliancesFormed).toBe(1);
  });

  it('consent: the alliance forms when the draw is below T_kj, not when it equals it', () => {
    for (const [below, formed] of [[false, 0], [true, 1]] as const) {
      const ctx = perceivedContext(six());
      const { world: w, scratch: s } = ctx;
      const n = w.n;
      const [b, c, j] = ['B', 'C', 'J'].map(ctx.index);
      const T = s.targetThreat[s.targetSlot[j] * n + c]; // T_CJ
      expect(T).toBeGreaterThan(0);
      everyoneIdle(ctx);
      setAction(ctx, 'B', 'HE', 'J');
      s.draws.fill(0.999999);
      s.draws[b * DRAWS_PER_TICK + DRAW_CONSENT] = below ? T - T * 2 ** -50 : T;
      alignmentPhase(ctx);
      expect(s.partner[b]).toBe(c);
      expect(w.ally[b * n + c], below ? 'below T' : 'at T').toBe(formed);
    }
  });

  it('forms an alliance without collecting events when the run collects none', () => {
    const ctx = perceivedContext(six());
    ctx.events = null;
    everyoneIdle(ctx);
    setAction(ctx, 'B', 'HE', 'J');
    ctx.scratch.draws.fill(0);
    alignmentPhase(ctx);
    expect(ctx.world.ally[ctx.index('B') * ctx.world.n + ctx.index('C')]).toBe(1);
  });

  it('a new entente is listed once as the pair i < k, also when the actor has the higher index; with ε_E = 0 none is listed', () => {
    const ctx = perceivedContext(six());
    const [c, d] = [ctx.index('C'), ctx.index('D')];
    const n = ctx.world.n;
    expect(partnerOf(ctx, 'D')).toBe('C'); // D (index 3) chooses C (index 2)
    expect(ctx.world.entPairs).toEqual([c * n + d]);
    expect(ctx.world.ent[c * n + d]).toBe(ctx.params.epsE);
    expect(ctx.world.ent[d * n + c]).toBe(ctx.params.epsE);
    const zero = perceivedContext(six({ parameters: { epsE: 0 } }));
    expect(partnerOf(zero, 'D')).toBe('C');
    expect(zero.world.entPairs).toEqual([]); // only pairs with ent > 0 are listed
  });

  it('a pair counts as entente partners when its entente first reaches entMin (≥), not again from exactly entMin', () => {
    const cases: [number, number, boolean][] = [[0, 0.1, true], [0, 0.05, false], [0.1, 0.2, false]]; // start, ε_E, counted
    for (const [start, epsE, counted] of cases) {
      const ctx = perceivedContext(six({ parameters: { epsE, entMin: 0.1 } }));
      const { world: w, scratch: s } = ctx;
      const n = w.n;
      const [b, c] = [ctx.index('B'), ctx.index('C')];
      w.ent[b * n + c] = w.ent[c * n + b] = start;
      if (start > 0) w.entPairs.push(b * n + c);
      s.entPartners.fill(0);
      expect(partnerOf(ctx)).toBe('C');
      expect(w.ent[b * n + c]).toBe(start + epsE);
      expect([s.entPartners[b], s.entPartners[c]], `from ${start} by ${epsE}`).toEqual(counted ? [1, 1] : [0, 0]);
    }
  });
});
