#!/usr/bin/env node
// Simulation-based estimation on the real eras (issue #15 item 3; docs/validation.md,
// "Simulation-based estimation"): fits the choice rule on every era (maximum likelihood, no
// intervals), then, holding it there, estimates each dynamics parameter of DEFAULT_DYNAMICS by the
// method of simulated moments over the seven era scenarios, seeds 0–7 at every grid value.
// Prints a Markdown table and a JSON dump (--json FILE). Numbers as they come.
//
//   npx tsup && node scripts/validate-msm.mjs [--json out.json]
import { writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = await import(pathToFileURL(path.join(ROOT, 'dist', 'node.js')).href);
const jsonAt = process.argv.indexOf('--json');
const t0 = Date.now();
const report = lib.calibrate({ intervals: false });
process.stderr.write(`choice rule fitted on ${report.spec.eras.length} eras (log-likelihood ${report.fit.logLikelihood.toFixed(1)})\n`);
const msm = lib.estimateDynamics({ base: report.fit.parameters, onProgress: (l) => process.stderr.write(`${l}\n`) });
const seconds = (Date.now() - t0) / 1000;
const d = lib.defaultParameters();
const fmt = (x) => (x === null ? '—' : Number(x.toPrecision(3)).toString());
const lines = ['| parameter | default | grid | J at each grid value | J_min (df) | estimate | 95 % set |', '| --- | ---: | --- | --- | ---: | ---: | --- |'];
for (const r of msm.results) {
  const set = r.flat ? 'not identified (flat objective)'
    : r.identified ? `[${fmt(r.lower)}, ${fmt(r.upper)}]`
      : `not identified: reaches ${r.lower === null && r.upper === null ? 'both ends of the grid' : r.lower === null ? `the grid start (upper end ${fmt(r.upper)})` : `the grid end (lower end ${fmt(r.lower)})`}; grid values in the set: ${r.set.join(', ')}`;
  lines.push(`| \`${r.name}\` | ${d[r.name]} | ${r.points.map((p) => p.value).join(', ')} | ${r.points.map((p) => p.objective.toFixed(1)).join(', ')} | ${r.minObjective.toFixed(1)} (${r.degreesOfFreedom})${r.rejected ? ' rejected' : ''} | ${r.identified ? fmt(r.estimate) : '—'} | ${set} |`);
}
const names = lib.MOMENT_NAMES;
lines.push('');
lines.push(`Observed moments: ${names.map((n, k) => `${n} ${msm.target.values[k].toFixed(4)} (n ${msm.target.n[k]})`).join(', ')}.`);
lines.push(`Simulated moments at each grid value (seed mean): ${msm.results.map((r) => `${r.name}: ${r.points.map((p) => `${p.value} → ${p.moments.map((x) => x.toFixed(3)).join('/')}`).join('; ')}`).join(' | ')}.`);
lines.push(`${msm.stopped.length} of ${msm.runs} era runs stopped early (the model's acts made a data event inapplicable): ${[...new Set(msm.stopped.map((s) => s.era))].join(', ') || 'none'}.`);
lines.push(`${msm.runs} era runs, ${seconds.toFixed(0)} s on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end.`);
process.stdout.write(`${lines.join('\n')}\n`);
if (jsonAt > 0) {
  const file = process.argv[jsonAt + 1];
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ fitted: report.fit.estimates, target: { values: Array.from(msm.target.values), n: Array.from(msm.target.n) }, results: msm.results, runs: msm.runs, seconds }, null, 2));
  renameSync(tmp, file);
}
