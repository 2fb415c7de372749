/**
 * The user-facing theory check, the way a user gets it: `npm pack` the repository, install the
 * tarball and fast-check (the optional peer dependency) into a fresh project in the OS temp dir,
 * and run scripts that import `counterpoise/testing` — ESM and CJS. The default model must pass;
 * a policy that violates P2 must get P2 back as failing, with a counterexample.
 *
 * Tests what is published (dist/ as built): run `npm run build` first. Needs the npm registry for
 * the runtime dependencies and fast-check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const npmBin = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const INSTALL_TIMEOUT = 300_000;

/** npm in a clean environment: no settings inherited from an outer `npm run` that would redirect it. */
function runNpm(args: string[], cwd: string): string {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.toLowerCase().startsWith('npm_')) env[k] = v;
  Object.assign(env, { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });
  const r = spawnSync(npmBin, args, { cwd, env, encoding: 'utf8', timeout: INSTALL_TIMEOUT, shell: process.platform === 'win32' });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(`npm ${args.join(' ')} failed (${r.error?.message ?? r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** Runs a script of the consumer project and parses the JSON it prints. */
function runJson(file: string, cwd: string): unknown {
  const r = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`node ${file} exited with ${r.status ?? r.signal}:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The worked example of docs/testing.md, in the consumer's own code. */
const CAUTIOUS_POLICY = `{
  name: 'cautious arming',
  probabilities(ctx, params) {
    const { utilities } = strategyProbabilities(ctx, params);
    const v = { ...utilities, HI: utilities.HI - 6 * ctx.T ** 2, HE: utilities.HE - 6 * ctx.T ** 2 };
    const available = (o) => o === 'NONE' || ctx.available?.[o] !== false;
    const max = Math.max(...Object.keys(v).filter(available).map((o) => v[o]));
    const out = {};
    for (const o of Object.keys(v)) out[o] = available(o) ? Math.exp((v[o] - max) / params.mu) : 0;
    return out;
  },
}`;

const ESM_SCRIPT = `import { checkTheory, THEORY_PROPERTIES, admissibleParameters } from 'counterpoise/testing';
import { defaultParameters, strategyProbabilities } from 'counterpoise';
import fc from 'fast-check';

const cautious = ${CAUTIOUS_POLICY};
const base = checkTheory({ parameters: defaultParameters() }, { numRuns: 50 });
const bad = checkTheory({ name: 'cautious arming', policy: cautious, parameters: defaultParameters() }, { numRuns: 100 });
const sample = fc.sample(admissibleParameters(), { numRuns: 1, seed: 1 })[0];
console.log(JSON.stringify({
  properties: THEORY_PROPERTIES.map((p) => p.id),
  base: { holds: base.holds, fails: base.fails.map((f) => ({ id: f.id, message: f.message })), skipped: base.skipped.map((s) => s.id), errors: base.errors },
  bad: { model: bad.model, fails: bad.fails },
  sampleMu: sample.mu,
}));
`;

const CJS_SCRIPT = `const { checkTheory } = require('counterpoise/testing');
const { defaultParameters, strategyProbabilities } = require('counterpoise');
const cautious = ${CAUTIOUS_POLICY};
const report = checkTheory({ policy: cautious, parameters: defaultParameters() }, { numRuns: 100, only: ['P2', 'P15'] });
console.log(JSON.stringify({ holds: report.holds, fails: report.fails.map((f) => f.id) }));
`;

interface EsmOutput {
  properties: string[];
  base: { holds: string[]; fails: { id: string; message: string }[]; skipped: string[]; errors: unknown[] };
  bad: { model: string; fails: { id: string; message: string; counterexample: { ctx?: { T: number }; T?: number[] }; seed: number; path?: string }[] };
  sampleMu: number;
}

describe('counterpoise/testing from the packed package', () => {
  let tmp = '';
  let project = '';

  beforeAll(() => {
    expect(existsSync(path.join(root, 'dist', 'testing.js')), 'dist/testing.js is missing: run `npm run build` first').toBe(true);
    tmp = mkdtempSync(path.join(os.tmpdir(), 'counterpoise-testing-kit-'));
    runNpm(['pack', '--pack-destination', tmp], root);
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (tarball === undefined) throw new Error('npm pack produced no tarball');
    project = path.join(tmp, 'consumer');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
    runNpm(['install', '--no-audit', '--no-fund', path.join(tmp, tarball), 'fast-check@^4'], project);
    writeFileSync(path.join(project, 'check.mjs'), ESM_SCRIPT);
    writeFileSync(path.join(project, 'check.cjs'), CJS_SCRIPT);
  }, INSTALL_TIMEOUT + 60_000);

  afterAll(() => {
    if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
  });

  it('ESM: the default model holds every property (P13, P14, P17, P18 skipped: switches off); a P2-violating policy fails P2 with a counterexample', () => {
    const out = runJson('check.mjs', project) as EsmOutput;
    expect(out.properties).toHaveLength(60);
    expect(out.base.fails.map((f) => `${f.id}: ${f.message}`)).toEqual([]);
    expect(out.base.errors).toEqual([]);
    expect(out.base.skipped).toEqual(['P13', 'P14', 'P17', 'P18']);
    expect(out.base.holds).toHaveLength(56);
    expect(out.bad.model).toBe('cautious arming');
    const p2 = out.bad.fails.find((f) => f.id === 'P2');
    expect(p2).toBeDefined();
    expect(p2?.message).toMatch(/log-odds/);
    expect(typeof p2?.counterexample.ctx?.T).toBe('number');
    expect(p2?.counterexample.T).toHaveLength(2);
    expect(typeof p2?.path).toBe('string');
    expect(out.sampleMu).toBeGreaterThan(0);
  }, 180_000);

  it('CJS: require(\'counterpoise/testing\') works and finds the same P2 failure', () => {
    const out = runJson('check.cjs', project) as { holds: string[]; fails: string[] };
    expect(out.fails).toEqual(['P2']);
    expect(out.holds).toEqual(['P15']);
  }, 120_000);
});
