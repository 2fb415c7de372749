// The v1 reference model of THEORY.md §5 (as of 2026-11-22; the engine has since become v2, see
// benchmarks/README.md) written with flocc (https://flocc.network), the maintained
// JavaScript agent-based modelling library, the way a flocc user would write it: an Environment
// holding one Agent per state, agent data read and written through get/set, the per-state
// perception and choice as agent rules run by environment.tick() with flocc's synchronous update
// (every agent's rule sees the data as it was at the start of the tick; returned data is applied
// after all agents ran), and the effects of THEORY §5.5–5.7 as environment-level steps between
// ticks. Randomness comes from flocc's seeded PRNG (utils.seed, utils.uniform).
//
// It is a benchmark peer, not part of the library: it loads the same resolved scenarios as the
// engine (loadScenario from counterpoise/node) and implements the same equations, including the
// implementation's documented resolutions (docs/model-notes.md: N2 ideology floor of obs, N3
// partners exclude existing allies, N4 entente pressure, N5 sanction loss capped by the smaller
// economy and capability floors, N6 trade recovery, N7 institution strength relaxing to a
// baseline, N9 ties, N11 the cost of founding a club, N25 CON over the great powers), and the
// scenario's scheduled events. Its random numbers differ from the engine's (one flocc stream
// instead of one seedrandom stream per state; exact ties of threats broken by a coin), and a few
// sums are written in another order (so values can differ in the last bits), so its action
// distribution must match the engine's statistically, not draw by draw: benchmarks/peer.mjs tests
// that. At tick 0 its main threats equal the engine's and its probabilities agree to 1e-16.

import { Agent, Environment, utils } from 'flocc';

const OPTIONS = ['NONE', 'BAND', 'HI', 'HE', 'SE', 'SS', 'SL', 'II', 'IE'];
const [NONE, BAND, HI, HE, SE, SS, SL, II, IE] = OPTIONS.map((_, k) => k);
/** Family of each option: 0 accommodate, 1 hard, 2 soft, 3 institutional. */
const FAMILY = [0, 0, 1, 1, 2, 2, 2, 3, 3];
const EARTH_RADIUS_KM = 6371.0088;

function greatCircleKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const clip01 = (v) => (v < 0 ? 0 : v > 1 ? 1 : v);

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

/**
 * Builds the flocc model of a resolved scenario. Returns { environment, step(), n }; step() runs one
 * tick and returns its action counts (engine option order).
 */
export function createFloccModel(scenario, seed) {
  utils.seed(seed);
  const p = scenario.parameters;
  const states = [...scenario.states].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = states.length;
  const index = new Map(states.map((s, i) => [s.id, i]));
  const environment = new Environment();
  const agents = states.map((s, i) => {
    const beliefs = states.map((t, j) => (i === j ? 0 : t.ideology));
    const agent = new Agent({
      index: i, id: s.id, major: s.major, mil: s.capabilities.mil, eco: s.capabilities.eco, pop: s.capabilities.pop,
      growth: { ...s.growth }, off: s.offensive, nuc: s.nuclear ? 1 : 0, rev: s.revisionism, ideo: s.ideology,
      leg: s.legitimacy, legBase: s.legitimacyBaseline, dom: s.domesticSupport,
      beliefs, proximity: new Array(n).fill(1), trade: new Map(), tradeBase: new Map(), allies: new Set(), ententes: new Map(),
      action: -1, target: -1, threat: 0, restraint: 0,
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
  for (const d of scenario.dyads) {
    const [a, b] = d.between.map((id) => index.get(id));
    if (d.distance !== undefined) agents[a].get('proximity')[b] = agents[b].get('proximity')[a] = Math.exp(-d.distance / p.d0);
    if (d.trade > 0) for (const [x, y] of [[a, b], [b, a]]) { agents[x].get('trade').set(y, d.trade); agents[x].get('tradeBase').set(y, d.trade); }
    if (d.alliance) { agents[a].get('allies').add(b); agents[b].get('allies').add(a); }
    if (d.entente > 0) { agents[a].get('ententes').set(b, d.entente); agents[b].get('ententes').set(a, d.entente); }
  }
  for (const pr of scenario.perceptions) agents[index.get(pr.from)].get('beliefs')[index.get(pr.to)] = pr.intent;
  const floors = ['mil', 'eco', 'pop'].map((c) => 1e-9 * states.reduce((t, s) => t + s.capabilities[c], 0));
  const institutions = [...scenario.institutions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((q) => ({
    id: q.id, strength: q.strength, base: q.strength, against: -1, members: new Set(q.members.map((m) => index.get(m))), acts: 0,
  }));
  environment.set({
    lambda: scenario.system.lambda, nu: scenario.system.nu, theta: scenario.system.theta,
    lastMajorWar: scenario.system.lastMajorWar ?? -Infinity, institutions, phase: 'perceive', clock: 0, // 'tick' is flocc's rule key
  });
  const events = scenario.events.filter((e) => e.tick !== null).sort((a, b) => a.tick - b.tick || a.index - b.index);
  if (scenario.events.some((e) => e.when !== null)) throw new Error('the flocc peer supports scheduled events only');
  let nextEvent = 0;
  const year = () => scenario.meta.startYear + environment.get('clock') / scenario.meta.ticksPerYear;
  const live = () => environment.get('institutions');
  const cincOf = () => environment.get('cinc');

  // ------------------------------------------------------------ the agents' rule (THEORY §5.2–5.4)
  // Phase "perceive": T_ij for every j (Walt), the main threat j* and T_ij*.
  // Phase "decide": the context toward j*, the masks, the nine utilities, the logit and the draw.
  function stateRule(agent) {
    const env = agent.environment;
    const i = agent.get('index');
    const cinc = env.get('cinc');
    if (env.get('phase') === 'perceive') {
      const beliefs = agent.get('beliefs');
      const prox = agent.get('proximity');
      const theta = env.get('theta');
      const threats = new Array(n);
      let best = -1;
      let bestT = -Infinity;
      for (let j = 0; j < n; j++) {
        if (j === i) { threats[j] = 0; continue; }
        const other = agents[j];
        const sum = cinc[i] + cinc[j];
        const P = sum > 0 ? cinc[j] / sum : 0.5;
        const thetaIJ = 1 - (1 - theta) * (1 - p.thetaNuc * agent.get('nuc') * other.get('nuc'));
        const O = other.get('off') * (1 - thetaIJ);
        const t = beliefs[j] * (p.wP * P + p.wG * prox[j] + p.wO * O);
        threats[j] = t;
        if (t > bestT || (t === bestT && (cinc[j] > cinc[best] || (cinc[j] === cinc[best] && utils.uniform() < 0.5)))) { best = j; bestT = t; }
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
    const column = env.memo(() => targetColumn(j), `column:${j}`);
    const num = column.freeSum - (allied === 0 ? cinc[i] * T : 0);
    const den = env.get('totalCinc') - cinc[i] - cinc[j];
    const A = den > 0 ? clip01(num / den) : 0;
    let rhoI = 0;
    let incl = -1;
    let rhoE = 0;
    let excl = -1;
    live().forEach((q, slot) => {
      if (!q.members.has(i)) return;
      if (q.members.has(j)) { if (incl < 0 || q.strength > rhoI) { rhoI = q.strength; incl = slot; } } else {
        const score = q.strength * (column.shared.get(slot) ?? 0);
        if (excl < 0 || score > rhoE || (score === rhoE && q.strength > live()[excl].strength)) { rhoE = score; excl = slot; }
      }
    });
    const con = env.get('con');
    const available = new Array(9).fill(true);
    let free = column.free - (allied === 0 ? 1 : 0);
    for (const k of agent.get('allies')) if (k !== j && !other.get('allies').has(k)) free--;
    if (free <= 0) { available[HE] = false; available[SE] = false; }
    if (!(x > 0)) available[SS] = false;
    if (incl < 0) available[II] = false;
    // THEORY §5.4
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
    let u = agent.get('draws')[0] * total;
    let action = 0;
    for (let a = 0; a < 9; a++) { if (weights[a] === 0) continue; action = a; if (u < weights[a]) break; u -= weights[a]; }
    return { action, D, Dt, incl, excl, A, probabilities: weights.map((w) => w / total) };
  }

  /** Per target j: Σ cinc_k·T_kj over k not allied with j, their number, shared_q(j) (THEORY §5.2). */
  function targetColumn(j) {
    const cinc = cincOf();
    const allies = agents[j].get('allies');
    let freeSum = 0;
    let free = 0;
    for (let k = 0; k < n; k++) {
      if (k === j || allies.has(k)) continue;
      free++;
      freeSum += cinc[k] * agents[k].get('threats')[j];
    }
    const shared = new Map();
    live().forEach((q, slot) => {
      if (q.members.has(j) || !(q.cinc > 0)) return;
      let s = 0;
      for (const m of q.members) s += cinc[m] * agents[m].get('threats')[j];
      shared.set(slot, s / q.cinc);
    });
    return { freeSum, free, shared };
  }

  // ------------------------------------------------------------ environment-level steps (THEORY §5.5–5.7)
  const get = (k, key) => agents[k].get(key);
  const sharesInstitution = (a, b) => live().some((q) => q.members.has(a) && q.members.has(b));

  function applyEvents() {
    const t = environment.get('clock');
    while (nextEvent < events.length && events[nextEvent].tick <= t) {
      for (const c of events[nextEvent++].changes) applyChange(c);
    }
  }

  function applyChange(c) {
    const q = (id) => live().find((x) => x.id === id);
    switch (c.type) {
      case 'join': q(c.institution).members.add(index.get(c.state)); break;
      case 'leave': { const inst = q(c.institution); inst.members.delete(index.get(c.state)); if (inst.members.size < 2) dissolve(inst); break; }
      case 'alliance': {
        const [a, b] = c.between.map((id) => index.get(id));
        if (c.inForce) { get(a, 'allies').add(b); get(b, 'allies').add(a); } else { get(a, 'allies').delete(b); get(b, 'allies').delete(a); }
        break;
      }
      case 'set-state': {
        const field = { offensive: 'off', revisionism: 'rev', ideology: 'ideo', legitimacy: 'leg', legitimacyBaseline: 'legBase', domesticSupport: 'dom' }[c.field] ?? c.field;
        agents[index.get(c.state)].set(field, typeof c.value === 'boolean' ? (c.value ? 1 : 0) : c.value);
        break;
      }
      case 'set-institution': { const inst = q(c.institution); if (c.field === 'strength') { inst.strength = c.value; inst.base = c.value; } break; }
      case 'set-system': environment.set(c.field, c.value); break;
      default: throw new Error(`the flocc peer does not implement the change ${c.type}`);
    }
  }

  function dissolve(inst) { environment.set('institutions', live().filter((q) => q !== inst)); }

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
    const partner = agents.map((a, i) => {
      const act = a.get('action');
      if (act !== HE && act !== SE) return -1;
      const j = a.get('target');
      let best = -1;
      let bestScore = -1;
      for (let k = 0; k < n; k++) {
        if (k === i || k === j || get(j, 'allies').has(k) || a.get('allies').has(k)) continue;
        const cohesion = live().some((q) => q.members.has(i) && !q.members.has(j) && q.members.has(k)) ? 1 : 0;
        const score = cincOf()[k] * get(k, 'threats')[j] * (1 + p.chiClub * cohesion);
        if (score > bestScore) { best = k; bestScore = score; }
      }
      return best;
    });
    agents.forEach((a, i) => {
      const k = partner[i];
      if (k < 0) return;
      const j = a.get('target');
      if (a.get('action') === HE) {
        const mutual = get(k, 'action') === HE && get(k, 'target') === j;
        if (mutual || a.get('draws')[2] < get(k, 'threats')[j]) { a.get('allies').add(k); get(k, 'allies').add(i); }
      } else {
        const e = Math.min(1, (a.get('ententes').get(k) ?? 0) + p.epsE);
        a.get('ententes').set(k, e);
        get(k, 'ententes').set(i, e);
      }
    });
  }

  function institutionalActs() {
    live().forEach((q) => { q.acts = 0; });
    const founders = [];
    agents.forEach((a) => {
      const act = a.get('action');
      let venue = null;
      if (act === II) venue = live()[a.get('incl')];
      else if (act === IE) { venue = a.get('excl') >= 0 ? live()[a.get('excl')] : null; if (venue === null) founders.push(a); }
      a.set('venue', venue);
      if (venue !== null) venue.acts++;
    });
    const done = new Set();
    for (const f of founders) {
      const j = f.get('target');
      if (done.has(j)) continue;
      done.add(j);
      const isFounder = (k) => get(k, 'action') === IE && get(k, 'venue') === null && get(k, 'target') === j;
      const members = [];
      for (let k = 0; k < n; k++) {
        if (k === j) continue;
        const t = get(k, 'threats')[j];
        if (isFounder(k) || (t >= p.tauJoin && get(k, 'draws')[3] < t)) members.push(k);
      }
      if (members.length < 2) continue;
      const club = { id: `club:${states[j].id}:${environment.get('clock')}`, strength: p.sNew, base: 0, against: j, members: new Set(members), acts: 0 };
      club.cinc = members.reduce((s, k) => s + cincOf()[k], 0);
      live().push(club);
      for (const k of members) if (isFounder(k)) { agents[k].set('venue', club); club.acts++; }
    }
  }

  function restraint() {
    const cinc = cincOf();
    const lam = environment.get('lambda');
    const press = new Array(n).fill(0);
    const pressDom = new Array(n).fill(0);
    const denial = new Array(n).fill(0);
    const accommodation = new Array(n).fill(0);
    const pressing = (k) => FAMILY[get(k, 'action')] >= 2;
    agents.forEach((a, i) => {
      const act = a.get('action');
      const j = a.get('target');
      const wi = cinc[i];
      let pi = 0;
      if (act === SL) { pi = p.wSL * lam * wi; denial[j] += p.alphaL * lam * wi * get(j, 'leg'); } else if (act === SS) pi = p.wSS * p.s * a.get('Dt');
      else if (act === SE) pi = p.wSE * p.epsE * wi;
      else if (act === II || act === IE) {
        const q = a.get('venue');
        if (q !== null && q.cinc > 0) {
          pi = (act === II ? p.wII : p.wIE) * q.strength * (wi / q.cinc);
          if (act === IE) denial[j] += p.alphaE * lam * q.strength * q.cinc * get(j, 'leg');
        }
      } else if (act === BAND) accommodation[j] += p.alphaB * wi * (1 - get(j, 'leg'));
      if (pi > 0) {
        let partners = 0;
        for (const [k, e] of a.get('ententes')) if (e >= p.entMin && get(k, 'target') === j && pressing(k)) partners++;
        pi *= 1 + p.epsCoord * partners;
      }
      press[j] += pi;
      pressDom[j] += pi * a.get('dom');
    });
    const c = new Array(7).fill(0);
    c[0] = 1 - agents.reduce((s, a) => s + a.get('threat'), 0) / n;
    c[1] = lam;
    const last = environment.get('lastMajorWar');
    c[2] = last === -Infinity ? 0 : Math.min(1, Math.exp(-(year() - last) / p.tauW));
    let pairs = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (sharesInstitution(i, j)) pairs++;
    c[3] = live().length > 0 ? (live().reduce((s, q) => s + q.strength, 0) / live().length) * (n > 1 ? pairs / ((n * (n - 1)) / 2) : 0) : 0;
    const nuclear = agents.reduce((s, a) => s + a.get('nuc'), 0);
    c[4] = 1 - (1 - environment.get('theta')) * (1 - p.thetaNuc * ((nuclear * (nuclear - 1)) / (n * (n - 1))));
    let inter = 0;
    agents.forEach((a, i) => { for (const [j, x] of a.get('trade')) if (j > i && x > 0) inter += Math.min(1, x / Math.max(a.get('eco'), get(j, 'eco')) / p.wSat); });
    c[5] = inter / ((n * (n - 1)) / 2);
    const om = p.omega;
    const wsum = om.lowThreat + om.legitimacy + om.aftermath + om.institutions + om.defence + om.interdependence + om.domesticSupport;
    const global = (om.lowThreat * c[0] + om.legitimacy * c[1] + om.aftermath * c[2] + om.institutions * c[3] + om.defence * c[4] + om.interdependence * c[5]) / wsum;
    agents.forEach((a, j) => {
      const c7 = press[j] > 0 ? pressDom[j] / press[j] : 0;
      const omega = global + (om.domesticSupport / wsum) * c7;
      a.set('restraint', -Math.expm1(-p.kR * omega * (1 - a.get('ideo')) * press[j]));
    });
    return { denial, accommodation };
  }

  function aggression() {
    const cinc = cincOf();
    const aggressed = new Array(n).fill(false);
    let majorWar = false;
    if (!agents.some((a) => a.get('rev') > 0)) return { aggressed, majorWar };
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
      const pAgg = a.get('rev') * (1 - environment.get('nu')) * (1 - a.get('restraint')) * a.get('leg') ** p.ell * bestS;
      if (a.get('draws')[4] < pAgg) { aggressed[j] = true; if (a.get('major') && get(best, 'major')) majorWar = true; }
    });
    return { aggressed, majorWar };
  }

  function update(effects, aggressed, majorWar) {
    const cinc = cincOf();
    const provocation = agents.map((a) => [0, p.epsH, p.epsS, p.epsI][FAMILY[a.get('action')]]);
    const instActs = agents.filter((a) => FAMILY[a.get('action')] === 3 && a.get('venue') !== null).length;
    let ra = -1;
    let rb = -1;
    for (let i = 0; i < n; i++) { if (ra < 0 || cinc[i] > cinc[ra]) { rb = ra; ra = i; } else if (rb < 0 || cinc[i] > cinc[rb]) rb = i; }
    const gateIdeo = p.iotaStar > 0 ? Math.max(0, 1 - Math.abs(get(ra, 'ideo') - get(rb, 'ideo')) / p.iotaStar) : 0;
    const esc = gateIdeo === 0 ? p.epsEsc * (instActs / n) : 0;
    const share = agents.map((_, m) => agents.map((__, j) => sharesInstitution(m, j)));
    const next = agents.map((a, m) => {
      const old = a.get('beliefs');
      return old.map((value, j) => {
        if (j === m) return 0;
        let obs = get(j, 'ideo');
        if (aggressed[j] && a.get('proximity')[j] > obs) obs = a.get('proximity')[j];
        if (!aggressed[j] && share[m][j]) obs -= p.epsReass;
        const rate = a.get('action') === BAND && a.get('target') === j ? p.etaB + p.deltaBand : p.etaB;
        let v = (1 - rate) * value + p.etaB * obs;
        if (get(j, 'target') === m) v += provocation[j];
        if (esc > 0 && ((m === ra && j === rb) || (m === rb && j === ra))) v += esc;
        return clip01(v);
      });
    });
    agents.forEach((a, m) => a.set('beliefs', next[m]));
    agents.forEach((a) => {
      for (const [k, e] of a.get('ententes')) a.get('ententes').set(k, e * (1 - p.deltaE));
      for (const [k, x0] of a.get('tradeBase')) { const x = a.get('trade').get(k) ?? 0; if (x !== x0) a.get('trade').set(k, x + p.rhoX * (x0 - x)); }
    });
    agents.forEach((a, j) => {
      const leg = a.get('leg');
      a.set('leg', clip01(leg + p.rhoL * (a.get('legBase') - leg) - effects.denial[j] - environment.get('nu') * p.deltaAgg * (aggressed[j] ? 1 : 0) + effects.accommodation[j]));
    });
    if (majorWar) environment.set('lastMajorWar', year());
    for (const q of [...live()]) {
      q.strength = clip01(q.strength + p.deltaS * (q.base - q.strength) + p.epsDyn * q.acts);
      if (q.strength < p.sMin || q.members.size < 2) dissolve(q);
    }
  }

  function shares() {
    const total = (c) => agents.reduce((s, a) => s + a.get(c), 0);
    const [sm, se, sp] = ['mil', 'eco', 'pop'].map(total);
    const cinc = agents.map((a) => (a.get('mil') / sm + a.get('eco') / se + a.get('pop') / sp) / 3);
    const majors = agents.filter((a) => a.get('major')).length;
    const overMajors = p.conOver === 'majors' && majors >= 2;
    environment.set({ cinc, totalCinc: cinc.reduce((s, c) => s + c, 0), con: concentration(cinc, (i) => !overMajors || agents[i].get('major')) });
    for (const q of live()) q.cinc = [...q.members].reduce((s, m) => s + cinc[m], 0);
  }

  /** One tick of THEORY §5.8. Returns the action counts (engine option order). */
  function step() {
    applyEvents();
    for (const a of agents) a.set('draws', [utils.uniform(), utils.uniform(), utils.uniform(), utils.uniform(), utils.uniform()]);
    shares();
    environment.set('phase', 'perceive');
    environment.tick();
    environment.cache.clear();
    environment.set('phase', 'decide');
    environment.tick();
    economy();
    alignment();
    institutionalActs();
    const effects = restraint();
    const { aggressed, majorWar } = aggression();
    update(effects, aggressed, majorWar);
    environment.set('clock', environment.get('clock') + 1);
    const counts = new Array(9).fill(0);
    for (const a of agents) counts[a.get('action')]++;
    return counts;
  }

  return { environment, agents, step, n, options: OPTIONS, none: NONE };
}
