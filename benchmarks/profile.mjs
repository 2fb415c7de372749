#!/usr/bin/env node
// CPU profile of one workload: runs it under `node --cpu-prof` and prints the functions with the
// most self time (and inclusive time of the tick phases). Not part of `npm run bench`.
//
//   npm run build && node benchmarks/profile.mjs states-200 [--top 25] [--ticks 300]
//   npm run build && node benchmarks/profile.mjs states-200 --phases   (ms/tick of each tick phase)
//   node benchmarks/profile.mjs states-200 --dist benchmarks/results/tmp/dist-x   (another build)
//   npm run build && node benchmarks/profile.mjs states-200 --alloc    (bytes allocated per tick, by phase)
//
// --phases times each phase of the PHASES pipeline with createSimulation's `onPhase` callback,
// without the profiler's overhead.
//
// --alloc measures what each phase allocates on the JS heap per tick (the tick's hot path should
// allocate nothing): heapUsed before and after each phase, over 100 ticks after --ticks warm-up
// ticks (default 300), in a child with a young generation large enough that no collection runs in
// between. The probe's own allocation is measured and subtracted.
//
// The raw .cpuprofile is kept in benchmarks/results/tmp/ (git-ignored); open it in Chrome DevTools
// (Performance → Load profile) or speedscope for a flame graph.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const outDir = path.join(here, 'results', 'tmp');

const argv = process.argv.slice(2);
// --dist DIR: profile another build of the package (default dist/).
const distAt = argv.indexOf('--dist');
const distDir = distAt >= 0 ? path.resolve(argv.splice(distAt, 2)[1]) : path.join(repoRoot, 'dist');
if (argv[0] === '--child') {
  const [, name, ticksArg] = argv;
  const { resolveScenario, createSimulation } = await import(pathToFileURL(path.join(distDir, 'index.js')).href);
  const { workload } = await import(pathToFileURL(path.join(here, 'workloads', `${name}.mjs`)).href);
  const sim = createSimulation(resolveScenario(workload.scenario()), { seed: workload.runSeed, collectEvents: false });
  const ticks = Number(ticksArg) > 0 ? Number(ticksArg) : workload.ticks;
  for (let t = 0; t < ticks; t++) sim.step();
  process.exit(0);
}

if (argv.includes('--alloc')) {
  const name = argv[0];
  const k = argv.indexOf('--ticks');
  const warm = k >= 0 ? Number(argv[k + 1]) : 300;
  if (!process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
    const self = fileURLToPath(import.meta.url);
    const r = spawnSync(process.execPath, ['--max-semi-space-size=256', self, ...process.argv.slice(2), '--dist', distDir], { cwd: repoRoot, stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const { resolveScenario, createSimulation, PHASES } = await import(pathToFileURL(path.join(distDir, 'index.js')).href);
  const { workload } = await import(pathToFileURL(path.join(here, 'workloads', `${name}.mjs`)).href);
  const heap = () => process.memoryUsage().heapUsed;
  const bytes = PHASES.map(() => 0);
  const at = new Map(PHASES.map((p, idx) => [p.name, idx]));
  let counting = false;
  let last = 0;
  const onPhase = (phase) => {
    const h = heap();
    if (counting) bytes[at.get(phase)] += h - last;
    last = heap();
  };
  const sim = createSimulation(resolveScenario(workload.scenario()), { seed: workload.runSeed, collectEvents: false, onPhase });
  for (let t = 0; t < warm; t++) sim.advance();
  // The probe: what the timing callback costs around an empty phase (the engine's performance.now()
  // calls and the call itself), measured the way the phases are (subtracted from each phase).
  let probe = 0;
  for (let r = 0; r < 100; r++) {
    const before = heap();
    last = heap();
    const t0 = performance.now();
    onPhase('probe', performance.now() - t0);
    probe += heap() - before;
  }
  probe /= 100;
  const ticks = 100;
  let outside = 0;
  counting = true;
  for (let t = 0; t < ticks; t++) {
    const before = heap();
    last = heap();
    sim.advance();
    outside += heap() - before;
  }
  const phaseSum = bytes.reduce((a, b) => a + b, 0);
  process.stdout.write(`\nbytes allocated per tick by phase (${name}, ${ticks} ticks after ${warm}; probe ${probe.toFixed(0)} B subtracted):\n`);
  PHASES.forEach((phase, idx) => {
    process.stdout.write(`${Math.max(0, bytes[idx] / ticks - probe).toFixed(0).padStart(9)} B  ${phase.name} (step ${phase.step})\n`);
  });
  process.stdout.write(`${Math.max(0, (outside - phaseSum) / ticks - (PHASES.length + 1) * probe).toFixed(0).padStart(9)} B  outside the phases (advance: paths, events, draws)\n`);
  process.exit(0);
}

if (argv.includes('--phases')) {
  const name = argv[0];
  const { resolveScenario, createSimulation, PHASES } = await import(pathToFileURL(path.join(distDir, 'index.js')).href);
  const { workload } = await import(pathToFileURL(path.join(here, 'workloads', `${name}.mjs`)).href);
  const k = argv.indexOf('--ticks');
  const ticks = k >= 0 ? Number(argv[k + 1]) : workload.ticks;
  const spent = PHASES.map(() => 0);
  let counting = false;
  const onPhase = (name, ms) => { if (counting) spent[PHASES.findIndex((p) => p.name === name)] += ms; };
  const sim = createSimulation(resolveScenario(workload.scenario()), { seed: workload.runSeed, collectEvents: false, onPhase });
  const warm = Math.min(workload.warmup, ticks - 1);
  for (let t = 0; t < warm; t++) sim.step();
  counting = true;
  const t0 = process.hrtime.bigint();
  for (let t = warm; t < ticks; t++) sim.step();
  const total = Number(process.hrtime.bigint() - t0) / 1e6;
  const measured = ticks - warm;
  process.stdout.write(`\nms/tick by phase (${name}, ${measured} ticks after ${warm} warm-up; step() total ${(total / measured).toFixed(3)} ms/tick):\n`);
  PHASES.forEach((phase, idx) => {
    const ms = spent[idx] / measured;
    process.stdout.write(`${ms.toFixed(3).padStart(9)} ms ${((100 * ms * measured) / total).toFixed(1).padStart(5)}%  ${phase.name} (step ${phase.step})\n`);
  });
  process.exit(0);
}

const name = argv[0];
if (name === undefined || name.startsWith('-')) {
  process.stderr.write('usage: node benchmarks/profile.mjs <workload> [--top N] [--ticks N] [--phases] [--alloc] [--dist DIR]\n');
  process.exit(1);
}
const opt = (flag, dflt) => {
  const k = argv.indexOf(flag);
  return k >= 0 ? Number(argv[k + 1]) : dflt;
};
const top = opt('--top', 25);
const ticks = opt('--ticks', 0);

const profDir = path.join(outDir, `profile-${name}`);
rmSync(profDir, { recursive: true, force: true });
mkdirSync(profDir, { recursive: true });
const self = fileURLToPath(import.meta.url);
process.stderr.write(`[profile] running ${name} under --cpu-prof …\n`);
const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, self, '--child', name, String(ticks), '--dist', distDir], {
  cwd: repoRoot, stdio: 'inherit',
});
if (child.status !== 0) process.exit(child.status ?? 1);
const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(path.join(profDir, file), 'utf8'));

// Self time per node from the sample stream (timeDeltas are in µs).
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
for (let k = 0; k < profile.samples.length; k++) {
  const id = profile.samples[k];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0));
}
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const keyOf = (n) => {
  const cf = n.callFrame;
  const file = cf.url ? path.relative(repoRoot, fileURLToPath(cf.url.startsWith('file:') ? cf.url : pathToFileURL(cf.url))) : '';
  return `${cf.functionName || '(anonymous)'}  ${file}${file ? `:${cf.lineNumber + 1}` : ''}`;
};
const selfBy = new Map();
const totalBy = new Map();
let totalUs = 0;
for (const [id, us] of selfUs) {
  totalUs += us;
  const n = byId.get(id);
  const k = keyOf(n);
  selfBy.set(k, (selfBy.get(k) ?? 0) + us);
  // inclusive: credit each distinct function once per sample stack
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const kk = keyOf(byId.get(cur));
    if (seen.has(kk)) continue;
    seen.add(kk);
    totalBy.set(kk, (totalBy.get(kk) ?? 0) + us);
  }
}
const pct = (us) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
process.stdout.write(`\nTop ${top} functions by self time (${name}, total ${(totalUs / 1e6).toFixed(2)} s sampled; profile in ${path.relative(repoRoot, profDir)}):\n`);
for (const [k, us] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${ms(us)} ${pct(us)}  ${k}\n`);
process.stdout.write('\nInclusive time of the tick phases:\n');
const phaseRe = /^(\w+Phase|step|advance|record) /;
for (const [k, us] of [...totalBy].filter(([k]) => phaseRe.test(k)).sort((a, b) => b[1] - a[1])) {
  process.stdout.write(`${ms(us)} ${pct(us)}  ${k}\n`);
}

// Hot source lines (from the profile's per-line ticks), mapped back to src/ through dist's source maps.
const maps = new Map();
const mapFor = (url) => {
  if (!maps.has(url)) {
    let m = null;
    try {
      const file = fileURLToPath(url);
      if (existsSync(`${file}.map`)) m = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch { m = null; }
    maps.set(url, m);
  }
  return maps.get(url);
};
const lineTicks = new Map();
let allTicks = 0;
for (const n of profile.nodes) {
  for (const pt of n.positionTicks ?? []) {
    allTicks += pt.ticks;
    const url = n.callFrame.url;
    if (!url.startsWith(pathToFileURL(distDir).href)) continue;
    const map = mapFor(url);
    const entry = map?.findEntry(pt.line - 1, 0);
    const where = entry?.originalSource
      ? `${path.relative(repoRoot, fileURLToPath(new URL(entry.originalSource, url)))}:${entry.originalLine + 1}`
      : `${path.relative(repoRoot, fileURLToPath(url))}:${pt.line}`;
    const k = `${where}  (${n.callFrame.functionName || '(anonymous)'})`;
    lineTicks.set(k, (lineTicks.get(k) ?? 0) + pt.ticks);
  }
}
if (allTicks > 0) {
  process.stdout.write(`\nHot source lines (share of line-attributed samples):\n`);
  for (const [k, t] of [...lineTicks].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((100 * t) / allTicks).toFixed(1).padStart(5)}%  ${k}\n`);
  }
}
