#!/usr/bin/env node
// Two builds of the package compared in ONE process: a simulation of each on the same workload,
// stepped in alternating blocks of ticks (the order flips every block), so that whatever the
// machine does meanwhile — on this project's shared 2-core machines the tick time of a whole
// process can be a third higher for minutes (benchmarks/README.md, "Where the slow runs come
// from") — falls on both alike. Reports the median ms/tick of each build and the median of the
// per-block ratios new/old, the number to read: separate processes cannot tell a 2 % change from
// the machine's mood. Not part of `npm run bench`; it writes nothing.
//
//   npm run build && node benchmarks/ab.mjs --old benchmarks/results/tmp/dist-before
//   node benchmarks/ab.mjs --old DIR_A --new DIR_B --workload paths-200 --reps 3 --block 10
//
// --old DIR   the build to compare against (a copy of dist/ taken before the change; required)
// --new DIR   the build under test (default dist/)
// --workload  a workload of benchmarks/workloads (repeatable; default states-200 and paths-200)
// --reps N    fresh simulations per build, one after the other (default 3)
// --block N   ticks per block (default 10)

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

function parseArgs(argv) {
  const args = { old: null, new: path.join(repoRoot, 'dist'), workloads: [], reps: 3, block: 10 };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const value = () => {
      const v = argv[++k];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--old') args.old = path.resolve(value());
    else if (a === '--new') args.new = path.resolve(value());
    else if (a === '--workload') args.workloads.push(value());
    else if (a === '--reps') args.reps = Number(value());
    else if (a === '--block') args.block = Number(value());
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node benchmarks/ab.mjs --old DIR [--new DIR] [--workload NAME]... [--reps N] [--block N]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (args.old === null) throw new Error('--old DIR is required (a copy of dist/ from before the change)');
  if (!(Number.isInteger(args.reps) && args.reps >= 1)) throw new Error('--reps must be a whole number ≥ 1');
  if (!(Number.isInteger(args.block) && args.block >= 1)) throw new Error('--block must be a whole number ≥ 1');
  if (args.workloads.length === 0) args.workloads = ['states-200', 'paths-200'];
  return args;
}

const median = (xs) => {
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quartiles = (xs) => {
  const s = Float64Array.from(xs).sort();
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
  return [at(0.25), at(0.75)];
};

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`ab: ${e.message}\n`);
    process.exit(2);
  }
  const builds = [];
  for (const dir of [args.old, args.new]) builds.push(await import(pathToFileURL(path.join(dir, 'index.js')).href));
  process.stdout.write(`old ${path.relative(repoRoot, args.old) || '.'}, new ${path.relative(repoRoot, args.new) || '.'}; ${args.reps} simulation(s) per build, blocks of ${args.block} ticks\n`);
  for (const name of args.workloads) {
    const { workload } = await import(pathToFileURL(path.join(here, 'workloads', `${name}.mjs`)).href);
    const times = [[], []];
    for (let rep = 0; rep < args.reps; rep++) {
      const sims = builds.map((lib) => lib.createSimulation(lib.resolveScenario(workload.scenario()), { seed: workload.runSeed, collectEvents: false }));
      for (let t = 0; t < workload.warmup; t++) { sims[0].step(); sims[1].step(); }
      let block = 0;
      for (let t = workload.warmup; t + args.block <= workload.ticks; t += args.block, block++) {
        for (const k of block % 2 === 0 ? [0, 1] : [1, 0]) {
          const t0 = process.hrtime.bigint();
          for (let b = 0; b < args.block; b++) sims[k].step();
          times[k].push(Number(process.hrtime.bigint() - t0) / 1e6 / args.block);
        }
      }
    }
    const ratios = times[0].map((o, k) => times[1][k] / o);
    const [q1, q3] = quartiles(ratios);
    process.stdout.write(
      `${name}: old ${median(times[0]).toFixed(3)} ms/tick, new ${median(times[1]).toFixed(3)} ms/tick (medians of ${times[0].length} blocks); `
      + `new/old per block: median ${median(ratios).toFixed(3)} (quartiles ${q1.toFixed(3)}–${q3.toFixed(3)})\n`,
    );
  }
}

await main();
