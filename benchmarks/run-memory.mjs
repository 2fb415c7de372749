#!/usr/bin/env node
// Peak memory of `counterpoise run <scenario> --ticks N --report` (default: concert-of-europe,
// 100,000 ticks, CSV): the CLI runs in a child process and its peak resident set size is read from
// the operating system (the child's process.resourceUsage().maxRSS, reported by a preloaded hook).
// Target (issue #11, item 14): under 300 MB. Reported, never asserted: exits 0 whatever the number.
//
//   node benchmarks/run-memory.mjs                              (after npm run build)
//   node benchmarks/run-memory.mjs --ticks 20000 --scenario brics-plus --dist DIR

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? process.argv[k + 1] : fallback;
};
const ticks = Number(arg('ticks', '100000'));
const scenario = arg('scenario', 'concert-of-europe');
const dist = path.resolve(arg('dist', path.join(here, '..', 'dist')));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'counterpoise-run-memory-'));
try {
  const rssFile = path.join(tmp, 'rss.json');
  const hook = path.join(tmp, 'hook.cjs');
  // Written at exit by the child itself: maxRSS is the peak of the whole process, in KiB.
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })));\n`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, path.join(dist, 'cli.js'), 'run', scenario, '--ticks', String(ticks), '--report', '--quiet', '--out', path.join(tmp, 'out')], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(1);
  }
  const { maxRssKiB } = JSON.parse(readFileSync(rssFile, 'utf8'));
  const mb = maxRssKiB / 1024;
  console.log(`run ${scenario} --ticks ${ticks} --report: peak RSS ${mb.toFixed(0)} MB, ${seconds.toFixed(1)} s wall (target < 300 MB: ${mb < 300 ? 'met' : 'NOT met'})`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
