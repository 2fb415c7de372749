#!/usr/bin/env node
// Bit-identity check for optimisations: fingerprints what a build of the package computes — every
// record, every event, the final world (snapshot and raw typed arrays), the whole threat matrix
// through the public API and a few decision explanations — for every benchmark workload and every
// bundled scenario, and compares two builds.
//
//   node benchmarks/identity.mjs --dist DIR [--out FILE]        fingerprint one build (JSON to FILE or stdout)
//   node benchmarks/identity.mjs --dist NEW --against OLD        fingerprint both and compare (exit 1 on any difference)
//   node benchmarks/identity.mjs ... --quick                     bundled scenarios and workloads ≤ 200 states only
//
// A build is a folder like dist/ (`npx tsup --out-dir DIR --no-dts`); put it inside the repository
// (benchmarks/results/tmp/ is git-ignored) so that it finds data/ and node_modules/. Each build is
// fingerprinted in its own child process.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const a = { dist: path.join(here, '..', 'dist'), against: null, out: null, quick: false, child: false };
  for (let k = 0; k < argv.length; k++) {
    const x = argv[k];
    if (x === '--dist') a.dist = path.resolve(argv[++k]);
    else if (x === '--against') a.against = path.resolve(argv[++k]);
    else if (x === '--out') a.out = argv[++k];
    else if (x === '--quick') a.quick = true;
    else if (x === '--child') a.child = true;
    else throw new Error(`unknown argument ${x}`);
  }
  return a;
}

const sha = () => createHash('sha256');
const bytes = (h, ta) => h.update(new Uint8Array(ta.buffer, ta.byteOffset, ta.byteLength));

/** Runs a simulation and fingerprints everything observable about it. */
function fingerprint(lib, scenario, { seed, ticks, explainAt = [], perception }) {
  const sim = lib.createSimulation(scenario, { seed, collectEvents: true, ...(perception ? { perception } : {}) });
  const ids = sim.world.states.map((s) => s.id);
  const recs = sha();
  const expl = sha();
  for (let t = 0; t < ticks; t++) {
    if (explainAt.includes(t)) {
      const who = ids[(t * 7) % ids.length];
      const { record, explanation } = sim.stepAndExplain(who);
      recs.update(JSON.stringify(record));
      expl.update(JSON.stringify(explanation));
    } else recs.update(JSON.stringify(sim.step()));
  }
  const threat = new Float64Array(ids.length * ids.length);
  for (let i = 0; i < ids.length; i++) for (let j = 0; j < ids.length; j++) threat[i * ids.length + j] = sim.threat(ids[i], ids[j]);
  const { world: w } = sim.internals;
  const raw = sha();
  for (const key of ['mil', 'eco', 'pop', 'leg', 'ahat', 'trade', 'ally', 'ent', 'instStrength', 'member', 'memberCount', 'instAlive']) bytes(raw, w[key]);
  return {
    records: recs.digest('hex').slice(0, 16),
    events: sha().update(JSON.stringify(sim.events)).digest('hex').slice(0, 16),
    world: sha().update(JSON.stringify(sim.world)).digest('hex').slice(0, 16),
    internals: raw.digest('hex').slice(0, 16),
    threat: bytes(sha(), threat).digest('hex').slice(0, 16),
    explanations: expl.digest('hex').slice(0, 16),
    eventCount: sim.events.length,
  };
}

async function child(args) {
  const lib = await import(pathToFileURL(path.join(args.dist, 'index.js')).href);
  const node = await import(pathToFileURL(path.join(args.dist, 'node.js')).href);
  // Walt's model as a plug-in (not the built-in object): the engine then takes its general path.
  const general = lib.waltThreat ? { name: 'walt', threatMatrix: (view, out) => lib.waltThreat.threatMatrix(view, out) } : null;
  const out = {};
  for (const entry of node.listBundledScenarios()) {
    const name = typeof entry === 'string' ? entry : entry.name;
    const scenario = node.loadScenario(name);
    out[`${name} seed42 ×100`] = fingerprint(lib, scenario, { seed: 42, ticks: 100, explainAt: [0, 10, 57] });
    if (general !== null) out[`${name} seed42 ×100 (general path)`] = fingerprint(lib, scenario, { seed: 42, ticks: 100, explainAt: [0, 10, 57], perception: general });
    out[`${name} seed7 ×300`] = fingerprint(lib, scenario, { seed: 7, ticks: 300, explainAt: [150] });
  }
  const dir = path.join(here, 'workloads');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.mjs') && !x.startsWith('_')).sort()) {
    const { workload } = await import(pathToFileURL(path.join(dir, f)).href);
    if (args.quick && workload.states > 200) continue;
    const ticks = workload.identityTicks ?? workload.ticks;
    if (ticks === 0) continue;
    const scenario = lib.resolveScenario(workload.scenario());
    out[`${workload.name} ×${ticks}`] = fingerprint(lib, scenario, { seed: workload.runSeed, ticks, explainAt: [1, Math.floor(ticks / 2)] });
    if (general !== null && workload.states <= 200) {
      // The engine's fused Walt path against the general path (Walt's matrix through the plug-in
      // interface), in the same build: every figure must agree.
      const viaPlugin = fingerprint(lib, scenario, { seed: workload.runSeed, ticks, explainAt: [1, Math.floor(ticks / 2)], perception: general });
      out[`${workload.name} ×${ticks} (general path)`] = viaPlugin;
    }
    if (workload.states <= 200) {
      out[`${workload.name} power ×${Math.min(ticks, 200)}`] = fingerprint(lib, scenario, { seed: 3, ticks: Math.min(ticks, 200), perception: 'power' });
    }
  }
  return out;
}

function runChild(dist, quick) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', '--dist', dist, ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`fingerprinting ${dist} failed (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout);
}

const args = parseArgs(process.argv.slice(2));
if (args.child) {
  process.stdout.write(JSON.stringify(await child(args)));
} else if (args.against === null) {
  const fp = runChild(args.dist, args.quick);
  const text = `${JSON.stringify(fp, null, 2)}\n`;
  if (args.out) writeFileSync(args.out, text); else process.stdout.write(text);
} else {
  const [now, before] = [runChild(args.dist, args.quick), runChild(args.against, args.quick)];
  let differences = 0;
  // Within the new build: the general path must give what the fused path gives.
  for (const key of Object.keys(now).filter((k) => k.endsWith(' (general path)'))) {
    const a = now[key.slice(0, -' (general path)'.length)];
    const b = now[key];
    const diff = Object.keys(a).filter((k) => a[k] !== b[k]);
    if (diff.length > 0) differences++;
    process.stdout.write(`${diff.length === 0 ? 'identical' : `DIFFERS (${diff.join(', ')})`}  fused vs general path: ${key.slice(0, -' (general path)'.length)}\n`);
  }
  for (const key of Object.keys(before)) {
    const a = before[key];
    const b = now[key];
    const diff = b === undefined ? ['missing'] : Object.keys(a).filter((k) => a[k] !== b[k]);
    if (diff.length > 0) differences++;
    process.stdout.write(`${diff.length === 0 ? 'identical' : `DIFFERS (${diff.join(', ')})`}  ${key}  ${a.records}/${a.events}/${a.world}/${a.internals}/${a.threat}\n`);
  }
  process.stdout.write(`${Object.keys(before).length - differences} of ${Object.keys(before).length} runs identical\n`);
  if (args.out) writeFileSync(args.out, `${JSON.stringify({ now, before }, null, 2)}\n`);
  process.exit(differences === 0 ? 0 : 1);
}
