#!/usr/bin/env node
// counterpoise against a peer: the reference model written with flocc
// (benchmarks/peers/flocc/model.mjs), on the same resolved scenarios. The peer implements the v2
// model of docs/model.md (since 2026-12-07; it was the v1 model of 2026-11-22 before): beliefs with
// memory, power shifts, time in years, alliances that lapse, capability paths, statuses,
// applications and accession votes — every mechanism that acts in the two scenarios below; its
// header lists what it leaves out (inert here) and why. Fed the engine's own uniforms it follows
// the engine action for action; with flocc's PRNG it must match it statistically, which part 1 tests.
//
//  1. Equivalence: per-option action shares of the first --ticks ticks over --seeds seeds, engine
//     against flocc, on concert-of-europe and multipolar-2020s. The unit is a run (one seed): its
//     share of each option over all states and ticks; runs are independent, decisions within a run
//     are not, so the test is Welch's two-sample t-test per option on the per-run shares, with a
//     Bonferroni correction over the options that occur (family-wise α = 0.01 per scenario).
//  2. Speed: both models side by side in this process, in alternating blocks of ticks, on the two
//     scenarios and on the synthetic 200-state workload; ms per tick (CPU time) and the ratio.
//
//   node --expose-gc benchmarks/peer.mjs [--part equivalence|speed] [--seeds 200] [--ticks 40] [--dist DIR] [--json]

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFloccModel } from './peers/flocc/model.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const OPTIONS = ['NONE', 'BAND', 'HI', 'HE', 'SE', 'SS', 'SL', 'II', 'IE'];
const ALPHA = 0.01;

function parseArgs(argv) {
  const a = { part: null, seeds: 200, ticks: 40, dist: path.join(here, '..', 'dist'), json: false, speedTicks: null };
  for (let k = 0; k < argv.length; k++) {
    const x = argv[k];
    if (x === '--part') a.part = argv[++k];
    else if (x === '--seeds') a.seeds = Number(argv[++k]);
    else if (x === '--ticks') a.ticks = Number(argv[++k]);
    else if (x === '--speed-ticks') a.speedTicks = Number(argv[++k]);
    else if (x === '--dist') a.dist = path.resolve(argv[++k]);
    else if (x === '--json') a.json = true;
    else throw new Error(`unknown argument ${x}`);
  }
  return a;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
function normalCdf(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs) => { const m = mean(xs); return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1); };

/** Welch's t statistic and a two-sided p-value (normal approximation: ≥ 100 runs per side). */
function welch(a, b) {
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return { t: 0, p: 1 };
  const t = (mean(a) - mean(b)) / se;
  return { t, p: 2 * (1 - normalCdf(Math.abs(t))) };
}

function sharesOf(counts) {
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => c / total);
}

async function equivalence(lib, node, { seeds, ticks }) {
  const out = [];
  for (const name of ['concert-of-europe', 'multipolar-2020s']) {
    const scenario = node.loadScenario(name);
    const engine = [];
    const flocc = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const sim = lib.createSimulation(scenario, { seed, collectEvents: false });
      const counts = new Array(9).fill(0);
      for (let t = 0; t < ticks; t++) { const r = sim.step(); OPTIONS.forEach((o, k) => { counts[k] += r.actions[o]; }); }
      engine.push(sharesOf(counts));
      const model = createFloccModel(scenario, seed);
      const fc = new Array(9).fill(0);
      for (let t = 0; t < ticks; t++) model.step().forEach((c, k) => { fc[k] += c; });
      flocc.push(sharesOf(fc));
    }
    const tested = OPTIONS.map((o, k) => ({ option: o, k })).filter(({ k }) => engine.some((s) => s[k] > 0) || flocc.some((s) => s[k] > 0));
    const perOption = tested.map(({ option, k }) => {
      const a = engine.map((s) => s[k]);
      const b = flocc.map((s) => s[k]);
      const { t, p } = welch(a, b);
      return { option, engineMean: mean(a), floccMean: mean(b), difference: mean(a) - mean(b), t, p };
    });
    const threshold = ALPHA / perOption.length;
    out.push({
      scenario: name, states: scenario.states.length, seeds, ticks, test: `Welch two-sample t per option on per-run shares, Bonferroni over ${perOption.length} options, family-wise α = ${ALPHA}`,
      perOptionAlpha: threshold, minP: Math.min(...perOption.map((r) => r.p)), maxAbsDifference: Math.max(...perOption.map((r) => Math.abs(r.difference))),
      equivalent: perOption.every((r) => r.p >= threshold), perOption,
    });
  }
  return out;
}

const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const median = (xs) => { const s = Float64Array.from(xs).sort(); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function speed(lib, node, speedTicks) {
  const { workload } = await import(pathToFileURL(path.join(here, 'workloads', 'states-200.mjs')).href);
  const cases = [
    { name: 'concert-of-europe', scenario: node.loadScenario('concert-of-europe'), ticks: 2000, block: 200 },
    { name: 'multipolar-2020s', scenario: node.loadScenario('multipolar-2020s'), ticks: 200, block: 20 },
    { name: 'states-200 (synthetic)', scenario: lib.resolveScenario(workload.scenario()), ticks: 30, block: 5 },
  ];
  const out = [];
  for (const c of cases) {
    const ticks = speedTicks ?? c.ticks;
    const sim = lib.createSimulation(c.scenario, { seed: 1, collectEvents: false });
    const model = createFloccModel(c.scenario, 1);
    // Warm-up (JIT): the engine for 100 ticks, the slower peer for one block.
    for (let t = 0; t < 100; t++) sim.step();
    for (let t = 0; t < c.block; t++) model.step();
    // Each block is timed as a whole (CPU time of the process, so that other processes on the
    // machine do not count) and divided by its ticks; a forced GC before each block (outside the
    // timed region) keeps one model's garbage from being collected in the other's block.
    const gc = typeof global.gc === 'function' ? global.gc : () => {};
    const e = [];
    const f = [];
    for (let done = 0; done < ticks; done += c.block) {
      gc();
      let a = cpuMs();
      for (let t = 0; t < c.block; t++) sim.step();
      e.push((cpuMs() - a) / c.block);
      gc();
      a = cpuMs();
      for (let t = 0; t < c.block; t++) model.step();
      f.push((cpuMs() - a) / c.block);
    }
    const em = median(e);
    const fm = median(f);
    out.push({ case: c.name, states: c.scenario.states.length, ticks, engineMsPerTick: em, floccMsPerTick: fm, speedup: fm / em });
  }
  return out;
}

export async function measurePeer({ part = null, seeds = 200, ticks = 40, dist, speedTicks = null }) {
  const lib = await import(pathToFileURL(path.join(dist, 'index.js')).href);
  const node = await import(pathToFileURL(path.join(dist, 'node.js')).href);
  const result = {};
  if (part === null || part === 'equivalence') result.equivalence = await equivalence(lib, node, { seeds, ticks });
  if (part === null || part === 'speed') result.speed = await speed(lib, node, speedTicks);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const r = await measurePeer(args);
  if (args.json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else {
    for (const e of r.equivalence ?? []) {
      process.stdout.write(`${e.scenario}: ${e.seeds} seeds × ${e.ticks} ticks — ${e.equivalent ? 'no significant difference' : 'DIFFERENT'} (${e.test}; smallest p ${e.minP.toExponential(2)} vs ${e.perOptionAlpha.toExponential(2)}; largest |Δshare| ${e.maxAbsDifference.toFixed(4)})\n`);
      for (const o of e.perOption) process.stdout.write(`   ${o.option.padEnd(4)} engine ${o.engineMean.toFixed(4)}  flocc ${o.floccMean.toFixed(4)}  t ${o.t.toFixed(2).padStart(6)}  p ${o.p.toFixed(3)}\n`);
    }
    for (const s of r.speed ?? []) process.stdout.write(`${s.case} (${s.states} states): engine ${s.engineMsPerTick.toFixed(3)} ms/tick, flocc ${s.floccMsPerTick.toFixed(3)} ms/tick → ${s.speedup.toFixed(1)}× faster\n`);
  }
}
