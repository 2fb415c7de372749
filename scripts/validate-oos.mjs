#!/usr/bin/env node
// The out-of-sample validation of issue #15 (docs/validation.md, "Out of sample"): drives the
// seven eras along the observed record, runs the blocked cross-validation (leave one era out; the
// forward split at 1945) against the baselines, fits on every era with profile intervals, and
// writes the numbers, whatever they are, into the marked regions of docs/validation.md
//   <!-- generated:oos-table -->, <!-- generated:oos-fitted -->, <!-- generated:oos-counts -->, <!-- generated:oos-timing -->
// and the figure docs/images/validation-oos.svg. Never typed by hand.
//
//   npm run validate:oos         (builds first; reads dist/node.js)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyRegions, findRegions } from './docs-numbers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC = 'docs/validation.md';
const FIGURE = 'docs/images/validation-oos.svg';
const METHODS = [
  ['fitted', 'fitted (Walt)'],
  ['powerFitted', 'fitted, power-only perception'],
  ['defaults', 'uncalibrated defaults'],
  ['baseRates', 'training base rates'],
];
const COLORS = { fitted: '#1b6ca8', powerFitted: '#7aa6c2', defaults: '#c0504d', baseRates: '#8c8c8c' };

function writeAtomic(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

const f3 = (x) => x.toFixed(3);

/** The table: one row per fold and held-out era, log-loss and Brier per method, best log-loss in bold. */
export function tableRegion(rows) {
  const head = `| fold | held-out era | state-years | ${METHODS.map(([, l]) => `log-loss: ${l}`).join(' | ')} | ${METHODS.map(([, l]) => `Brier: ${l}`).join(' | ')} |`;
  const align = `| --- | --- | ---: | ${METHODS.map(() => '---:').join(' | ')} | ${METHODS.map(() => '---:').join(' | ')} |`;
  const lines = ['', head, align];
  for (const r of rows) {
    const best = Math.min(...METHODS.map(([m]) => r.scores[m].logLoss));
    const ll = METHODS.map(([m]) => (r.scores[m].logLoss === best ? `**${f3(r.scores[m].logLoss)}**` : f3(r.scores[m].logLoss)));
    const br = METHODS.map(([m]) => f3(r.scores[m].brier));
    lines.push(`| ${r.fold.startsWith('forward') ? 'forward' : r.fold.startsWith('leave out') ? 'leave one out' : 'fitted on all eras'} | \`${r.era}\` | ${r.n} | ${ll.join(' | ')} | ${br.join(' | ')} |`);
  }
  // Pooled over the leave-one-out folds (state-year weighted).
  const loo = rows.filter((r) => r.fold.startsWith('leave out'));
  const n = loo.reduce((s, r) => s + r.n, 0);
  const pooled = (m, k) => loo.reduce((s, r) => s + r.scores[m][k] * r.n, 0) / n;
  lines.push(`| leave one out | **all eras, pooled** | ${n} | ${METHODS.map(([m]) => f3(pooled(m, 'logLoss'))).join(' | ')} | ${METHODS.map(([m]) => f3(pooled(m, 'brier'))).join(' | ')} |`);
  lines.push('');
  return lines.join('\n');
}

/** The fitted parameters with their intervals (or "not identified"), and the log-likelihoods. */
export function fittedRegion(report, lib) {
  const { fit, intervals, eras } = report;
  const d = lib.defaultParameters();
  const byName = new Map(intervals.map((p) => [p.name, p]));
  const lines = ['', '| parameter | default | estimate | 95 % profile interval |', '| --- | ---: | ---: | --- |'];
  for (const [name, value] of Object.entries(fit.estimates)) {
    const p = byName.get(name);
    const identified = p === undefined || p.identified;
    lines.push(`| \`${name}\` | ${d[name]} | ${identified ? value.toPrecision(3) : '—'} | ${p === undefined ? '' : lib.describeInterval(p)} |`);
  }
  const impossible = eras.reduce((s, e) => s + e.impossible, 0);
  const total = eras.reduce((s, e) => s + e.rows, 0);
  lines.push('');
  lines.push(`Log-likelihood over the ${fit.rows} state-years the model can take: ${fit.logLikelihood.toFixed(1)} at the estimates, `
    + `${fit.startLogLikelihood.toFixed(1)} at the defaults (${total} state-years in the eras; ${impossible} observed acts the model `
    + `could not take — an observed II with no institution shared with the model's main threat — are left out). `
    + `The fit ${fit.converged ? 'converged' : 'did not converge (the Newton steps ran out; the estimates are where it stopped)'}. `
    + 'An asterisk marks an interval end set by the admissible set (model §5.4) rather than by the record; "not identified": the profile stays within 1.92 of the maximum up to the end of the search range.');
  lines.push('');
  return lines.join('\n');
}

/**
 * Expected against observed counts per era and regional case (`report.counts`): for each category,
 * observed / expected at the defaults / expected at the fit on all eras, over the state-years the
 * model can take; and the seven eras' totals.
 */
export function countsRegion(report, categories) {
  const r0 = (x) => Math.round(x).toString();
  const cell = (c, k) => `${c.observed[k]} / ${r0(c.defaults[k])} / ${r0(c.fitted[k])}`;
  const lines = ['', `| era or case | state-years | ${categories.join(' | ')} |`, `| --- | ---: | ${categories.map(() => '---:').join(' | ')} |`];
  const eras = report.counts.filter((c) => report.eras.some((e) => e.era === c.era));
  for (const c of report.counts) {
    const label = eras.includes(c) ? `\`${c.era}\`` : `\`${c.era}\` (regional, out of sample)`;
    lines.push(`| ${label} | ${c.rows} | ${categories.map((_, k) => cell(c, k)).join(' | ')} |`);
  }
  const total = (f) => categories.map((_, k) => eras.reduce((s, c) => s + f(c)[k], 0));
  const sum = { observed: total((c) => c.observed), defaults: total((c) => c.defaults), fitted: total((c) => c.fitted) };
  lines.push(`| **the seven eras** | ${eras.reduce((s, c) => s + c.rows, 0)} | ${categories.map((_, k) => `**${cell(sum, k)}**`).join(' | ')} |`);
  lines.push('');
  lines.push('Each cell: observed / expected at the defaults / expected at the fit on all eras (the sum over '
    + 'the state-years of the model\'s probability of the category, Walt perception, seed 0, rounded). NONE '
    + 'collects the options the record does not show (BAND, SS, SL). The state-years are those the fit scores '
    + '(possible with Walt\'s perception); the out-of-sample table above scores only those possible under both '
    + 'perception models, so a few more here. The regional cases are scored by the fit on the eras, not fitted.');
  lines.push('');
  return lines.join('\n');
}

export function timingRegion(report) {
  const s = report.seconds;
  const folds = new Set(report.rows.map((r) => r.fold)).size;
  const cases = report.rows.filter((r) => !r.fold.startsWith('leave out') && !r.fold.startsWith('forward')).length;
  return `Measured by \`npm run validate:oos\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), `
    + 'a machine shared with other jobs when these numbers were taken: '
    + `driving the seven eras${cases > 0 ? ` and ${cases} regional cases` : ''} twice (Walt and power-only) ${s.trace.toFixed(1)} s; the ${folds} folds (two fits each) ${s.folds.toFixed(1)} s; `
    + `the fit on all eras ${s.fit.toFixed(1)} s; its profile intervals ${s.intervals.toFixed(1)} s.`;
}

/** A grouped bar chart of the out-of-sample log-loss per held-out era and method (plain SVG). */
export function figure(rows) {
  const W = 760; const H = 340; const left = 56; const right = 12; const top = 40; const bottom = 86;
  const max = Math.max(...rows.flatMap((r) => METHODS.map(([m]) => r.scores[m].logLoss)));
  const yMax = Math.ceil(max * 5) / 5;
  const gw = (W - left - right) / rows.length;
  const bw = (gw - 10) / METHODS.length;
  const y = (v) => top + (H - top - bottom) * (1 - v / yMax);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    '<title>Out-of-sample log-loss per held-out era (lower is better)</title>',
    `<text x="${left}" y="16" font-size="13">Out-of-sample log-loss per held-out era (lower is better)</text>`];
  for (let t = 0; t <= yMax + 1e-9; t += 0.2) {
    out.push(`<line x1="${left}" x2="${W - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t.toFixed(1)}</text>`);
  }
  rows.forEach((r, g) => {
    const x0 = left + g * gw + 5;
    METHODS.forEach(([m], k) => {
      const v = r.scores[m].logLoss;
      out.push(`<rect x="${(x0 + k * bw).toFixed(1)}" y="${y(v).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}" fill="${COLORS[m]}"><title>${r.era} (${r.fold}): ${m} ${f3(v)}</title></rect>`);
    });
    const label = `${r.era.replace('era-', '')}${r.fold.startsWith('forward') ? ' (fwd)' : r.fold.startsWith('leave out') ? '' : ' (regional)'}`;
    out.push(`<text transform="translate(${(x0 + gw / 2).toFixed(1)},${H - bottom + 12}) rotate(35)" font-size="10">${label}</text>`);
  });
  METHODS.forEach(([m, l], k) => {
    const lx = left + k * 180;
    out.push(`<rect x="${lx}" y="${H - 18}" width="10" height="10" fill="${COLORS[m]}"/><text x="${lx + 14}" y="${H - 9}">${l}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

async function main() {
  const lib = await import(pathToFileURL(path.join(ROOT, 'dist', 'node.js')).href);
  const report = lib.validateOutOfSample({ onProgress: (line) => process.stderr.write(`${line}\n`) });
  const file = path.join(ROOT, DOC);
  const text = readFileSync(file, 'utf8');
  const regions = new Map([
    ['oos-table', tableRegion(report.rows)],
    ['oos-fitted', fittedRegion(report, lib)],
    ['oos-counts', countsRegion(report, lib.CATEGORIES)],
    ['oos-timing', timingRegion(report)],
  ]);
  const found = findRegions(text);
  const missing = [...regions.keys()].filter((n) => !found.has(n));
  if (missing.length > 0) { console.error(`${DOC}: regions missing: ${missing.join(', ')}`); process.exit(1); }
  writeAtomic(file, applyRegions(text, regions));
  writeAtomic(path.join(ROOT, FIGURE), figure(report.rows));
  console.log(`${DOC}: wrote ${[...regions.keys()].join(', ')}; ${FIGURE}`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
