#!/usr/bin/env node
// A long run that streams its records: --ticks (default 100,000) ticks of a bundled scenario, each
// tick's record written to an NDJSON file as it is made (nothing kept in memory), with RSS and the
// post-GC heap sampled every --every ticks. Memory is flat in the number of ticks when the heap of
// the last quarter of the run is no larger than that of the first.
//
//   node --expose-gc benchmarks/stream.mjs [--scenario concert-of-europe] [--ticks 100000] [--every 5000] [--dist DIR] [--json]

import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const MB = 1024 * 1024;

function parseArgs(argv) {
  const a = { scenario: 'concert-of-europe', ticks: 100_000, every: 5000, dist: path.join(here, '..', 'dist'), json: false };
  for (let k = 0; k < argv.length; k++) {
    const x = argv[k];
    if (x === '--scenario') a.scenario = argv[++k];
    else if (x === '--ticks') a.ticks = Number(argv[++k]);
    else if (x === '--every') a.every = Number(argv[++k]);
    else if (x === '--dist') a.dist = path.resolve(argv[++k]);
    else if (x === '--json') a.json = true;
    else throw new Error(`unknown argument ${x}`);
  }
  return a;
}

export async function measureStream({ scenario: name, ticks, every, dist }) {
  if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
  const lib = await import(pathToFileURL(path.join(dist, 'index.js')).href);
  const node = await import(pathToFileURL(path.join(dist, 'node.js')).href);
  const scenario = node.loadScenario(name);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'counterpoise-bench-stream-'));
  const file = path.join(dir, 'ticks.ndjson');
  try {
    const out = createWriteStream(file);
    const sim = lib.createSimulation(scenario, { seed: 1, collectEvents: false });
    const samples = [];
    global.gc();
    const t0 = performance.now();
    let pending = '';
    for (let t = 0; t < ticks; t++) {
      pending += `${JSON.stringify(sim.step())}\n`;
      if (pending.length > 1 << 16) {
        // Back-pressure: wait for the file to drain when its buffer is full.
        if (!out.write(pending)) await new Promise((resolve) => out.once('drain', resolve));
        pending = '';
      }
      if ((t + 1) % every === 0) {
        const rss = process.memoryUsage().rss;
        global.gc();
        samples.push({ tick: t + 1, rssMB: rss / MB, heapMB: process.memoryUsage().heapUsed / MB });
      }
    }
    out.write(pending);
    await new Promise((resolve) => out.end(resolve));
    const wallMs = performance.now() - t0;
    const q = Math.max(1, Math.floor(samples.length / 4));
    const avg = (xs, key) => xs.reduce((s, x) => s + x[key], 0) / xs.length;
    return {
      scenario: name, states: scenario.states.length, ticks, wallMs, usPerTick: (wallMs * 1000) / ticks,
      fileMB: statSync(file).size / MB,
      heapFirstQuarterMB: avg(samples.slice(0, q), 'heapMB'), heapLastQuarterMB: avg(samples.slice(-q), 'heapMB'),
      rssFirstQuarterMB: avg(samples.slice(0, q), 'rssMB'), rssLastQuarterMB: avg(samples.slice(-q), 'rssMB'),
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      samples,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const r = await measureStream(args);
  if (args.json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else {
    process.stdout.write(`${r.scenario}: ${r.ticks} ticks streamed to ${r.fileMB.toFixed(1)} MB of NDJSON in ${(r.wallMs / 1000).toFixed(1)} s (${r.usPerTick.toFixed(1)} µs/tick)\n`);
    process.stdout.write(`  heap after GC ${r.heapFirstQuarterMB.toFixed(2)} MB (first quarter) → ${r.heapLastQuarterMB.toFixed(2)} MB (last quarter); RSS ${r.rssFirstQuarterMB.toFixed(0)} → ${r.rssLastQuarterMB.toFixed(0)} MB; peak RSS ${r.peakRssMB.toFixed(0)} MB\n`);
  }
}
