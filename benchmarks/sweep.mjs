#!/usr/bin/env node
// Sweep benchmark: throughput of runSweep (runs per second) at 1 and 2 worker threads on the
// bundled concert-of-europe scenario, the parallel speed-up, and whether memory stays flat over a
// long sweep. Measures the BUILT package (../dist/node.js): run `npm run bench:sweep`, or this
// script after `npm run build`.
//
//   node benchmarks/sweep.mjs                 throughput (3 repetitions per worker count) + memory
//   node benchmarks/sweep.mjs --reps 5        more repetitions
//   node benchmarks/sweep.mjs --only memory   one part: throughput | memory
//   node benchmarks/sweep.mjs --no-write      print, leave benchmarks/results/ alone
//   node benchmarks/sweep.mjs --dist DIR      measure another build of the package (default dist/)
//
// Every measurement runs in a fresh child process (`node --expose-gc sweep.mjs --child …`), as in
// benchmarks/run.mjs. Results: benchmarks/results/sweep.json. Targets are reported, never asserted.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const distDir = path.join(repoRoot, 'dist');
// The children load a snapshot of dist/ taken at the start (inside the repository, so that its
// dependencies resolve), so that a rebuild while the benchmark runs cannot change what is measured.
const snapshotDir = path.join(here, 'results', 'tmp', `sweep-dist-${process.pid}`);
const resultsFile = path.join(here, 'results', 'sweep.json');
const MB = 1024 * 1024;
const log = (msg) => process.stderr.write(`[bench:sweep] ${msg}\n`);
const r1 = (x) => Math.round(x * 10) / 10;
const r3 = (x) => Math.round(x * 1000) / 1000;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The throughput workloads: 5 values of λ × 240 replicates = 1,200 runs of 100 ticks of
 * concert-of-europe. `full` writes every table in every format (≈ 120 kB of files per run: the
 * default); `lean` writes the runs table as CSV only, so it measures the runs and the machinery
 * around them with almost no I/O.
 */
const THROUGHPUT = {
  full: {
    scenario: 'concert-of-europe',
    design: { type: 'grid', parameters: { 'system.lambda': { min: 0.5, max: 0.9, levels: 5 } } },
    replicates: 240, ticks: 100, baseSeed: 1,
    describe: 'tables runs, ticks and events; formats csv, ndjson and arrow (the default)',
  },
  lean: {
    scenario: 'concert-of-europe',
    design: { type: 'grid', parameters: { 'system.lambda': { min: 0.5, max: 0.9, levels: 5 } } },
    replicates: 240, ticks: 100, baseSeed: 1, tables: { ticks: false, events: false }, formats: ['csv'],
    describe: 'the runs table only, as CSV',
  },
};
/**
 * The memory workload: the issue's 100,000 runs (10 ticks each, about a minute) at 2 workers, every
 * table as CSV, RSS sampled every 2,500 runs. V8 collects the workers' old generation lazily, so RSS
 * first climbs to a peak, then major GCs bring it down to a plateau: flat means it does not go on
 * climbing with the number of runs.
 */
const MEMORY = {
  scenario: 'concert-of-europe',
  design: { type: 'grid', parameters: { 'system.lambda': { min: 0.1, max: 0.9, levels: 100 } } },
  replicates: 1000, ticks: 10, baseSeed: 2, formats: ['csv'],
};

function parseArgs(argv) {
  const args = { child: null, workers: 1, reps: 3, only: null, write: true, dist: distDir };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--child') args.child = argv[++k];
    else if (a === '--workers') args.workers = Number(argv[++k]);
    else if (a === '--reps') args.reps = Number(argv[++k]);
    else if (a === '--only') args.only = argv[++k];
    else if (a === '--no-write') args.write = false;
    else if (a === '--dist') args.dist = argv[++k];
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

// ---------------------------------------------------------------- child: one measurement

/** CPU time of this process's main thread in ms (Linux: /proc/self/task/<pid>/stat), or null elsewhere. */
function mainThreadCpuMs() {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

async function runChild(kind, workers, dist) {
  const lib = await import(pathToFileURL(path.join(dist, 'node.js')).href);
  const w = kind === 'memory' ? MEMORY : THROUGHPUT[kind];
  const scenario = lib.loadScenario(w.scenario);
  const out = mkdtempSync(path.join(os.tmpdir(), 'counterpoise-bench-sweep-'));
  const total = w.replicates * lib.expandDesign(w.design).length;
  const marks = new Map(); // runs done → ms since start, at the first run, at 10% and at the end
  const samples = [];
  const every = kind === 'memory' ? 2500 : total;
  let finishingAt = null;
  global.gc();
  const baseline = process.memoryUsage();
  const from = Math.ceil(total / 10);
  let eluFrom = null;
  let eluSteady = null;
  let cpuFrom = null;
  let mainFrom = null;
  let cpuPerRun = null;
  let mainPerRun = null;
  const t0 = performance.now();
  try {
    const report = await lib.runSweep(scenario, w.design, {
      replicates: w.replicates, ticks: w.ticks, baseSeed: w.baseSeed, out, workers,
      ...(w.formats === undefined ? {} : { formats: w.formats }), ...(w.tables === undefined ? {} : { tables: w.tables }),
      onProgress: (p) => {
        const ms = performance.now() - t0;
        if (p.phase === 'running' && (p.done === 1 || p.done === from || p.done === total)) {
          marks.set(p.done, ms);
          if (p.done === from) { eluFrom = performance.eventLoopUtilization(); cpuFrom = process.cpuUsage(); mainFrom = mainThreadCpuMs(); }
          if (p.done === total) {
            eluSteady = performance.eventLoopUtilization(eluFrom);
            const cpu = process.cpuUsage(cpuFrom);
            cpuPerRun = (cpu.user + cpu.system) / 1000 / (total - from);
            const main = mainThreadCpuMs();
            mainPerRun = main === null || mainFrom === null ? null : (main - mainFrom) / (total - from);
          }
        }
        if (p.phase === 'finishing' && finishingAt === null) finishingAt = ms;
        if (kind === 'memory' && p.phase === 'running' && p.done % every === 0) {
          const before = process.memoryUsage();
          global.gc();
          const after = process.memoryUsage();
          samples.push({ runs: p.done, rssMB: r1(before.rss / MB), heapUsedAfterGcMB: r3(after.heapUsed / MB), externalMB: r1((after.external + after.arrayBuffers) / MB) });
        }
      },
    });
    const wallMs = performance.now() - t0;
    // How busy the main thread was in the steady state (dispatching, receiving and writing rows,
    // checkpointing): its share of one core, which the workers cannot use.
    const mainThreadBusy = eluSteady.utilization;
    // Steady state: from the run that completes 10% of the sweep to the last one (start-up excluded).
    const steadyRunsPerSecond = ((total - from) * 1000) / (marks.get(total) - marks.get(from));
    const result = {
      kind, workers, runs: total, ticksPerRun: w.ticks, wallMs: r1(wallMs),
      firstRunMs: r1(marks.get(1)), runsEndMs: r1(marks.get(total)), finishMs: r1(wallMs - (finishingAt ?? wallMs)),
      steadyRunsPerSecond: r1(steadyRunsPerSecond), endToEndRunsPerSecond: r1((total * 1000) / wallMs),
      mainThreadBusy: r3(mainThreadBusy),
      // CPU time per run in the steady state, all threads of the process, and the main thread's part
      // (independent of other load on the machine, unlike runs/s).
      cpuMsPerRun: r3(cpuPerRun), mainThreadCpuMsPerRun: mainPerRun === null ? null : r3(mainPerRun),
      // Cores the process kept busy in the steady state. One worker already uses more than one core:
      // V8's background threads (concurrent compilation, GC helpers) run beside it.
      coresUsed: r3((cpuPerRun * steadyRunsPerSecond) / 1000),
      rows: Object.fromEntries(Object.entries(report.manifest.files).filter(([n]) => n.endsWith('.csv')).map(([n, f]) => [n, f.rows])),
      bytes: Object.values(report.manifest.files).reduce((s, f) => s + f.bytes, 0),
      peakRssMB: r1(process.resourceUsage().maxRSS / 1024),
      baselineRssMB: r1(baseline.rss / MB),
    };
    if (kind === 'memory') {
      const n = samples.length;
      const q = Math.max(1, Math.floor(n / 4));
      const first = samples.slice(0, q);
      const last = samples.slice(n - q);
      // Least-squares slope of RSS over the second half, in MB per 1,000 runs.
      const half = samples.slice(Math.floor(n / 2));
      const mx = mean(half.map((s) => s.runs));
      const my = mean(half.map((s) => s.rssMB));
      const slope = half.reduce((a, s) => a + (s.runs - mx) * (s.rssMB - my), 0) / half.reduce((a, s) => a + (s.runs - mx) ** 2, 0);
      const firstHalf = samples.slice(0, Math.floor(n / 2));
      const secondHalf = samples.slice(Math.floor(n / 2));
      result.memory = {
        samples,
        rssFirstQuarterMB: r1(mean(first.map((s) => s.rssMB))), rssLastQuarterMB: r1(mean(last.map((s) => s.rssMB))),
        rssMaxFirstHalfMB: Math.max(...firstHalf.map((s) => s.rssMB)), rssMaxSecondHalfMB: Math.max(...secondHalf.map((s) => s.rssMB)),
        heapFirstQuarterMB: r3(mean(first.map((s) => s.heapUsedAfterGcMB))), heapLastQuarterMB: r3(mean(last.map((s) => s.heapUsedAfterGcMB))),
        rssSlopeMBPer1000Runs: r3(slope * 1000),
      };
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- parent

function child(kind, workers) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', kind, '--workers', String(workers), '--dist', snapshotDir], {
    encoding: 'utf8', maxBuffer: 64 * MB, stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`child ${kind} ×${workers} failed (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.child !== null) return runChild(args.child, args.workers, args.dist);
  if (!existsSync(path.join(args.dist, 'sweep-worker.js'))) throw new Error(`no build in ${args.dist}: run \`npm run build\` first`);
  cpSync(args.dist, snapshotDir, { recursive: true });
  try {
    await measure(args);
  } finally {
    rmSync(snapshotDir, { recursive: true, force: true });
  }
}

async function measure(args) {
  const machine = {
    node: process.version, v8: process.versions.v8, platform: os.platform(), arch: os.arch(), cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length, totalMemoryGB: r1(os.totalmem() / 1024 ** 3), loadAverage: os.loadavg().map(r1),
  };
  const report = { date: new Date().toISOString(), machine, repetitions: args.reps };
  if (args.only === null || args.only === 'throughput') {
    report.throughput = {};
    for (const name of Object.keys(THROUGHPUT)) {
      const w = THROUGHPUT[name];
      const reps = { 1: [], 2: [] };
      // Interleaved (1, 2, 1, 2, …) so that a change in machine load hits both alike.
      for (let k = 0; k < args.reps; k++) {
        for (const n of [1, 2]) {
          const r = child(name, n);
          reps[n].push(r);
          log(`${name} ×${n} worker${n > 1 ? 's' : ''} rep ${k + 1}: ${r.steadyRunsPerSecond} runs/s steady, ${r.endToEndRunsPerSecond} end to end (${r.runs} runs in ${r.wallMs} ms)`);
        }
      }
      const steady = (n) => median(reps[n].map((r) => r.steadyRunsPerSecond));
      const e2e = (n) => median(reps[n].map((r) => r.endToEndRunsPerSecond));
      report.throughput[name] = {
        workload: `${w.scenario}: ${w.design.parameters['system.lambda'].levels} values of system.lambda × ${w.replicates} replicates = ${reps[1][0].runs} runs of ${w.ticks} ticks; ${w.describe}`,
        runsPerSecond: { 1: steady(1), 2: steady(2) },
        speedup: r3(steady(2) / steady(1)),
        endToEndRunsPerSecond: { 1: e2e(1), 2: e2e(2) },
        endToEndSpeedup: r3(e2e(2) / e2e(1)),
        target: { speedup: 1.8, met: steady(2) / steady(1) >= 1.8 },
        repetitions: reps,
      };
      log(`${name}: speed-up 2 vs 1 workers ${report.throughput[name].speedup} steady (${report.throughput[name].endToEndSpeedup} end to end)`);
    }
  }
  if (args.only === null || args.only === 'memory') {
    const r = child('memory', 2);
    report.memory = r;
    log(`memory: ${r.runs} runs, RSS mean ${r.memory.rssFirstQuarterMB} MB (first quarter) → ${r.memory.rssLastQuarterMB} MB (last quarter), max ${r.memory.rssMaxFirstHalfMB} → ${r.memory.rssMaxSecondHalfMB} MB (first → second half), slope over the second half ${r.memory.rssSlopeMBPer1000Runs} MB per 1,000 runs; main heap after GC ${r.memory.heapFirstQuarterMB} → ${r.memory.heapLastQuarterMB} MB`);
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (args.write) {
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${path.relative(repoRoot, resultsFile)}`);
  }
}

await main();
