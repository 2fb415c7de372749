#!/usr/bin/env node
// Keeps the numbers the docs quote from runs equal to what the runs give: every marked region
//   <!-- generated:NAME -->…<!-- /generated:NAME -->
// in the docs below is rewritten from the files the runs write, never typed by hand:
//
//   seed42-<scenario id>  test/golden/<id>.seed42.json, the bundled scenario at seed 42 over 100 ticks
//                         (written by `UPDATE_GOLDEN=1 npx vitest run test/scenarios`)
//   eras-<era id>         docs/eras.csv, the era scenarios over 50 seeds (written by `npm run eras`)
//   cli-run-sample        the output of `counterpoise run concert-of-europe --out out/coe` (dist/cli.js;
//                         only with --cli, after `npm run build`)
//
//   node scripts/docs-numbers.mjs          rewrite the regions (npm run docs:numbers)
//   node scripts/docs-numbers.mjs --check  exit 1 and name every region that differs
//   node scripts/docs-numbers.mjs --cli    also rerun the CLI sample of docs/cli.md
//
// test/scripts/docs-numbers.test.ts fails when a region differs from what these files say.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is scripts/docs-numbers.mjs). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The docs whose regions this script owns. */
export const DOCS = ['README.md', 'docs/scenarios.md', 'docs/cli.md'];

const FAMILY_NAMES = { accommodate: 'accommodation', institutional: 'institutional', soft: 'soft', hard: 'hard' };
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** A share as the docs print it: whole per cent from 5 %, one decimal below ("72 %", "1.5 %"). */
export function percent(share) {
  const p = share * 100;
  return `${p >= 5 ? Math.round(p) : (Math.round(p * 10) / 10).toFixed(1)} %`;
}

/** "no alliance", "one alliance", "12 alliances". */
function count(n, noun, plural = `${noun}s`) {
  return `${n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : n} ${n === 1 ? noun : plural}`;
}

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** The four family shares, largest first: "Accommodation 72 %, institutional 17 %, soft 10 %, hard 1.5 %". */
function familySentence(shares) {
  const order = Object.keys(FAMILY_NAMES).sort((a, b) => shares[b] - shares[a] || a.localeCompare(b));
  return capitalise(order.map((f) => `${FAMILY_NAMES[f]} ${percent(shares[f])}`).join(', '));
}

/** Which family dominates which periods, and the range of the institutional share per period. */
function periodSentence(periods) {
  const runs = [];
  for (const p of periods) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.family === p.dominantFamily) last.to = p.toYear;
    else runs.push({ family: p.dominantFamily, from: p.fromYear, to: p.toYear });
  }
  const dominant = runs.length === 1
    ? `${FAMILY_NAMES[runs[0].family]} dominates every period`
    : `the dominant family is ${runs.map((r) => `${FAMILY_NAMES[r.family]} in ${r.from}–${r.to}`).join(', then ')}`;
  const inst = periods.map((p) => p.familyShares.institutional);
  return `${dominant}, the institutional share between ${percent(Math.min(...inst))} and ${percent(Math.max(...inst))} (per tenth of the run)`;
}

/** The region of one bundled scenario's golden summary (seed 42, 100 ticks). */
export function seed42Region(golden) {
  const g = golden;
  const clubs = g.clubsFounded === 0 ? 'no exclusive club founded' : `${count(g.clubsFounded, 'exclusive club')} founded`;
  const dissolved = g.institutionsDissolved === 0 ? '' : `, ${count(g.institutionsDissolved, 'institution')} dissolved`;
  const wars = g.majorWars === 0 ? 'none between great powers' : `${g.majorWars === g.aggressions ? 'all' : NUMBER_WORDS[g.majorWars] ?? g.majorWars} between great powers (major wars)`;
  const aggressions = g.aggressions === 0 ? 'no aggression' : `${count(g.aggressions, 'aggression')}, ${wars}`;
  return `${familySentence(g.familyShares)}; ${periodSentence(g.periods)}. `
    + `${capitalise(count(g.alliancesFormed, 'alliance'))} formed; ${clubs}${dissolved}; ${aggressions}; ${g.publicGoods === 0 ? 'no public goods' : `public goods ${g.publicGoods.toFixed(2)}`}.`;
}

/** The region of one era from docs/eras.csv (means over its seeds). */
export function erasRegion(rows) {
  const mean = (metric) => {
    const row = rows.find((r) => r.metric === metric);
    if (row === undefined) throw new Error(`docs/eras.csv lacks ${metric} for ${rows[0]?.era}`);
    return Number(row.mean);
  };
  const shares = Object.fromEntries(Object.keys(FAMILY_NAMES).map((f) => [f, mean(`familyShare_${f}`)]));
  const aggressions = mean('aggressions');
  const n = rows[0].n;
  return `${familySentence(shares)}; ${aggressions.toFixed(1)} aggression events and ${mean('alliancesFormed').toFixed(1)} alliances formed per run (mean of ${n} seeds).`;
}

function readCsv(file) {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const names = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [names[k], v])));
}

/** The regions computed from files alone (goldens, eras.csv): cheap, no simulation. */
export function fileRegions(root = ROOT) {
  const regions = new Map();
  const goldenDir = path.join(root, 'test', 'golden');
  for (const f of readdirSync(goldenDir).filter((n) => n.endsWith('.seed42.json')).sort()) {
    const golden = JSON.parse(readFileSync(path.join(goldenDir, f), 'utf8'));
    regions.set(`seed42-${golden.scenarioId}`, seed42Region(golden));
  }
  const eras = readCsv(path.join(root, 'docs', 'eras.csv'));
  for (const era of [...new Set(eras.map((r) => r.era))]) regions.set(`eras-${era}`, erasRegion(eras.filter((r) => r.era === era)));
  return regions;
}

/** The command docs/cli.md shows the output of, run in an empty folder. */
export const CLI_SAMPLE_ARGS = ['run', 'concert-of-europe', '--out', 'out/coe'];

/** The cli-run-sample region for what the command printed: stderr (its notes, printed first on a terminal), then stdout. */
export function formatCliSample(stdout, stderr) {
  return `\n\`\`\`sh\n$ counterpoise ${CLI_SAMPLE_ARGS.join(' ')}\n${`${stderr}${stdout}`.trimEnd()}\n\`\`\`\n`;
}

/** What `counterpoise run concert-of-europe --out out/coe` prints (dist/cli.js must be built). */
export function cliRunSample(root = ROOT) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'counterpoise-docs-'));
  try {
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...CLI_SAMPLE_ARGS], { cwd: tmp, encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`counterpoise run failed (${r.status}): ${r.stderr}`);
    return formatCliSample(r.stdout, r.stderr);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const REGION = /<!-- generated:([\w.-]+) -->([\s\S]*?)<!-- \/generated:\1 -->/g;

/** The marked regions of a document: name → current text. */
export function findRegions(text) {
  const found = new Map();
  for (const m of text.matchAll(REGION)) found.set(m[1], m[2]);
  return found;
}

/** The document with every region it marks and `regions` knows replaced. */
export function applyRegions(text, regions) {
  return text.replace(REGION, (all, name) => (regions.has(name) ? `<!-- generated:${name} -->${regions.get(name)}<!-- /generated:${name} -->` : all));
}

function main(argv) {
  const check = argv.includes('--check');
  const regions = fileRegions();
  if (argv.includes('--cli')) regions.set('cli-run-sample', cliRunSample());
  const stale = [];
  const used = new Set();
  for (const doc of DOCS) {
    const file = path.join(ROOT, doc);
    const text = readFileSync(file, 'utf8');
    for (const name of findRegions(text).keys()) used.add(name);
    const next = applyRegions(text, regions);
    if (next === text) continue;
    for (const [name, body] of findRegions(text)) if (regions.has(name) && regions.get(name) !== body) stale.push(`${doc}: ${name}`);
    if (!check) writeFileSync(file, next);
  }
  const unknown = [...used].filter((n) => !regions.has(n) && n !== 'cli-run-sample');
  if (unknown.length > 0) {
    console.error(`unknown regions (no generator): ${unknown.join(', ')}`);
    process.exit(1);
  }
  if (check && stale.length > 0) {
    console.error(`out of date (run npm run docs:numbers):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(stale.length === 0 ? 'docs: every generated region is up to date' : `docs: rewrote ${stale.length} region(s):\n  ${stale.join('\n  ')}`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
