#!/usr/bin/env node
// Engine against the limit: time per tick of the engine and of the hand-written kernel
// (benchmarks/kernel/kernel.mjs, dense and fused variants) on the same world, in the same process,
// in alternating blocks of ticks. Before timing, the kernel is checked to reproduce the engine's
// tick 0 exactly (main threats, every probability bit for bit, actions) from the same uniforms.
//
//   node benchmarks/kernel.mjs [--workload states-1000] [--ticks 60] [--block 5] [--dist DIR] [--json]
//
// Part of `npm run bench` (the suite "kernel"); standalone it prints a summary (or JSON with --json).

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createKernel } from './kernel/kernel.mjs';
import { mulberry32 } from './lib/generateWorld.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const a = { workload: 'states-1000', ticks: 60, block: 5, dist: path.join(here, '..', 'dist'), json: false };
  for (let k = 0; k < argv.length; k++) {
    const x = argv[k];
    if (x === '--workload') a.workload = argv[++k];
    else if (x === '--ticks') a.ticks = Number(argv[++k]);
    else if (x === '--block') a.block = Number(argv[++k]);
    else if (x === '--dist') a.dist = path.resolve(argv[++k]);
    else if (x === '--json') a.json = true;
    else throw new Error(`unknown argument ${x}`);
  }
  return a;
}

/** The kernel's input: copies of a fresh engine world's arrays (canonical order), nothing else. */
function kernelInput(w, params) {
  const copy = (a) => a.slice();
  return {
    n: w.n, mil: copy(w.mil), eco: copy(w.eco), pop: copy(w.pop), major: copy(w.major), proximity: copy(w.proximity),
    ahat: copy(w.ahat), off: copy(w.off), nuc: copy(w.nuc), ideo: copy(w.ideo), trade: copy(w.trade), ally: copy(w.ally),
    idHash: copy(w.idHash), member: w.member.slice(0, w.instSlots * w.n), strength: w.instStrength.slice(0, w.instSlots),
    alive: w.instAlive.slice(0, w.instSlots), slots: w.instSlots, theta: w.theta, nu: w.nu, lambda: w.lambda, params: { ...params },
  };
}

const median = (xs) => { const s = Float64Array.from(xs).sort(); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

export async function measureKernel({ workload: name, ticks, block, dist }) {
  const lib = await import(pathToFileURL(path.join(dist, 'index.js')).href);
  const { workload } = await import(pathToFileURL(path.join(here, 'workloads', `${name}.mjs`)).href);
  const scenario = lib.resolveScenario(workload.scenario());
  const sim = lib.createSimulation(scenario, { seed: workload.runSeed, collectEvents: false });
  const { world: w0 } = sim.internals;
  const input = kernelInput(w0, scenario.parameters);
  const dense = createKernel(input);
  const fused = createKernel(input);

  // Exactness: tick 0 of the engine and of both kernels from the engine's own uniforms.
  sim.step();
  const { scratch: s } = sim.internals;
  const draws = s.draws.slice();
  const check = {};
  for (const [label, k, isDense] of [['dense', dense, true], ['fused', fused, false]]) {
    k.tick(draws, 5, isDense);
    let targets = 0;
    let probs = 0;
    let actions = 0;
    for (let i = 0; i < k.n; i++) {
      if (k.target[i] !== s.target[i]) targets++;
      if (k.action[i] !== s.action[i]) actions++;
      for (let a = 0; a < 9; a++) if (!Object.is(k.prob[i * 9 + a], s.prob[i * 9 + a])) probs++;
    }
    check[label] = { identical: targets + probs + actions === 0, targetsDiffering: targets, probabilitiesDiffering: probs, actionsDiffering: actions };
  }

  // Timing: alternating blocks (engine, dense kernel, fused kernel) so that changes in machine load
  // hit all three alike. The kernels draw fresh uniforms every tick from a local PRNG.
  const rand = mulberry32(12345);
  const kd = new Float64Array(s.draws.length);
  const fresh = () => { for (let k = 0; k < kd.length; k++) kd[k] = rand(); };
  const warm = Math.min(workload.warmup, 10);
  for (let t = 0; t < warm; t++) { sim.step(); fresh(); dense.tick(kd, 5, true); fresh(); fused.tick(kd, 5, false); }
  // Wall time per tick, and the process's CPU time per tick (from each block's total), which other
  // processes on the machine inflate less.
  const times = { engine: [], dense: [], fused: [] };
  const cpu = { engine: [], dense: [], fused: [] };
  const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
  const timeBlock = (key, once) => {
    const c0 = cpuMs();
    for (let t = 0; t < block; t++) { const a = process.hrtime.bigint(); once(); times[key].push(Number(process.hrtime.bigint() - a) / 1e6); }
    cpu[key].push((cpuMs() - c0) / block);
  };
  for (let done = 0; done < ticks; done += block) {
    timeBlock('engine', () => sim.step());
    timeBlock('dense', () => { fresh(); dense.tick(kd, 5, true); });
    timeBlock('fused', () => { fresh(); fused.tick(kd, 5, false); });
  }
  const m = { engine: median(times.engine), kernelDense: median(times.dense), kernelFused: median(times.fused) };
  const c = { engine: median(cpu.engine), kernelDense: median(cpu.dense), kernelFused: median(cpu.fused) };
  return {
    workload: name, states: scenario.states.length, ticks, block,
    exactAtTick0: check,
    msPerTick: m,
    cpuMsPerTick: c,
    ratio: { engineToDense: m.engine / m.kernelDense, engineToFused: m.engine / m.kernelFused },
    cpuRatio: { engineToDense: c.engine / c.kernelDense, engineToFused: c.engine / c.kernelFused },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const r = await measureKernel(args);
  if (args.json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else {
    process.stdout.write(`${r.workload} (${r.states} states), ${r.ticks} ticks in blocks of ${r.block}:\n`);
    process.stdout.write(`  tick 0 reproduced exactly: dense ${JSON.stringify(r.exactAtTick0.dense)}, fused ${JSON.stringify(r.exactAtTick0.fused)}\n`);
    process.stdout.write(`  wall ms/tick: engine ${r.msPerTick.engine.toFixed(3)}, kernel dense ${r.msPerTick.kernelDense.toFixed(3)}, fused ${r.msPerTick.kernelFused.toFixed(3)}\n`);
    process.stdout.write(`  CPU ms/tick:  engine ${r.cpuMsPerTick.engine.toFixed(3)}, kernel dense ${r.cpuMsPerTick.kernelDense.toFixed(3)}, fused ${r.cpuMsPerTick.kernelFused.toFixed(3)}\n`);
    process.stdout.write(`  engine/kernel (CPU): ${r.cpuRatio.engineToDense.toFixed(2)} (dense), ${r.cpuRatio.engineToFused.toFixed(2)} (fused); wall ${r.ratio.engineToDense.toFixed(2)}, ${r.ratio.engineToFused.toFixed(2)}\n`);
  }
}
