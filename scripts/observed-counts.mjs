#!/usr/bin/env node
// Keeps the numbers of docs/validation.md, "Coding the observed record", equal to what the coding
// gives: the regions
//   <!-- generated:observed-threshold -->…<!-- /generated:observed-threshold -->
//   <!-- generated:observed-counts -->…<!-- /generated:observed-counts -->
// are rewritten from observedBehaviour() (the bundled COW data, 1816–2012) and the build-up
// index's distribution, never typed by hand. Eras are the spans of scenarios/era-*.yaml.
//
//   node scripts/observed-counts.mjs          rewrite the regions (after npx tsup: reads dist/node.js)
//   node scripts/observed-counts.mjs --check  exit 1 if a region differs
//
// test/scripts/observed-counts.test.ts fails when a region differs from what the source code gives.
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyRegions, findRegions } from './docs-numbers.mjs';

/** The repository root (this file is scripts/observed-counts.mjs). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The document whose regions this script owns. */
export const DOC = 'docs/validation.md';

const ACTS = ['HE', 'HI', 'SE', 'IE', 'II'];

/**
 * The eras of scenarios/era-*.yaml as spans of years [from, to]: from its `startYear`, to the year
 * before the year its id ends with (the era scripts' convention: era-1890-1914 is 1890–1913), and
 * for `era-…-today` to `lastYear`.
 */
export function readEras(lastYear, root = ROOT) {
  const dir = path.join(root, 'scenarios');
  return readdirSync(dir).filter((f) => /^era-\d{4}-(\d{4}|today)\.yaml$/.test(f)).sort().map((f) => {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const start = /^\s*startYear:\s*(\d{4})\s*$/m.exec(text);
    if (start === null) throw new Error(`${f}: no startYear`);
    const end = /^era-\d{4}-(\d{4}|today)\.yaml$/.exec(f)[1];
    return { id: f.replace(/\.yaml$/, ''), from: Number(start[1]), to: end === 'today' ? lastYear : Number(end) - 1 };
  });
}

/** One table row: counts by category, with the flag counts (every act, whatever the precedence) in brackets. */
function countRow(label, years, rows) {
  const cat = Object.fromEntries([...ACTS, 'NONE'].map((c) => [c, 0]));
  const flag = Object.fromEntries(ACTS.map((c) => [c, 0]));
  for (const r of rows) {
    cat[r.category] += 1;
    for (const a of ACTS) if (r[a]) flag[a] += 1;
  }
  const share = (n) => (rows.length === 0 ? '0' : `${(100 * n / rows.length).toFixed(1)} %`);
  return `| ${label} | ${years} | ${rows.length} | ${ACTS.map((a) => `${cat[a]} (${flag[a]})`).join(' | ')} | ${cat.NONE} (${share(cat.NONE)}) |`;
}

/** The table of counts per category per era, the years outside every era, and all years. */
export function countsRegion(rows, eras) {
  const first = rows[0].year;
  const last = rows[rows.length - 1].year;
  const inEra = (y) => eras.some((e) => e.from <= y && y <= e.to);
  const lines = [
    '',
    '| era | years | state-years | HE | HI | SE | IE | II | NONE |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...eras.map((e) => countRow(`\`${e.id}\``, `${e.from}–${e.to}`, rows.filter((r) => e.from <= r.year && r.year <= e.to))),
    countRow('outside the eras', spans(rows.map((r) => r.year).filter((y) => !inEra(y))), rows.filter((r) => !inEra(r.year))),
    countRow('**all**', `${first}–${last}`, rows),
    '',
  ];
  return lines.join('\n');
}

/** "1914–1918, 1939–1944" from a list of years. */
function spans(years) {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const out = [];
  for (const y of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === y - 1) last[1] = y;
    else out.push([y, y]);
  }
  return out.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
}

/** The sentence on the build-up threshold: the distribution it comes from and what it codes. */
export function thresholdRegion(stats, threshold, rows) {
  const pct = (x) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)} %`;
  const measured = rows.filter((r) => r.buildup !== undefined).length;
  const hi = rows.filter((r) => r.HI).length;
  return `Over the ${stats.n} state-years of NMC v6.0 (1817–2016) where it is measured, the index has `
    + `median ${pct(stats.median)}, robust standard deviation ${pct(stats.robustSd).slice(1)}, 75th percentile ${pct(stats.p75)} `
    + `and 90th percentile ${pct(stats.p90)}; median + 2 robust sd = ${pct(stats.threshold)}, so the threshold is `
    + `${pct(threshold)}. In ${rows[0].year}–${rows[rows.length - 1].year} it is measured in ${measured} of ${rows.length} state-years `
    + `and codes ${hi} of them HI (${(100 * hi / measured).toFixed(1)} % of the measured ones).`;
}

/** The regions this script owns, computed from an `observedBehaviour`, `buildupIndex`… implementation. */
export function observedRegions(lib, root = ROOT) {
  const rows = lib.observedBehaviour();
  const stats = lib.buildupThresholdFromData(lib.buildupIndex(lib.loadNmcTable('6.0')));
  return new Map([
    ['observed-threshold', thresholdRegion(stats, lib.BUILDUP_THRESHOLD, rows)],
    ['observed-counts', countsRegion(rows, readEras(rows[rows.length - 1].year, root))],
  ]);
}

// The marked regions are read and written as docs-numbers.mjs does (one implementation).
export { applyRegions, findRegions };

async function main(argv) {
  const lib = await import(pathToFileURL(path.join(ROOT, 'dist', 'node.js')).href);
  const regions = observedRegions(lib);
  const file = path.join(ROOT, DOC);
  const text = readFileSync(file, 'utf8');
  const found = findRegions(text);
  const missing = [...regions.keys()].filter((n) => !found.has(n));
  if (missing.length > 0) {
    console.error(`${DOC}: regions missing: ${missing.join(', ')}`);
    process.exit(1);
  }
  const stale = [...regions].filter(([n, body]) => found.get(n) !== body).map(([n]) => n);
  if (argv.includes('--check')) {
    if (stale.length > 0) {
      console.error(`${DOC} out of date (run node scripts/observed-counts.mjs): ${stale.join(', ')}`);
      process.exit(1);
    }
  } else if (stale.length > 0) {
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, applyRegions(text, regions));
    renameSync(tmp, file);
  }
  console.log(stale.length === 0 ? `${DOC}: up to date` : `${DOC}: ${argv.includes('--check') ? 'stale' : 'rewrote'} ${stale.join(', ')}`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
