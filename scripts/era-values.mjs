// Prints the values of the era scenarios' events that are computed from the bundled COW data, so
// that every such number in scenarios/era-*.yaml can be checked (docs/scenarios.md, "Era
// conventions"; test/scenarios/eras.test.ts checks the files against the same computation):
//
//   1. absorptions: when states leave the system by absorption into an agent (Italian and German
//      unification), the absorbing agent's mil, eco and pop become its own NMC values of that year,
//      grouped exactly as the loader groups capabilities (capabilitiesForYear: shares of the whole
//      system that year);
//   2. nil capability dimensions: where NMC has no positive value for a whole dimension of an
//      agent (both components 0 or missing), the model (which needs mil, eco, pop > 0) gets the
//      smallest positive value of that dimension among the scenario's states in that year
//      (coding rule "nil capability dimension" of the bundled scenarios; [D]);
//   3. trade from 1870 in era-1853-1890: COW Trade v4.0 begins in 1870, so one event sets every
//      pair's trade to the loader's proportional proxy for 1870 (X_ij = s_i·s_j, s_i = τ_i / Σ_world τ,
//      τ = (imports + exports) / 2: a share of the whole system's trade that year, like eco;
//      model note N26).
//
// Usage: npm run build && node scripts/era-values.mjs
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  capabilitiesForYear, loadNmcTable, loadStatesTable, loadTradeTable, proportionalTrade, statesForYear, tradeForYear,
} from '../dist/node.js';

/** The absorptions the era scenarios represent: the agent, its COW code, the NMC year and why. */
export const ABSORPTIONS = [
  { scenario: 'era-1853-1890', state: 'ITA', ccode: 325, year: 1860, why: 'Tuscany, Modena, Parma leave (15 Mar 1860)' },
  { scenario: 'era-1853-1890', state: 'ITA', ccode: 325, year: 1861, why: 'the Two Sicilies leave (13 Feb 1861)' },
  { scenario: 'era-1853-1890', state: 'GMY', ccode: 255, year: 1866, why: 'Hanover and Hesse-Kassel leave (26 Jul 1866)' },
  { scenario: 'era-1853-1890', state: 'GMY', ccode: 255, year: 1867, why: 'Saxony, Hesse-Darmstadt, Mecklenburg-Schwerin leave (17 Apr 1867)' },
  { scenario: 'era-1853-1890', state: 'GMY', ccode: 255, year: 1871, why: 'Bavaria, Baden, Württemberg leave (18 Jan 1871)' },
];

/** The nil dimensions the era scenarios fill: the state, the dimension and the NMC year. */
export const NIL_DIMENSIONS = [
  { scenario: 'era-1815-1853', state: 'SIC', dim: 'eco', year: 1816 },
  { scenario: 'era-1815-1853', state: 'POR', dim: 'eco', year: 1816 },
  { scenario: 'era-1815-1853', state: 'SWD', dim: 'mil', year: 1816 },
  { scenario: 'era-1853-1890', state: 'JPN', dim: 'eco', year: 1860 },
];

/** The smallest positive value of a dimension among a scenario file's states in an NMC year. */
export function smallestPositive(nmc, file, dim, year) {
  const doc = parse(readFileSync(file, 'utf8'));
  const codes = new Set(doc.states.map((s) => String(s.cow ?? s.id)));
  let best;
  for (const s of capabilitiesForYear(nmc, year).states) {
    if (!codes.has(s.stateabb) && !codes.has(String(s.ccode))) continue;
    const v = s[dim];
    if (v !== undefined && v > 0 && (best === undefined || v < best.value)) best = { value: v, from: s.stateabb };
  }
  return best;
}

/** The grouped NMC values of one state in one year (NMC v6.0, the version of the era files before 1991). */
export function absorptionValues(nmc, ccode, year) {
  const s = capabilitiesForYear(nmc, year).states.find((x) => x.ccode === ccode);
  if (s === undefined) throw new Error(`no NMC row for ${ccode} in ${year}`);
  return { mil: s.mil, eco: s.eco, pop: s.pop };
}

/**
 * The proportional trade proxy of a year over the states of a scenario file, as the loader draws
 * it (model note N26): X_ij = τ_i·τ_j / (Σ_world τ)², the sum over every state with trade totals
 * that year.
 */
export function tradeProxy(file, year) {
  const doc = parse(readFileSync(file, 'utf8'));
  const codes = doc.states.map((s) => String(s.cow ?? s.id));
  const table = loadTradeTable();
  const rows = tradeForYear(table, year, codes, { system: statesForYear(loadStatesTable(), year) });
  const missing = rows.filter((r) => r.tau === undefined).map((r) => r.stateabb);
  if (missing.length > 0) throw new Error(`no ${year} trade totals for ${missing.join(', ')}`);
  let world = 0;
  for (const r of tradeForYear(table, year)) if (r.tau !== undefined) world += r.tau;
  const flows = proportionalTrade(rows.map((r) => ({ ccode: r.ccode, tau: r.tau })));
  const pairs = [];
  for (let a = 0; a < codes.length; a++) {
    for (let b = a + 1; b < codes.length; b++) {
      pairs.push({ between: [doc.states[a].id, doc.states[b].id], value: (flows.flows[a][b] * flows.totalTau) / (world * world) });
    }
  }
  return pairs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const nmc = loadNmcTable('6.0');
  console.log('# absorptions (set-state mil, eco, pop): NMC v6.0, grouped by capabilitiesForYear');
  for (const a of ABSORPTIONS) {
    const v = absorptionValues(nmc, a.ccode, a.year);
    console.log(`${a.scenario}  ${a.state} ← NMC ${a.year} (${a.why}): mil ${v.mil}, eco ${v.eco}, pop ${v.pop}`);
  }
  console.log('\n# nil capability dimensions (capabilities: { source: nmc, <dim>: value }): smallest positive in the scenario that year');
  for (const n of NIL_DIMENSIONS) {
    const v = smallestPositive(nmc, new URL(`../scenarios/${n.scenario}.yaml`, import.meta.url), n.dim, n.year);
    console.log(`${n.scenario}  ${n.state}.${n.dim} ← ${v.value} (${v.from}'s ${n.dim} share in ${n.year})`);
  }
  console.log('\n# era-1853-1890: trade from 1870 (set-trade), COW Trade v4.0 1870, proportional proxy as shares of world trade (N26)');
  for (const p of tradeProxy(new URL('../scenarios/era-1853-1890.yaml', import.meta.url), 1870)) {
    console.log(`      - { type: set-trade, between: [${p.between.join(', ')}], value: ${p.value} }`);
  }
}
