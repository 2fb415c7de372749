#!/usr/bin/env node
// Runs a sweep described by a design file, or merges the outputs of a sharded sweep.
// The `counterpoise sweep` and `counterpoise merge` commands wrap the same library functions
// (runSweepFromSpec, mergeShards). In an installed package this file is
// node_modules/counterpoise/examples/sweep.mjs, the designs beside it in examples/sweeps/.
//
//   node examples/sweep.mjs run <spec.yaml|json> [--out DIR] [--workers N] [--resume] [--overwrite]
//                               [--shard i/n] [--checkpoint-ms N] [--quiet]
//   node examples/sweep.mjs merge <shard-dir>... --out DIR [--overwrite]
//
// Progress goes to stderr: a bar on a terminal, a plain line every 10 s otherwise (CI, pipes).
// Ctrl-C (SIGINT) or SIGTERM (what Slurm and Kubernetes send first) stop the sweep after
// checkpointing it; run again with --resume to continue. Exit codes: 0 done, 1 a run or the
// output failed, 2 bad arguments or spec, 130 stopped.
// See docs/experiments.md for the design file format, Slurm and Kubernetes examples, and how to
// read the results in R and pandas.
import { createProgressPrinter, ExperimentError, formatDuration, mergeShards, MissingPackageError, runSweepFromSpec, ScenarioError } from '../dist/node.js';

const USAGE = `usage: node examples/sweep.mjs run <spec.yaml|json> [--out DIR] [--workers N] [--resume] [--overwrite] [--shard i/n] [--checkpoint-ms N] [--quiet]
       node examples/sweep.mjs merge <shard-dir>... --out DIR [--overwrite]`;

function parseArgs(argv) {
  const args = { positional: [], flags: {} };
  const valued = new Set(['out', 'workers', 'shard', 'checkpoint-ms']);
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '-h' || a === '--help') { console.log(USAGE); process.exit(0); }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      if (valued.has(name)) {
        const value = inline ?? argv[++k];
        if (value === undefined) usage(`--${name} needs a value`);
        args.flags[name] = value;
      } else if (['resume', 'overwrite', 'quiet'].includes(name)) args.flags[name] = true;
      else usage(`unknown option --${name}`);
    } else args.positional.push(a);
  }
  return args;
}

function usage(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const wholeNumber = (name, value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) usage(`--${name} must be a whole number ≥ 0 (got ${value})`);
  return n;
};

const [command, ...rest] = process.argv.slice(2);
const { positional, flags } = parseArgs(rest);
const printer = createProgressPrinter({ label: command === 'merge' ? 'merge' : 'sweep' });
const controller = new AbortController();
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`\n${signal}: checkpointing and stopping (again to quit at once)\n`);
    controller.abort();
  });
}

try {
  if (command === 'run') {
    if (positional.length !== 1) usage('run takes one design file');
    const report = await runSweepFromSpec(positional[0], {
      ...(flags.out === undefined ? {} : { out: flags.out }),
      ...(flags.workers === undefined ? {} : { workers: wholeNumber('workers', flags.workers) }),
      ...(flags.shard === undefined ? {} : { shard: flags.shard }),
      ...(flags['checkpoint-ms'] === undefined ? {} : { checkpointEveryMs: wholeNumber('checkpoint-ms', flags['checkpoint-ms']) }),
      resume: flags.resume === true,
      overwrite: flags.overwrite === true,
      signal: controller.signal,
      ...(flags.quiet === true ? {} : { onProgress: printer.update }),
    });
    printer.done();
    const m = report.manifest;
    if (report.alreadyComplete) console.log(`${report.out}: already complete (${m.shardRuns} runs); nothing to do`);
    else {
      console.log(`${report.out}: ${report.executed} runs${report.resumed > 0 ? ` (+${report.resumed} resumed)` : ''} on ${report.workers || 'no'} worker thread${report.workers === 1 ? '' : 's'} in ${formatDuration(report.elapsedMs)}, ${report.runsPerSecond.toFixed(1)} runs/s`);
    }
    console.log(`files: ${Object.keys(m.files).join(', ')}, manifest.json`);
  } else if (command === 'merge') {
    if (flags.out === undefined) usage('merge needs --out DIR');
    if (positional.length === 0) usage('merge needs the shard directories');
    const manifest = await mergeShards(positional, flags.out, {
      overwrite: flags.overwrite === true,
      onPhase: (what) => { if (flags.quiet !== true) process.stderr.write(`merge: ${what}\n`); },
    });
    console.log(`${flags.out}: ${manifest.runs} runs merged from ${positional.length} shards; files: ${Object.keys(manifest.files).join(', ')}, manifest.json`);
  } else {
    usage(command === undefined ? 'give a command: run or merge' : `unknown command "${command}"`);
  }
} catch (error) {
  printer.done();
  if (error instanceof ExperimentError) {
    console.error(error.message);
    process.exit(error.code === 'aborted' ? 130 : error.code === 'run-failed' ? 1 : 2);
  }
  if (error instanceof ScenarioError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof MissingPackageError) {
    // An optional package (apache-arrow for Arrow output) is not installed.
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
