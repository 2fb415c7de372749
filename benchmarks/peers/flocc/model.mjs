// The v2 reference model of docs/model.md (as of 2026-12-07; the peer was the v1 model of 2026-11-22
// until then) written with flocc (https://flocc.network), the maintained JavaScript agent-based
// modelling library, the way a flocc user would write it: an Environment holding one Agent per
// state, agent data read and written through get/set, the per-state perception and choice as agent
// rules run by environment.tick() with flocc's synchronous update (every agent's rule sees the data
// as it was at the start of the tick; returned data is applied after all agents ran), and the
// effects of model §5.5–5.7 and §5.12–5.13 as environment-level steps between ticks, in the order of
// §5.8 (economy, alignment, institutional acts, applications, restraint, aggression, accession,
// update, institutions). Randomness comes from flocc's seeded PRNG (utils.seed, utils.uniform).
//
// It is a benchmark peer, not part of the library: it loads the same resolved scenarios as the
// engine (loadScenario from counterpoise/node) and implements the same equations, including the
// implementation's documented resolutions (docs/model-notes.md): N2 ideology floor of obs, N3
// partners exclude existing allies, N4 entente pressure, N5 sanction loss capped by the smaller
// economy and capability floors, N6 trade recovery, N7 institution strength relaxing to a baseline,
// N9 ties (larger cinc, then a draw), N11 the cost of founding a club, N14 escalation, N25 CON over
// the great powers; and the v2 mechanisms:
//   - N28 time in years: relaxations (η_b, δ_E, ρ_X, ρ_L, δ_s) 1 − (1 − x)^(1/tpy) a tick, growth
//     (1 + g)^(1/tpy) − 1; every act and an aggression at 1/tpy of its yearly probability, NONE
//     taking the rest; an act's pressure in force for a year (Press_j over the last tpy ticks); the
//     coordination bonus, a mutual HE and the co-founders of a club counted within the year;
//   - N29 alliances the model formed lapse after allianceLapseYears of both partners' threat from
//     their common target below T_min; input alliances end at their data date (allianceEnds);
//   - N31 beliefs with memory: the evidence â − ideo decays by η_b a year; arming (HI) read by
//     every state by proximity and in full by its target (ε_arm); an aggression read in full by its
//     victim and the victim's allies, by proximity by everyone else, as a yearly impulse;
//   - N32 power shifts: F_ij = min(1, P + w_Δ·max(0, P − P⁰)), P⁰ from the yearly shares
//     shiftWindow years ago (or the first year's);
//   - N40–N42 capabilities that follow their yearly paths (interpolated within the year), the
//     model's own effects a deviation that decays with the paths' half-life;
//   - N51–N53, N59, N60 institutions with procedures: statuses short of membership with a reduced
//     voice (π and the IE legitimacy term scaled by v_s), applications as the content of an II or
//     IE act at T ≥ T_min (an IE without a venue applies before it founds a club), yearly accession
//     votes by the institution's rule and strictness, with blocks that cost the blocker legitimacy
//     and provoke the candidate, veto holders, the lapse of a chosen candidacy, exit (κ_exit) and
//     the suspension of a member that aggressed;
// and the scenario's scheduled events.
//
// Left out, inert in both scenarios of the equivalence test (concert-of-europe and multipolar-2020s
// over their first 40 ticks), and refused (the peer throws) by any scenario that would need them:
// affinity (N54: neither scenario has an `affinity` section, so every a_ij is 0, the threat factor
// is 1 and the partner rules never bind); states entering or leaving (N43–N46: neither has spells);
// trade that follows a path (multipolar-2020s holds its 2014 trade shares, so its resolved trade
// paths are empty; concert-of-europe has no trade); scenario expressions and conditional events
// (neither has any); holds (N61: holdYears = 0). Not modelled because they feed nothing back into
// the choices: public goods, soft-balancing episodes and friction, the dual track, the threats
// toward every great power (N18, N50, N57: measures), and the exact power-of-two rescaling of
// capabilities (N30: only shares enter the model). Exit and suspension are implemented though inert
// here (κ_exit = 0; no suspension in an engine census of 200 seeds × 40 ticks of each scenario), since
// suspension acts in the synthetic 200-state workload of the speed comparison.
//
// Its random numbers differ from the engine's (one flocc stream instead of one seedrandom stream per
// state; exact ties of threats broken by a uniform draw among the tied states instead of a hash), and
// a few sums are written in another order (so values can differ in the last bits), so its action
// distribution must match the engine's statistically, not draw by draw: benchmarks/peer.mjs tests
// that. At tick 0 its main threats equal the engine's and its probabilities agree to 2e-16. Fed
// the engine's own uniforms instead of flocc's (a lock-step harness, 2026-12-07), it took the
// engine's action and main threat for every state at every tick in 200 of 200 runs of 40 ticks of
// each scenario (and 100 ticks of 100 and 60 runs; 100 ticks of 12 runs of the 200-state workload),
// its beliefs within 2e-15 of the engine's.

import { Agent, Environment, utils } from 'flocc';

const OPTIONS = ['NONE', 'BAND', 'HI', 'HE', 'SE', 'SS', 'SL', 'II', 'IE'];
const [NONE, BAND, HI, HE, SE, SS, SL, II, IE] = OPTIONS.map((_, k) => k);
/** Family of each option: 0 accommodate, 1 hard, 2 soft, 3 institutional. */
const FAMILY = [0, 0, 1, 1, 2, 2, 2, 3, 3];
const EARTH_RADIUS_KM = 6371.0088;
/** Status codes of a state in an institution (model §5.11). */
const MEMBER = 1;
const CANDIDATE = 2;
const OBSERVER = 3;
const ASSOCIATE = 4;
const SUSPENDED = 5;
const STATUS_CODE = { member: MEMBER, candidate: CANDIDATE, observer: OBSERVER, associate: ASSOCIATE, suspended: SUSPENDED };

function greatCircleKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const clip01 = (v) => (v < 0 ? 0 : v > 1 ? 1 : v);
/** A yearly share of a gap closed, per tick (N28). */
const perTick = (x, tpy) => (tpy === 1 ? x : x >= 1 ? 1 : 1 - (1 - x) ** (1 / tpy));

/** Ray & Singer's concentration index over the chosen set (N25). */
function concentration(values, include) {
  const sel = values.filter((_, i) => include(i));
  const total = sel.reduce((s, v) => s + v, 0);
  if (sel.length === 0 || !(total > 0)) return 0;
  if (sel.length === 1) return 1;
  if (Math.min(...sel) === Math.max(...sel)) return 0;
  const mean = 1 / sel.length;
  const dev = sel.reduce((s, v) => s + (v / total - mean) ** 2, 0);
  return Math.sqrt(Math.min(1, Math.max(0, dev / (1 - 1 / sel.length))));
}

/** Walt's aggregate power with the power shift of N32: min(1, P + w_Δ·max(0, P − P⁰)). */
function powerFactor(ci, cj, ci0, cj0, wShift) {
  const P = ci + cj > 0 ? cj / (ci + cj) : 0.5;
  const P0 = ci0 + cj0 > 0 ? cj0 / (ci0 + cj0) : 0.5;
  return P > P0 ? Math.min(1, P + wShift * (P - P0)) : P;
}

/**
 * Builds the flocc model of a resolved scenario. Returns { environment, agents, institutions, step(), n };
 * step() runs one tick and returns its action counts (engine option order); `institutions` are the
 * slots (null where one dissolved).
 */
export function createFloccModel(scenario, seed) {
  utils.seed(seed);
  const p = scenario.parameters;
  if (scenario.affinity != null) throw new Error('the flocc peer does not implement affinity (N54)');
  if (scenario.expressions.length > 0) throw new Error('the flocc peer does not implement scenario expressions');
  if (scenario.events.some((e) => e.when !== null)) throw new Error('the flocc peer supports scheduled events only');
  if (scenario.states.some((s) => s.spells !== undefined)) throw new Error('the flocc peer does not implement states entering or leaving (N43)');
  if (scenario.paths != null && scenario.paths.trade.length > 0) throw new Error('the flocc peer does not implement trade paths');
  if (p.holdYears > 0) throw new Error('the flocc peer does not implement holds (N61)');
  const tpy = scenario.meta.ticksPerYear;
  const rate = {
    etaB: perTick(p.etaB, tpy), deltaE: perTick(p.deltaE, tpy), rhoX: perTick(p.rhoX, tpy), rhoL: perTick(p.rhoL, tpy),
    deltaS: perTick(p.deltaS, tpy), lapse: Math.max(1, Math.ceil(p.allianceLapseYears * tpy - 1e-9)),
  };
  const states = [...scenario.states].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = states.length;
  const index = new Map(states.map((s, i) => [s.id, i]));
  const environment = new Environment();
  const agents = states.map((s, i) => {
    const beliefs = states.map((t, j) => (i === j ? 0 : t.ideology));
    const agent = new Agent({
      index: i, id: s.id, major: s.major ? 1 : 0, mil: s.capabilities.mil, eco: s.capabilities.eco, pop: s.capabilities.pop,
      growth: Object.fromEntries(['mil', 'eco', 'pop'].map((c) => [c, (1 + s.growth[c]) ** (1 / tpy) - 1])),
      off: s.offensive, nuc: s.nuclear ? 1 : 0, rev: s.revisionism, ideo: s.ideology,
      leg: s.legitimacy, legBase: s.legitimacyBaseline, dom: s.domesticSupport,
      beliefs, proximity: new Array(n).fill(1), trade: new Map(), tradeBase: new Map(), allies: new Set(), ententes: new Map(),
      action: -1, target: -1, threat: 0, threats: new Array(n).fill(0), restraint: 0, venue: -1,
      // when each kind of act was last taken, and against whom (the one-year windows of N28)
      lastHE: -Infinity, lastHETarget: -1, lastFound: -Infinity, lastFoundTarget: -1, lastPress: -Infinity, lastPressTarget: -1, lastAggression: -Infinity,
      tick: stateRule, // the agent's rule, run by environment.tick()
    });
    environment.addAgent(agent);
    return agent;
  });
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = states[i].location;
      const b = states[j].location;
      const d = a !== undefined && b !== undefined ? greatCircleKm(a, b) : 0;
      agents[i].get('proximity')[j] = agents[j].get('proximity')[i] = Math.exp(-d / p.d0);
    }
  }
  /** Input alliances with a data end date: removed before the first tick at or after it (N29). */
  const inputEnds = [];
  for (const d of scenario.dyads) {
    const [a, b] = d.between.map((id) => index.get(id));
    if (d.distance !== undefined) agents[a].get('proximity')[b] = agents[b].get('proximity')[a] = Math.exp(-d.distance / p.d0);
    if (d.trade > 0) for (const [x, y] of [[a, b], [b, a]]) { agents[x].get('trade').set(y, d.trade); agents[x].get('tradeBase').set(y, d.trade); }
    if (d.alliance) {
      agents[a].get('allies').add(b); agents[b].get('allies').add(a);
      if (d.allianceEnds !== undefined) inputEnds.push({ a, b, tick: Math.max(0, Math.ceil((d.allianceEnds - scenario.meta.startYear) * tpy - 1e-9)) });
    }
    if (d.entente > 0) { agents[a].get('ententes').set(b, d.entente); agents[b].get('ententes').set(a, d.entente); }
  }
  inputEnds.sort((x, y) => x.tick - y.tick);
  for (const pr of scenario.perceptions) agents[index.get(pr.from)].get('beliefs')[index.get(pr.to)] = pr.intent;
  const floors = ['mil', 'eco', 'pop'].map((c) => 1e-9 * states.reduce((t, s) => t + s.capabilities[c], 0));
  // Institutions live in slots (a dissolved one frees its slot for the next club), scanned in slot
  // order; each holds its full members and, apart, the statuses short of membership (§5.11).
  const slots = [];
  const freeSlots = [];
  const addInstitution = (q) => { const slot = freeSlots.length > 0 ? freeSlots.pop() : slots.length; slots[slot] = q; return slot; };
  for (const q of [...scenario.institutions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    addInstitution({
      id: q.id, strength: q.strength, base: q.strength, against: -1, rule: q.decisionRule, strictness: q.strictness,
      members: new Set(q.members.map((m) => index.get(m))), statuses: new Map(q.statuses.map((h) => [index.get(h.state), STATUS_CODE[h.status]])),
      applied: new Map(), veto: new Set(q.vetoMembers.map((m) => index.get(m))), acts: 0, cinc: 0, founded: -1,
    });
  }
  /** Capability paths (N40–N42): yearly rows per state, followed with the model's deviation decaying by the half-life. */
  const paths = scenario.paths == null ? null : {
    first: scenario.paths.firstYear, rows: scenario.paths.lastYear - scenario.paths.firstYear + 1,
    keep: 2 ** (-1 / (scenario.paths.halfLife * tpy)),
    follow: scenario.paths.capabilities.map((c) => ({ agent: agents[index.get(c.state)], mil: c.mil, eco: c.eco, pop: c.pop })),
  };
  paths?.follow.forEach((f) => { f.last = { mil: f.agent.get('mil'), eco: f.agent.get('eco'), pop: f.agent.get('pop') }; });
  environment.set({
    lambda: scenario.system.lambda, nu: scenario.system.nu, theta: scenario.system.theta,
    lastMajorWar: scenario.system.lastMajorWar ?? -Infinity, phase: 'perceive', clock: 0, // 'tick' is flocc's rule key
    cincRing: new Map(), cincFirst: -1, // yearly cinc shares for the power shift (N32)
    pressRing: Array.from({ length: tpy }, () => ({ press: new Array(n).fill(0), pressDom: new Array(n).fill(0) })),
  });
  const events = scenario.events.filter((e) => e.tick !== null).sort((a, b) => a.tick - b.tick || a.index - b.index);
  let nextEvent = 0;
  let nextEnd = 0;
  /** Alliances the model formed: [a, b, target, ticks faded] (N29). */
  let formed = [];
  const year = () => scenario.meta.startYear + environment.get('clock') / tpy;
  const cincOf = () => environment.get('cinc');
  const live = (fn) => slots.forEach((q, slot) => { if (q !== null) fn(q, slot); });
  const statusOf = (q, i) => (q.members.has(i) ? MEMBER : (q.statuses.get(i) ?? 0));
  const hasVoice = (q, i) => { const c = statusOf(q, i); return c >= MEMBER && c <= ASSOCIATE; };

  // ------------------------------------------------------------ the agents' rule (model §5.2–5.4)
  // Phase "perceive": T_ij for every j (Walt, with the power shift), the main threat j* and T_ij*.
  // Phase "decide": the context toward j*, the masks, the nine utilities, the logit, the Poisson
  // scaling of N28 and the draw.
  function stateRule(agent) {
    const env = agent.environment;
    const i = agent.get('index');
    const cinc = env.get('cinc');
    if (env.get('phase') === 'perceive') {
      const past = env.get('cincPast');
      const beliefs = agent.get('beliefs');
      const prox = agent.get('proximity');
      const theta = env.get('theta');
      const threats = new Array(n);
      let best = -1;
      let bestT = -Infinity;
      let tied = 1;
      for (let j = 0; j < n; j++) {
        if (j === i) { threats[j] = 0; continue; }
        const other = agents[j];
        const F = powerFactor(cinc[i], cinc[j], past[i], past[j], p.wShift);
        const thetaIJ = 1 - (1 - theta) * (1 - p.thetaNuc * agent.get('nuc') * other.get('nuc'));
        const O = other.get('off') * (1 - thetaIJ);
        const t = beliefs[j] * (p.wP * F + p.wG * prox[j] + p.wO * O);
        threats[j] = t;
        if (t > bestT || (t === bestT && cinc[j] > cinc[best])) { best = j; bestT = t; tied = 1; } else if (t === bestT && cinc[j] === cinc[best] && utils.uniform() < 1 / ++tied) best = j;
      }
      return { threats, target: best, threat: bestT };
    }
    // decide
    const j = agent.get('target');
    const T = agent.get('threat');
    const other = agents[j];
    const x = agent.get('trade').get(j) ?? 0;
    const D = Math.min(1, x / agent.get('eco') / p.wSat);
    const Dt = Math.min(1, x / other.get('eco') / p.wSat);
    const thetaIJ = 1 - (1 - env.get('theta')) * (1 - p.thetaNuc * agent.get('nuc') * other.get('nuc'));
    const r = cinc[i] / (cinc[i] + cinc[j]);
    const disp = Math.abs(2 * r - 1);
    const allied = agent.get('allies').has(j) ? 1 : 0;
    const col = column(j);
    const num = col.freeSum - (allied === 0 ? cinc[i] * T : 0);
    const den = env.get('totalCinc') - cinc[i] - cinc[j];
    const A = den > 0 ? clip01(num / den) : 0;
    // Venues: the institutions where i has a voice (a member or a lesser status, §5.11); inclusive
    // when j is a full member, exclusive otherwise.
    let rhoI = 0;
    let incl = -1;
    let rhoE = 0;
    let excl = -1;
    live((q, slot) => {
      if (!hasVoice(q, i)) return;
      if (q.members.has(j)) { if (incl < 0 || q.strength > rhoI) { rhoI = q.strength; incl = slot; } } else {
        const score = q.strength * (col.shared.get(slot) ?? 0);
        if (excl < 0 || score > rhoE || (score === rhoE && q.strength > slots[excl].strength)) { rhoE = score; excl = slot; }
      }
    });
    const con = env.get('con');
    const available = new Array(9).fill(true);
    let free = col.free - (allied === 0 ? 1 : 0);
    for (const k of agent.get('allies')) if (k !== j && !other.get('allies').has(k)) free--;
    if (free <= 0) { available[HE] = false; available[SE] = false; }
    if (!(x > 0)) available[SS] = false;
    if (incl < 0) available[II] = false;
    // model §5.4
    const P3 = (thetaIJ + env.get('nu') + (1 - other.get('ideo'))) / 3;
    const lam = env.get('lambda');
    const X = T > p.tStar ? (T - p.tStar) / (1 - p.tStar) : 0;
    const hardCommon = p.betaH - p.dH * D - p.pH * P3 - p.lH * lam - p.cDH * disp - p.eta * allied;
    const softCommon = p.betaS + p.pS * P3 + p.lS * lam + p.cD * disp;
    const instCommon = (p.dS + p.dI) * D + p.pS * P3 + p.lS * lam + p.cD * disp;
    const V = [
      0,
      -p.kappaBAND + T * p.b * (1 - r) * (1 - A) * agent.get('proximity')[j],
      -p.kappaHI + T * (hardCommon + p.cR * r) + p.xi * X,
      -p.kappaHE + T * (hardCommon + p.cA * A) + p.xi * X,
      -p.kappaSE + T * (softCommon + p.dS * D + p.cA2 * A),
      -p.kappaSS + T * (softCommon + (p.dS - p.sigmaC) * D + p.sigmaE * Dt),
      -p.kappaSL + T * (softCommon + p.dS * D + p.lL * lam),
      -p.kappaII + T * (p.betaI + instCommon + p.zeta * rhoI - p.epsC * con + p.cP * r),
      -p.kappaIE - p.kappaCreate * (excl < 0 ? 1 : 0) + T * (p.betaE + instCommon + p.zeta * rhoE + p.epsC * con - p.cP * r),
    ];
    const max = Math.max(...V.filter((_, a) => available[a]));
    const weights = V.map((v, a) => (available[a] ? Math.exp((v - max) / p.mu) : 0));
    const total = weights.reduce((s, w) => s + w, 0);
    // The logit gives one decision a year; each act keeps 1/tpy of its probability a tick, NONE the rest (N28).
    const probabilities = weights.map((w) => w / total / tpy);
    probabilities[NONE] = 1 - probabilities.reduce((s, q, a) => (a === NONE ? s : s + q), 0);
    let u = agent.get('draws')[0];
    let action = NONE;
    for (let a = 0; a < 9; a++) { if (probabilities[a] === 0) continue; action = a; if (u < probabilities[a]) break; u -= probabilities[a]; }
    return { action, D, Dt, incl, excl, A, probabilities };
  }

  /** Per target j: T_kj and Σ cinc_k·T_kj over k not allied with j, their number, shared_q(j) (model §5.2). */
  function targetColumn(j) {
    const cinc = cincOf();
    const allies = agents[j].get('allies');
    const threat = agents.map((a) => a.get('threats')[j]);
    let freeSum = 0;
    let free = 0;
    for (let k = 0; k < n; k++) {
      if (k === j || allies.has(k)) continue;
      free++;
      freeSum += cinc[k] * threat[k];
    }
    const shared = new Map();
    live((q, slot) => {
      if (q.members.has(j) || !(q.cinc > 0)) return;
      let s = 0;
      for (const m of q.members) s += cinc[m] * threat[m];
      shared.set(slot, s / q.cinc);
    });
    return { threat, freeSum, free, shared };
  }
  /** The columns of this tick's targets, computed once a tick (at the choice, with the alliances then in force). */
  const columns = new Map();
  const column = (j) => { let c = columns.get(j); if (c === undefined) { c = targetColumn(j); columns.set(j, c); } return c; };

  // ------------------------------------------------------------ between ticks: paths and events
  const get = (k, key) => agents[k].get(key);
  const setAlliance = (a, b, inForce, target = -1) => {
    if (get(a, 'allies').has(b) === inForce) return false;
    if (inForce) { get(a, 'allies').add(b); get(b, 'allies').add(a); if (target >= 0) formed.push([a, b, target, 0]); } else {
      get(a, 'allies').delete(b); get(b, 'allies').delete(a);
      formed = formed.filter(([x, y]) => !((x === a && y === b) || (x === b && y === a)));
    }
    return true;
  };

  /** Capabilities to their path value for this tick, times the model's deviation decayed toward 1. */
  function followPaths() {
    if (paths === null) return;
    const t = environment.get('clock');
    const whole = Math.floor(t / tpy);
    let row = scenario.meta.startYear + whole - paths.first;
    let f = (t - whole * tpy) / tpy;
    if (row >= paths.rows - 1) { row = paths.rows - 1; f = 0; }
    for (const c of paths.follow) {
      for (const k of ['mil', 'eco', 'pop']) {
        const target = f === 0 ? c[k][row] : c[k][row] + (c[k][row + 1] - c[k][row]) * f;
        const cur = c.agent.get(k);
        const prev = c.last[k];
        c.agent.set(k, cur === prev ? target : target * (1 + (cur / prev - 1) * paths.keep));
        c.last[k] = target;
      }
    }
  }

  function endInputAlliances() {
    const t = environment.get('clock');
    while (nextEnd < inputEnds.length && inputEnds[nextEnd].tick <= t) { const { a, b } = inputEnds[nextEnd++]; setAlliance(a, b, false); }
  }

  function applyEvents() {
    const t = environment.get('clock');
    while (nextEvent < events.length && events[nextEvent].tick <= t) {
      for (const c of events[nextEvent++].changes) applyChange(c);
    }
  }

  function applyChange(c) {
    const slotOf = (id) => slots.findIndex((x) => x !== null && x.id === id);
    switch (c.type) {
      case 'join': {
        const q = slots[slotOf(c.institution)];
        const i = index.get(c.state);
        q.members.add(i); q.statuses.delete(i); q.applied.delete(i);
        break;
      }
      case 'leave': {
        const slot = slotOf(c.institution);
        slots[slot].members.delete(index.get(c.state));
        if (slots[slot].members.size < 2) dissolve(slot);
        break;
      }
      case 'alliance': { const [a, b] = c.between.map((id) => index.get(id)); setAlliance(a, b, c.inForce); break; }
      case 'set-state': {
        const agent = agents[index.get(c.state)];
        if (c.field.startsWith('growth.')) { agent.get('growth')[c.field.slice(7)] = (1 + c.value) ** (1 / tpy) - 1; break; } // a yearly rate, held per tick
        const field = { offensive: 'off', revisionism: 'rev', ideology: 'ideo', legitimacy: 'leg', legitimacyBaseline: 'legBase', domesticSupport: 'dom', nuclear: 'nuc' }[c.field] ?? c.field;
        agent.set(field, typeof c.value === 'boolean' ? (c.value ? 1 : 0) : c.value);
        break;
      }
      case 'set-institution': {
        const q = slots[slotOf(c.institution)];
        if (c.field === 'strength') { q.strength = c.value; q.base = c.value; } else q.strictness = c.value;
        break;
      }
      case 'set-system': environment.set(c.field, c.value); break;
      default: throw new Error(`the flocc peer does not implement the change ${c.type}`);
    }
  }

  function dissolve(slot) { slots[slot] = null; freeSlots.push(slot); }

  // ------------------------------------------------------------ environment-level steps (model §5.5–5.7, §5.12)
  /** cinc_i, CON, Σ cinc over each institution's members, and the shares shiftWindow years ago (N32). */
  function shares() {
    const total = (c) => agents.reduce((s, a) => s + a.get(c), 0);
    const [sm, se, sp] = ['mil', 'eco', 'pop'].map(total);
    const cinc = agents.map((a) => (a.get('mil') / sm + a.get('eco') / se + a.get('pop') / sp) / 3);
    const majors = agents.filter((a) => a.get('major')).length;
    const overMajors = p.conOver === 'majors' && majors >= 2;
    const ring = environment.get('cincRing');
    const y = Math.floor(environment.get('clock') / tpy);
    if (environment.get('cincFirst') < 0) environment.set('cincFirst', y);
    if (!ring.has(y)) { ring.set(y, cinc); ring.delete(y - p.shiftWindow - 1); } // the first perception of each year
    const pastYear = Math.max(y - p.shiftWindow, environment.get('cincFirst'));
    environment.set({
      cinc, cincPast: ring.get(pastYear), totalCinc: cinc.reduce((s, c) => s + c, 0),
      con: concentration(cinc, (i) => !overMajors || agents[i].get('major')),
    });
    live((q) => { q.cinc = 0; for (let m = 0; m < n; m++) if (q.members.has(m)) q.cinc += cinc[m]; });
  }

  function economy() {
    const delta = agents.map((a) => ({ mil: a.get('growth').mil * a.get('mil'), eco: a.get('growth').eco * a.get('eco'), pop: a.get('growth').pop * a.get('pop') }));
    agents.forEach((a, i) => {
      const act = a.get('action');
      const j = a.get('target');
      if (act === HI) { const moved = p.phiH * a.get('eco'); delta[i].mil += moved * p.kConv; delta[i].eco -= moved; } else if (act === HE) delta[i].eco -= p.cHE * a.get('eco');
      else if (act === SS) {
        const loss = p.s * Math.min(a.get('trade').get(j) ?? 0, a.get('eco'), get(j, 'eco'));
        delta[i].eco -= loss;
        delta[j].eco -= loss;
      } else if (act === BAND) delta[i].eco += p.gB * (a.get('trade').get(j) ?? 0);
    });
    agents.forEach((a, i) => {
      a.set('mil', Math.max(a.get('mil') + delta[i].mil, floors[0]));
      a.set('eco', Math.max(a.get('eco') + delta[i].eco, floors[1]));
      a.set('pop', Math.max(a.get('pop') + delta[i].pop, floors[2]));
    });
    agents.forEach((a) => {
      if (a.get('action') !== SS) return;
      const j = a.get('target');
      const x = a.get('trade').get(j) ?? 0;
      a.get('trade').set(j, x * (1 - p.sRed));
      get(j, 'trade').set(a.get('index'), x * (1 - p.sRed));
    });
  }

  function alignment() {
    const t = environment.get('clock');
    const cinc = cincOf();
    const partner = agents.map((a, i) => {
      const act = a.get('action');
      if (act !== HE && act !== SE) return -1;
      const j = a.get('target');
      const T = column(j).threat;
      let best = -1;
      let bestScore = -1;
      for (let k = 0; k < n; k++) {
        if (k === i || k === j || get(j, 'allies').has(k) || a.get('allies').has(k)) continue;
        let cohesion = 0;
        live((q) => { if (q.members.has(i) && !q.members.has(j) && q.members.has(k)) cohesion = 1; });
        const score = cinc[k] * T[k] * (1 + p.chiClub * cohesion);
        if (score > bestScore) { best = k; bestScore = score; }
      }
      return best;
    });
    agents.forEach((a) => { if (a.get('action') === HE) a.set({ lastHE: t, lastHETarget: a.get('target') }); });
    agents.forEach((a, i) => {
      const k = partner[i];
      if (k < 0) return;
      const j = a.get('target');
      if (a.get('action') === HE) {
        // mutual: k chose HE against j within the last year (N28); else k consents with probability T_kj
        const mutual = get(k, 'lastHETarget') === j && get(k, 'lastHE') > t - tpy;
        if (mutual || a.get('draws')[2] < column(j).threat[k]) setAlliance(i, k, true, j);
      } else {
        const e = Math.min(1, (a.get('ententes').get(k) ?? 0) + p.epsE);
        a.get('ententes').set(k, e);
        get(k, 'ententes').set(i, e);
      }
    });
  }

  /**
   * The institution i applies to for an II (inclusive) or IE act against j (model §5.12, N59), or −1
   * when i is a member or candidate of a suitable one already, or none is eligible.
   */
  function applicationTarget(i, j, inclusive) {
    let best = -1;
    let bestScore = 0;
    let bestStrength = 0;
    for (let slot = 0; slot < slots.length; slot++) {
      const q = slots[slot];
      if (q === null || q.members.has(j) !== inclusive) continue;
      const st = statusOf(q, i);
      if (st === MEMBER || st === CANDIDATE) return -1;
      if (st > ASSOCIATE || q.against === i) continue;
      let score = q.strength;
      if (!inclusive) {
        if (q.founded === environment.get('clock')) {
          // a club founded this tick: shared_q(j) from its members now
          const T = column(j).threat;
          let num = 0;
          let den = 0;
          for (let m = 0; m < n; m++) if (q.members.has(m)) { num += cincOf()[m] * T[m]; den += cincOf()[m]; }
          score = den > 0 ? q.strength * (num / den) : 0;
        } else score = q.strength * (column(j).shared.get(slot) ?? 0);
        if (!(score > 0)) continue;
      }
      if (best < 0 || score > bestScore || (score === bestScore && q.strength > bestStrength)) { best = slot; bestScore = score; bestStrength = q.strength; }
    }
    return best;
  }

  function institutionalActs() {
    const t = environment.get('clock');
    live((q) => { q.acts = 0; });
    const founders = [];
    agents.forEach((a, i) => {
      const act = a.get('action');
      let venue = -1;
      if (act === II) venue = a.get('incl');
      else if (act === IE) {
        venue = a.get('excl');
        // no exclusive venue: found a club, unless an existing institution excluding j takes an application (N59)
        if (venue < 0 && !(a.get('threat') >= p.tMin && applicationTarget(i, a.get('target'), false) >= 0)) founders.push(a);
      }
      a.set('venue', venue);
      if (venue >= 0) slots[venue].acts++;
    });
    for (const f of founders) f.set({ lastFound: t, lastFoundTarget: f.get('target') });
    // co-founders: tried to found a club against j within the last year, still target j, still without a venue (N28)
    const coFounder = (k, j) => get(k, 'lastFoundTarget') === j && get(k, 'lastFound') > t - tpy && get(k, 'target') === j && get(k, 'excl') < 0;
    const done = new Set();
    founders.forEach((founder, f) => {
      const j = founder.get('target');
      if (done.has(j)) return;
      done.add(j);
      const T = column(j).threat;
      const members = [];
      for (let k = 0; k < n; k++) {
        if (k === j) continue;
        if (coFounder(k, j) || (T[k] >= p.tauJoin && get(k, 'draws')[3] < T[k])) members.push(k);
      }
      if (members.length < 2) return;
      const club = {
        id: `club:${states[j].id}:${t}`, strength: p.sNew, base: 0, against: j, rule: 'consensus', strictness: 0,
        members: new Set(members), statuses: new Map(), applied: new Map(), veto: new Set(), acts: 0, founded: t,
        cinc: members.reduce((s, k) => s + cincOf()[k], 0),
      };
      const slot = addInstitution(club);
      for (const g of founders.slice(f)) if (g.get('target') === j && club.members.has(g.get('index'))) { g.set('venue', slot); club.acts++; }
    });
  }

  /** Applying as the content of an II or IE act (model §5.12, N59): i becomes a candidate of the best eligible institution. */
  function applications() {
    const t = environment.get('clock');
    agents.forEach((a, i) => {
      const act = a.get('action');
      if ((act !== II && act !== IE) || !(a.get('threat') >= p.tMin)) return;
      const slot = applicationTarget(i, a.get('target'), act === II);
      if (slot < 0) return;
      slots[slot].statuses.set(i, CANDIDATE);
      slots[slot].applied.set(i, t);
    });
  }

  function restraint() {
    const cinc = cincOf();
    const t = environment.get('clock');
    const lam = environment.get('lambda');
    const press = new Array(n).fill(0);
    const pressDom = new Array(n).fill(0);
    const denial = new Array(n).fill(0);
    const accommodation = new Array(n).fill(0);
    const pressing = (a) => FAMILY[a] >= 2;
    agents.forEach((a) => { if (pressing(a.get('action'))) a.set({ lastPress: t, lastPressTarget: a.get('target') }); });
    agents.forEach((a, i) => {
      const act = a.get('action');
      const j = a.get('target');
      const wi = cinc[i];
      let pi = 0;
      if (act === SL) { pi = p.wSL * lam * wi; denial[j] += p.alphaL * lam * wi * get(j, 'leg'); } else if (act === SS) pi = p.wSS * p.s * a.get('Dt');
      else if (act === SE) pi = p.wSE * p.epsE * wi;
      else if (act === II || act === IE) {
        const q = a.get('venue') >= 0 ? slots[a.get('venue')] : null;
        if (q !== null && q.cinc > 0) {
          // a member's voice is its share of the members' capability; a lesser status's, v_s of its share of the room (§5.11)
          const code = statusOf(q, i);
          const v = code === MEMBER ? 1 : code === CANDIDATE ? p.voiceCandidate : code === OBSERVER ? p.voiceObserver : code === ASSOCIATE ? p.voiceAssociate : 0;
          pi = (act === II ? p.wII : p.wIE) * q.strength * (code === MEMBER ? wi / q.cinc : v * wi / (wi + q.cinc));
          if (act === IE) denial[j] += p.alphaE * lam * q.strength * q.cinc * get(j, 'leg') * v;
        }
      } else if (act === BAND) accommodation[j] += p.alphaB * wi * (1 - get(j, 'leg'));
      if (pi > 0) {
        // coordination: entente partners whose last soft or institutional act, within the year, was against j (N28)
        let partners = 0;
        for (const [k, e] of a.get('ententes')) if (e >= p.entMin && get(k, 'lastPressTarget') === j && get(k, 'lastPress') > t - tpy) partners++;
        pi *= 1 + p.epsCoord * partners;
      }
      press[j] += pi;
      pressDom[j] += pi * a.get('dom');
    });
    // An act's pressure stays in force for a year (N28): Press_j sums the last tpy ticks.
    const ring = environment.get('pressRing');
    ring[t % tpy] = { press, pressDom };
    const yearPress = press.map((_, j) => ring.reduce((s, r) => s + r.press[j], 0));
    const yearDom = press.map((_, j) => ring.reduce((s, r) => s + r.pressDom[j], 0));
    // who shares an institution now: c4 here, the reassurance of the update below
    const share = agents.map((_, m) => agents.map((__, j) => slots.some((q) => q !== null && q.members.has(m) && q.members.has(j))));
    const c = new Array(7).fill(0);
    c[0] = 1 - agents.reduce((s, a) => s + a.get('threat'), 0) / n;
    c[1] = lam;
    const last = environment.get('lastMajorWar');
    c[2] = last === -Infinity ? 0 : Math.min(1, Math.exp(-(year() - last) / p.tauW));
    let pairs = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (share[i][j]) pairs++;
    let strength = 0;
    let alive = 0;
    live((q) => { strength += q.strength; alive++; });
    c[3] = alive > 0 ? (strength / alive) * (n > 1 ? pairs / ((n * (n - 1)) / 2) : 0) : 0;
    const nuclear = agents.reduce((s, a) => s + a.get('nuc'), 0);
    c[4] = 1 - (1 - environment.get('theta')) * (1 - p.thetaNuc * ((nuclear * (nuclear - 1)) / (n * (n - 1))));
    let inter = 0;
    agents.forEach((a, i) => { for (const [j, x] of a.get('trade')) if (j > i && x > 0) inter += Math.min(1, x / Math.max(a.get('eco'), get(j, 'eco')) / p.wSat); });
    c[5] = inter / ((n * (n - 1)) / 2);
    const om = p.omega;
    const wsum = om.lowThreat + om.legitimacy + om.aftermath + om.institutions + om.defence + om.interdependence + om.domesticSupport;
    const global = (om.lowThreat * c[0] + om.legitimacy * c[1] + om.aftermath * c[2] + om.institutions * c[3] + om.defence * c[4] + om.interdependence * c[5]) / wsum;
    agents.forEach((a, j) => {
      const c7 = yearPress[j] > 0 ? yearDom[j] / yearPress[j] : 0;
      const omega = global + (om.domesticSupport / wsum) * c7;
      a.set('restraint', -Math.expm1(-p.kR * omega * (1 - a.get('ideo')) * yearPress[j]));
    });
    return { denial, accommodation, share };
  }

  function aggression() {
    const cinc = cincOf();
    const victim = new Array(n).fill(-1);
    let majorWar = false;
    if (!agents.some((a) => a.get('rev') > 0)) return { victim, majorWar };
    const allyCap = agents.map((a, v) => { let s = 0; for (const k of [...a.get('allies')].sort((x, y) => x - y)) s += cinc[k]; return cinc[v] + p.chi * s; });
    agents.forEach((a, j) => {
      if (!(a.get('rev') > 0)) return;
      let best = -1;
      let bestScore = -1;
      let bestS = 0;
      for (let v = 0; v < n; v++) {
        if (v === j) continue;
        const S = cinc[j] / (cinc[j] + allyCap[v]);
        const score = a.get('proximity')[v] * S;
        if (score > bestScore) { best = v; bestScore = score; bestS = S; }
      }
      // a yearly probability, 1/tpy of it a tick (N28)
      const pAgg = a.get('rev') * (1 - environment.get('nu')) * (1 - a.get('restraint')) * a.get('leg') ** p.ell * bestS / tpy;
      if (a.get('draws')[4] < pAgg) { victim[j] = best; if (a.get('major') && get(best, 'major')) majorWar = true; }
    });
    return { victim, majorWar };
  }

  /**
   * Exit and suspension (model §5.13, N53), yearly before the votes, decided on each institution as it
   * stands: a member leaves when s_q·voice_iq < κ_exit; a member (not a veto holder) that aggressed
   * within the year is suspended when the other members decide so by q's rule, each voting to suspend
   * when it is their main threat at T ≥ T_min (a veto holder that does not prevents it, N60).
   */
  function exitAndSuspend() {
    const t = environment.get('clock');
    const cinc = cincOf();
    const recent = agents.filter((a) => a.get('lastAggression') > t - tpy).length;
    if (!(p.kappaExit > 0) && recent === 0) return;
    live((q) => {
      const leaving = [];
      if (p.kappaExit > 0) {
        let capAll = 0;
        for (const m of q.members) capAll += cinc[m];
        if (capAll > 0) for (let i = 0; i < n; i++) if (q.members.has(i) && q.strength * (cinc[i] / capAll) < p.kappaExit) leaving.push(i);
      }
      let suspended = -1;
      for (let m = 0; m < n && suspended < 0 && recent > 0; m++) {
        if (!q.members.has(m) || q.veto.has(m) || !(get(m, 'lastAggression') > t - tpy)) continue;
        let others = 0;
        let vetoes = 0;
        let yes = 0;
        let capOthers = 0;
        let capYes = 0;
        for (let k = 0; k < n; k++) {
          if (k === m || !q.members.has(k)) continue;
          others++;
          capOthers += cinc[k];
          if (get(k, 'target') === m && get(k, 'threat') >= p.tMin) { yes++; capYes += cinc[k]; } else if (q.veto.has(k)) vetoes++;
        }
        if (others > 0 && vetoes === 0 && (q.rule === 'majority' ? yes > others / 2 : q.rule === 'weighted' ? capYes > capOthers / 2 : yes === others)) suspended = m;
      }
      for (const i of leaving) if (i !== suspended) { q.members.delete(i); q.statuses.delete(i); q.applied.delete(i); }
      if (suspended >= 0) { q.members.delete(suspended); q.statuses.set(suspended, SUSPENDED); q.applied.delete(suspended); }
    });
  }

  /** Yearly accession votes (model §5.12, N52, N60): a member blocks a candidate that is its main threat at T ≥ T_min. */
  function accession(effects, victim) {
    const blockProvocation = new Array(n).fill(0);
    const t = environment.get('clock');
    agents.forEach((a, m) => { if (victim[m] >= 0) a.set('lastAggression', t); });
    if (t % tpy !== 0) return blockProvocation;
    exitAndSuspend();
    const lapse = p.applicationLapseYears > 0 ? Math.max(1, Math.ceil(p.applicationLapseYears * tpy - 1e-9)) : Infinity;
    live((q) => {
      for (let c = 0; c < n; c++) {
        if (q.statuses.get(c) !== CANDIDATE) continue;
        // a chosen candidacy lapses, before the vote, L_apply years after the application (N59)
        if (q.applied.has(c) && t - q.applied.get(c) >= lapse) { q.statuses.delete(c); q.applied.delete(c); continue; }
        let members = 0;
        let yes = 0;
        let blocks = 0;
        let vetoes = 0;
        let capAll = 0;
        let capYes = 0;
        for (let m = 0; m < n; m++) {
          if (!q.members.has(m)) continue;
          members++;
          capAll += cincOf()[m];
          if (get(m, 'target') === c && get(m, 'threat') >= p.tMin) {
            blocks++;
            if (q.veto.has(m)) vetoes++;
            effects.denial[m] += p.kappaBlock * get(m, 'leg');
            blockProvocation[m] += p.epsBlock;
          } else { yes++; capYes += cincOf()[m]; }
        }
        const passes = vetoes === 0 && (q.rule === 'majority' ? yes > members / 2 : q.rule === 'weighted' ? capYes > capAll / 2 : blocks === 0);
        if (passes && get(c, 'leg') >= q.strictness && q.against !== c) { q.statuses.delete(c); q.applied.delete(c); q.members.add(c); }
      }
    });
    return blockProvocation;
  }

  function update(effects, victim, majorWar, blockProvocation) {
    const cinc = cincOf();
    const eta = rate.etaB;
    const aggressed = victim.map((v) => v >= 0);
    const provocation = agents.map((a, j) => [0, p.epsH, p.epsS, p.epsI][FAMILY[a.get('action')]] + blockProvocation[j]);
    const arm = agents.map((a) => (a.get('action') === HI ? p.epsArm : 0));
    const instActs = agents.filter((a) => FAMILY[a.get('action')] === 3 && a.get('venue') >= 0).length;
    let ra = -1;
    let rb = -1;
    for (let i = 0; i < n; i++) { if (ra < 0 || cinc[i] > cinc[ra]) { rb = ra; ra = i; } else if (rb < 0 || cinc[i] > cinc[rb]) rb = i; }
    const gateIdeo = p.iotaStar > 0 ? Math.max(0, 1 - Math.abs(get(ra, 'ideo') - get(rb, 'ideo')) / p.iotaStar) : 0;
    const esc = gateIdeo === 0 ? p.epsEsc * (instActs / n) : 0;
    // Beliefs with memory (N31): relax toward ideo_j by η_b a year, plus what m saw j do this tick.
    const ideos = agents.map((a) => a.get('ideo'));
    const targets = agents.map((a) => a.get('target'));
    const next = agents.map((a, m) => {
      const old = a.get('beliefs');
      const prox = a.get('proximity');
      return old.map((value, j) => {
        if (j === m) return 0;
        const ideo = ideos[j];
        const g = prox[j];
        let obs = ideo;
        // an aggression against m or one of m's allies counts in full; against anyone else, by proximity
        const seen = aggressed[j] && (victim[j] === m || a.get('allies').has(victim[j])) ? 1 : g;
        if (aggressed[j] && seen > obs) obs = seen;
        if (!aggressed[j] && effects.share[m][j]) obs -= p.epsReass;
        // the observation of an aggression is an event, weighed by the yearly η_b (N28)
        const impulse = aggressed[j] && seen > ideo ? (p.etaB - eta) * (seen - ideo) : 0;
        const keep = a.get('action') === BAND && a.get('target') === j ? 1 - eta - p.deltaBand : 1 - eta;
        let v = keep * value + eta * obs + impulse;
        if (arm[j] > 0) v += targets[j] === m ? arm[j] : arm[j] * g; // arming: in full for its target, by proximity for the rest
        if (targets[j] === m) v += provocation[j];
        if (esc > 0 && ((m === ra && j === rb) || (m === rb && j === ra))) v += esc;
        return clip01(v);
      });
    });
    agents.forEach((a, m) => a.set('beliefs', next[m]));
    agents.forEach((a) => {
      for (const [k, e] of a.get('ententes')) { if (e * (1 - rate.deltaE) === 0) a.get('ententes').delete(k); else a.get('ententes').set(k, e * (1 - rate.deltaE)); }
      for (const [k, x0] of a.get('tradeBase')) { const x = a.get('trade').get(k) ?? 0; if (x !== x0) a.get('trade').set(k, x + rate.rhoX * (x0 - x)); }
    });
    // Formed alliances lapse when both partners' threat from their common target stayed below T_min for L years (N29).
    formed = formed.filter((f) => {
      const [a, b, j] = f;
      f[3] = get(a, 'threats')[j] < p.tMin && get(b, 'threats')[j] < p.tMin ? f[3] + 1 : 0;
      if (f[3] < rate.lapse) return true;
      get(a, 'allies').delete(b); get(b, 'allies').delete(a);
      return false;
    });
    agents.forEach((a, j) => {
      const leg = a.get('leg');
      a.set('leg', clip01(leg + rate.rhoL * (a.get('legBase') - leg) - effects.denial[j] - environment.get('nu') * p.deltaAgg * (aggressed[j] ? 1 : 0) + effects.accommodation[j]));
    });
    if (majorWar) environment.set('lastMajorWar', year());
  }

  function institutions() {
    live((q, slot) => {
      q.strength = clip01(q.strength + rate.deltaS * (q.base - q.strength) + p.epsDyn * q.acts);
      if (q.strength < p.sMin || q.members.size < 2) dissolve(slot);
    });
  }

  /** One tick of model §5.8. Returns the action counts (engine option order). */
  function step() {
    followPaths();
    endInputAlliances();
    applyEvents();
    for (const a of agents) a.set('draws', [utils.uniform(), utils.uniform(), utils.uniform(), utils.uniform(), utils.uniform()]);
    shares();
    environment.set('phase', 'perceive');
    environment.tick();
    columns.clear();
    environment.set('phase', 'decide');
    environment.tick();
    economy();
    alignment();
    institutionalActs();
    applications();
    const effects = restraint();
    const { victim, majorWar } = aggression();
    const blockProvocation = accession(effects, victim);
    update(effects, victim, majorWar, blockProvocation);
    institutions();
    environment.set('clock', environment.get('clock') + 1);
    const counts = new Array(9).fill(0);
    for (const a of agents) counts[a.get('action')]++;
    return counts;
  }

  return { environment, agents, step, n, options: OPTIONS, none: NONE, institutions: slots };
}
