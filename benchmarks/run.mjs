#!/usr/bin/env node
// Benchmark suite of counterpoise (`npm run bench`). Measures the BUILT package: a snapshot of
// dist/ taken at the start (benchmarks/results/tmp/, so that a rebuild during the run changes
// nothing), each measurement in a fresh child process. Suites:
//
//   scaling  ms/tick and peak memory at 10, 50, 200, 1,000 and 5,000 states (workloads/), the
//            fitted growth exponent of cost in the number of states
//   kernel   the engine against the hand-written kernel of the same arithmetic (kernel.mjs)
//   peer     the v2 reference model written with flocc (peers/flocc/model.mjs): statistical
//            equivalence of the action shares and speed (peer.mjs)
//   runs     `counterpoise run <scenario>` for every bundled scenario, start-up included (runs.mjs)
//   sweep    runSweep throughput at 1 and 2 workers (sweep.mjs --only throughput)
//   stream   100,000 ticks streamed to a file with memory sampled (stream.mjs)
//
//   node benchmarks/run.mjs                          every suite (about 10 minutes on 2 cores)
//   node benchmarks/run.mjs --suite scaling,kernel   some suites
//   node benchmarks/run.mjs --reps 5                 repetitions of scaling and kernel (default 3)
//   node benchmarks/run.mjs --only states-200        scaling: one workload (repeatable)
//   node benchmarks/run.mjs --no-write               print, leave benchmarks/results/ alone
//   node benchmarks/run.mjs --dist DIR               measure another build (default dist/)
//
// Results: benchmarks/results/latest.json (everything, raw repetitions included) and latest.md
// (the tables). Targets are reported, never asserted: this script exits 0 whatever the numbers
// are (non-zero only if a measurement crashes).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineReference } from './lib/machineReference.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const workloadDir = path.join(here, 'workloads');
const resultsDir = path.join(here, 'results');
const SUITES = ['scaling', 'kernel', 'peer', 'runs', 'sweep', 'stream'];

/** Memory samples per run (each preceded by a forced GC, outside the timed region). */
const MEMORY_SAMPLES = 40;

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

function parseArgs(argv) {
  const args = { child: null, reps: 3, only: [], write: true, suites: SUITES, dist: path.join(repoRoot, 'dist') };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--child') args.child = argv[++k];
    else if (a === '--reps') args.reps = Number(argv[++k]);
    else if (a === '--only') args.only.push(argv[++k]);
    else if (a === '--suite') args.suites = argv[++k].split(',').map((x) => x.trim());
    else if (a === '--dist') args.dist = path.resolve(argv[++k]);
    else if (a === '--no-write') args.write = false;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`usage: node benchmarks/run.mjs [--suite ${SUITES.join(',')}] [--reps N] [--only WORKLOAD]... [--dist DIR] [--no-write]\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!(Number.isInteger(args.reps) && args.reps >= 1)) throw new Error('--reps must be a whole number ≥ 1');
  for (const s of args.suites) if (!SUITES.includes(s)) throw new Error(`unknown suite "${s}" (have: ${SUITES.join(', ')})`);
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

async function runChild(name, dist) {
  if (typeof global.gc !== 'function') throw new Error('child must run with --expose-gc');
  const gc = global.gc;
  const { resolveScenario, createSimulation } = await import(pathToFileURL(path.join(dist, 'index.js')).href);
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
  const tickCpuMs = new Float64Array(total); // CPU time of the process: what other processes do not inflate
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

  // The machine's speed right before and right after the timed ticks (lib/machineReference.mjs).
  const referenceBefore = machineReference();
  gc();
  const baseline = process.memoryUsage();
  const progressEvery = Math.max(1, Math.floor(total / 5));
  const wall0 = process.hrtime.bigint();
  for (let t = 0; t < total; t++) {
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    last = sim.step();
    tickMs[t] = Number(process.hrtime.bigint() - start) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    tickCpuMs[t] = (cpu.user + cpu.system) / 1000;
    sink += last.alliances;
    if ((t + 1) % every === 0 || t === total - 1) sample(t + 1);
    if ((t + 1) % progressEvery === 0 && t + 1 < total) log(`  ${name}: tick ${t + 1}/${total}`);
  }
  const wallMs = Number(process.hrtime.bigint() - wall0) / 1e6;
  const referenceAfter = machineReference();

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
      cpuMedianMs: r3(median(Array.from(tickCpuMs.subarray(warmup)))),
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
    machine: {
      referenceBeforeNs: r3(referenceBefore.nsPerEntry),
      referenceAfterNs: r3(referenceAfter.nsPerEntry),
      referenceNs: r3((referenceBefore.nsPerEntry + referenceAfter.nsPerEntry) / 2),
    },
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
    meetsTarget: workload.targetMsPerTick === null ? null : med.median <= workload.targetMsPerTick,
    msPerTick: {
      median: med, cpuMedian: pick((r) => r.tick.cpuMedianMs), p10: pick((r) => r.tick.p10Ms), p90: pick((r) => r.tick.p90Ms), mean: pick((r) => r.tick.meanMs),
      firstTick: pick((r) => r.tick.firstTickMs),
      medianFirstQuarter: pick((r) => r.tick.medianFirstQuarterMs),
      medianLastQuarter: pick((r) => r.tick.medianLastQuarterMs),
    },
    setupMs: { resolve: pick((r) => r.setup.resolveMs), create: pick((r) => r.setup.createMs) },
    wallMs: pick((r) => r.wallMs),
    machineReferenceNs: pick((r) => r.machine.referenceNs),
    peakRssMB: pick((r) => r.memory.peakRssMB),
    heapGrowthMB: pick((r) => r.memory.heapGrowthMB),
    heapGrowthPct: pick((r) => r.memory.heapGrowthPct),
    externalGrowthMB: pick((r) => r.memory.externalGrowthMB),
    deterministic: reps.every((r) => r.final.checksum === reps[0].final.checksum),
    runs: reps,
  };
}

/** Least-squares slope of log(y) on log(x): the growth exponent of cost in n. */
function exponent(points) {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.y));
  const mx = mean(xs);
  const my = mean(ys);
  const b = xs.reduce((s, x, k) => s + (x - mx) * (ys[k] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return r3(b);
}

function fmtSpread(s, digits = 3) {
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

function childJson(args, label) {
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * MB });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal})`);
  const text = r.stdout.trim();
  try { return JSON.parse(text); } catch { return JSON.parse(text.split('\n').pop()); }
}

function listWorkloads() {
  return readdirSync(workloadDir).filter((f) => f.endsWith('.mjs') && !f.startsWith('_')).map((f) => f.slice(0, -4));
}

async function scalingSuite(args, dist) {
  const available = listWorkloads();
  const names = args.only.length > 0 ? args.only : available;
  for (const n of names) if (!available.includes(n)) throw new Error(`unknown workload "${n}" (have: ${available.join(', ')})`);
  const workloads = [];
  for (const n of names) workloads.push((await import(pathToFileURL(path.join(workloadDir, `${n}.mjs`)).href)).workload);
  workloads.sort((a, b) => a.states - b.states || a.name.localeCompare(b.name));
  const self = fileURLToPath(import.meta.url);
  const results = [];
  for (const w of workloads) {
    log(`scaling ${w.name}: ${w.description}, ${args.reps} repetition(s)`);
    const reps = [];
    for (let k = 1; k <= args.reps; k++) {
      const t = Date.now();
      const rep = childJson(['--expose-gc', self, '--child', w.name, '--dist', dist], `${w.name} repetition ${k}`);
      reps.push(rep);
      log(`  ${w.name} #${k}: median ${rep.tick.medianMs.toFixed(3)} ms/tick (CPU ${rep.tick.cpuMedianMs.toFixed(3)}), machine reference ${rep.machine.referenceBeforeNs.toFixed(2)}/${rep.machine.referenceAfterNs.toFixed(2)} ns/entry, peak RSS ${rep.memory.peakRssMB} MB, ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const agg = aggregate(w, reps);
    if (!agg.deterministic) log(`WARNING: ${w.name} repetitions disagree on the final state (non-determinism?)`);
    results.push(agg);
  }
  // The growth in n is fitted on the plain series (states-N): the paths-N workloads have the same n
  // and more work per tick. Without two plain sizes, one workload per size.
  const plain = results.filter((r) => r.workload.startsWith('states-'));
  const series = plain.length >= 2 ? plain : results.filter((r, k) => results.findIndex((q) => q.states === r.states) === k);
  const points = series.map((r) => ({ n: r.states, y: r.msPerTick.cpuMedian.median }));
  const fit = points.length >= 2 ? {
    workloads: series.map((r) => r.workload),
    exponent: exponent(points),
    exponentWall: exponent(series.map((r) => ({ n: r.states, y: r.msPerTick.median.median }))),
    local: points.slice(1).map((p, k) => ({ from: points[k].n, to: p.n, exponent: r3(Math.log(p.y / points[k].y) / Math.log(p.n / points[k].n)) })),
  } : null;
  return { workloads: results, fit };
}

function scalingMarkdown(s) {
  const lines = ['## Scaling', '', 'Median over repetitions, the range (min–max over repetitions) in brackets; per-tick figures over the ticks after the warm-up. **CPU ms/tick** is the process\'s CPU time per tick, which other processes on the machine inflate less than wall time. **Machine ns/entry** is a fixed reference computation (benchmarks/lib/machineReference.mjs: the engine\'s kind of arithmetic on a 200 × 200 matrix, without the engine) timed in the same process right before and after the workload, the mean of the two: it shows how fast the machine was during the measurement (benchmarks/README.md gives its usual value on the machine the project measures on) and adjusts nothing.', ''];
  lines.push('| workload | ticks (warm-up) | median ms/tick | CPU ms/tick | p90 ms/tick | target | machine ns/entry | peak RSS MB | heap growth Q1→Q4 MB | create ms |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const w of s.workloads) {
    const target = w.targetMsPerTick === null ? '—' : `≤ ${w.targetMsPerTick} ms ${w.meetsTarget ? '✅ met' : '❌ missed'}`;
    lines.push(`| ${w.description} | ${w.ticks} (${w.warmupTicks}) | ${fmtSpread(w.msPerTick.median)} | ${fmtSpread(w.msPerTick.cpuMedian)} | ${fmtSpread(w.msPerTick.p90)} | ${target} | ${fmtSpread(w.machineReferenceNs, 2)} | ${fmtSpread(w.peakRssMB, 1)} | ${w.heapGrowthMB.median.toFixed(3)} | ${w.setupMs.create.median.toFixed(0)} |`);
  }
  if (s.fit !== null) {
    lines.push('', `Fitted growth exponent of CPU time per tick in the number of states (least squares on log–log, over ${s.fit.workloads.join(', ')}): **${s.fit.exponent}** (wall time: ${s.fit.exponentWall}); between consecutive sizes: ${s.fit.local.map((l) => `${l.from}→${l.to}: ${l.exponent}`).join(', ')}.`);
  }
  return lines;
}

async function kernelSuite(args, dist) {
  const out = [];
  for (const [workload, ticks, block] of [['states-1000', 60, 5], ['states-200', 600, 30]]) {
    const reps = [];
    for (let k = 1; k <= args.reps; k++) {
      const r = childJson([path.join(here, 'kernel.mjs'), '--json', '--workload', workload, '--ticks', String(ticks), '--block', String(block), '--dist', dist], `kernel ${workload}`);
      reps.push(r);
      log(`kernel ${workload} #${k}: engine ${r.msPerTick.engine.toFixed(3)} (CPU ${r.cpuMsPerTick.engine.toFixed(3)}) ms/tick, dense kernel ${r.msPerTick.kernelDense.toFixed(3)} (${r.cpuMsPerTick.kernelDense.toFixed(3)}), fused ${r.msPerTick.kernelFused.toFixed(3)} (${r.cpuMsPerTick.kernelFused.toFixed(3)}); exact at tick 0: ${r.exactAtTick0.dense.identical && r.exactAtTick0.fused.identical}`);
    }
    const pick = (f) => spread(reps.map(f));
    out.push({
      workload, states: reps[0].states, ticks, repetitions: reps.length,
      exactAtTick0: reps.every((r) => r.exactAtTick0.dense.identical && r.exactAtTick0.fused.identical),
      msPerTick: { engine: pick((r) => r.msPerTick.engine), kernelDense: pick((r) => r.msPerTick.kernelDense), kernelFused: pick((r) => r.msPerTick.kernelFused) },
      cpuMsPerTick: { engine: pick((r) => r.cpuMsPerTick.engine), kernelDense: pick((r) => r.cpuMsPerTick.kernelDense), kernelFused: pick((r) => r.cpuMsPerTick.kernelFused) },
      ratio: { engineToDense: pick((r) => r.cpuRatio.engineToDense), engineToFused: pick((r) => r.cpuRatio.engineToFused), wallEngineToDense: pick((r) => r.ratio.engineToDense) },
      runs: reps,
    });
  }
  return out;
}

function kernelMarkdown(k) {
  const lines = ['## The limit: engine against the hand-written kernel', '', 'Same world, same process, alternating blocks of ticks; CPU ms per tick (median over the ticks, then over repetitions; range over repetitions). The kernel reproduces the engine\'s tick 0 bit for bit before it is timed. Target: engine/kernel ≤ 1.5 at 1,000 states.', ''];
  lines.push('| workload | exact at tick 0 | engine | kernel, dense | kernel, fused | engine / dense kernel | engine / fused kernel |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of k) {
    lines.push(`| ${r.workload} | ${r.exactAtTick0 ? 'yes' : '**no**'} | ${fmtSpread(r.cpuMsPerTick.engine)} | ${fmtSpread(r.cpuMsPerTick.kernelDense)} | ${fmtSpread(r.cpuMsPerTick.kernelFused)} | **${fmtSpread(r.ratio.engineToDense, 2)}** | ${fmtSpread(r.ratio.engineToFused, 2)} |`);
  }
  return lines;
}

function peerMarkdown(p) {
  const lines = ['## A peer: the same (v2) model in flocc', ''];
  for (const e of p.equivalence) {
    lines.push(`**${e.scenario}** (${e.states} states), ${e.seeds} seeds × first ${e.ticks} ticks: ${e.equivalent ? 'no significant difference' : '**significant difference**'} — ${e.test}; smallest p = ${e.minP.toExponential(2)} against the per-option level ${e.perOptionAlpha.toExponential(2)}; largest |Δ share| = ${e.maxAbsDifference.toFixed(4)}.`, '');
    lines.push('| option | engine share | flocc share | t | p |', '|---|---|---|---|---|');
    for (const o of e.perOption) lines.push(`| ${o.option} | ${o.engineMean.toFixed(4)} | ${o.floccMean.toFixed(4)} | ${o.t.toFixed(2)} | ${o.p.toFixed(3)} |`);
    lines.push('');
  }
  lines.push('| case | engine CPU ms/tick | flocc CPU ms/tick | counterpoise faster by |', '|---|---|---|---|');
  for (const s of p.speed) lines.push(`| ${s.case} (${s.states} states) | ${s.engineMsPerTick.toFixed(3)} | ${s.floccMsPerTick.toFixed(3)} | **${s.speedup.toFixed(1)}×** |`);
  return lines;
}

function runsMarkdown(r) {
  const lines = ['## Whole runs from the command line', '', `\`${r.command}\`, start-up included, timed with ${r.tool}; median (min–max) of the runs. concert-of-europe is the cold start of the issue (target < 1 s).`, ''];
  lines.push('| scenario | median ms | min–max ms |', '|---|---|---|');
  for (const x of r.results) lines.push(`| ${x.scenario} | ${x.medianMs.toFixed(0)} | ${x.minMs.toFixed(0)}–${x.maxMs.toFixed(0)} |`);
  return lines;
}

function sweepMarkdown(s) {
  const lines = ['## Sweeps', '', 'From `benchmarks/sweep.mjs --only throughput` (see the section Sweeps of benchmarks/README.md): steady runs per second of `runSweep` at 1 and 2 worker threads, medians of its repetitions.', ''];
  lines.push('| workload | 1 worker runs/s | 2 workers runs/s | speed-up | end to end 1 → 2 runs/s |', '|---|---|---|---|---|');
  const t = s.throughput ?? {};
  const kinds = t.runsPerSecond !== undefined ? { default: t } : t;
  for (const [kind, x] of Object.entries(kinds)) {
    if (x === null || typeof x !== 'object' || x.runsPerSecond === undefined) continue;
    lines.push(`| ${kind}: ${x.workload} | ${x.runsPerSecond[1]} | ${x.runsPerSecond[2]} | ${x.speedup} | ${x.endToEndRunsPerSecond[1]} → ${x.endToEndRunsPerSecond[2]} |`);
  }
  return lines;
}

function streamMarkdown(s) {
  return ['## A long run, streamed', '', `${s.ticks.toLocaleString('en')} ticks of ${s.scenario} (${s.states} states), each record written to an NDJSON file as it is made (${s.fileMB.toFixed(1)} MB): ${(s.wallMs / 1000).toFixed(1)} s, ${s.usPerTick.toFixed(1)} µs/tick. Heap after GC ${s.heapFirstQuarterMB.toFixed(2)} MB in the first quarter of the run, ${s.heapLastQuarterMB.toFixed(2)} MB in the last; RSS ${s.rssFirstQuarterMB.toFixed(0)} → ${s.rssLastQuarterMB.toFixed(0)} MB; peak RSS ${s.peakRssMB.toFixed(0)} MB.`];
}

function markdown(report) {
  const m = report.machine;
  const lines = ['# counterpoise benchmark results', ''];
  lines.push(`- date: ${report.date}; ${report.durationSeconds} s`);
  lines.push(`- package: counterpoise ${report.packageVersion} (a snapshot of dist/, built)`);
  lines.push(`- node ${m.node} (V8 ${m.v8}), ${m.platform} ${m.release} ${m.arch}`);
  lines.push(`- CPU: ${m.cpu} × ${m.cores} cores; memory ${m.totalMemoryGB} GB; load average at start ${m.loadAverageStart.join(' / ')}, at end ${m.loadAverageEnd.join(' / ')}`);
  lines.push(`- repetitions: ${report.repetitions} (scaling and kernel), each in a fresh process`, '');
  const s = report.suites;
  if (s.scaling) lines.push(...scalingMarkdown(s.scaling), '');
  if (s.kernel) lines.push(...kernelMarkdown(s.kernel), '');
  if (s.peer) lines.push(...peerMarkdown(s.peer), '');
  if (s.runs) lines.push(...runsMarkdown(s.runs), '');
  if (s.sweep) lines.push(...sweepMarkdown(s.sweep), '');
  if (s.stream) lines.push(...streamMarkdown(s.stream), '');
  return lines.join('\n');
}

async function runParent(args) {
  if (!existsSync(path.join(args.dist, 'index.js'))) {
    log(`missing ${path.relative(repoRoot, args.dist)}/index.js — run \`npm run build\` first (or use \`npm run bench\`)`);
    process.exit(1);
  }
  const snapshot = path.join(resultsDir, 'tmp', `bench-dist-${process.pid}`);
  cpSync(args.dist, snapshot, { recursive: true });
  const started = Date.now();
  const loadAverageStart = os.loadavg().map(r1);
  const suites = {};
  try {
    if (args.suites.includes('scaling')) suites.scaling = await scalingSuite(args, snapshot);
    if (args.suites.includes('kernel')) suites.kernel = await kernelSuite(args, snapshot);
    if (args.suites.includes('peer')) {
      log('peer: flocc — equivalence (200 seeds × 40 ticks per scenario) and speed');
      suites.peer = childJson(['--expose-gc', path.join(here, 'peer.mjs'), '--json', '--dist', snapshot], 'peer');
      for (const e of suites.peer.equivalence) log(`  ${e.scenario}: ${e.equivalent ? 'equivalent' : 'DIFFERENT'} (smallest p ${e.minP.toExponential(2)})`);
      for (const x of suites.peer.speed) log(`  ${x.case}: ${x.speedup.toFixed(1)}× faster than flocc`);
    }
    if (args.suites.includes('runs')) {
      log('runs: counterpoise run <scenario> for every bundled scenario');
      suites.runs = childJson([path.join(here, 'runs.mjs'), '--json', '--runs', '5', '--dist', snapshot], 'runs');
      for (const x of suites.runs.results) log(`  ${x.scenario}: ${x.medianMs.toFixed(0)} ms`);
    }
    if (args.suites.includes('sweep')) {
      log('sweep: runSweep throughput at 1 and 2 workers (benchmarks/sweep.mjs --only throughput)');
      suites.sweep = childJson([path.join(here, 'sweep.mjs'), '--only', 'throughput', '--reps', String(args.reps), '--no-write', '--dist', snapshot], 'sweep');
    }
    if (args.suites.includes('stream')) {
      log('stream: 100,000 ticks streamed to a file');
      suites.stream = childJson(['--expose-gc', path.join(here, 'stream.mjs'), '--json', '--dist', snapshot], 'stream');
      log(`  heap ${suites.stream.heapFirstQuarterMB.toFixed(2)} → ${suites.stream.heapLastQuarterMB.toFixed(2)} MB`);
    }
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }

  const cpus = os.cpus();
  const { default: pkg } = await import(pathToFileURL(path.join(repoRoot, 'package.json')).href, { with: { type: 'json' } });
  const report = {
    date: new Date().toISOString(),
    packageVersion: pkg.version,
    repetitions: args.reps,
    durationSeconds: r1((Date.now() - started) / 1000),
    machine: {
      node: process.version, v8: process.versions.v8, platform: os.platform(), release: os.release(), arch: os.arch(),
      cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, totalMemoryGB: r1(os.totalmem() / 1024 ** 3),
      loadAverageStart, loadAverageEnd: os.loadavg().map(r1),
    },
    suites,
  };
  const md = markdown(report);
  if (args.write) {
    mkdirSync(resultsDir, { recursive: true });
    const partial = args.suites.length < SUITES.length || args.only.length > 0;
    const base = partial ? `latest-${args.suites.join('-')}` : 'latest';
    writeFileSync(path.join(resultsDir, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(resultsDir, `${base}.md`), md);
    log(`wrote benchmarks/results/${base}.json and ${base}.md`);
  }
  process.stdout.write(`${md}\n`);
  log(`done in ${report.durationSeconds} s`);
}

const args = parseArgs(process.argv.slice(2));
if (args.child !== null) {
  const result = await runChild(args.child, args.dist);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await runParent(args);
}
