// Measures what the browser loads from counterpoise (`npm run size`): each bundle minified with
// esbuild as a browser would get it, and gzipped (level 6). Sizes are deterministic (no timing):
// test/package/bundleSize.test.ts checks the core's budget with measureCore().
//   - the core: `counterpoise/core` (dist/core.js) bundled for the browser with code splitting —
//     what loads at once (the entry and its static chunks) and what loads only when asked for
//     (loadExpressions(): the mathjs chunk);
//   - the full library: every export of `counterpoise` (dist/index.js) in one bundle;
//   - the explorer: its four bundles (dist/explore/) and whole pages written by the CLI.
// Run after `npm run build`. Prints a Markdown table; `--json` prints the numbers instead.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The core's budget, gzipped (issue 16): 100 KB. */
export const CORE_BUDGET = 100 * 1024;

/** Minified and gzipped (level 6) size of some bytes. */
export function sizeOf(bytes) {
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 6 }).length };
}

const add = (a, b) => ({ minified: a.minified + b.minified, gzipped: a.gzipped + b.gzipped });
const ZERO = { minified: 0, gzipped: 0 };

/**
 * counterpoise/core bundled for the browser with code splitting: `initial`, the entry with the
 * chunks it imports statically (what a page loads to run a resolved scenario), and `lazy`, the
 * chunks reached only by dynamic import (mathjs, loaded by loadExpressions()).
 */
export async function measureCore(entry = join(root, 'dist', 'core.js')) {
  const result = await build({
    entryPoints: [entry], bundle: true, splitting: true, format: 'esm', platform: 'browser', target: 'es2020',
    minify: true, legalComments: 'none', write: false, metafile: true, outdir: join(tmpdir(), 'counterpoise-size'), logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const bytesOf = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const full = (rel) => [...bytesOf.keys()].find((p) => p.endsWith(rel.replace(/^.*counterpoise-size\//, '/')));
  const entryKey = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
  const initialKeys = new Set();
  const visit = (key) => {
    if (initialKeys.has(key)) return;
    initialKeys.add(key);
    for (const i of outputs[key].imports) if (i.kind === 'import-statement' && outputs[i.path] !== undefined) visit(i.path);
  };
  visit(entryKey);
  let initial = ZERO;
  let lazy = ZERO;
  for (const key of Object.keys(outputs)) {
    if (!key.endsWith('.js')) continue;
    const size = sizeOf(bytesOf.get(full(key)));
    if (initialKeys.has(key)) initial = add(initial, size);
    else lazy = add(lazy, size);
  }
  return { initial, lazy };
}

/** Every export of an entry (default dist/index.js) in one browser bundle. */
export async function measureEntry(entry = join(root, 'dist', 'index.js')) {
  const result = await build({
    entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2020', minify: true,
    legalComments: 'none', write: false, logLevel: 'silent',
  });
  return sizeOf(result.outputFiles[0].contents);
}

/** The explorer's bundles as built (dist/explore/*.js). */
export function measureExplorer() {
  const sizes = {};
  for (const name of ['worker', 'page', 'math', 'scenario']) sizes[name] = sizeOf(readFileSync(join(root, 'dist', 'explore', `${name}.js`)));
  return sizes;
}

/** Whole explorer pages written by the CLI: `[label, scenario, extra flags]`. */
export function measurePages(pages) {
  const dir = mkdtempSync(join(tmpdir(), 'counterpoise-size-'));
  try {
    const sizes = {};
    for (const [label, scenario, flags] of pages) {
      const out = join(dir, label);
      const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'explore', scenario, '--out', out, ...flags], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`counterpoise explore ${scenario} failed: ${r.stderr}`);
      sizes[label] = sizeOf(readFileSync(join(out, `${scenario}.html`)));
    }
    return sizes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (n) => `${Math.round(n / 1024).toLocaleString('en-US')} KB`;
const row = (what, s) => `| ${what} | ${kb(s.minified)} | ${kb(s.gzipped)} |`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const core = await measureCore();
  const index = await measureEntry();
  const explorer = measureExplorer();
  const pages = measurePages([['concert', 'concert-of-europe', []], ['multipolar', 'multipolar-2020s', []], ['with-data', 'concert-of-europe', ['--with-data']]]);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ core, index, explorer, pages }, null, 2));
  } else {
    console.log([
      '| What | minified | gzipped |', '|---|---|---|',
      row('`counterpoise/core`: the engine that runs a resolved scenario (loaded at once)', core.initial),
      row('`counterpoise/core`: its mathjs chunk, loaded by `loadExpressions()` only for scenarios with expressions', core.lazy),
      row('`counterpoise`: every export in one bundle (zod, yaml, mathjs, experiments, reports)', index),
      row('explorer: the worker (the core, `explain`\'s formatter, the session)', explorer.worker),
      row('explorer: the page script (controls, views, the map\'s land and d3-geo)', explorer.page),
      row('explorer: the math chunk (mathjs: expressions, ensemble statistics), loaded when needed', explorer.math),
      row('explorer: the scenario chunk (zod, yaml, the resolver: dropped files), loaded when needed', explorer.scenario),
      row('explorer: what runs when the page opens (page script and worker)', add(explorer.page, explorer.worker)),
      row('explorer: all its code (page, worker, both chunks)', [explorer.page, explorer.worker, explorer.math, explorer.scenario].reduce(add)),
      row('explorer page for concert-of-europe (6 states), with the 14 other bundled scenarios for the picker', pages.concert),
      row('explorer page for multipolar-2020s (45 states), likewise', pages.multipolar),
      row('explorer page for concert-of-europe with `--with-data` (the COW tables)', pages['with-data']),
      '', `Core budget: ${kb(CORE_BUDGET)} gzipped — ${core.initial.gzipped <= CORE_BUDGET ? 'met' : 'EXCEEDED'}.`,
    ].join('\n'));
  }
}
