/** The update phase against the equations of its TSDoc, entry by entry (THEORY §5.5, §5.7; N2, N28, N31). */
import { describe, expect, it } from 'vitest';
import { OPTION_INDEX, type Option } from '../../../src/decision/options.js';
import { updatePhase } from '../../../src/effects/updatePhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { perceivedContext } from '../../support/tickContext.js';

type Ctx = ReturnType<typeof perceivedContext>;

// The two strongest, R1 and R2, are ideological antagonists with nuclear weapons (the escalation gate
// of §5.7 is open); an institution, an alliance, an entente and a trading pair whose trade was cut.
const world = (ticksPerYear: number, iotaStar = 0.5): ScenarioInput => ({
  meta: { id: 'update-eq', ticksPerYear, startYear: 2000 },
  states: [
    { id: 'R1', capabilities: { mil: 9, eco: 8, pop: 7 }, ideology: 0.9, nuclear: true, major: true, legitimacy: 0.7, location: { lat: 50, lon: 10 } },
    { id: 'R2', capabilities: { mil: 8, eco: 7, pop: 9 }, ideology: 0.1, nuclear: true, major: true, legitimacy: 0.4, location: { lat: 52, lon: 20 } },
    { id: 'S1', capabilities: { mil: 2, eco: 3, pop: 2 }, ideology: 0.3, legitimacy: 0.9, location: { lat: 48, lon: 14 } },
    { id: 'S2', capabilities: { mil: 1, eco: 2, pop: 1 }, ideology: 0.5, legitimacy: 0.2, location: { lat: 40, lon: 30 } },
    { id: 'S3', capabilities: { mil: 3, eco: 2, pop: 1 }, ideology: 0.7, revisionism: 0.5, location: { lat: 10, lon: 100 } },
  ],
  dyads: [
    { between: ['S1', 'S2'], alliance: true, entente: 0.5, trade: 0.4 },
    { between: ['R1', 'S3'], entente: 0.12 },
    { between: ['R2', 'S1'], trade: 0.3 },
  ],
  institutions: [{ id: 'Q', members: ['R2', 'S1', 'S2', 'S3'] }], // S3, the aggressor, is reassured by none of them
  parameters: { iotaStar },
});

function setUp(ticksPerYear: number, acts: [string, Option, string][], iotaStar?: number): Ctx {
  const ctx = perceivedContext(world(ticksPerYear, iotaStar));
  const { world: w, scratch: s } = ctx;
  s.action.fill(OPTION_INDEX.NONE);
  for (const [actor, option, target] of acts) {
    s.action[ctx.index(actor)] = OPTION_INDEX[option];
    s.target[ctx.index(actor)] = ctx.index(target);
  }
  // beliefs spread over [0, 1], so that both clips and every kind of entry show
  for (let k = 0; k < w.n * w.n; k++) w.ahat[k] = ((k * 0.37) % 1);
  for (let i = 0; i < w.n; i++) w.ahat[i * w.n + i] = 0;
  const [r1, r2] = [ctx.index('R1'), ctx.index('R2')];
  w.ahat[r1 * w.n + r2] = 0.4; // the rivals' beliefs of each other away from the clips, so that escalation shows
  w.ahat[r2 * w.n + r1] = 0.3;
  return ctx;
}

/** The belief equation of the TSDoc, from the state at the start of the phase. */
function expectedBeliefs(ctx: Ctx): number[] {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const eta = ctx.rates.etaB;
  const member = (x: number): number[] => Array.from({ length: w.instSlots }, (_, q) => q).filter((q) => w.instAlive[q] === 1 && w.member[q * n + x] === 1);
  const share = (x: number, y: number): boolean => member(x).some((q) => member(y).includes(q));
  const family = (a: number): number => [0, 0, 1, 1, 2, 2, 2, 3, 3][a];
  const prov = (j: number): number => [0, p.epsH, p.epsS, p.epsI][family(s.action[j])] + s.blockProvocation[j];
  // rivals: the two largest capability shares; the escalation when their antagonism reaches ι*
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => s.cinc[y] - s.cinc[x] || x - y);
  const [a, b] = order;
  const gate = p.iotaStar > 0 ? Math.max(0, 1 - Math.abs(w.ideo[a] - w.ideo[b]) / p.iotaStar) : 0;
  let instActs = 0;
  for (let j = 0; j < n; j++) if (family(s.action[j]) === 3 && s.venueUsed[j] >= 0) instActs++;
  const esc = gate === 0 ? p.epsEsc * instActs / n : 0;
  const out: number[] = [];
  for (let m = 0; m < n; m++) {
    for (let j = 0; j < n; j++) {
      if (m === j) { out.push(0); continue; }
      const old = w.ahat[m * n + j];
      const g = w.proximity[m * n + j];
      const agg = s.aggressed[j] === 1;
      const victim = s.victim[j];
      const seen = agg && victim >= 0 && (victim === m || w.ally[m * n + victim] === 1) ? 1 : g;
      let obs = w.ideo[j];
      if (agg && seen > obs) obs = seen;
      if (!agg && share(m, j)) obs -= p.epsReass;
      const impulse = agg && seen > w.ideo[j] ? (p.etaB - eta) * (seen - w.ideo[j]) : 0;
      const rate = s.action[m] === OPTION_INDEX.BAND && s.target[m] === j ? eta + p.deltaBand : eta;
      let v = (1 - rate) * old + eta * obs + impulse;
      const arm = s.action[j] === OPTION_INDEX.HI ? p.epsArm : 0;
      v += s.target[j] === m ? arm + prov(j) : arm * g;
      if ((m === a && j === b) || (m === b && j === a)) v += esc;
      out.push(Math.min(1, Math.max(0, v)));
    }
  }
  return out;
}

describe('updatePhase: every belief by the equation (THEORY §5.7, N2, N28, N31)', () => {
  const acts: [string, Option, string][] = [
    ['R1', 'HI', 'R2'], // arming: ε_arm in full for R2, by proximity for the others, plus ε_H
    ['S1', 'SS', 'R1'], // a sanction: ε_S
    ['S2', 'II', 'R1'], // an institutional act in a venue: ε_I, and an institutional act for the escalation
    ['R2', 'IE', 'R1'], // another, without a venue: ε_I, not counted
    ['S3', 'BAND', 'R1'], // bandwagoning: S3's belief of R1 relaxes faster by δ_band
  ];
  for (const ticksPerYear of [1, 4]) {
    it(`with an aggression, blocks, reassurance and escalation (${ticksPerYear} tick${ticksPerYear > 1 ? 's' : ''} a year)`, () => {
      const ctx = setUp(ticksPerYear, acts);
      const { world: w, scratch: s } = ctx;
      const n = w.n;
      s.venueUsed.fill(-1);
      s.venueUsed[ctx.index('S2')] = 0;
      s.blockProvocation.fill(0);
      s.blockProvocation[ctx.index('S1')] = 0.02;
      s.aggressed.fill(0);
      s.victim.fill(-1);
      s.aggressed[ctx.index('S3')] = 1; // S3 attacked S2: S1 (S2's ally) sees it in full
      s.victim[ctx.index('S3')] = ctx.index('S2');
      const want = expectedBeliefs(ctx);
      updatePhase(ctx);
      Array.from(w.ahat).forEach((x, k) => expect(x, `ahat ${w.ids[(k / n) | 0]}→${w.ids[k % n]}`).toBeCloseTo(want[k], 14));
      expect(s.institutionalActs).toBe(1);
      expect(s.pendingAllShare).toBe(false); // no institution holds every state
      // the two largest capability shares, the larger first
      expect([s.rivalA, s.rivalB].sort()).toEqual([ctx.index('R1'), ctx.index('R2')]);
      expect(s.cinc[s.rivalA]).toBeGreaterThan(s.cinc[s.rivalB]);
      expect(Math.min(...[0, 1, 2, 3, 4].filter((i) => i !== s.rivalA).map((i) => s.cinc[s.rivalB] - s.cinc[i]).filter((d) => d !== 0))).toBeGreaterThan(0);
      expect(s.gateMAD).toBe(1);
      expect(s.gateIdeo).toBe(0); // |0.9 − 0.1| ≥ ι* = 0.5
    });
  }

  it('escalation reaches both rivals\' beliefs of each other when neither acts on the other', () => {
    const ctx = setUp(1, [['S2', 'II', 'R1']]);
    ctx.scratch.venueUsed.fill(-1);
    ctx.scratch.venueUsed[ctx.index('S2')] = 0;
    const want = expectedBeliefs(ctx);
    const n = ctx.world.n;
    const [r1, r2] = [ctx.index('R1'), ctx.index('R2')];
    updatePhase(ctx);
    Array.from(ctx.world.ahat).forEach((x, k) => expect(x).toBeCloseTo(want[k], 14));
    const esc = ctx.params.epsEsc / n;
    const bulk = (m: number, j: number, old: number): number => (1 - ctx.rates.etaB) * old + ctx.rates.etaB * ctx.world.ideo[j];
    expect(ctx.world.ahat[r1 * n + r2]).toBeCloseTo(bulk(r1, r2, 0.4) + esc, 14);
    expect(ctx.world.ahat[r2 * n + r1]).toBeCloseTo(bulk(r2, r1, 0.3) + esc, 14);
  });

  it('a narrower antagonism (ι* above it) closes the escalation gate: gate = 1 − |Δideo|/ι*', () => {
    const ctx = setUp(1, acts, 2);
    ctx.scratch.venueUsed.fill(-1);
    ctx.scratch.venueUsed[ctx.index('S2')] = 0;
    const want = expectedBeliefs(ctx);
    updatePhase(ctx);
    expect(ctx.scratch.gateIdeo).toBeCloseTo(1 - 0.8 / 2, 14);
    Array.from(ctx.world.ahat).forEach((x, k) => expect(x).toBeCloseTo(want[k], 14));
    const off = setUp(1, acts, 0);
    updatePhase(off);
    expect(off.scratch.gateIdeo).toBe(0);
    expect(off.scratch.gateMAD).toBe(1);
    // MAD needs both rivals nuclear
    const one = setUp(1, acts);
    one.world.nuc[one.index('R2')] = 0;
    updatePhase(one);
    expect(one.scratch.gateMAD).toBe(0);
  });
});

describe('updatePhase: the patched entries in the corners of the equation', () => {
  const check = (ctx: Ctx): void => {
    const n = ctx.world.n;
    const want = expectedBeliefs(ctx);
    updatePhase(ctx);
    Array.from(ctx.world.ahat).forEach((x, k) => expect(x, `ahat ${ctx.world.ids[(k / n) | 0]}→${ctx.world.ids[k % n]}`).toBeCloseTo(want[k], 14));
  };

  it('an aggression against the state with index 0, a bandwagoner provoked by another state, escalation only between the rivals, the clip at 1', () => {
    const ctx = setUp(1, [
      ['S2', 'II', 'R1'], // an institutional act in a venue: escalation is on (the gate is open)
      ['S3', 'BAND', 'R1'], // S3 bandwagons with R1 ...
      ['S1', 'SS', 'S3'], // ... and S1 sanctions S3: S3's belief of S1 relaxes at η_b, not η_b + δ_band
      ['R2', 'SS', 'S1'], // the larger rival acts on S1: S1's belief of R2 gets ε_S but no escalation
      ['R1', 'HI', 'R2'],
    ]);
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    const [r1, r2, s2] = ['R1', 'R2', 'S2'].map(ctx.index);
    expect(r1).toBe(0);
    s.venueUsed.fill(-1);
    s.venueUsed[s2] = 0;
    s.aggressed.fill(0);
    s.victim.fill(-1);
    s.aggressed[s2] = 1; // S2 attacked R1 (index 0): R1 sees it in full
    s.victim[s2] = r1;
    w.ahat[r2 * n + r1] = 1; // armed against and provoked from 1: clipped at 1
    check(ctx);
    expect(s.rivalA).toBe(r2); // the escalation pair is R2–R1
    expect(w.ahat[r2 * n + r1]).toBe(1);
    // R1's belief of S2 moved toward 1 (in full), not toward G_R1,S2
    expect(w.proximity[r1 * n + s2]).toBeLessThan(0.9);
  });

  it('reassurance between co-members of an institution in a patched entry, down to the clip at 0', () => {
    // S1 bandwagons with R2 (both in Q); R2's ideology 0.1 is below ε_reass = 0.3, so obs < 0.
    const ctx = setUp(1, [['S1', 'BAND', 'R2'], ['S2', 'SS', 'S3']]); // S3's belief of S2: S2 and S3 share Q
    const { world: w, params: p } = ctx;
    const n = w.n;
    const [r2, s1] = [ctx.index('R2'), ctx.index('S1')];
    p.epsReass = 0.3;
    w.ahat[s1 * n + r2] = 0;
    check(ctx);
    expect(w.ahat[s1 * n + r2]).toBe(0);
  });
});

describe('updatePhase: rivals, gates and buffers', () => {
  const plainState = (id: string, c: number, extra: object = {}): ScenarioInput['states'][number] => ({ id, capabilities: { mil: c, eco: c, pop: c }, ...extra });
  const rivals = (caps: number[]): [string, string] => {
    const ctx = perceivedContext({ meta: { id: 'rivals' }, states: caps.map((c, k) => plainState(`S${k}`, c)) });
    ctx.scratch.action.fill(OPTION_INDEX.NONE);
    updatePhase(ctx);
    return [ctx.world.ids[ctx.scratch.rivalA], ctx.world.ids[ctx.scratch.rivalB]];
  };

  it('the two leading rivals by cinc, the larger first, wherever they stand; ties go to the first in canonical order', () => {
    expect(rivals([9, 1, 5, 2])).toEqual(['S0', 'S2']); // the strongest has index 0, a weaker state between the two
    expect(rivals([9, 5, 1, 2])).toEqual(['S0', 'S1']); // the second right after the first
    expect(rivals([1, 5, 2, 9])).toEqual(['S3', 'S1']);
    expect(rivals([9, 9, 1, 2])).toEqual(['S0', 'S1']); // a tie for the lead
    expect(rivals([9, 5, 5, 2])).toEqual(['S0', 'S1']); // a tie for second
    expect(rivals([2, 5, 5, 9])).toEqual(['S3', 'S1']);
  });

  it('MAD needs both rivals nuclear, also when only the smaller one is not; ι* = 0 closes the ideology gate even for equal ideologies', () => {
    const ctx = setUp(1, []);
    ctx.world.nuc[ctx.index('R1')] = 0; // R1 is the smaller rival (rivalB)
    updatePhase(ctx);
    expect(ctx.scratch.rivalB).toBe(ctx.index('R1'));
    expect(ctx.scratch.gateMAD).toBe(0);
    const same = setUp(1, [], 0);
    same.world.ideo[same.index('R1')] = same.world.ideo[same.index('R2')];
    updatePhase(same);
    expect(same.scratch.gateIdeo).toBe(0);
  });

  it('every patched entry by the equation when there are more patches than the first buffer holds (two aggressors, every state acting, escalation)', () => {
    const ctx = setUp(1, [['R1', 'HI', 'R2'], ['R2', 'SS', 'S1'], ['S1', 'SS', 'S3'], ['S2', 'II', 'R1'], ['S3', 'HI', 'S2']]);
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    s.venueUsed.fill(-1);
    s.venueUsed[ctx.index('S2')] = 0;
    s.aggressed.fill(0);
    s.victim.fill(-1);
    for (const [j, v] of [['R2', 'S2'], ['S1', 'S3']]) { s.aggressed[ctx.index(j)] = 1; s.victim[ctx.index(j)] = ctx.index(v); }
    expect(s.patchIndex.length).toBeLessThan(2 * (n - 1) + n + 2);
    const want = expectedBeliefs(ctx);
    updatePhase(ctx);
    expect(s.patchCount).toBeGreaterThan(2 * n + 2);
    Array.from(w.ahat).forEach((x, k) => expect(x, `ahat ${w.ids[(k / n) | 0]}→${w.ids[k % n]}`).toBeCloseTo(want[k], 14));
  });

  it('aggressors that arm this tick are seen with their arming; one that armed only last tick, without it (the order of the phase)', () => {
    // R1 and S3 aggress and arm (HI) this tick; R2 aggresses and armed last tick only (its stale
    // ε_arm is still in armEvidence when the phase starts). Every column by the equation, which
    // reads this tick's actions.
    const ctx = setUp(1, [['R1', 'HI', 'S3'], ['R2', 'SS', 'S1'], ['S3', 'HI', 'S2']]);
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    s.venueUsed.fill(-1);
    s.aggressed.fill(0);
    s.victim.fill(-1);
    for (const [j, v] of [['R1', 'S2'], ['S3', 'S1'], ['R2', 'S2']]) { s.aggressed[ctx.index(j)] = 1; s.victim[ctx.index(j)] = ctx.index(v); }
    s.armEvidence.fill(0);
    s.armEvidence[ctx.index('R2')] = ctx.params.epsArm; // last tick's
    const want = expectedBeliefs(ctx);
    updatePhase(ctx);
    Array.from(w.ahat).forEach((x, k) => expect(x, `ahat ${w.ids[(k / n) | 0]}→${w.ids[k % n]}`).toBeCloseTo(want[k], 14));
    expect(Array.from(s.armList.subarray(0, s.armCount)).sort()).toEqual([ctx.index('R1'), ctx.index('S3')].sort());
  });

  it('the largest number of patches: every state both bandwagons (or acts) and blocks, an aggressor, escalation', () => {
    // Two patches per state (its block's provocation of its target, and its bandwagoning), the
    // aggressor's column and the escalation pair: 2n + 2 + (n − 1) entries.
    const ctx = setUp(1, [['R1', 'BAND', 'S1'], ['R2', 'BAND', 'S3'], ['S1', 'BAND', 'R1'], ['S2', 'II', 'R1'], ['S3', 'BAND', 'R1']]); // the rivals R1, R2 do not act on each other
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    s.venueUsed.fill(-1);
    s.venueUsed[ctx.index('S2')] = 0;
    s.blockProvocation.fill(0.01);
    s.aggressed.fill(0);
    s.victim.fill(-1);
    s.aggressed[ctx.index('S3')] = 1;
    s.victim[ctx.index('S3')] = ctx.index('S1');
    const want = expectedBeliefs(ctx);
    updatePhase(ctx);
    expect(s.patchCount).toBe(2 * n - 1 + 2 + (n - 1)); // S2's II is one patch, the other four two each
    Array.from(w.ahat).forEach((x, k) => expect(x, `ahat ${w.ids[(k / n) | 0]}→${w.ids[k % n]}`).toBeCloseTo(want[k], 14));
  });

  it('arming without provocation (ε_H = ε_S = ε_I = ε_esc = 0): the state armed against sees ε_arm in full; the armed states are listed for the fused path', () => {
    const input = world(1);
    input.parameters = { iotaStar: 0.5, epsH: 0, epsS: 0, epsI: 0, epsEsc: 0 }; // world(1) has ι* = 0.5
    const ctx = perceivedContext(input);
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    s.action.fill(OPTION_INDEX.NONE);
    for (const [a, t] of [['R1', 'R2'], ['S3', 'S1']]) { s.action[ctx.index(a)] = OPTION_INDEX.HI; s.target[ctx.index(a)] = ctx.index(t); }
    for (let k = 0; k < n * n; k++) w.ahat[k] = k % (n + 1) === 0 ? 0 : 0.3;
    const want = expectedBeliefs(ctx);
    updatePhase(ctx);
    Array.from(w.ahat).forEach((x, k) => expect(x, `ahat ${w.ids[(k / n) | 0]}→${w.ids[k % n]}`).toBeCloseTo(want[k], 14));
    expect(s.armCount).toBe(2);
    expect(Array.from(s.armList.subarray(0, 2))).toEqual([ctx.index('R1'), ctx.index('S3')]);
  });

  it('the patch list holds only the entries that differ from the plain relaxation: no idle state, no rival pair without escalation', () => {
    // R1 arms against R2 (and provokes it), S1 sanctions S3, S3 bandwagons with R1; R2, S2 idle. No
    // institutional act, so no escalation although the rivals R1, R2 are antagonists (and R1 armed).
    const ctx = setUp(1, [['R1', 'HI', 'R2'], ['S1', 'SS', 'S3'], ['S3', 'BAND', 'R1']]);
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    const [r1, r2, s1, s3] = ['R1', 'R2', 'S1', 'S3'].map(ctx.index);
    s.venueUsed.fill(-1);
    s.blockProvocation.fill(0);
    s.aggressed.fill(0);
    s.victim.fill(-1);
    const want = expectedBeliefs(ctx);
    updatePhase(ctx);
    expect(s.gateIdeo).toBe(0); // the gate is open, but no institutional act: ε_esc·0/n
    expect(Array.from(s.patchIndex.subarray(0, s.patchCount)).sort((x, y) => x - y)).toEqual([r2 * n + r1, s3 * n + s1, s3 * n + r1].sort((x, y) => x - y));
    Array.from(w.ahat).forEach((x, k) => expect(x, `ahat ${w.ids[(k / n) | 0]}→${w.ids[k % n]}`).toBeCloseTo(want[k], 14));
  });

  it('reassurance through an institution in the second 32-bit word of the masks', () => {
    const input = world(1);
    input.institutions = Array.from({ length: 40 }, (_, q) => ({ id: `Q${String(q).padStart(2, '0')}`, members: q === 39 ? ['R2', 'S1', 'S2', 'S3'] : ['R1', 'R2'] }));
    const ctx = perceivedContext(input);
    const { world: w, scratch: s } = ctx;
    const n = w.n;
    expect(s.maskWords).toBe(2);
    s.action.fill(OPTION_INDEX.NONE);
    s.action[ctx.index('S1')] = OPTION_INDEX.SS;
    s.target[ctx.index('S1')] = ctx.index('S2');
    for (let k = 0; k < n * n; k++) w.ahat[k] = k % (n + 1) === 0 ? 0 : ((k * 0.37) % 1);
    const want = expectedBeliefs(ctx);
    updatePhase(ctx);
    Array.from(w.ahat).forEach((x, k) => expect(x, `ahat ${w.ids[(k / n) | 0]}→${w.ids[k % n]}`).toBeCloseTo(want[k], 14));
  });
});

describe('updatePhase: pending relaxation', () => {
  it('records whether some live institution holds every state (then every pair shares one)', () => {
    const input = world(1);
    input.institutions = [...(input.institutions ?? []), { id: 'ALL', members: ['R1', 'R2', 'S1', 'S2', 'S3'] }];
    const ctx = perceivedContext(input);
    updatePhase(ctx);
    expect(ctx.scratch.pendingAllShare).toBe(true);
  });
});

describe('updatePhase: ententes, trade, legitimacy and the post-war clock', () => {
  it('ententes decay by δ_E per tick, partners at or above entMin are counted, a pair at exactly 0 leaves the list', () => {
    const ctx = setUp(1, []);
    const { world: w, scratch: s, params: p } = ctx;
    const n = w.n;
    const [r1, s1, s2, s3] = ['R1', 'S1', 'S2', 'S3'].map(ctx.index);
    const keep = 1 - ctx.rates.deltaE;
    updatePhase(ctx);
    expect(w.ent[s1 * n + s2]).toBeCloseTo(0.5 * keep, 15);
    expect(w.ent[s2 * n + s1]).toBe(w.ent[s1 * n + s2]);
    expect(w.ent[r1 * n + s3]).toBeCloseTo(0.12 * keep, 15);
    // 0.5·0.9 ≥ entMin = 0.1 counts, 0.12·0.9 = 0.108 too
    expect(s.ententes).toBe(2);
    expect(Array.from(s.entPartners)).toEqual(w.ids.map((id) => (['S1', 'S2', 'R1', 'S3'].includes(id) ? 1 : 0)));
    updatePhase(ctx); // 0.12·0.81 < 0.1: no longer counted
    expect(s.ententes).toBe(1);
    expect(s.entPartners[r1]).toBe(0);
    expect(p.entMin).toBe(0.1);
    // an entente that decays exactly onto entMin still counts
    p.entMin = w.ent[s1 * n + s2] * keep;
    updatePhase(ctx);
    expect(s.ententes).toBe(1);
    expect(s.entPartners[s1]).toBe(1);
    p.entMin = 0.1;
    w.ent[r1 * n + s3] = w.ent[s3 * n + r1] = 0; // decayed to exactly 0: leaves the list
    updatePhase(ctx);
    expect(w.entPairs).toEqual([Math.min(s1, s2) * n + Math.max(s1, s2)]);
  });

  it('cut trade recovers toward its scenario level at ρ_X per tick; uncut trade does not move', () => {
    const ctx = setUp(1, []);
    const { world: w } = ctx;
    const n = w.n;
    const [r2, s1, s2] = ['R2', 'S1', 'S2'].map(ctx.index);
    w.trade[r2 * n + s1] = w.trade[s1 * n + r2] = 0.1;
    updatePhase(ctx);
    expect(w.trade[r2 * n + s1]).toBeCloseTo(0.1 + ctx.rates.rhoX * 0.2, 15);
    expect(w.trade[s1 * n + r2]).toBe(w.trade[r2 * n + s1]);
    expect(w.trade[s1 * n + s2]).toBe(0.4);
  });

  it('legitimacy: leg + ρ_L(legBase − leg) − denial − ν·δ_agg·[aggressed] + accommodation, clipped to [0, 1]', () => {
    const ctx = setUp(1, []);
    const { world: w, scratch: s, params: p } = ctx;
    const [r1, r2, s1, s2, s3] = ['R1', 'R2', 'S1', 'S2', 'S3'].map(ctx.index);
    w.leg[r1] = 0.5; w.legBase[r1] = 0.7;
    s.denial.fill(0); s.accommodation.fill(0); s.aggressed.fill(0);
    s.denial[r2] = 0.1;
    s.accommodation[s1] = 0.3; w.leg[s1] = 0.9; // 0.9 + 0.3 clips at 1
    s.denial[s2] = 0.5; w.leg[s2] = 0.2; // clips at 0
    s.aggressed[s3] = 1; s.victim[s3] = s2;
    const before = Array.from(w.leg);
    const base = Array.from(w.legBase);
    updatePhase(ctx);
    const rho = ctx.rates.rhoL;
    expect(w.leg[r1]).toBeCloseTo(0.5 + rho * 0.2, 15);
    expect(w.leg[r2]).toBeCloseTo(before[r2] + rho * (base[r2] - before[r2]) - 0.1, 15);
    expect(w.leg[s1]).toBe(1);
    expect(w.leg[s2]).toBe(0);
    expect(w.leg[s3]).toBeCloseTo(before[s3] + rho * (base[s3] - before[s3]) - w.nu * p.deltaAgg, 15);
  });

  it('a major war sets the post-war clock to this year; no major war leaves it', () => {
    const ctx = setUp(1, []);
    const last = ctx.world.lastMajorWar;
    ctx.scratch.majorWars = 0;
    updatePhase(ctx);
    expect(ctx.world.lastMajorWar).toBe(last);
    ctx.scratch.majorWars = 1;
    ctx.year = 2003;
    updatePhase(ctx);
    expect(ctx.world.lastMajorWar).toBe(2003);
  });
});
