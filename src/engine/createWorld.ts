import { CAPABILITY_FLOOR } from '../effects/economicPhase.js';
import { CAPABILITY_BOUND, timesPowerOfTwo } from '../model/capabilityLimits.js';
import { greatCircleKm } from '../model/greatCircleKm.js';
import type { ResolvedScenario, ResolvedState } from '../model/ResolvedScenario.js';
import { newMatrix } from './remapMatrix.js';
import { createRowKernel } from '../perception/RowKernel.js';
import { hashString } from '../random/hashString.js';
import { perTickGrowth } from './TickRates.js';
import type { World } from './World.js';
import { STATUS_MEMBER, STATUS_NONE, statusCode } from '../institutions/MembershipStatus.js';
import { WorldRecord } from './WorldRecord.js';
import { fdlibmExp } from '../model/fdlibmExpLog.js';

/** Code-unit order of ids: the canonical order of states and institutions (locale-independent). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the typed-array world of a resolved scenario (THEORY §5.1), states and institutions in
 * canonical id order. With `previous` (a world of the same scenario, when states enter or leave:
 * model note N43) the run's unit and scalars carry over, and `options.relations` (built by
 * restrictWorld from the world before) replace the scenario's relation matrices.
 * @internal
 */
export function createWorld(scenario: ResolvedScenario, previous?: World, options: CreateWorldOptions = {}): World {
  const order = scenario.states.map((_, i) => i).sort((a, b) => compareIds(scenario.states[a].id, scenario.states[b].id));
  const n = order.length;
  const states = order.map((i) => scenario.states[i]);
  const index = new Map<string, number>(states.map((s, i) => [s.id, i]));
  const f = (pick: (s: (typeof states)[number]) => number): Float64Array => Float64Array.from(states, pick);
  // Capabilities and trade in a common unit (capabilityLimits): the scenario's own, unless its
  // largest value lies outside [2^−128, 2^128]; then times the power of two that brings it to ≈ 1.
  let largest = 0;
  for (const s of states) largest = Math.max(largest, s.capabilities.mil, s.capabilities.eco, s.capabilities.pop);
  for (const d of scenario.dyads) largest = Math.max(largest, d.trade);
  // A world rebuilt for a new set of states (N43) keeps the run's unit (N30), so entering states come in it.
  const exponent = previous !== undefined ? -previous.capabilityExponent
    : largest > 0 && largest < Infinity && (largest > CAPABILITY_BOUND || largest < 1 / CAPABILITY_BOUND)
      ? -Math.floor(Math.log2(largest)) : 0;
  const unit = (x: number): number => (exponent === 0 ? x : timesPowerOfTwo(x, exponent));
  const capability = (component: 'mil' | 'eco' | 'pop'): Float64Array => f((s) => unit(s.capabilities[component]));

  const { proximity, ahat, trade, tradeBase, ally, ent } = options.relations
    ?? scenarioRelations(scenario, states, index, exponent, options.capacity ?? n);
  const tpy = scenario.meta.ticksPerYear;
  // An input alliance with a data end date ends before the first tick that starts at or after it (N29).
  const inputEnds: { pair: number; tick: number }[] = [];
  for (const d of scenario.dyads) {
    if (!d.alliance || d.allianceEnds === undefined) continue;
    const a = index.get(d.between[0]) as number;
    const b = index.get(d.between[1]) as number;
    inputEnds.push({ pair: Math.min(a, b) * n + Math.max(a, b), tick: Math.max(0, Math.ceil((d.allianceEnds - scenario.meta.startYear) * tpy - 1e-9)) });
  }

  // Model note N54: affinity seeds from the scenario's blocs and pairs (symmetric); off without the section.
  const affinitySeed = new Float64Array(scenario.affinity != null ? n * n : 0);
  if (scenario.affinity != null) {
    for (const pr of scenario.affinity.pairs) {
      const a = index.get(pr.between[0]);
      const b = index.get(pr.between[1]);
      if (a === undefined || b === undefined) continue; // a state not in the system (restrictScenario)
      affinitySeed[a * n + b] = affinitySeed[b * n + a] = pr.value;
    }
  }

  const allyCount = new Int32Array(n);
  const allies: number[][] = Array.from({ length: n }, () => []);
  let allianceCount = 0;
  const tradePairs: number[] = [];
  const entPairs: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (ally[i * n + j] === 1) { allyCount[i]++; allyCount[j]++; allianceCount++; }
      // A rebuilt world's trade may have left its baseline (sanctions): a pair trading in either is listed.
      if (trade[i * n + j] > 0 || tradeBase[i * n + j] > 0) tradePairs.push(i * n + j);
      if (ent[i * n + j] > 0) entPairs.push(i * n + j);
    }
    for (let j = 0; j < n; j++) if (ally[i * n + j] === 1) allies[i].push(j);
  }
  const institutions = [...scenario.institutions].sort((a, b) => compareIds(a.id, b.id));
  // A rebuilt world (N43) starts with the slot capacity of the world before, so that carrying its
  // live institutions over never grows the slots: growing writes the slot arrays after construction,
  // which makes those fields of the World map mutable and deoptimises every phase compiled against
  // them (measured: ~170 ticks of re-warm-up per rebuild). The capacity only sizes buffers (loops run
  // to instSlots), so results do not depend on it.
  const capacity = Math.max(8, institutions.length * 2, previous !== undefined ? previous.instCapacity : 0);
  // A class instance, not this literal: see WorldRecord (a literal's second run deoptimises the phases).
  const world: World = new WorldRecord({
    n,
    ids: states.map((s) => s.id),
    names: states.map((s) => s.name),
    inputIndex: Int32Array.from(order),
    idHash: Uint32Array.from(states, (s) => hashString(s.id)),
    major: Uint8Array.from(states, (s) => (s.major ? 1 : 0)),
    mil: capability('mil'),
    eco: capability('eco'),
    pop: capability('pop'),
    // Growth rates are per year; the world holds them per tick (N28).
    growthMil: f((s) => perTickGrowth(s.growth.mil, tpy)),
    growthEco: f((s) => perTickGrowth(s.growth.eco, tpy)),
    growthPop: f((s) => perTickGrowth(s.growth.pop, tpy)),
    capabilityExponent: -exponent,
    // A rebuilt world (N43) carries the run's scalars over in this literal, never by writes after it:
    // writing a field of a world after construction would make V8 generalise the World map and
    // deoptimise every phase compiled against it (measured: ~170 ticks of re-warm-up per rebuild).
    floorMil: previous !== undefined ? previous.floorMil : CAPABILITY_FLOOR * states.reduce((t, s) => t + unit(s.capabilities.mil), 0),
    floorEco: previous !== undefined ? previous.floorEco : CAPABILITY_FLOOR * states.reduce((t, s) => t + unit(s.capabilities.eco), 0),
    floorPop: previous !== undefined ? previous.floorPop : CAPABILITY_FLOOR * states.reduce((t, s) => t + unit(s.capabilities.pop), 0),
    off: f((s) => s.offensive),
    nuc: Uint8Array.from(states, (s) => (s.nuclear ? 1 : 0)),
    rev: f((s) => s.revisionism),
    ideo: f((s) => s.ideology),
    leg: f((s) => s.legitimacy),
    legBase: f((s) => s.legitimacyBaseline),
    dom: f((s) => s.domesticSupport),
    proximity,
    ahat,
    affinity: affinitySeed.slice(),
    affinitySeed,
    trade,
    tradeBase,
    ally,
    ent,
    entPairs,
    allyCount,
    allies,
    allianceCount,
    allianceVersion: previous !== undefined ? previous.allianceVersion + 1 : 0,
    tradePairs,
    instCapacity: capacity,
    instSlots: 0,
    instAlive: new Uint8Array(capacity),
    instIds: [],
    instNames: [],
    instKind: [],
    instRule: [],
    instStrictness: new Float64Array(capacity),
    instStrength: new Float64Array(capacity),
    instBase: new Float64Array(capacity),
    instAgainst: new Int32Array(capacity).fill(-1),
    member: new Uint8Array(capacity * n),
    status: new Uint8Array(capacity * n),
    statusCount: new Int32Array(capacity),
    appliedTick: new Int32Array(capacity * n).fill(-1),
    vetoHolder: new Uint8Array(capacity * n),
    memberCount: new Int32Array(capacity),
    instFree: [],
    membershipVersion: 0,
    lambda: previous !== undefined ? previous.lambda : scenario.system.lambda,
    nu: previous !== undefined ? previous.nu : scenario.system.nu,
    theta: previous !== undefined ? previous.theta : scenario.system.theta,
    lastMajorWar: previous !== undefined ? previous.lastMajorWar : scenario.system.lastMajorWar ?? -Infinity,
    publicGoods: previous !== undefined ? previous.publicGoods : 0,
    tick: previous !== undefined ? previous.tick : 0,
    startYear: scenario.meta.startYear,
    ticksPerYear: tpy,
    parameterVersion: previous !== undefined ? previous.parameterVersion : 0,
    formedPairs: [],
    formedTarget: [],
    formedFaded: [],
    inputEnds: inputEnds.sort((x, y) => x.tick - y.tick || x.pair - y.pair),
  });
  for (const q of institutions) {
    const slot = addInstitution(world, q.id, q.name, q.kind, q.decisionRule, q.strictness, q.strength, q.strength, -1);
    for (const m of q.members) setMember(world, slot, index.get(m) as number, true);
    for (const h of q.statuses) setStatus(world, slot, index.get(h.state) as number, statusCode(h.status));
    for (const v of q.vetoMembers) world.vetoHolder[slot * n + (index.get(v) as number)] = 1;
  }
  return world;
}

/** The relation matrices of a world: row-major n×n, as views over buffers sized for the run's most states. @internal */
export interface RelationMatrices {
  proximity: Float64Array;
  ahat: Float64Array;
  trade: Float64Array;
  tradeBase: Float64Array;
  ally: Uint8Array;
  ent: Float64Array;
}

/** Options of {@link createWorld}. @internal */
export interface CreateWorldOptions {
  /** Ready relation matrices of the scenario's states in canonical order (restrictWorld builds them from the world before). */
  relations?: RelationMatrices;
  /**
   * The most states the run's world will hold (default: the scenario's): the matrices are views
   * over buffers of capacity² elements, so that a world rebuilt when states enter (N43) reuses them.
   */
  capacity?: number;
}

/** THEORY §5.1: proximity G_ij = exp(−d_ij/d0), d_ij the dyad's stated distance, else the great-circle distance, else 0. @internal */
export function proximityOf(stated: number | undefined, a: ResolvedState, b: ResolvedState, d0: number): number {
  let dist = stated;
  if (dist === undefined || Number.isNaN(dist)) {
    dist = a.location !== undefined && b.location !== undefined ? greatCircleKm(a.location, b.location) : 0;
  }
  return fdlibmExp(-dist / d0);
}

/** The relation matrices of a scenario's states (canonical order) from its dyads, perceptions and locations. */
function scenarioRelations(
  scenario: ResolvedScenario, states: readonly ResolvedState[], index: ReadonlyMap<string, number>, exponent: number, capacity: number,
): RelationMatrices {
  const n = states.length;
  // ahat and proximity live in the row kernel's memory when the world is large enough for it
  // (RowKernel.ts: the perceive phase's row pass in WebAssembly, the same numbers).
  const kernel = createRowKernel(Math.max(n, capacity));
  const proximity = kernel !== null ? kernel.proximity(n) : newMatrix(Float64Array, n, capacity);
  const trade = newMatrix(Float64Array, n, capacity);
  const ally = newMatrix(Uint8Array, n, capacity);
  const ent = newMatrix(Float64Array, n, capacity);
  // Distances the scenario states for a dyad, by i·n + j (few: a map, not another n×n matrix).
  const explicitDistance = new Map<number, number>();
  for (const d of scenario.dyads) {
    const a = index.get(d.between[0]) as number;
    const b = index.get(d.between[1]) as number;
    if (d.distance !== undefined) { explicitDistance.set(a * n + b, d.distance); explicitDistance.set(b * n + a, d.distance); }
    trade[a * n + b] = trade[b * n + a] = exponent === 0 ? d.trade : timesPowerOfTwo(d.trade, exponent);
    ally[a * n + b] = ally[b * n + a] = d.alliance ? 1 : 0;
    ent[a * n + b] = ent[b * n + a] = d.entente;
  }
  const d0 = scenario.parameters.d0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      proximity[i * n + j] = proximity[j * n + i] = proximityOf(explicitDistance.get(i * n + j), states[i], states[j], d0);
    }
  }
  // THEORY §5.1: the prior of ahat_ij is ideo_j, unless the scenario states a perception.
  const ahat = kernel !== null ? kernel.ahat(n) : newMatrix(Float64Array, n, capacity);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) ahat[i * n + j] = states[j].ideology;
  for (const pr of scenario.perceptions) {
    ahat[(index.get(pr.from) as number) * n + (index.get(pr.to) as number)] = pr.intent;
  }
  const tradeBase = newMatrix(Float64Array, n, capacity);
  tradeBase.set(trade);
  return { proximity, ahat, trade, tradeBase, ally, ent };
}

/**
 * Adds an institution in a new slot (growing the slot arrays when full: amortised, rare) and
 * returns its slot. Its members are added with {@link setMember}.
 * @internal
 */
export function addInstitution(
  world: World, id: string, name: string, kind: string, rule: string, strictness: number,
  strength: number, base: number, against: number,
): number {
  let q: number;
  const reused = world.instFree.pop();
  if (reused !== undefined) q = reused;
  else {
    if (world.instSlots === world.instCapacity) growInstitutions(world);
    q = world.instSlots++;
  }
  world.instAlive[q] = 1;
  world.instIds[q] = id;
  world.instNames[q] = name;
  world.instKind[q] = kind;
  world.instRule[q] = rule;
  world.instStrictness[q] = strictness;
  world.instStrength[q] = strength;
  world.instBase[q] = base;
  world.instAgainst[q] = against;
  world.memberCount[q] = 0;
  world.statusCount[q] = 0;
  world.membershipVersion++;
  return q;
}

/** Marks slot q dissolved, clears its members and frees the slot for reuse. @internal */
export function dissolveInstitution(world: World, q: number): void {
  const n = world.n;
  for (let i = 0; i < n; i++) { world.member[q * n + i] = 0; world.status[q * n + i] = 0; world.appliedTick[q * n + i] = -1; world.vetoHolder[q * n + i] = 0; }
  world.memberCount[q] = 0;
  world.statusCount[q] = 0;
  world.instAlive[q] = 0;
  world.instFree.push(q);
  world.membershipVersion++;
}

/**
 * Sets or clears the alliance of i and j, keeping `allyCount` and `allianceCount` in step. An
 * alliance the model forms passes its common `target` (≥ 0) and is listed in `formedPairs`, where
 * the lapse rule of model note N29 watches it; an input alliance (scenario, event) passes none.
 * Clearing an alliance removes it from that list. @internal
 */
export function setAlliance(world: World, i: number, j: number, inForce: boolean, target = -1): boolean {
  const n = world.n;
  const v = inForce ? 1 : 0;
  if (world.ally[i * n + j] === v) return false;
  const key = Math.min(i, j) * n + Math.max(i, j);
  if (inForce && target >= 0) {
    world.formedPairs.push(key);
    world.formedTarget.push(target);
    world.formedFaded.push(0);
  } else if (!inForce) {
    const at = world.formedPairs.indexOf(key);
    if (at >= 0) {
      world.formedPairs.splice(at, 1);
      world.formedTarget.splice(at, 1);
      world.formedFaded.splice(at, 1);
    }
  }
  world.ally[i * n + j] = v;
  world.ally[j * n + i] = v;
  const add = (list: number[], k: number): void => {
    let at = list.length;
    while (at > 0 && list[at - 1] > k) at--;
    list.splice(at, 0, k);
  };
  const remove = (list: number[], k: number): void => { list.splice(list.indexOf(k), 1); };
  if (inForce) { add(world.allies[i], j); add(world.allies[j], i); } else { remove(world.allies[i], j); remove(world.allies[j], i); }
  const d = inForce ? 1 : -1;
  world.allyCount[i] += d;
  world.allyCount[j] += d;
  world.allianceCount += d;
  world.allianceVersion++;
  return true;
}

/** Adds or removes state i from institution slot q (idempotent). @internal */
export function setMember(world: World, q: number, i: number, isMember: boolean): void {
  const k = q * world.n + i;
  const now = world.member[k] === 1;
  if (now === isMember) return;
  setStatus(world, q, i, isMember ? STATUS_MEMBER : STATUS_NONE);
}

/**
 * Sets state i's status in institution q (model §5.11: 0 none, 1 member, 2 candidate, 3 observer,
 * 4 associate), keeping `member`, `memberCount` and `statusCount` in step. Mutates the world.
 * @internal
 */
export function setStatus(world: World, q: number, i: number, code: number): void {
  const k = q * world.n + i;
  const old = world.status[k];
  if (old === code) return;
  if (old === STATUS_MEMBER) world.memberCount[q]--;
  else if (old !== STATUS_NONE) world.statusCount[q]--;
  if (code === STATUS_MEMBER) world.memberCount[q]++;
  else if (code !== STATUS_NONE) world.statusCount[q]++;
  world.status[k] = code;
  world.appliedTick[k] = -1; // a chosen application sets it after this call (model §5.12)
  world.member[k] = code === STATUS_MEMBER ? 1 : 0;
  world.membershipVersion++;
}

function growInstitutions(world: World): void {
  const cap = world.instCapacity * 2;
  const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, fill = 0): T => {
    const b = new (a.constructor as new (len: number) => T)(cap * (a.length / world.instCapacity));
    b.fill(fill);
    b.set(a);
    return b;
  };
  world.instAlive = grow(world.instAlive);
  world.instStrictness = grow(world.instStrictness);
  world.instStrength = grow(world.instStrength);
  world.instBase = grow(world.instBase);
  world.instAgainst = grow(world.instAgainst, -1);
  world.member = grow(world.member);
  world.status = grow(world.status);
  world.memberCount = grow(world.memberCount);
  world.statusCount = grow(world.statusCount);
  world.appliedTick = grow(world.appliedTick, -1);
  world.vetoHolder = grow(world.vetoHolder);
  world.instCapacity = cap;
}
