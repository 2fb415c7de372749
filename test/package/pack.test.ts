/**
 * Package smoke test: packs the repository with `npm pack`, installs the tarball into a fresh
 * project in the OS temp dir and uses it the way a consumer would — ESM import, CJS require, the
 * `counterpoise/node` entry, and TypeScript type resolution under node16, nodenext and bundler
 * module resolution. It tests what is published (dist/ as built), not the sources.
 *
 * Needs `npm run build` first (`npm test` does that) and the npm registry (or a warm npm cache)
 * for the runtime dependencies listed in package.json. A second consumer installs the tarball with
 * `--omit=optional` (no vega…, no apache-arrow) to check what works without the optional packages.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tscBin = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const isWindows = process.platform === 'win32';
const npmCommand = isWindows ? 'npm.cmd' : 'npm';

/** Generous: a cold `npm install` from the registry can be slow. */
const INSTALL_TIMEOUT_MS = 240_000;
const TEST_TIMEOUT_MS = 120_000;

const REQUIRED_FILES = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/node.js', 'dist/node.cjs', 'dist/sweep-worker.js', 'dist/sweep-worker.cjs',
  'dist/core.js', 'dist/core.cjs', 'dist/core.d.ts', 'dist/core.d.cts', 'dist/explore/worker.js', 'dist/explore/math.js', 'dist/explore/scenario.js'];

interface PackedFile { path: string }
interface PackResult { filename: string; files: PackedFile[] }

function isPackResultList(value: unknown): value is PackResult[] {
  return Array.isArray(value) && value.every((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return false;
    const e = entry as { filename?: unknown; files?: unknown };
    return typeof e.filename === 'string' && Array.isArray(e.files);
  });
}

/** The environment for nested npm calls: drop settings an outer `npm test` exports that would redirect them. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    const k = key.toLowerCase();
    if (k === 'npm_config_dry_run' || k === 'npm_config_global' || k === 'npm_config_prefix' || k === 'npm_config_local_prefix'
      || k === 'npm_config_workspace' || k === 'npm_config_workspaces' || k === 'npm_config_include_workspace_root') {
      delete env[key];
    }
  }
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

function npm(args: string[], cwd: string, timeout = INSTALL_TIMEOUT_MS): string {
  const r = spawnSync(npmCommand, args, { cwd, env: npmEnv(), encoding: 'utf8', timeout, shell: isWindows, maxBuffer: 64 * 1024 * 1024 });
  if (r.error !== undefined) throw new Error(`npm ${args.join(' ')} failed to run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited with ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function node(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: TEST_TIMEOUT_MS });
}

/** Runs a script with node and returns its stdout, failing with its stderr when it fails. */
function runScript(file: string, cwd: string): string {
  const r = node([file], cwd);
  if (r.status !== 0) throw new Error(`node ${file} exited with ${r.status ?? r.signal}:\n${r.stderr}`);
  return r.stdout;
}

function tsc(project: string, cwd: string): { status: number | null; output: string } {
  const r = node([tscBin, '-p', project], cwd);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

// ------------------------------------------------------------ the consumer project's files

/** The same run, written once for ESM and once for CJS; only the import line differs. */
function consumerBody(): string {
  return `
const scenario = resolveScenario({
  meta: { id: 'pack-smoke', startYear: 1900 },
  states: [
    { id: 'AAA', capabilities: { mil: 3, eco: 2, pop: 2 }, major: true, ideology: 0.6, revisionism: 0.5, location: { lat: 50, lon: 10 } },
    { id: 'BBB', capabilities: { mil: 2, eco: 3, pop: 2 }, major: true, location: { lat: 48, lon: 2 } },
    { id: 'CCC', capabilities: { mil: 1, eco: 1, pop: 1 }, location: { lat: 52, lon: 21 } },
  ],
  dyads: [{ between: ['AAA', 'BBB'], trade: 0.3 }, { between: ['BBB', 'CCC'], trade: 0.1, alliance: true }],
  institutions: [{ id: 'CONCERT', members: ['AAA', 'BBB', 'CCC'], strength: 0.5 }],
});
const result = runSimulation(scenario, { seed: 7, ticks: 5 });
process.stdout.write(JSON.stringify({
  admissibleViolations: checkAdmissible(defaultParameters()).length,
  scenarioId: result.scenarioId,
  seed: result.seed,
  ticks: result.ticks,
  records: result.records,
  eventCount: result.events.length,
  final: result.final,
}));
`;
}

const ESM_SCRIPT = `import { resolveScenario, runSimulation, defaultParameters, checkAdmissible } from 'counterpoise';\n${consumerBody()}`;
const CJS_SCRIPT = `'use strict';\nconst { resolveScenario, runSimulation, defaultParameters, checkAdmissible } = require('counterpoise');\n${consumerBody()}`;

const NODE_ENTRY_CJS = `'use strict';
const core = require('counterpoise');
const nodeEntry = require('counterpoise/node');
const pkg = require('counterpoise/package.json');
const input = { meta: { id: 'entry' }, states: [{ id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 } }, { id: 'B', capabilities: { mil: 2, eco: 1, pop: 1 } }] };
process.stdout.write(JSON.stringify({
  version: pkg.version,
  resolveScenario: typeof nodeEntry.resolveScenario,
  runSimulation: typeof nodeEntry.runSimulation,
  // a scenario resolved through one entry runs through the other
  crossEntryTicks: core.runSimulation(nodeEntry.resolveScenario(input), { ticks: 2 }).records.length,
}));
`;
const NODE_ENTRY_ESM = `const nodeEntry = await import('counterpoise/node');
const core = await import('counterpoise');
const input = { meta: { id: 'entry' }, states: [{ id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 } }, { id: 'B', capabilities: { mil: 2, eco: 1, pop: 1 } }] };
process.stdout.write(JSON.stringify({
  resolveScenario: typeof nodeEntry.resolveScenario,
  runSimulation: typeof nodeEntry.runSimulation,
  crossEntryTicks: core.runSimulation(nodeEntry.resolveScenario(input), { ticks: 2 }).records.length,
}));
`;

/** A sweep on two worker threads from the installed package (the worker entry must be found beside the bundle). */
function sweepBody(): string {
  return `
const scenario = resolveScenario({
  meta: { id: 'pack-sweep' },
  states: [
    { id: 'A', capabilities: { mil: 3, eco: 2, pop: 2 }, ideology: 0.6, revisionism: 0.4 },
    { id: 'B', capabilities: { mil: 2, eco: 3, pop: 2 } },
    { id: 'C', capabilities: { mil: 1, eco: 1, pop: 1 } },
  ],
});
const out = process.argv[2];
runSweep(scenario, { type: 'grid', parameters: { 'system.lambda': { values: [0.2, 0.8] } } },
  { replicates: 3, ticks: 5, baseSeed: 1, out, workers: 2, formats: ['csv', 'arrow'] })
  .then((report) => process.stdout.write(JSON.stringify({ workers: report.workers, files: report.manifest.files })));
`;
}
const SWEEP_ESM = `import { resolveScenario, runSweep } from 'counterpoise/node';\n${sweepBody()}`;
const SWEEP_CJS = `'use strict';\nconst { resolveScenario, runSweep } = require('counterpoise/node');\n${sweepBody()}`;

/**
 * Uses the public API with its types. The @ts-expect-error lines also make the file fail if the
 * package's types degrade to `any` (an unused @ts-expect-error is itself an error).
 */
const GOOD_TS = `import {
  checkAdmissible, createSimulation, defaultParameters, resolveScenario, runSimulation,
  type AdmissibilityViolation, type ModelParameters, type ResolvedScenario, type ScenarioInput,
  type Simulation, type SimulationResult, type TickRecord,
} from 'counterpoise';
import { resolveScenario as resolveFromNode } from 'counterpoise/node';

const p: ModelParameters = defaultParameters();
const violations: AdmissibilityViolation[] = checkAdmissible(p);
const input: ScenarioInput = {
  meta: { id: 'typed' },
  states: [
    { id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'B', capabilities: { mil: 2, eco: 1, pop: 1 } },
  ],
};
const scenario: ResolvedScenario = resolveScenario(input);
const r: SimulationResult = runSimulation(scenario, { seed: 1, ticks: 2 });
const last: TickRecord | undefined = r.records[r.records.length - 1];
const sim: Simulation = createSimulation(resolveFromNode(input), { seed: 'x', perception: 'power', collectEvents: false });
const n: number = sim.step().tick + violations.length + (last?.tick ?? 0) + p.mu;
// @ts-expect-error mu is a number
const wrong: string = p.mu;
// @ts-expect-error ticks is required
runSimulation(scenario, { seed: 1 });
export { n, wrong };
`;

/** The CJS flavour (resolved through the "require" condition, i.e. dist/index.d.cts). */
const GOOD_CTS = `import { defaultParameters, resolveScenario, runSimulation, type ModelParameters, type SimulationResult } from 'counterpoise';
import nodeEntry = require('counterpoise/node');

const p: ModelParameters = defaultParameters();
const r: SimulationResult = runSimulation(resolveScenario({
  meta: { id: 'typed-cjs' },
  states: [{ id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 } }, { id: 'B', capabilities: { mil: 1, eco: 2, pop: 1 } }],
}), { ticks: 1 });
const f: typeof nodeEntry.resolveScenario = nodeEntry.resolveScenario;
// @ts-expect-error mu is a number
const wrong: string = p.mu;
export = { r, f, wrong };
`;

/** A deliberate type error: must make tsc fail. */
const BAD_TS = `import { defaultParameters, type ModelParameters } from 'counterpoise';

const p: ModelParameters = defaultParameters();
export const broken: string = p.mu;
`;

function tsconfig(options: Record<string, string | boolean | string[]>, files: string[]): string {
  return `${JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2022'],
      skipLibCheck: true,
      // @types/node of the repository, for the Node-only entry's declarations
      typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
      types: ['node'],
      ...options,
    },
    files,
  }, null, 2)}\n`;
}

const RESOLUTIONS: { name: string; options: Record<string, string>; cjs: boolean }[] = [
  { name: 'node16', options: { module: 'node16', moduleResolution: 'node16' }, cjs: true },
  { name: 'nodenext', options: { module: 'nodenext', moduleResolution: 'nodenext' }, cjs: true },
  { name: 'bundler', options: { module: 'esnext', moduleResolution: 'bundler' }, cjs: false },
];

// ------------------------------------------------------------ setup: pack and install once

let work = '';
let consumer = '';
/** A second consumer installed with --omit=optional: no vega, vega-lite, vega-embed or apache-arrow. */
let lean = '';
let packed: PackResult | undefined;
let tarball = '';

describe('the packed package', () => {
  beforeAll(() => {
    const missing = REQUIRED_FILES.filter((f) => !existsSync(path.join(repoRoot, f)));
    if (missing.length > 0) {
      throw new Error(`dist/ is missing or incomplete (${missing.join(', ')}): run \`npm run build\` first`);
    }
    work = mkdtempSync(path.join(os.tmpdir(), 'counterpoise-pack-'));
    const packDir = path.join(work, 'pack');
    consumer = path.join(work, 'consumer');
    mkdirSync(packDir);
    mkdirSync(consumer);

    // --ignore-scripts: test the dist/ that is there; never rebuild from inside the test run.
    const out = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], repoRoot);
    const parsed: unknown = JSON.parse(out.slice(out.indexOf('[')));
    if (!isPackResultList(parsed) || parsed.length !== 1) throw new Error(`unexpected \`npm pack --json\` output:\n${out}`);
    packed = parsed[0];
    tarball = path.join(packDir, path.basename(packed.filename));
    if (!existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);

    writeFileSync(path.join(consumer, 'package.json'), `${JSON.stringify({
      name: 'counterpoise-pack-consumer', version: '0.0.0', private: true, type: 'module',
    }, null, 2)}\n`);
    npm(['install', '--no-audit', '--no-fund', '--no-package-lock', tarball], consumer);

    lean = path.join(work, 'lean');
    mkdirSync(lean);
    writeFileSync(path.join(lean, 'package.json'), `${JSON.stringify({ name: 'counterpoise-lean-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`);
    npm(['install', '--no-audit', '--no-fund', '--no-package-lock', '--omit=optional', tarball], lean);
    writeFileSync(path.join(lean, 'esm.mjs'), ESM_SCRIPT);
    writeFileSync(path.join(lean, 'cjs.cjs'), CJS_SCRIPT);
    writeFileSync(path.join(lean, 'node-entry.mjs'), NODE_ENTRY_ESM);
    writeFileSync(path.join(lean, 'sweep.mjs'), SWEEP_ESM);

    writeFileSync(path.join(consumer, 'esm.mjs'), ESM_SCRIPT);
    writeFileSync(path.join(consumer, 'cjs.cjs'), CJS_SCRIPT);
    writeFileSync(path.join(consumer, 'node-entry.cjs'), NODE_ENTRY_CJS);
    writeFileSync(path.join(consumer, 'node-entry.mjs'), NODE_ENTRY_ESM);
    writeFileSync(path.join(consumer, 'sweep.mjs'), SWEEP_ESM);
    writeFileSync(path.join(consumer, 'sweep.cjs'), SWEEP_CJS);
    writeFileSync(path.join(consumer, 'good.ts'), GOOD_TS);
    writeFileSync(path.join(consumer, 'good.cts'), GOOD_CTS);
    writeFileSync(path.join(consumer, 'bad.ts'), BAD_TS);
    for (const r of RESOLUTIONS) {
      writeFileSync(path.join(consumer, `tsconfig.good.${r.name}.json`), tsconfig(r.options, r.cjs ? ['good.ts', 'good.cts'] : ['good.ts']));
      writeFileSync(path.join(consumer, `tsconfig.bad.${r.name}.json`), tsconfig(r.options, ['bad.ts']));
    }
  }, INSTALL_TIMEOUT_MS * 2);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it('ships dist (ESM, CJS and both declaration flavours) and no sources or tests', () => {
    const files = (packed?.files ?? []).map((f) => f.path.replace(/\\/g, '/'));
    for (const f of REQUIRED_FILES) expect(files, `tarball lacks ${f}`).toContain(f);
    expect(files).toContain('package.json');
    const leaked = files.filter((f) => /^(src|test|benchmarks|node_modules)\//.test(f) || /(^|\/)tsconfig[^/]*\.json$/.test(f));
    expect(leaked, 'files that should not be published').toEqual([]);

    // The tarball itself agrees with npm's listing.
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter((l) => l !== '');
    expect(listing).toContain('package/dist/index.d.cts');
    expect(listing.filter((l) => /^package\/(src|test)\//.test(l))).toEqual([]);
  });

  it('ships the docs, the examples the docs use (sweep designs, examples/sweep.mjs) and CITATION.cff', () => {
    const files = (packed?.files ?? []).map((f) => f.path.replace(/\\/g, '/'));
    for (const f of ['CITATION.cff', 'README.md', 'docs/cli.md', 'docs/model.md', 'docs/model-notes.md', 'docs/experiments.md', 'docs/scenarios.md', 'examples/sweep.mjs',
      'examples/sweeps/lambda-nu.yaml', 'examples/sweeps/lhs.yaml', 'examples/sweeps/screening-oat.yaml']) {
      expect(files, `tarball lacks ${f}`).toContain(f);
      expect(existsSync(path.join(consumer, 'node_modules', 'counterpoise', f)), `installed package lacks ${f}`).toBe(true);
    }
    // Every examples/… path the README and docs name is in the package.
    const docs = ['README.md', ...files.filter((f) => /^docs\/.*\.md$/.test(f))].map((f) => readFileSync(path.join(repoRoot, f), 'utf8')).join('\n');
    const named = [...new Set([...docs.matchAll(/examples\/[\w./-]*\w/g)].map((m) => m[0]))];
    expect(named.length).toBeGreaterThan(0);
    for (const f of named) expect(files.some((p) => p === f || p.startsWith(`${f}/`)), `docs name ${f}, which the package lacks`).toBe(true);
  });

  it('the bundled example runner works from the installed package (node node_modules/counterpoise/examples/sweep.mjs)', () => {
    const r = node([path.join('node_modules', 'counterpoise', 'examples', 'sweep.mjs'), 'run', '--help'], consumer);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: node examples\/sweep\.mjs run/);
  }, TEST_TIMEOUT_MS);

  it('counterpoise/core resolves from the installed package, ESM and CJS: the same engine objects as counterpoise, expressions after loadExpressions()', () => {
    const body = (load: string): string => `${load}
const input = { meta: { id: 'core' }, states: [{ id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 } }, { id: 'B', capabilities: { mil: 2, eco: 1, pop: 1 } }],
  system: { lambda: '0.4 + 0.01 * tick' } };
const resolved = JSON.parse(JSON.stringify(full.resolveScenario(input)));
Promise.resolve(core.loadExpressions()).then(() => process.stdout.write(JSON.stringify({
  same: core.createSimulation === full.createSimulation && core.checkAdmissible === full.checkAdmissible,
  needs: core.needsExpressions(resolved),
  ticks: core.runSimulation(resolved, { seed: 3, ticks: 4 }).records.length,
  equal: JSON.stringify(core.runSimulation(resolved, { seed: 3, ticks: 4 }).records) === JSON.stringify(full.runSimulation(full.resolveScenario(input), { seed: 3, ticks: 4 }).records),
})));
`;
    writeFileSync(path.join(consumer, 'core.mjs'), body(`const core = await import('counterpoise/core');\nconst full = await import('counterpoise');`));
    writeFileSync(path.join(consumer, 'core.cjs'), body(`'use strict';\nconst core = require('counterpoise/core');\nconst full = require('counterpoise');`));
    const expected = { same: true, needs: true, ticks: 4, equal: true };
    expect(JSON.parse(runScript('core.mjs', consumer))).toEqual(expected);
    expect(JSON.parse(runScript('core.cjs', consumer))).toEqual(expected);
  }, TEST_TIMEOUT_MS);

  it('works without its optional packages (vega…, apache-arrow): the engine, the node entry and sweeps without Arrow', () => {
    for (const dep of ['vega', 'vega-lite', 'vega-embed', 'apache-arrow']) {
      expect(existsSync(path.join(lean, 'node_modules', dep)), `${dep} installed despite --omit=optional`).toBe(false);
    }
    expect(runScript('esm.mjs', lean)).toBe(runScript('esm.mjs', consumer));
    expect(runScript('cjs.cjs', lean)).toBe(runScript('esm.mjs', consumer));
    expect(JSON.parse(runScript('node-entry.mjs', lean))).toEqual({ resolveScenario: 'function', runSimulation: 'function', crossEntryTicks: 2 });
    // A sweep with CSV only needs no optional package…
    const csvOnly = SWEEP_ESM.replace("formats: ['csv', 'arrow']", "formats: ['csv']");
    writeFileSync(path.join(lean, 'sweep-csv.mjs'), csvOnly);
    const ok = node(['sweep-csv.mjs', path.join(work, 'lean-sweep')], lean);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(existsSync(path.join(work, 'lean-sweep', 'manifest.json'))).toBe(true);
    // …and one asking for Arrow stops before any run with the package and the command to install it.
    const arrow = node(['sweep.mjs', path.join(work, 'lean-arrow')], lean);
    expect(arrow.status).not.toBe(0);
    expect(arrow.stderr).toMatch(/Arrow output needs the package "apache-arrow", which is not installed; install it with: npm install "apache-arrow@\^\d+/);
    expect(existsSync(path.join(work, 'lean-arrow', 'runs.csv.partial'))).toBe(false);
  }, TEST_TIMEOUT_MS);

  it('without vega, `counterpoise run --report` fails with one line naming the package and the npm command; without --report it works', () => {
    const bin = path.join(lean, 'node_modules', '.bin', isWindows ? 'counterpoise.cmd' : 'counterpoise');
    const out = path.join(work, 'lean-run');
    const plain = spawnSync(bin, ['run', 'concert-of-europe', '--ticks', '3', '--out', out, '--quiet'], { cwd: lean, encoding: 'utf8', timeout: TEST_TIMEOUT_MS, shell: isWindows });
    expect(plain.stderr).toBe('');
    expect(plain.status).toBe(0);
    const report = spawnSync(bin, ['run', 'concert-of-europe', '--ticks', '3', '--out', path.join(work, 'lean-report'), '--report', '--quiet'],
      { cwd: lean, encoding: 'utf8', timeout: TEST_TIMEOUT_MS, shell: isWindows });
    expect(report.status).toBe(1);
    // One line: the message (nothing to debug in the program, so no --debug hint); no stack trace.
    const lines = report.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(report.stderr).not.toMatch(/^\s+at /m);
    expect(lines[0]).toMatch(/^counterpoise: reports and figures need the package "vega(-lite|-embed)?", which is not installed; install it with: npm install "vega@\^[\d.]+" "vega-lite@\^[\d.]+" "vega-embed@\^[\d.]+"$/);
  }, TEST_TIMEOUT_MS);

  it('installs with its runtime dependencies', () => {
    const installed = path.join(consumer, 'node_modules', 'counterpoise', 'package.json');
    const pkg: unknown = JSON.parse(readFileSync(installed, 'utf8'));
    expect(pkg).toMatchObject({ name: 'counterpoise' });
    const deps = Object.keys((pkg as { dependencies?: Record<string, string> }).dependencies ?? {});
    expect(deps).toContain('zod');
    for (const dep of deps) {
      expect(existsSync(path.join(consumer, 'node_modules', dep, 'package.json')), `dependency ${dep} not installed`).toBe(true);
    }
    // The optional packages (reports, Arrow) are installed by default, so the CLI's reports work out of the box.
    const optional = Object.keys((pkg as { optionalDependencies?: Record<string, string> }).optionalDependencies ?? {}).sort();
    expect(optional).toEqual(['apache-arrow', 'vega', 'vega-embed', 'vega-lite']);
    for (const dep of optional) {
      expect(existsSync(path.join(consumer, 'node_modules', dep, 'package.json')), `optional dependency ${dep} not installed by default`).toBe(true);
    }
  });

  it('runs the same simulation identically from ESM import and CJS require', () => {
    const esm = runScript('esm.mjs', consumer);
    const cjs = runScript('cjs.cjs', consumer);
    expect(cjs).toBe(esm);

    const result: unknown = JSON.parse(esm);
    expect(result).toMatchObject({ admissibleViolations: 0, scenarioId: 'pack-smoke', seed: 7, ticks: 5 });
    const r = result as {
      records: { tick: number; families: Record<string, number>; meanThreat: number }[];
      final: { tick: number; states: { id: string; cinc: number }[] };
    };
    expect(r.records.map((rec) => rec.tick)).toEqual([0, 1, 2, 3, 4]);
    for (const rec of r.records) {
      // every state chose exactly one option each tick
      expect(Object.values(rec.families).reduce((a, b) => a + b, 0)).toBe(3);
      expect(rec.meanThreat).toBeGreaterThanOrEqual(0);
      expect(rec.meanThreat).toBeLessThanOrEqual(1);
    }
    expect(r.final.tick).toBe(5);
    expect(r.final.states.map((s) => s.id).sort()).toEqual(['AAA', 'BBB', 'CCC']);
    expect(r.final.states.reduce((sum, s) => sum + s.cinc, 0)).toBeCloseTo(1, 9);
  }, TEST_TIMEOUT_MS);

  it('loads counterpoise/node with require() and import()', () => {
    const viaRequire: unknown = JSON.parse(runScript('node-entry.cjs', consumer));
    const repoPkg: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const version = (repoPkg as { version: string }).version;
    expect(viaRequire).toEqual({ version, resolveScenario: 'function', runSimulation: 'function', crossEntryTicks: 2 });
    const viaImport: unknown = JSON.parse(runScript('node-entry.mjs', consumer));
    expect(viaImport).toEqual({ resolveScenario: 'function', runSimulation: 'function', crossEntryTicks: 2 });
  }, TEST_TIMEOUT_MS);

  it('installs the `counterpoise` executable: runs a bundled scenario and writes its report from the installed package', () => {
    const bin = path.join(consumer, 'node_modules', '.bin', isWindows ? 'counterpoise.cmd' : 'counterpoise');
    expect(existsSync(bin), 'node_modules/.bin/counterpoise').toBe(true);
    const version = spawnSync(bin, ['--version'], { cwd: consumer, encoding: 'utf8', timeout: TEST_TIMEOUT_MS, shell: isWindows });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version);
    const out = path.join(work, 'cli-run');
    const run = spawnSync(bin, ['run', 'concert-of-europe', '--ticks', '5', '--out', out, '--report', '--quiet'],
      { cwd: consumer, encoding: 'utf8', timeout: TEST_TIMEOUT_MS, shell: isWindows });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const f of ['ticks.csv', 'states.csv', 'run.json', 'report.html', 'figures/memberships.svg']) expect(existsSync(path.join(out, f)), f).toBe(true);
  }, TEST_TIMEOUT_MS);

  it('runs a sweep on worker threads from ESM and CJS alike, with identical files', () => {
    const run = (script: string, out: string): unknown => {
      const r = node([script, path.join(work, out)], consumer);
      if (r.status !== 0) throw new Error(`node ${script} exited with ${r.status ?? r.signal}:\n${r.stderr}`);
      return JSON.parse(r.stdout);
    };
    const esm = run('sweep.mjs', 'sweep-esm') as { workers: number; files: Record<string, { rows: number }> };
    const cjs = run('sweep.cjs', 'sweep-cjs');
    expect(esm.workers).toBe(2);
    expect(esm.files['runs.csv'].rows).toBe(6);
    expect(cjs).toEqual(esm);
    for (const name of ['runs.csv', 'ticks.csv', 'events.csv', 'summary.csv', 'runs.arrow', 'ticks.arrow', 'manifest.json']) {
      expect(readFileSync(path.join(work, 'sweep-cjs', name)).equals(readFileSync(path.join(work, 'sweep-esm', name))), name).toBe(true);
    }
  }, TEST_TIMEOUT_MS);

  for (const r of RESOLUTIONS) {
    it(`resolves its types with moduleResolution ${r.name}: typed use compiles, a type error fails`, () => {
      const good = tsc(`tsconfig.good.${r.name}.json`, consumer);
      expect(good.output).toBe('');
      expect(good.status).toBe(0);

      const bad = tsc(`tsconfig.bad.${r.name}.json`, consumer);
      expect(bad.status).not.toBe(0);
      // It must fail for the deliberate error, not because the package could not be found.
      expect(bad.output).toMatch(/bad\.ts\(4,14\): error TS2322/);
      expect(bad.output).not.toMatch(/TS2307|TS7016/);
    }, TEST_TIMEOUT_MS);
  }
});
