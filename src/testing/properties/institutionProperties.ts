import fc from 'fast-check';
import { FAMILY_INDEX_OF_OPTION, OPTION_COUNT, OPTIONS } from '../../decision/options.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { scenarioInput } from '../arbitraries/scenarioInput.js';
import { setStatus } from '../../engine/createWorld.js';
import { STATUS_CANDIDATE, STATUS_SUSPENDED } from '../../institutions/MembershipStatus.js';
import type { ModelParameters } from '../../model/ModelParameters.js';
import type { ScenarioInput } from '../../scenario/scenarioSchema.js';
import { Harness } from '../runtime/Harness.js';
import type { ModelRuntime } from '../runtime/ModelRuntime.js';
import { defineProperty, expectThat, type InternalProperty } from './defineProperty.js';
import { effectApplies } from './effectProperties.js';

// Properties of institutions with procedures (issue #14, model §5.9 and §5.11).

const unit = (): fc.Arbitrary<number> => gridNumber(0, 1, 1000);
const isPressing = (a: number): boolean => FAMILY_INDEX_OF_OPTION[a] === 2 || FAMILY_INDEX_OF_OPTION[a] === 3;
const II = OPTIONS.indexOf('II');

/** E15: a dual track toward g needs an institution that includes g. */
export const E15 = defineProperty({
  id: 'E15', family: 'effect', type: 'theory', tag: 'T', cite: 'He 2008; S2',
  title: 'a state in no institution with a great power is never dual-track toward it',
  statement: 'Dual track (model §5.9): a state that shares no institution with the great power g is never counted as running a dual '
    + 'track toward g, whatever soft, exclusive or friction acts it takes against g',
  source: 'He\'s inclusive institutional balancing, "binding" the target inside an institution that includes it [S2: He 2008]; '
    + 'the dual track, "NATO/EU function as channels of inclusive balancing" and "SCO/OTS operate as exclusive balancing" [S2]',
  method: 'A small random world with up to four institutions, every state a great power. Drives the record phase over 1–12 ticks with '
    + 'drawn soft and institutional acts, targets and threats (mostly against a steady target, some below T_min); an II act uses an '
    + 'institution holding the actor and its target, an IE act one holding the actor and not the target (none: no venue), as the '
    + 'institutional-acts phase does. At every tick, each (state, power) pair reported dual-track must share a live institution. '
    + 'A rule that lets soft acts count on the inclusive track fails.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput({ minStates: 3, maxInstitutions: 4 }), seed: fc.nat(1000),
    ticks: fc.array(fc.array(fc.record({ kind: fc.nat(5), option: fc.nat(), other: fc.nat(), venue: fc.nat(), T: unit() }), { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 12 }),
  }),
  predicate: (rt, { parameters: p, world, seed, ticks }) => {
    const h = new Harness(resolveScenario(world), p, rt, { seed });
    const { world: w, scratch: s, ctx } = h;
    const n = w.n;
    w.major.fill(1);
    const pressing = [...OPTIONS.keys()].filter(isPressing);
    const IE = OPTIONS.indexOf('IE');
    const venues = (i: number, j: number, inclusive: boolean): number[] => {
      const out: number[] = [];
      for (let q = 0; q < w.instSlots; q++) {
        if (w.instAlive[q] === 0 || w.member[q * n + i] === 0) continue;
        if ((w.member[q * n + j] === 1) === inclusive) out.push(q);
      }
      return out;
    };
    const shares = (i: number, g: number): boolean => venues(i, g, true).length > 0;
    ticks.forEach((row, t) => {
      ctx.tick = t;
      for (let i = 0; i < n; i++) {
        const d = row[i % row.length];
        const target = d.kind === 4 ? (i + 1 + (d.other % (n - 1))) % n : (i + 1) % n;
        const action = pressing[d.option % pressing.length];
        s.action[i] = action;
        s.target[i] = target;
        s.tMain[i] = d.kind === 3 ? d.T * p.tMin : d.T;
        const list = action === II ? venues(i, target, true) : action === IE ? venues(i, target, false) : [];
        s.venueUsed[i] = list.length > 0 ? list[d.venue % list.length] : -1;
      }
      h.run('record');
      for (let k = 0; k < s.dualTrackPairs; k++) {
        const pair = s.dualPairs[k];
        const i = Math.floor(pair / n);
        const g = pair - i * n;
        expectThat(shares(i, g), `tick ${t}: ${w.ids[i]} shares no institution with ${w.ids[g]}, yet is counted dual-track toward it `
          + `(inclusive venue "${s.dualVenueIds[s.dualInclVenue[pair]]}", exclusive "${s.dualVenueIds[s.dualExclVenue[pair]]}")`);
      }
    });
  },
});

/** E16: a candidate (any status short of membership) is never a member. */
export const E16 = defineProperty({
  id: 'E16', family: 'effect', type: 'engineering', tag: 'T/E', cite: 'He 2008; §5.11',
  title: 'a candidate is never counted as a member for the inclusive/exclusive classification',
  statement: 'Statuses (model §5.11): an institution includes j only if j is a full member. A candidate, observer or associate j '
    + 'never makes an institution inclusive toward j — not for the venues and the II mask of §5.3, not for the inclusive and '
    + 'exclusive memberships of the record — while a status holder i may use the institution as its venue',
  source: 'He\'s inclusive balancing binds the target inside the institution [S2: He 2008]; a candidate is not bound by the '
    + 'institution\'s decisions (issue #14)',
  method: 'A small random world with up to four institutions; drawn states receive drawn statuses short of membership in drawn '
    + 'institutions (set-status), then perception and the record phase run. Checks, from the status array itself: every state\'s '
    + 'inclusive venue holds its target as a full member and is an institution where the state is a member or a status holder; '
    + 'every exclusive venue does not hold the target as a member; II is available exactly when such an inclusive venue exists; the '
    + 'recorded inclusive and exclusive memberships count full members only. Treating candidates as members in perception fails.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput({ minStates: 3, maxInstitutions: 4 }), seed: fc.nat(1000),
    grants: fc.array(fc.record({ q: fc.nat(), state: fc.nat(), status: fc.constantFrom('candidate' as const, 'observer' as const, 'associate' as const) }), { minLength: 1, maxLength: 6 }),
  }),
  predicate: (rt, { parameters: p, world, seed, grants }) => {
    const h = new Harness(resolveScenario(world), p, rt, { seed });
    const { world: w, scratch: s } = h;
    const n = w.n;
    const live = [...Array(w.instSlots).keys()].filter((q) => w.instAlive[q] === 1);
    if (live.length === 0) return;
    for (const g of grants) {
      const q = live[g.q % live.length];
      const i = g.state % n;
      if (w.member[q * n + i] === 1) continue;
      h.change({ type: 'set-status', institution: w.instIds[q], state: w.ids[i], status: g.status });
    }
    h.draw();
    h.run('perceive');
    const isMember = (q: number, k: number): boolean => w.status[q * n + k] === 1;
    const hasVoice = (q: number, k: number): boolean => w.status[q * n + k] !== 0;
    let inclusive = 0;
    let exclusive = 0;
    for (let i = 0; i < n; i++) {
      const j = s.target[i];
      const inc = s.inclusiveVenue[i];
      const exc = s.exclusiveVenue[i];
      if (inc >= 0) {
        expectThat(isMember(inc, j), `${w.ids[i]}'s inclusive venue ${w.instIds[inc]} against ${w.ids[j]} holds it with status ${w.status[inc * n + j]}, not as a member`);
        expectThat(hasVoice(inc, i), `${w.ids[i]} has no voice in its inclusive venue ${w.instIds[inc]}`);
      }
      if (exc >= 0) expectThat(!isMember(exc, j), `${w.ids[i]}'s exclusive venue ${w.instIds[exc]} against ${w.ids[j]} has it as a member`);
      const canII = live.some((q) => hasVoice(q, i) && isMember(q, j));
      expectThat((s.mask[i * OPTION_COUNT + II] === 1) === canII, `${w.ids[i]}: II mask ${s.mask[i * OPTION_COUNT + II]}, but an institution with a voice for it and ${w.ids[j]} as a member ${canII ? 'exists' : 'does not exist'}`);
      for (const q of live) {
        if (!isMember(q, i)) continue;
        if (isMember(q, j)) inclusive++; else exclusive++;
      }
    }
    for (let i = 0; i < n; i++) s.action[i] = OPTIONS.indexOf('NONE');
    h.run('record');
    expectThat(s.inclusiveMemberships === inclusive && s.exclusiveMemberships === exclusive,
      `recorded ${s.inclusiveMemberships} inclusive and ${s.exclusiveMemberships} exclusive memberships, full members give ${inclusive} and ${exclusive}`);
  },
});

/**
 * One accession decision on a random world: institution q gets the drawn rule, no criteria
 * (strictness 0), a candidate c, and exactly `blockers` of its members block c (their main threat is
 * c at T ≥ T_min), the others do not. Returns the harness after the accession phase, or null when
 * the world has no institution with a non-member. @internal
 */
function decideAccession(
  rt: ModelRuntime, c: { parameters: ModelParameters; world: ScenarioInput; seed: number; pick: number },
  rule: 'consensus' | 'majority' | 'weighted', blockers: number, against = false,
  vetoes: (member: number, rank: number) => boolean = () => false,
  beforeVote: (h: Harness, q: number, cand: number) => void = () => undefined,
): { h: Harness; q: number; cand: number; members: number } | null {
  const h = new Harness(resolveScenario(c.world), c.parameters, rt, { seed: c.seed });
  const { world: w, scratch: s, ctx } = h;
  const n = w.n;
  const live = [...Array(w.instSlots).keys()].filter((q) => w.instAlive[q] === 1 && w.memberCount[q] < n);
  if (live.length === 0) return null;
  const q = live[c.pick % live.length];
  const outside = [...Array(n).keys()].filter((k) => w.member[q * n + k] === 0);
  const cand = outside[(c.pick >> 3) % outside.length];
  w.instRule[q] = rule;
  w.instStrictness[q] = 0;
  if (against) w.instAgainst[q] = cand;
  setStatus(w, q, cand, STATUS_CANDIDATE);
  for (let m = 0, rank = 0; m < n; m++) if (w.member[q * n + m] === 1) w.vetoHolder[q * n + m] = vetoes(m, rank++) ? 1 : 0;
  h.draw();
  h.run('perceive');
  ctx.tick = 0; // decisions are taken at the first tick of a year
  ctx.params.kappaExit = 0; // no exits before the vote: the property is about the vote (exit: E20)
  let blocked = 0;
  for (let m = 0; m < n; m++) {
    if (w.member[q * n + m] === 0) continue;
    if (blocked < blockers) { s.target[m] = cand; s.tMain[m] = 1; blocked++; } else { s.target[m] = m === (cand + 1) % n ? (cand + 2) % n : (cand + 1) % n; if (s.target[m] === m) s.target[m] = cand; if (s.target[m] === cand) s.tMain[m] = 0; }
  }
  beforeVote(h, q, cand);
  h.run('accession');
  return { h, q, cand, members: w.memberCount[q] };
}

const accessionCase = (rt: ModelRuntime) => fc.record({
  parameters: rt.parameters(), world: scenarioInput({ minStates: 4, maxInstitutions: 3 }), seed: fc.nat(1000), pick: fc.nat(),
});

/** E17: under consensus a single veto blocks accession. */
export const E17 = defineProperty({
  id: 'E17', family: 'effect', type: 'theory', tag: 'T', cite: 'He 2008; §5.12',
  title: 'under consensus a single veto blocks accession',
  statement: 'Accession (model §5.12): in an institution deciding by consensus, a candidate one member blocks is not admitted, '
    + 'whatever the others vote and whether or not it meets the criteria',
  source: 'the consensus rule used as a blocking instrument (the 2022–2024 holds on Finland\'s and Sweden\'s NATO accession; issue #14); '
    + 'He\'s institutional balancing by "dominating" institutions [S2]',
  method: 'A small random world; a drawn institution decides by consensus with no criteria (strictness 0) on a drawn non-member made a '
    + 'candidate; exactly one member has the candidate as its main threat at T = 1 (a block), the others do not. After the accession '
    + 'phase the candidate is still a candidate, not a member. A consensus that counts votes as a majority fails.',
  applies: effectApplies,
  arbitrary: accessionCase,
  predicate: (rt, c) => {
    const r = decideAccession(rt, c, 'consensus', 1);
    if (r === null) return;
    const { h, q, cand } = r;
    const w = h.world;
    expectThat(w.member[q * w.n + cand] === 0 && w.status[q * w.n + cand] === STATUS_CANDIDATE,
      `${w.ids[cand]} was admitted to ${w.instIds[q]} (consensus) over one member's veto`);
  },
});

/** E18: under majority a single veto does not block accession. */
export const E18 = defineProperty({
  id: 'E18', family: 'effect', type: 'theory', tag: 'T', cite: 'He 2008; §5.12',
  title: 'under majority a single veto does not block accession',
  statement: 'Accession (model §5.12): in an institution of three or more members deciding by majority, a candidate that meets the '
    + 'criteria and is blocked by one member only is admitted',
  source: 'decision rules as instruments of institutional balancing (issue #14); He 2008 [S2]',
  method: 'As E17 with a majority rule and at least three members: after the accession phase the candidate is a member (and holds no '
    + 'other status). A majority that lets any member veto fails.',
  applies: effectApplies,
  arbitrary: accessionCase,
  predicate: (rt, c) => {
    const r = decideAccession(rt, c, 'majority', 1);
    if (r === null || r.members < 3) return;
    const { h, q, cand } = r;
    const w = h.world;
    expectThat(w.member[q * w.n + cand] === 1 && w.status[q * w.n + cand] === 1,
      `${w.ids[cand]} was not admitted to ${w.instIds[q]} (majority of ${r.members}) although only one member blocked it`);
  },
});

/** E19 (E9 extended): a target is never admitted to a club against itself. */
export const E19 = defineProperty({
  id: 'E19', family: 'effect', type: 'engineering', tag: 'T/E', cite: 'He 2008; §5.12',
  title: 'a target is never admitted to a club against itself, by any procedure',
  statement: 'E9 extended to accession (model §5.12): a club founded against j never admits j, even when j is its candidate and no '
    + 'member blocks it, under any decision rule; and j cannot be made its candidate by a world change',
  source: 'exclusive institutional balancing keeps the target out [S2: He 2008]',
  method: 'As E17 with a drawn rule and no block, the institution marked as founded against the candidate: after the accession phase the '
    + 'candidate is not a member; a set-status change making the target a candidate of its club is refused. An accession that ignores '
    + 'the club\'s target fails.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ base: accessionCase(rt), rule: fc.constantFrom('consensus' as const, 'majority' as const, 'weighted' as const) }),
  predicate: (rt, { base, rule }) => {
    const r = decideAccession(rt, base, rule, 0, true);
    if (r === null) return;
    const { h, q, cand } = r;
    const w = h.world;
    expectThat(w.member[q * w.n + cand] === 0, `${w.ids[cand]} was admitted to ${w.instIds[q]}, a club founded against it (${rule})`);
    setStatus(w, q, cand, 0);
    let refused = false;
    try { h.change({ type: 'set-status', institution: w.instIds[q], state: w.ids[cand], status: 'candidate' }); } catch { refused = true; }
    expectThat(refused, `${w.ids[cand]} was made a candidate of ${w.instIds[q]}, a club founded against it`);
  },
});

/** E20: exit never leaves duplicates in a membership set. */
export const E20 = defineProperty({
  id: 'E20', family: 'effect', type: 'engineering', tag: 'E', cite: '§5.13',
  title: 'exit and suspension never leave duplicates in a membership set',
  statement: 'Exit and suspension (model §5.13): after the yearly decisions every institution\'s member count equals the members in '
    + 'its set, each state holds one status in it, and a state that left or was suspended is no longer a member',
  source: 'engineering invariant of membership sets (E9); exit "when membership costs more than it gives" and suspension (issue #14)',
  method: 'A small random world with up to four institutions after perception, with κ_exit drawn in [0, 0.5] and drawn states marked as '
    + 'having aggressed this year; the accession phase runs at the first tick of a year. Checks every live institution: its member '
    + 'count equals the member bitmap and the members with status 1, its count of other statuses equals the states holding one, and '
    + 'every state that left (an institution-left event) or was suspended is not a member. An exit that does not update the count fails.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput({ minStates: 3, maxInstitutions: 4 }), seed: fc.nat(1000),
    aggressors: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
  }),
  predicate: (rt, { parameters: p, world, seed, aggressors }) => {
    const h = new Harness(resolveScenario(world), p, rt, { seed, events: true });
    const { world: w, scratch: s, ctx } = h;
    const n = w.n;
    h.draw();
    h.run('perceive');
    ctx.tick = 0;
    for (let i = 0; i < n; i++) s.aggressed[i] = aggressors[i % aggressors.length] ? 1 : 0;
    h.run('accession');
    for (let q = 0; q < w.instSlots; q++) {
      if (w.instAlive[q] === 0) continue;
      let members = 0;
      let held = 0;
      for (let i = 0; i < n; i++) {
        const k = q * n + i;
        members += w.member[k];
        if (w.status[k] > 1) held++;
        expectThat((w.status[k] === 1) === (w.member[k] === 1), `${w.ids[i]} in ${w.instIds[q]}: status ${w.status[k]} but member bit ${w.member[k]}`);
      }
      expectThat(members === w.memberCount[q], `${w.instIds[q]} counts ${w.memberCount[q]} members but lists ${members}`);
      expectThat(held === w.statusCount[q], `${w.instIds[q]} counts ${w.statusCount[q]} other statuses but lists ${held}`);
    }
    for (const e of h.events) {
      if (e.type !== 'institution-left' && !(e.type === 'institution-status' && e.status === 'suspended')) continue;
      const q = w.instIds.indexOf(e.institution);
      expectThat(w.member[q * n + w.ids.indexOf(e.state)] === 0, `${e.state} left or was suspended from ${e.institution} but is still a member`);
    }
  },
});

/** E21: applying makes a candidate, never a member, and never of a club against the applicant. */
export const E21 = defineProperty({
  id: 'E21', family: 'effect', type: 'engineering', tag: 'T/E', cite: 'He 2008; §5.12',
  title: 'an applicant is never a member until a vote admits it, and a club never receives an application from its own target',
  statement: 'Applying as a choice (model §5.12, note N59): the institutional acts and the applications of a tick never make a state a '
    + 'member of an existing institution — an applicant becomes a candidate, and only the yearly vote admits it; no state applies to a '
    + 'club founded against it, to an institution in which it is a member, a candidate or suspended, or when its act is friction '
    + '(T < T_min) or it already is a member or candidate of an institution suitable for its act (II: holding its threat; IE: not)',
  source: 'accession as a process, "applying is an act", decided by the institution (issue #14); exclusive institutional balancing keeps '
    + 'the target out [S2: He 2008] (E9, E19)',
  method: 'A small random world with up to four institutions, some marked as clubs founded against a drawn state, and drawn statuses '
    + 'short of membership; after perception, drawn states take II (where available) or IE against their main threat, some with T below '
    + 'T_min; the institutional-acts and application phases run. Checks: no institution alive before the tick gained a member; every '
    + 'application event names a state that is now the institution\'s candidate, was neither member, candidate nor suspended there, is '
    + 'not its club\'s target, acted at T ≥ T_min, and held no membership or candidacy in a suitable institution. An application '
    + 'phase that admits applicants at once fails.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput({ minStates: 3, maxInstitutions: 4 }), seed: fc.nat(1000),
    acts: fc.array(fc.record({ act: fc.nat(2), low: fc.boolean() }), { minLength: 10, maxLength: 10 }),
    marks: fc.array(fc.record({ q: fc.nat(), state: fc.nat(), status: fc.nat(4) }), { maxLength: 5 }),
  }),
  predicate: (rt, { parameters: p, world, seed, acts, marks }) => {
    const h = new Harness(resolveScenario(world), p, rt, { seed, events: true });
    const { world: w, scratch: s } = h;
    const n = w.n;
    const live = [...Array(w.instSlots).keys()].filter((q) => w.instAlive[q] === 1);
    for (const m of marks) {
      if (live.length === 0) break;
      const q = live[m.q % live.length];
      const i = m.state % n;
      if (m.status === 0) { if (w.member[q * n + i] === 0) w.instAgainst[q] = i; } // a club founded against i
      else if (w.member[q * n + i] === 0 && w.instAgainst[q] !== i) setStatus(w, q, i, m.status === 4 ? STATUS_SUSPENDED : m.status + 1);
    }
    h.draw();
    h.run('perceive');
    const IE = OPTIONS.indexOf('IE');
    for (let i = 0; i < n; i++) {
      const d = acts[i % acts.length];
      s.action[i] = d.act === 0 && s.mask[i * OPTION_COUNT + II] === 1 ? II : d.act === 2 ? OPTIONS.indexOf('NONE') : IE;
      if (d.low) s.tMain[i] = s.tMain[i] * 0.99 * p.tMin;
    }
    const before = w.status.slice(0, w.instSlots * n);
    const slots = w.instSlots;
    const alive = w.instAlive.slice(0, slots);
    const suitable = (i: number, inclusive: boolean): boolean => {
      const j = s.target[i];
      for (let q = 0; q < slots; q++) {
        if (alive[q] === 0 || (before[q * n + j] === 1) !== inclusive) continue;
        if (before[q * n + i] === 1 || before[q * n + i] === STATUS_CANDIDATE) return true;
      }
      return false;
    };
    h.run('institutional-acts');
    h.run('application');
    for (let q = 0; q < slots; q++) {
      if (alive[q] === 0) continue;
      for (let i = 0; i < n; i++) {
        expectThat(w.member[q * n + i] === 0 || before[q * n + i] === 1,
          `${w.ids[i]} became a member of ${w.instIds[q]} (status before ${before[q * n + i]}) without a vote`);
      }
    }
    for (const e of h.events) {
      if (e.type !== 'application') continue;
      const q = w.instIds.indexOf(e.institution);
      const i = w.ids.indexOf(e.state);
      const k = q * n + i;
      expectThat(w.status[k] === STATUS_CANDIDATE && w.member[k] === 0, `${e.state} applied to ${e.institution} but holds status ${w.status[k]}`);
      const fresh = q >= slots || alive[q] === 0; // a club founded in this tick's acts
      expectThat(fresh || (before[k] !== 1 && before[k] !== STATUS_CANDIDATE && before[k] !== STATUS_SUSPENDED),
        `${e.state} applied to ${e.institution}, where it held status ${before[k]}`);
      expectThat(w.instAgainst[q] !== i, `${e.state} applied to ${e.institution}, a club founded against it`);
      expectThat(s.tMain[i] >= p.tMin, `${e.state} applied on a friction act (T = ${s.tMain[i]} < T_min = ${p.tMin})`);
      expectThat(!suitable(i, e.act === 'II'), `${e.state} applied to ${e.institution} (${e.act}) although it is a member or candidate of a suitable institution`);
    }
  },
});

/** E22: a veto held by designated members is decisive; a block by any other member is not. */
export const E22 = defineProperty({
  id: 'E22', family: 'effect', type: 'theory', tag: 'T', cite: 'UN Charter Art. 27(3); §5.12',
  title: 'a veto holder\'s block alone keeps a candidate out; under majority another member\'s block alone does not',
  statement: 'Veto holders (model §5.12, note N60): in an institution deciding by majority in which some members hold a veto '
    + '(vetoMembers), a candidate that meets the criteria and is blocked by exactly one member is not admitted when that member holds '
    + 'a veto, and is admitted, with three or more members, when it does not (under consensus any single block keeps it out: E17)',
  source: 'the veto of the permanent members of the Security Council on admission (UN Charter Arts. 4(2), 27(3)): the Soviet vetoes of '
    + 'Italy\'s application, 1947–1949, over majorities for it; He\'s "dominating" institutions [S2]',
  method: 'As E17 with a majority rule: a drawn subset of the members holds a veto, and exactly one member blocks the candidate, '
    + 'holding a veto or not as drawn. After the accession phase the candidate is still a candidate when the blocker holds a veto, and '
    + 'a member when it does not and the institution has three or more members. An accession that ignores the veto holders fails.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    base: accessionCase(rt), blockerVetoes: fc.boolean(), others: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  }),
  predicate: (rt, { base, blockerVetoes, others }) => {
    // decideAccession has the first member (rank 0) block; the others vote to admit.
    const r = decideAccession(rt, base, 'majority', 1, false, (_m, rank) => (rank === 0 ? blockerVetoes : others[rank % others.length]));
    if (r === null) return;
    const { h, q, cand, members } = r;
    const w = h.world;
    const k = q * w.n + cand;
    if (blockerVetoes) {
      expectThat(w.member[k] === 0 && w.status[k] === STATUS_CANDIDATE,
        `${w.ids[cand]} was admitted to ${w.instIds[q]} (majority of ${members}) over the block of a member holding a veto`);
    } else if (members >= 3) {
      expectThat(w.member[k] === 1,
        `${w.ids[cand]} was not admitted to ${w.instIds[q]} (majority of ${members}) although only one member without a veto blocked it`);
    }
  },
});

/** E23: a hold lasts exactly as long as the grievance. */
export const E23 = defineProperty({
  id: 'E23', family: 'effect', type: 'theory', tag: 'T/D', cite: 'issue #14; §5.12, N61',
  title: 'a member holds a candidate exactly while it has a grievance against it',
  statement: 'Holds (model §5.12, note N61): under consensus, with no member blocking and no criteria, a candidate is kept out exactly '
    + 'when holds are on (H_hold > 0) and some member has a grievance against it — the candidate\'s most recent sanctions or legitimacy '
    + 'denial were against that member within the last H_hold years, or the member\'s affinity with it is negative — and is admitted '
    + 'once the grievance has lapsed',
  source: 'the consensus rule used to extract concessions: Türkiye\'s hold on Finland\'s and Sweden\'s NATO accession over their arms '
    + 'embargo of 2019 and their stance on the PKK, lifted for Finland in March 2023 and for Sweden in January 2024 after the '
    + 'trilateral memorandum of 28 June 2022 (issue #14) [D: the grievance window]',
  method: 'As E17 with no block and strictness 0, under consensus: the candidate\'s most recent soft act (SS or SL) is made to target a '
    + 'drawn member a drawn number of ticks before the vote, and the candidate takes no soft act in the tick. After the accession phase '
    + 'the candidate is a member exactly when H_hold = 0, or that act is at least ⌈H_hold·ticks a year⌉ ticks old and no member\'s '
    + 'affinity with the candidate is negative. A hold that never lapses fails.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ base: accessionCase(rt), member: fc.nat(), age: fc.nat(40) }),
  predicate: (rt, { base, member, age }) => {
    let aggrieved = -1;
    const r = decideAccession(rt, base, 'consensus', 0, false, () => false, (h, q, cand) => {
      const { world: w, scratch: s } = h;
      const members = [...Array(w.n).keys()].filter((m) => w.member[q * w.n + m] === 1);
      aggrieved = members[member % members.length];
      s.action[cand] = OPTIONS.indexOf('NONE');
      s.lastSoftTarget[cand] = aggrieved;
      s.lastSoftTick[cand] = -age; // the vote is at tick 0
    });
    if (r === null) return;
    const { h, q, cand } = r;
    const w = h.world;
    const p = h.ctx.params;
    const window = p.holdYears > 0 ? Math.max(1, Math.ceil(p.holdYears * w.ticksPerYear - 1e-9)) : 0;
    let disliked = false;
    for (let m = 0; m < w.n && w.affinity.length > 0; m++) if (w.member[q * w.n + m] === 1 && w.affinity[m * w.n + cand] < 0) disliked = true;
    const held = window > 0 && (age < window || disliked);
    expectThat((w.member[q * w.n + cand] === 0) === held,
      `${w.ids[cand]} ${held ? 'was admitted to' : 'was kept out of'} ${w.instIds[q]} (consensus, no block) with holdYears = ${p.holdYears}, `
      + `its sanctions or denial against ${w.ids[aggrieved]} ${age} ticks before the vote${disliked ? ', a member\'s affinity negative' : ''}`);
  },
});

/** The institution properties, in order. @internal */
export const INSTITUTION_PROPERTIES: readonly InternalProperty[] = [E15, E16, E17, E18, E19, E20, E21, E22, E23];
