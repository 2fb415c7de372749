#!/usr/bin/env node
// The 200-state workloads measured again and again over a stretch of time, each repetition with the
// machine reference (lib/machineReference.mjs) timed right before and after it in the same process.
//
// Why: on a shared virtual machine one process's time per tick can be a third to a half higher for
// minutes at a time, for every workload (benchmarks/README.md). One benchmark run cannot say whether
// a miss of the target is the build's or the machine's; a series of rounds over an hour or two can,
// when the reference — which no change to src/ touches — slows with it. Every round is reported as
// measured; the summary splits the rounds by the reference, it does not adjust them.
//
//   node benchmarks/watch.mjs                              30 rounds, one every 120 s (about an hour)
//   node benchmarks/watch.mjs --rounds 60 --every 60       other pacing
//   node benchmarks/watch.mjs --only states-200            other workloads (repeatable; default
//                                                          states-200 and paths-200)
//   node benchmarks/watch.mjs --dist DIR                   another build (default dist/, copied first)
//   node benchmarks/watch.mjs --summarize FILE             only the summary of an earlier series
//
// Writes one NDJSON row per workload and round to benchmarks/results/tmp/watch-<start>.ndjson (the
// path is printed; --out FILE for another), appended as the rounds come, and prints the summary.

import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const log = (msg) => process.stderr.write(`[watch] ${msg}\n`);

/** The targets of issue 12's Speed section, by workload (ms per tick, median). */
const TARGETS = { 'states-200': 0.5, 'paths-200': 0.5, 'states-1000': 10, 'paths-1000': 10 };
/** A round counts as "at the machine's usual speed" when its reference is within this factor of the series' fastest. */
const USUAL = 1.1;

function parseArgs(argv) {
  const a = { rounds: 30, every: 120, only: [], dist: path.join(repoRoot, 'dist'), out: null, summarize: null };
  for (let k = 0; k < argv.length; k++) {
    const x = argv[k];
    if (x === '--rounds') a.rounds = Number(argv[++k]);
    else if (x === '--every') a.every = Number(argv[++k]);
    else if (x === '--only') a.only.push(argv[++k]);
    else if (x === '--dist') a.dist = path.resolve(argv[++k]);
    else if (x === '--out') a.out = path.resolve(argv[++k]);
    else if (x === '--summarize') a.summarize = path.resolve(argv[++k]);
    else if (x === '--help' || x === '-h') {
      process.stdout.write('usage: node benchmarks/watch.mjs [--rounds N] [--every SECONDS] [--only WORKLOAD]... [--dist DIR] [--out FILE] | --summarize FILE\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${x}`);
  }
  if (!(Number.isInteger(a.rounds) && a.rounds >= 1)) throw new Error('--rounds must be a whole number ≥ 1');
  if (!(a.every >= 0)) throw new Error('--every must be a number of seconds ≥ 0');
  if (a.only.length === 0) a.only = ['states-200', 'paths-200'];
  return a;
}

const median = (xs) => {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Pearson's correlation. */
function correlation(xs, ys) {
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0; let sxx = 0; let syy = 0;
  for (let k = 0; k < xs.length; k++) { sxy += (xs[k] - mx) * (ys[k] - my); sxx += (xs[k] - mx) ** 2; syy += (ys[k] - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}

/** The summary of a series: per workload, the rounds that met the target, split by the machine's speed. */
function summarize(rows) {
  const out = [];
  for (const workload of [...new Set(rows.map((r) => r.workload))]) {
    const rs = rows.filter((r) => r.workload === workload);
    const ref = rs.map((r) => r.referenceNs);
    const fastest = Math.min(...rs.map((r) => Math.min(r.referenceBeforeNs, r.referenceAfterNs)));
    // "Usual" needs both brackets near the fastest: a stretch that starts or ends inside the workload shows in one of them.
    const usual = rs.filter((r) => Math.max(r.referenceBeforeNs, r.referenceAfterNs) <= USUAL * fastest);
    const slow = rs.filter((r) => !usual.includes(r));
    const target = TARGETS[workload] ?? null;
    const met = (xs) => (target === null ? null : xs.filter((r) => r.medianMs <= target).length);
    out.push({
      workload, target, rounds: rs.length, met: met(rs),
      fastestReferenceNs: fastest,
      usual: { rounds: usual.length, met: met(usual), medianMs: usual.length > 0 ? median(usual.map((r) => r.medianMs)) : null, maxMs: usual.length > 0 ? Math.max(...usual.map((r) => r.medianMs)) : null },
      slow: { rounds: slow.length, met: met(slow), medianMs: slow.length > 0 ? median(slow.map((r) => r.medianMs)) : null },
      msPerTick: { median: median(rs.map((r) => r.medianMs)), min: Math.min(...rs.map((r) => r.medianMs)), max: Math.max(...rs.map((r) => r.medianMs)) },
      correlationWithReference: rs.length >= 3 ? correlation(rs.map((r) => r.medianMs), ref) : null,
    });
  }
  return out;
}

function printSummary(rows, file) {
  const s = summarize(rows);
  const f3 = (x) => (x === null ? '—' : x.toFixed(3));
  const lines = [`# ${rows.length} measurements in ${file}`, ''];
  lines.push(`A round is at the machine's usual speed when the reference before and after it is within ${USUAL}× the series' fastest reference.`, '');
  lines.push('| workload | target | rounds met | ms/tick median (min–max) | usual speed: rounds met, median, max | slower machine: rounds met, median | corr(ms/tick, reference) |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const w of s) {
    lines.push(`| ${w.workload} | ${w.target === null ? '—' : `≤ ${w.target}`} | ${w.met ?? '—'} of ${w.rounds} | ${f3(w.msPerTick.median)} (${f3(w.msPerTick.min)}–${f3(w.msPerTick.max)}) | ${w.usual.met ?? '—'} of ${w.usual.rounds}, ${f3(w.usual.medianMs)}, ${f3(w.usual.maxMs)} | ${w.slow.met ?? '—'} of ${w.slow.rounds}, ${f3(w.slow.medianMs)} | ${w.correlationWithReference === null ? '—' : w.correlationWithReference.toFixed(2)} |`);
  }
  lines.push('', `Fastest reference in the series: ${s.map((w) => `${w.workload} ${w.fastestReferenceNs.toFixed(2)} ns/entry`).join(', ')}.`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function readRows(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.summarize !== null) { printSummary(readRows(args.summarize), path.relative(repoRoot, args.summarize)); return; }
  if (!existsSync(path.join(args.dist, 'index.js'))) { log(`missing ${path.relative(repoRoot, args.dist)}/index.js — run \`npm run build\` first`); process.exit(1); }
  const tmp = path.join(here, 'results', 'tmp');
  mkdirSync(tmp, { recursive: true });
  const snapshot = path.join(tmp, `watch-dist-${process.pid}`);
  cpSync(args.dist, snapshot, { recursive: true }); // a rebuild during the series changes nothing
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = args.out ?? path.join(tmp, `watch-${stamp}.ndjson`);
  log(`${args.rounds} rounds of ${args.only.join(', ')}, one every ${args.every} s; rows to ${path.relative(repoRoot, out)}`);
  const rows = [];
  try {
    for (let round = 1; round <= args.rounds; round++) {
      const started = Date.now();
      for (const workload of args.only) {
        const r = spawnSync(process.execPath, ['--expose-gc', path.join(here, 'run.mjs'), '--child', workload, '--dist', snapshot], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (r.status !== 0) throw new Error(`${workload} in round ${round} failed (exit ${r.status ?? r.signal})`);
        const rep = JSON.parse(r.stdout.trim().split('\n').pop());
        const row = {
          time: new Date().toISOString(), round, workload, loadAverage1: Math.round(os.loadavg()[0] * 100) / 100,
          medianMs: rep.tick.medianMs, cpuMedianMs: rep.tick.cpuMedianMs, p90Ms: rep.tick.p90Ms,
          referenceBeforeNs: rep.machine.referenceBeforeNs, referenceAfterNs: rep.machine.referenceAfterNs, referenceNs: rep.machine.referenceNs,
        };
        rows.push(row);
        appendFileSync(out, `${JSON.stringify(row)}\n`);
        log(`round ${round}/${args.rounds} ${workload}: ${row.medianMs.toFixed(3)} ms/tick, reference ${row.referenceBeforeNs.toFixed(2)}/${row.referenceAfterNs.toFixed(2)} ns/entry, load ${row.loadAverage1}`);
      }
      if (round < args.rounds) await sleep(Math.max(0, args.every * 1000 - (Date.now() - started)));
    }
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
  printSummary(rows, path.relative(repoRoot, out));
}

await main();
