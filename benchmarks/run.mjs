#!/usr/bin/env node
// Benchmark harness for counterpoise. Measures the BUILT package (../dist/index.js), so run it
// through `npm run bench` (which builds first) or after `npm run build`.
//
//   node benchmarks/run.mjs                     all workloads, 3 repetitions each
//   node benchmarks/run.mjs --reps 5            more repetitions
//   node benchmarks/run.mjs --only states-200   one workload (repeatable flag)
//   node benchmarks/run.mjs --no-write          do not touch benchmarks/results/
//
// Each repetition runs in a fresh child process (`node --expose-gc run.mjs --child …`), so JIT
// state and heap do not leak between repetitions and `global.gc` is always available for the
// memory figures. Progress goes to stderr; the child sends its measurements to the parent as one
// JSON line on stdout. Targets are reported, never asserted: this script exits 0 whatever the
// numbers are (it exits non-zero only if a workload crashes).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const distEntry = path.join(repoRoot, 'dist', 'index.js');
const workloadDir = path.join(here, 'workloads');
const resultsDir = path.join(here, 'results');

/** Memory samples per run (each preceded by a forced GC, outside the timed region). */
const MEMORY_SAMPLES = 40;

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

function parseArgs(argv) {
  const args = { child: null, reps: 3, only: [], write: true };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--child') args.child = argv[++k];
    else if (a === '--reps') args.reps = Number(argv[++k]);
    else if (a === '--only') args.only.push(argv[++k]);
    else if (a === '--no-write') args.write = false;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node benchmarks/run.mjs [--reps N] [--only WORKLOAD]... [--no-write]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!(Number.isInteger(args.reps) && args.reps >= 1)) throw new Error('--reps must be a whole number ≥ 1');
  return args;
}

// ---------------------------------------------------------------- statistics

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
const sortNum = (xs) => Float64Array.from(xs).sort();
const median = (xs) => quantile(sortNum(xs), 0.5);
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const MB = 1024 * 1024;
const r3 = (x) => Math.round(x * 1000) / 1000;
const r1 = (x) => Math.round(x * 10) / 10;

// ---------------------------------------------------------------- child: one repetition

async function runChild(name) {
  if (typeof global.gc !== 'function') throw new Error('child must run with --expose-gc');
  const gc = global.gc;
  const { resolveScenario, createSimulation } = await import(pathToFileURL(distEntry).href);
  const { workload } = await import(pathToFileURL(path.join(workloadDir, `${name}.mjs`)).href);

  let t0 = process.hrtime.bigint();
  const input = workload.scenario();
  const generateMs = Number(process.hrtime.bigint() - t0) / 1e6;
  t0 = process.hrtime.bigint();
  const scenario = resolveScenario(input);
  const resolveMs = Number(process.hrtime.bigint() - t0) / 1e6;
  t0 = process.hrtime.bigint();
  const sim = createSimulation(scenario, { seed: workload.runSeed, collectEvents: false });
  const createMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const total = workload.ticks;
  const warmup = Math.min(workload.warmup, total - 1);
  const tickMs = new Float64Array(total);
  const every = Math.max(1, Math.floor(total / MEMORY_SAMPLES));
  const samples = [];
  let sink = 0; // keeps the records observably used
  let last = null;
  const sample = (tick) => {
    const before = process.memoryUsage();
    gc();
    const after = process.memoryUsage();
    samples.push({
      tick,
      rss: before.rss,
      heapUsed: before.heapUsed,
      heapUsedAfterGc: after.heapUsed,
      external: after.external + after.arrayBuffers, // typed arrays of the world live here
    });
  };

  gc();
  const baseline = process.memoryUsage();
  const progressEvery = Math.max(1, Math.floor(total / 5));
  const wall0 = process.hrtime.bigint();
  for (let t = 0; t < total; t++) {
    const start = process.hrtime.bigint();
    last = sim.step();
    tickMs[t] = Number(process.hrtime.bigint() - start) / 1e6;
    sink += last.alliances;
    if ((t + 1) % every === 0 || t === total - 1) sample(t + 1);
    if ((t + 1) % progressEvery === 0 && t + 1 < total) log(`  ${name}: tick ${t + 1}/${total}`);
  }
  const wallMs = Number(process.hrtime.bigint() - wall0) / 1e6;

  const measured = Array.from(tickMs.subarray(warmup));
  const sorted = sortNum(measured);
  // "Memory flat over ticks": post-GC heap in the last quarter of the run minus the first quarter.
  const q1 = samples.filter((s) => s.tick <= total / 4);
  const q4 = samples.filter((s) => s.tick > (3 * total) / 4);
  const heapQ1 = mean(q1.map((s) => s.heapUsedAfterGc));
  const heapQ4 = mean(q4.map((s) => s.heapUsedAfterGc));
  const extQ1 = mean(q1.map((s) => s.external));
  const extQ4 = mean(q4.map((s) => s.external));
  const sampledPeakRss = Math.max(...samples.map((s) => s.rss));
  const maxRss = process.resourceUsage().maxRSS * 1024; // bytes; the OS's high-water mark

  return {
    workload: name,
    n: scenario.states.length,
    institutions: scenario.institutions.length,
    dyads: scenario.dyads.length,
    ticks: total,
    warmup,
    setup: { generateMs: r3(generateMs), resolveMs: r3(resolveMs), createMs: r3(createMs) },
    wallMs: r3(wallMs),
    tick: {
      medianMs: r3(quantile(sorted, 0.5)),
      p10Ms: r3(quantile(sorted, 0.1)),
      p90Ms: r3(quantile(sorted, 0.9)),
      meanMs: r3(mean(measured)),
      maxMs: r3(sorted[sorted.length - 1]),
      firstTickMs: r3(tickMs[0]),
      // cost drift over the run: median of the first vs the last quarter of the measured ticks
      medianFirstQuarterMs: r3(median(measured.slice(0, Math.max(1, Math.floor(measured.length / 4))))),
      medianLastQuarterMs: r3(median(measured.slice(measured.length - Math.max(1, Math.floor(measured.length / 4))))),
    },
    memory: {
      baselineHeapMB: r1(baseline.heapUsed / MB),
      baselineRssMB: r1(baseline.rss / MB),
      peakRssMB: r1(Math.max(maxRss, sampledPeakRss) / MB),
      heapQ1MB: r3(heapQ1 / MB),
      heapQ4MB: r3(heapQ4 / MB),
      heapGrowthMB: r3((heapQ4 - heapQ1) / MB),
      heapGrowthPct: r1((100 * (heapQ4 - heapQ1)) / heapQ1),
      externalGrowthMB: r3((extQ4 - extQ1) / MB),
      sampleEvery: every,
      samples: samples.map((s) => ({
        tick: s.tick, rssMB: r1(s.rss / MB), heapUsedMB: r1(s.heapUsed / MB),
        heapUsedAfterGcMB: r3(s.heapUsedAfterGc / MB), externalMB: r1(s.external / MB),
      })),
    },
    final: { alliances: last.alliances, institutions: last.institutions, checksum: sink },
  };
}

// ---------------------------------------------------------------- parent: orchestration

function spread(values) {
  const s = sortNum(values);
  return { median: r3(quantile(s, 0.5)), min: r3(s[0]), max: r3(s[s.length - 1]), values: values.map(r3) };
}

function aggregate(workload, reps) {
  const pick = (f) => spread(reps.map(f));
  const med = pick((r) => r.tick.medianMs);
  return {
    workload: workload.name,
    description: workload.description,
    states: reps[0].n,
    institutions: reps[0].institutions,
    dyads: reps[0].dyads,
    ticks: reps[0].ticks,
    warmupTicks: reps[0].warmup,
    repetitions: reps.length,
    targetMsPerTick: workload.targetMsPerTick,
    meetsTarget: med.median <= workload.targetMsPerTick,
    msPerTick: {
      median: med, p10: pick((r) => r.tick.p10Ms), p90: pick((r) => r.tick.p90Ms), mean: pick((r) => r.tick.meanMs),
      firstTick: pick((r) => r.tick.firstTickMs),
      medianFirstQuarter: pick((r) => r.tick.medianFirstQuarterMs),
      medianLastQuarter: pick((r) => r.tick.medianLastQuarterMs),
    },
    setupMs: { resolve: pick((r) => r.setup.resolveMs), create: pick((r) => r.setup.createMs) },
    wallMs: pick((r) => r.wallMs),
    peakRssMB: pick((r) => r.memory.peakRssMB),
    heapGrowthMB: pick((r) => r.memory.heapGrowthMB),
    heapGrowthPct: pick((r) => r.memory.heapGrowthPct),
    externalGrowthMB: pick((r) => r.memory.externalGrowthMB),
    deterministic: reps.every((r) => r.final.checksum === reps[0].final.checksum),
    runs: reps,
  };
}

function fmtSpread(s, digits = 3) {
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

function markdown(report) {
  const m = report.machine;
  const lines = [];
  lines.push('# counterpoise benchmark results', '');
  lines.push(`- date: ${report.date}`);
  lines.push(`- package: counterpoise ${report.packageVersion} (dist/, built)`);
  lines.push(`- node ${m.node} (V8 ${m.v8}), ${m.platform} ${m.release} ${m.arch}`);
  lines.push(`- CPU: ${m.cpu} × ${m.cores} cores; memory ${m.totalMemoryGB} GB`);
  lines.push(`- repetitions: ${report.repetitions} per workload, each in a fresh \`node --expose-gc\` process`);
  lines.push('');
  lines.push('Medians over repetitions; the range (min–max over repetitions) in brackets. Per-tick figures are');
  lines.push('taken over the ticks after the warm-up. Targets are reported, not asserted.');
  lines.push('');
  lines.push('| workload | ticks (warm-up) | median ms/tick | p10 ms/tick | p90 ms/tick | target | peak RSS MB | heap growth Q1→Q4 MB (%) | resolve ms | create ms |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const w of report.workloads) {
    lines.push(
      `| ${w.description} | ${w.ticks} (${w.warmupTicks}) | ${fmtSpread(w.msPerTick.median)} | ${fmtSpread(w.msPerTick.p10)} | ${fmtSpread(w.msPerTick.p90)} `
      + `| ≤ ${w.targetMsPerTick} ms ${w.meetsTarget ? '✅ met' : '❌ missed'} | ${fmtSpread(w.peakRssMB, 1)} `
      + `| ${w.heapGrowthMB.median.toFixed(3)} (${w.heapGrowthPct.median.toFixed(1)}%) `
      + `| ${w.setupMs.resolve.median.toFixed(1)} | ${w.setupMs.create.median.toFixed(1)} |`,
    );
  }
  lines.push('');
  lines.push('| workload | first tick ms | median ms/tick, first quarter | median ms/tick, last quarter | final alliances | final institutions |');
  lines.push('|---|---|---|---|---|---|');
  for (const w of report.workloads) {
    const f = w.runs[0].final;
    lines.push(`| ${w.description} | ${w.msPerTick.firstTick.median.toFixed(1)} | ${w.msPerTick.medianFirstQuarter.median.toFixed(3)} `
      + `| ${w.msPerTick.medianLastQuarter.median.toFixed(3)} | ${f.alliances} | ${f.institutions} |`);
  }
  lines.push('');
  lines.push('Heap growth is the mean post-GC `heapUsed` over the samples in the last quarter of the run minus');
  lines.push('that of the first quarter; a value near 0 means memory is flat over ticks. Peak RSS is the');
  lines.push('process high-water mark (`process.resourceUsage().maxRSS`), including Node itself.');
  lines.push('');
  return lines.join('\n');
}

function listWorkloads() {
  return readdirSync(workloadDir).filter((f) => f.endsWith('.mjs') && !f.startsWith('_')).map((f) => f.slice(0, -4));
}

async function runParent(args) {
  if (!existsSync(distEntry)) {
    log(`missing ${path.relative(repoRoot, distEntry)} — run \`npm run build\` first (or use \`npm run bench\`)`);
    process.exit(1);
  }
  const available = listWorkloads();
  const names = args.only.length > 0 ? args.only : available;
  for (const n of names) if (!available.includes(n)) throw new Error(`unknown workload "${n}" (have: ${available.join(', ')})`);
  // Fixed order: the small workload first.
  const workloads = [];
  for (const n of names) {
    const { workload } = await import(pathToFileURL(path.join(workloadDir, `${n}.mjs`)).href);
    workloads.push(workload);
  }
  workloads.sort((a, b) => a.states - b.states || a.name.localeCompare(b.name));

  const self = fileURLToPath(import.meta.url);
  const started = Date.now();
  const results = [];
  for (const w of workloads) {
    log(`${w.name}: ${w.description}, ${args.reps} repetition(s)`);
    const reps = [];
    for (let k = 1; k <= args.reps; k++) {
      const t = Date.now();
      const child = spawnSync(process.execPath, ['--expose-gc', self, '--child', w.name], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        maxBuffer: 64 * MB,
      });
      if (child.status !== 0) {
        log(`${w.name} repetition ${k} failed (exit ${child.status ?? child.signal})`);
        process.exit(1);
      }
      const line = child.stdout.trim().split('\n').pop();
      const rep = JSON.parse(line);
      reps.push(rep);
      log(`${w.name} #${k}: median ${rep.tick.medianMs.toFixed(3)} ms/tick (p10 ${rep.tick.p10Ms.toFixed(3)}, p90 ${rep.tick.p90Ms.toFixed(3)}), `
        + `peak RSS ${rep.memory.peakRssMB} MB, heap growth ${rep.memory.heapGrowthMB} MB, ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const agg = aggregate(w, reps);
    if (!agg.deterministic) log(`WARNING: ${w.name} repetitions disagree on the final state (non-determinism?)`);
    results.push(agg);
  }

  const cpus = os.cpus();
  const { default: pkg } = await import(pathToFileURL(path.join(repoRoot, 'package.json')).href, { with: { type: 'json' } });
  const report = {
    date: new Date().toISOString(),
    packageVersion: pkg.version,
    repetitions: args.reps,
    durationSeconds: r1((Date.now() - started) / 1000),
    machine: {
      node: process.version,
      v8: process.versions.v8,
      platform: os.platform(),
      release: os.release(),
      arch: os.arch(),
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      totalMemoryGB: r1(os.totalmem() / 1024 ** 3),
    },
    workloads: results,
  };
  const md = markdown(report);
  if (args.write) {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(resultsDir, 'latest.md'), md);
    log(`wrote ${path.relative(repoRoot, path.join(resultsDir, 'latest.json'))} and latest.md`);
  }
  process.stdout.write(`${md}\n`);
  log(`done in ${report.durationSeconds} s`);
}

const args = parseArgs(process.argv.slice(2));
if (args.child !== null) {
  const result = await runChild(args.child);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await runParent(args);
}
