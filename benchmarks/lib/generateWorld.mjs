// Deterministic synthetic worlds for the benchmarks.
//
// Everything is drawn from a small local PRNG (mulberry32) seeded by the workload, never from
// Math.random, so a workload is the same scenario on every machine and every run.

/** mulberry32: a tiny 32-bit PRNG; returns a function giving floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers on top of a PRNG. */
function tools(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
  const normal = () => {
    // Box–Muller; 1 - rand() keeps the log argument in (0, 1].
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const round = (x, digits = 4) => Number(x.toFixed(digits));
  /** k distinct indices from [0, n), excluding `exclude`, by partial Fisher–Yates. */
  const sample = (n, k, exclude = -1) => {
    const pool = [];
    for (let i = 0; i < n; i++) if (i !== exclude) pool.push(i);
    const m = Math.min(k, pool.length);
    for (let i = 0; i < m; i++) {
      const j = i + Math.floor(rand() * (pool.length - i));
      const tmp = pool[i]; pool[i] = pool[j]; pool[j] = tmp;
    }
    return pool.slice(0, m);
  };
  return { int, normal, round, sample };
}

const KINDS = ['security', 'economic', 'political', 'general'];
const RULES = ['consensus', 'majority', 'weighted'];

/**
 * Builds a scenario object (the input format of resolveScenario) for a synthetic world.
 *
 * @param {object} spec
 * @param {string} spec.id            scenario id
 * @param {number} spec.seed          world seed (the PRNG seed, not the run seed)
 * @param {number} spec.states        number of states
 * @param {number} spec.institutions  number of scenario institutions (the first is universal)
 * @param {number} [spec.majors]      number of great powers (the most capable states)
 * @param {number} [spec.revisionists] number of revisionist states
 * @param {number} [spec.tradePartners] trade partners each state draws (≈ twice this many per state in the end)
 * @param {number} [spec.alliances]   number of initial alliances
 */
export function generateScenario(spec) {
  const rand = mulberry32(spec.seed);
  const { int, normal, round, sample } = tools(rand);
  const n = spec.states;
  const majors = spec.majors ?? 5;
  const revisionists = spec.revisionists ?? Math.max(2, Math.round(n / 40));
  const tradePartners = spec.tradePartners ?? 5;
  const allianceCount = spec.alliances ?? Math.round(n / 4);

  const width = String(n - 1).length;
  const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(width, '0')}`);

  // Capabilities: heavy-tailed (log-normal), correlated through a common "size" factor.
  const caps = ids.map(() => {
    const size = normal();
    return {
      mil: round(Math.exp(1.2 * size + 0.6 * normal()), 6) + 1e-6,
      eco: round(Math.exp(1.3 * size + 0.5 * normal()), 6) + 1e-6,
      pop: round(Math.exp(1.0 * size + 0.7 * normal()), 6) + 1e-6,
    };
  });
  const score = caps.map((c, i) => ({ i, s: c.mil + c.eco + c.pop }));
  score.sort((a, b) => b.s - a.s || a.i - b.i);
  const isMajor = new Uint8Array(n);
  for (let k = 0; k < Math.min(majors, n); k++) isMajor[score[k].i] = 1;
  const isRevisionist = new Uint8Array(n);
  for (const i of sample(n, revisionists)) isRevisionist[i] = 1;

  const states = ids.map((id, i) => ({
    id,
    name: `State ${i}`,
    major: isMajor[i] === 1,
    capabilities: caps[i],
    growth: { mil: round(0.004 * normal(), 5), eco: round(0.002 + 0.004 * normal(), 5), pop: round(0.001 * rand(), 5) },
    location: { lat: round(-60 + 130 * rand(), 3), lon: round(-180 + 360 * rand(), 3) },
    offensive: round(0.2 + 0.6 * rand()),
    nuclear: isMajor[i] === 1 || rand() < 0.02,
    revisionism: isRevisionist[i] === 1 ? round(0.4 + 0.5 * rand()) : 0,
    ideology: isRevisionist[i] === 1 ? round(0.3 + 0.5 * rand()) : round(0.25 * rand()),
    legitimacyBaseline: round(0.5 + 0.45 * rand()),
    domesticSupport: round(0.2 + 0.6 * rand()),
  }));

  // Dyads: sparse trade (each state draws a few partners, so ≈ 2·tradePartners per state) plus
  // some initial alliances; one entry per pair.
  const dyads = new Map();
  const pair = (a, b) => {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    let d = dyads.get(key);
    if (d === undefined) {
      d = { between: a < b ? [ids[a], ids[b]] : [ids[b], ids[a]] };
      dyads.set(key, d);
    }
    return d;
  };
  for (let i = 0; i < n; i++) {
    for (const j of sample(n, tradePartners, i)) {
      pair(i, j).trade = round(0.02 * Math.sqrt(caps[i].eco * caps[j].eco) * (0.5 + rand()), 6);
    }
  }
  let made = 0;
  let guard = 0;
  while (made < allianceCount && guard++ < allianceCount * 20) {
    const a = int(0, n - 1);
    const b = int(0, n - 1);
    if (a === b) continue;
    const d = pair(a, b);
    if (d.alliance === true) continue;
    d.alliance = true;
    if (rand() < 0.5) d.entente = round(0.3 + 0.5 * rand());
    made++;
  }

  // Institutions: one universal body, the rest random member subsets of varied size.
  const institutions = [];
  for (let q = 0; q < spec.institutions; q++) {
    const members = q === 0 ? ids.slice() : sample(n, int(3, Math.max(3, Math.floor(n / 4)))).sort((x, y) => x - y).map((i) => ids[i]);
    institutions.push({
      id: `I${String(q).padStart(3, '0')}`,
      name: q === 0 ? 'Universal organisation' : `Institution ${q}`,
      members,
      strength: round(0.2 + 0.6 * rand()),
      kind: q === 0 ? 'general' : KINDS[int(0, KINDS.length - 1)],
      decisionRule: q === 0 ? 'consensus' : RULES[int(0, RULES.length - 1)],
      strictness: round(0.5 * rand()),
    });
  }

  return {
    meta: {
      id: spec.id,
      title: `Synthetic benchmark world: ${n} states, ${spec.institutions} institutions`,
      description: `Generated by benchmarks/lib/generateWorld.mjs from seed ${spec.seed}.`,
      startYear: 2000,
      ticksPerYear: 1,
    },
    states,
    dyads: [...dyads.values()],
    institutions,
  };
}
