#!/usr/bin/env node
// The dual track of a scenario over many seeds (model §5.9, issue 14): per great power, which states
// run a dual track toward it (seeds, state-ticks) and through which venues; one state's main threats;
// friction and the balancing shares; the accession decisions. Numbers as they come out (docs/scenarios.md).
//
//   npm run build && node scripts/dual-track.mjs [scenario] [--seeds N] [--ticks T] [--state ID]
import { createSimulation } from '../dist/index.js';
import { loadScenario } from '../dist/node.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1] : dflt; };
const name = args[0] && !args[0].startsWith('--') ? args[0] : 'turkiye-dual-track';
const seeds = Number(opt('--seeds', 50));
const ticks = Number(opt('--ticks', 100));
const focus = opt('--state', 'TUR');
const scenario = loadScenario(name);

const perPower = new Map(); // power → state → { seeds, ticks, inclusive, exclusive }
const mainThreat = new Map();
let focusTicks = 0;
const fam = { accommodate: 0, hard: 0, soft: 0, institutional: 0 };
const bal = { accommodate: 0, hard: 0, soft: 0, institutional: 0 };
let friction = 0;
let acts = 0;
const accessions = new Map(); // "institution state admitted" → seeds and first years
for (let seed = 1; seed <= seeds; seed++) {
  const sim = createSimulation(scenario, { seed });
  const seen = new Set();
  for (let t = 0; t < ticks; t++) {
    const r = sim.step();
    for (const f of Object.keys(fam)) { fam[f] += r.families[f]; bal[f] += r.balancing?.[f] ?? 0; acts += r.families[f]; }
    friction += (r.frictionSoft ?? 0) + (r.frictionInstitutional ?? 0);
    for (const d of r.dualTrack) {
      const m = perPower.get(d.power) ?? new Map(); perPower.set(d.power, m);
      const e = m.get(d.state) ?? { seeds: new Set(), ticks: 0, inclusive: {}, exclusive: {} }; m.set(d.state, e);
      e.seeds.add(seed); e.ticks++;
      e.inclusive[d.inclusive] = (e.inclusive[d.inclusive] ?? 0) + 1;
      e.exclusive[d.exclusive] = (e.exclusive[d.exclusive] ?? 0) + 1;
    }
    const { world: w, scratch: s } = sim.internals;
    const i = w.ids.indexOf(focus);
    if (i >= 0 && s.target[i] >= 0) { const g = w.ids[s.target[i]]; mainThreat.set(g, (mainThreat.get(g) ?? 0) + 1); focusTicks++; }
  }
  for (const e of sim.events) {
    if (e.type !== 'accession' || seen.has(`${e.institution} ${e.state}`)) continue;
    seen.add(`${e.institution} ${e.state}`);
    const key = `${e.institution} ${e.state} ${e.admitted ? 'admitted' : 'refused'} first`;
    const year = scenario.meta.startYear + e.tick / scenario.meta.ticksPerYear;
    const a = accessions.get(key) ?? []; a.push(year); accessions.set(key, a);
  }
}
const pct = (x, d) => `${((100 * x) / d).toFixed(2)} %`;
console.log(`${name}: ${seeds} seeds × ${ticks} ticks`);
for (const [power, m] of [...perPower].sort()) {
  console.log(`dual track toward ${power}:`);
  for (const [state, e] of [...m].sort((a, b) => b[1].seeds.size - a[1].seeds.size || b[1].ticks - a[1].ticks)) {
    console.log(`  ${state}: ${e.seeds.size} seeds, ${e.ticks} state-ticks; inclusive ${JSON.stringify(e.inclusive)}; exclusive ${JSON.stringify(e.exclusive)}`);
  }
}
if (perPower.size === 0) console.log('no dual track toward any great power');
console.log(`${focus}'s main threat (${focusTicks} ticks): ${[...mainThreat].sort((a, b) => b[1] - a[1]).map(([g, k]) => `${g} ${pct(k, focusTicks)}`).join(', ')}`);
console.log(`families (all acts): ${Object.entries(fam).map(([f, k]) => `${f} ${pct(k, acts)}`).join(', ')}`);
const balTotal = Object.values(bal).reduce((a, b) => a + b, 0);
console.log(`friction ${pct(friction, acts)} of all acts; balancing shares (friction excluded): ${Object.entries(bal).map(([f, k]) => `${f} ${pct(k, balTotal)}`).join(', ')}`);
for (const [key, years] of [...accessions].sort()) {
  const sorted = years.slice().sort((a, b) => a - b);
  console.log(`accession ${key}: ${years.length} of ${seeds} seeds; years ${sorted[0].toFixed(2)}–${sorted[sorted.length - 1].toFixed(2)}`);
}
