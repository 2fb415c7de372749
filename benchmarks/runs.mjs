#!/usr/bin/env node
// Whole runs from the command line, start-up included: wall time of
// `counterpoise run <scenario> --ticks 100 --out <tmp> --quiet` for every bundled scenario (the
// built CLI, dist/cli.js, in a fresh process each time). The concert-of-europe figure is the cold
// start of the issue (target < 1 s). Uses hyperfine when it is installed (warm-up runs, then
// --runs timed runs; `apt-get install hyperfine`), else times the processes itself.
//
//   node benchmarks/runs.mjs [--runs 5] [--only concert-of-europe] [--dist DIR] [--json]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const a = { runs: 5, only: [], dist: path.join(here, '..', 'dist'), json: false, ticks: 100 };
  for (let k = 0; k < argv.length; k++) {
    const x = argv[k];
    if (x === '--runs') a.runs = Number(argv[++k]);
    else if (x === '--only') a.only.push(argv[++k]);
    else if (x === '--ticks') a.ticks = Number(argv[++k]);
    else if (x === '--dist') a.dist = path.resolve(argv[++k]);
    else if (x === '--json') a.json = true;
    else throw new Error(`unknown argument ${x}`);
  }
  return a;
}

const hasHyperfine = () => spawnSync('hyperfine', ['--version'], { encoding: 'utf8' }).status === 0;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

export async function measureRuns({ runs, only = [], dist, ticks = 100 }) {
  const node = await import(pathToFileURL(path.join(dist, 'node.js')).href);
  const names = node.listBundledScenarios().map((e) => (typeof e === 'string' ? e : e.name)).filter((n) => only.length === 0 || only.includes(n));
  const cli = path.join(dist, 'cli.js');
  const out = mkdtempSync(path.join(os.tmpdir(), 'counterpoise-bench-runs-'));
  const hyperfine = hasHyperfine();
  const results = [];
  try {
    for (const name of names) {
      const args = [cli, 'run', name, '--ticks', String(ticks), '--out', path.join(out, name), '--quiet'];
      let times;
      if (hyperfine) {
        const json = path.join(out, `${name}.json`);
        const cmd = [process.execPath, ...args].map((x) => `'${x}'`).join(' ');
        const r = spawnSync('hyperfine', ['--warmup', '1', '--runs', String(runs), '--export-json', json, '--style', 'none', cmd], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`hyperfine failed for ${name}: ${r.stderr}`);
        times = JSON.parse(readFileSync(json, 'utf8')).results[0].times.map((s) => s * 1000);
      } else {
        spawnSync(process.execPath, args); // warm-up (file cache)
        times = [];
        for (let k = 0; k < runs; k++) {
          const t0 = performance.now();
          const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
          if (r.status !== 0) throw new Error(`counterpoise run ${name} failed: ${r.stderr}`);
          times.push(performance.now() - t0);
        }
      }
      results.push({ scenario: name, ticks, runs, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), timesMs: times });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { tool: hyperfine ? 'hyperfine' : 'node spawnSync', command: `node dist/cli.js run <scenario> --ticks ${ticks} --out <tmp> --quiet`, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const r = await measureRuns(args);
  if (args.json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else for (const x of r.results) process.stdout.write(`${x.scenario.padEnd(26)} ${x.medianMs.toFixed(0).padStart(5)} ms (${x.minMs.toFixed(0)}–${x.maxMs.toFixed(0)}, ${x.runs} runs, ${r.tool})\n`);
}
