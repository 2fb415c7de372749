#!/usr/bin/env node
// Simulation-based estimation on the real eras (issue #15 item 3; docs/validation.md,
// "Simulation-based estimation"): fits the choice rule on every era (maximum likelihood, no
// intervals), then, holding it there, estimates each dynamics parameter of DEFAULT_DYNAMICS by the
// method of simulated moments over the seven era scenarios, seeds 0–7 at every grid value, and
// writes the numbers, whatever they are, into the marked region of docs/validation.md
//   <!-- generated:msm-table -->
// Never typed by hand.
//
//   npm run validate:msm         (builds first; reads dist/node.js)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyRegions, findRegions } from './docs-numbers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC = 'docs/validation.md';
const MOMENTS = ['HE', 'HI', 'SE', 'IE', 'II', 'persist'];

function writeAtomic(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

const fmt = (x) => (x === null ? '—' : Number(x.toPrecision(3)).toString());

/** The 95 % set of one result, in words: an interval, or why there is no number. */
export function describeSet(r) {
  if (r.flat) return 'not identified (flat objective)';
  if (r.identified) return `[${fmt(r.lower)}, ${fmt(r.upper)}]`;
  const reaches = r.lower === null && r.upper === null ? 'both ends of the grid'
    : r.lower === null ? `the grid start (upper end ${fmt(r.upper)})` : `the grid end (lower end ${fmt(r.lower)})`;
  return `not identified: reaches ${reaches}; grid values in the set: ${r.set.join(', ')}`;
}

/** The region: one row per parameter, then the observed and simulated moments and the cost. */
export function msmRegion(msm, defaults, seconds) {
  const lines = ['', '| parameter | default | grid | J at each grid value | J_min (df) | estimate | 95 % set |', '| --- | ---: | --- | --- | ---: | ---: | --- |'];
  for (const r of msm.results) {
    lines.push(`| \`${r.name}\` | ${defaults[r.name]} | ${r.points.map((p) => p.value).join(', ')} | ${r.points.map((p) => p.objective.toFixed(1)).join(', ')} | `
      + `${r.minObjective.toFixed(1)} (${r.degreesOfFreedom})${r.rejected ? ', rejected' : ''} | ${r.identified ? fmt(r.estimate) : '—'} | ${describeSet(r)} |`);
  }
  lines.push('');
  const m = (values) => MOMENTS.map((n, k) => `${n} ${values[k].toFixed(3)}`).join(', ');
  lines.push(`Observed moments (${msm.target.n[0]} state-years; ${msm.target.n[5]} consecutive pairs): ${m(msm.target.values)}. `
    + `Simulated (mean of the seeds) at the fitted choice rule and each parameter's default: ${m(atDefault(msm, defaults))}. `
    + `${msm.stopped.length} of ${msm.runs} era runs stopped early (the model's acts made a data event inapplicable)`
    + `${msm.stopped.length > 0 ? `, in ${[...new Set(msm.stopped.map((s) => s.era))].join(', ')}` : ''}. `
    + `${msm.runs} era runs in ${seconds.toFixed(0)} s on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), load average ${os.loadavg()[0].toFixed(1)}.`);
  lines.push('');
  return lines.join('\n');
}

/** The simulated moments at the default of the first parameter whose grid holds it. */
function atDefault(msm, defaults) {
  for (const r of msm.results) {
    const p = r.points.find((q) => q.value === defaults[r.name]);
    if (p !== undefined) return p.moments;
  }
  return msm.results[0].points[0].moments;
}

async function main() {
  const lib = await import(pathToFileURL(path.join(ROOT, 'dist', 'node.js')).href);
  const t0 = Date.now();
  const report = lib.calibrate({ intervals: false });
  process.stderr.write(`choice rule fitted on ${report.spec.eras.length} eras (log-likelihood ${report.fit.logLikelihood.toFixed(1)})\n`);
  const msm = lib.estimateDynamics({ base: report.fit.parameters, onProgress: (l) => process.stderr.write(`${l}\n`) });
  const seconds = (Date.now() - t0) / 1000;
  const file = path.join(ROOT, DOC);
  const text = readFileSync(file, 'utf8');
  if (!findRegions(text).has('msm-table')) { console.error(`${DOC}: region msm-table missing`); process.exit(1); }
  const region = msmRegion(msm, lib.defaultParameters(), seconds);
  writeAtomic(file, applyRegions(text, new Map([['msm-table', region]])));
  process.stdout.write(`${region}\n${DOC}: wrote msm-table\n`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
