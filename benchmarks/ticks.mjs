#!/usr/bin/env node
// CPU time of every tick of one workload, in one process: the median and mean over the measured
// ticks, the ticks that cost more than four times the median (the world's rebuilds when states
// enter or leave, model note N43, and the first ticks), and the median of each tenth of the run.
// Not part of `npm run bench`.
//
//   npm run build && node benchmarks/ticks.mjs paths-1000 [--dist DIR]
//
// CPU time is the process's (process.cpuUsage: every thread, so V8's background compilation and GC
// count too), which preemption by other processes does not inflate.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const distAt = argv.indexOf('--dist');
const distDir = distAt >= 0 ? path.resolve(argv.splice(distAt, 2)[1]) : path.join(here, '..', 'dist');
const name = argv[0];
if (name === undefined) {
  process.stderr.write('usage: node benchmarks/ticks.mjs <workload> [--dist DIR]\n');
  process.exit(1);
}
const { resolveScenario, createSimulation } = await import(pathToFileURL(path.join(distDir, 'index.js')).href);
const { workload } = await import(pathToFileURL(path.join(here, 'workloads', `${name}.mjs`)).href);
const sim = createSimulation(resolveScenario(workload.scenario()), { seed: workload.runSeed, collectEvents: false });
const cpu = [];
for (let t = 0; t < workload.ticks; t++) {
  const c0 = process.cpuUsage();
  sim.step();
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const medianOf = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[s.length >> 1]; };
const measured = cpu.slice(workload.warmup);
const median = medianOf(measured);
const mean = measured.reduce((a, b) => a + b, 0) / measured.length;
const costly = cpu.flatMap((v, t) => (v > 4 * median ? [`${t}: ${v.toFixed(1)}`] : []));
const tenth = Math.ceil(cpu.length / 10);
const tenths = [];
for (let k = 0; k < cpu.length; k += tenth) tenths.push(medianOf(cpu.slice(k, k + tenth)).toFixed(2));
process.stdout.write(`${name}: CPU ms/tick median ${median.toFixed(3)}, mean ${mean.toFixed(3)} (ticks ${workload.warmup}–${workload.ticks - 1})\n`
  + `  ticks over 4× the median (tick: ms): ${costly.join(', ')}\n  median of each tenth: ${tenths.join(' ')}\n`);
