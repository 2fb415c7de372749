#!/usr/bin/env node
// Runs a bundled scenario (or a scenario file), prints a summary and writes its outputs:
//   out/<id>/ticks.csv      one row per tick (R: read.csv; pandas: read_csv)
//   out/<id>/events.ndjson  one JSON object per event (pandas: read_json(lines=True); R: jsonlite::stream_in)
//   out/<id>/summary.json   the run summary (summarizeRun)
// Usage: node examples/run-scenario.mjs [scenario] [--seed N] [--ticks N] [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES, OPTIONS, loadScenario, runSimulation, summarizeRun } from '../dist/node.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && args[k + 1] !== undefined ? args[k + 1] : fallback;
};
const name = args.find((a, k) => !a.startsWith('--') && !(k > 0 && args[k - 1].startsWith('--'))) ?? 'concert-of-europe';
const seed = Number(flag('seed', '42'));
const ticks = Number(flag('ticks', '100'));

let scenario;
try {
  scenario = loadScenario(name);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const outDir = flag('out', join('out', scenario.meta.id));
const result = runSimulation(scenario, { seed, ticks });
const summary = summarizeRun(result);

mkdirSync(outDir, { recursive: true });
const columns = ['tick', 'year', ...OPTIONS.map((o) => `action_${o}`), ...FAMILIES.map((f) => `family_${f}`),
  'con', 'effectivePoles', 'poles', 'meanThreat', 'alliances', 'alliancesFormed', 'ententes', 'institutions',
  'clubsFounded', 'institutionsDissolved', 'inclusiveMemberships', 'exclusiveMemberships', 'meanLegitimacy',
  'meanRestraint', 'meanOmega', 'aggressions', 'majorWars', 'softEpisodes', 'friction', 'publicGoods'];
const row = (r) => columns.map((c) => (c.startsWith('action_') ? r.actions[c.slice(7)] : c.startsWith('family_') ? r.families[c.slice(7)] : r[c]));
writeFileSync(join(outDir, 'ticks.csv'), [columns.join(','), ...result.records.map((r) => row(r).join(','))].join('\n') + '\n');
writeFileSync(join(outDir, 'events.ndjson'), result.events.map((e) => JSON.stringify(e)).join('\n') + (result.events.length ? '\n' : ''));
writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');

const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(`${scenario.meta.title || scenario.meta.id} — seed ${seed}, ${ticks} ticks (${summary.firstYear}–${summary.lastYear})`);
console.log(`strategy families: ${FAMILIES.map((f) => `${f} ${pct(summary.familyShares[f])}`).join(', ')}`);
console.log('dominant family by period:');
for (const p of summary.periods) console.log(`  ${Math.floor(p.fromYear)}–${Math.floor(p.toYear)}  ${p.dominantFamily} (${pct(p.familyShares[p.dominantFamily])})`);
const shares = Object.entries(summary.finalShares).sort((a, b) => b[1] - a[1]).slice(0, 6);
console.log(`final capability shares: ${shares.map(([id, s]) => `${id} ${pct(s)}`).join(', ')}`);
console.log(`alliances formed ${summary.alliancesFormed}, clubs founded ${summary.clubsFounded}, aggressions ${summary.aggressions} (major wars ${summary.majorWars}), soft-balancing episodes begun ${summary.softEpisodesBegun}`);
console.log(`outputs: ${join(outDir, 'ticks.csv')}, ${join(outDir, 'events.ndjson')}, ${join(outDir, 'summary.json')}`);
