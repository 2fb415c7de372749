import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import { checkPoint } from './applyPoint.js';
import { canonicalJson } from './canonicalJson.js';
import { deriveSeed, SEED_LIMIT } from './deriveSeed.js';
import { compileDesign, type CompiledDesign, type Design } from './design.js';
import { ExperimentError, type ExperimentIssue } from './ExperimentError.js';
import { isExpressionDriven, parseParameterPath, readParameter, type ParameterValue } from './parameterPath.js';
import type { RunSpec } from './runOne.js';
import { sha256Hex } from './sha256.js';
import { sweepLayout, type SweepLayout } from './tables.js';

/** A share of a sweep: runs whose index modulo `count` is `index` (0-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Which optional tables a sweep records (the runs table is always written). */
export interface SweepTables {
  /** One row per run and tick (default true). */
  ticks?: boolean;
  /** One row per event (default true). */
  events?: boolean;
}

/** Options of a sweep or an ensemble: how many runs of each point, how long, which seeds. */
export interface SweepOptions {
  /** Ticks per run. */
  ticks: number;
  /** Replicates per design point, with seeds derived by deriveSeed (default 1; not with `seeds`). */
  replicates?: number;
  /**
   * Explicit run seeds instead of derived ones: replicate r of every point uses seeds[r] (common
   * random numbers across points). Whole numbers in [0, 2^48), distinct.
   */
  seeds?: readonly number[];
  /** The base seed of derived seeds (default 0). */
  baseSeed?: number | string;
  /** Accept points whose model parameters violate C2–C8 (THEORY §5.4); see applyPoint. Default false. */
  allowInadmissible?: boolean;
  /** Which optional tables to record. */
  tables?: SweepTables;
  /** Run only this share of the design (`{ index, count }` or `"i/n"`, 0-based: "0/4" … "3/4"). */
  shard?: Shard | string;
}

/**
 * What identifies a sweep's output: two runs of the same plan write the same rows. Stored in the
 * checkpoint and the manifest; resume and merge refuse outputs whose fingerprint differs.
 */
export interface SweepFingerprint {
  readonly scenarioId: string;
  /** SHA-256 of the resolved scenario's canonical JSON. */
  readonly scenarioHash: string;
  /** SHA-256 of the normalised design's canonical JSON. */
  readonly designHash: string;
  readonly points: number;
  readonly replicates: number;
  /** SHA-256 of the explicit seeds, or null when seeds are derived. */
  readonly seedsHash: string | null;
  readonly baseSeed: number | string;
  readonly ticks: number;
  readonly allowInadmissible: boolean;
  readonly tables: { readonly ticks: boolean; readonly events: boolean };
}

/** A validated sweep: the design compiled, every point checked, the runs enumerable one by one. */
export interface SweepPlan {
  readonly scenario: ResolvedScenario;
  readonly design: CompiledDesign;
  readonly layout: SweepLayout;
  readonly ticks: number;
  readonly replicates: number;
  readonly baseSeed: number | string;
  /** Explicit seeds, or null when derived. */
  readonly seeds: readonly number[] | null;
  readonly allowInadmissible: boolean;
  readonly tables: { readonly ticks: boolean; readonly events: boolean };
  /** Runs of the whole design: points × replicates. */
  readonly runs: number;
  /** This plan's shard, or null for the whole design. */
  readonly shard: Shard | null;
  /** Runs in this shard (all runs when unsharded). */
  readonly shardRuns: number;
  readonly fingerprint: SweepFingerprint;
  /** The run with global index `run` (0 ≤ run < runs). */
  spec(run: number): RunSpec;
  /** The k-th run of this shard (0 ≤ k < shardRuns), in increasing run order. */
  shardRun(k: number): number;
}

/**
 * Parses a shard given as `"i/n"` (0-based, as Slurm's SLURM_ARRAY_TASK_ID with --array=0-(n-1) and
 * Kubernetes' JOB_COMPLETION_INDEX give it) or as `{ index, count }`.
 *
 * @throws ExperimentError (code `spec`) unless 0 ≤ i < n.
 */
export function parseShard(shard: Shard | string): Shard {
  let index: number;
  let count: number;
  if (typeof shard === 'string') {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(shard);
    if (m === null) throw new ExperimentError('spec', [{ path: 'shard', message: `expected "i/n" (e.g. "0/4"), got ${JSON.stringify(shard)}` }]);
    index = Number(m[1]);
    count = Number(m[2]);
  } else ({ index, count } = shard);
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 0 && index < count)) {
    throw new ExperimentError('spec', [{ path: 'shard', message: `need 0 ≤ i < n (got ${index}/${count}); shards are numbered from 0` }]);
  }
  return { index, count };
}

/** The OAT baselines the scenario provides for parameters whose design gives none. */
function scenarioBaselines(scenario: ResolvedScenario, design: Design, issues: ExperimentIssue[]): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  if (design.type !== 'oat') return out;
  for (const [text, levels] of Object.entries(design.parameters ?? {})) {
    if (levels?.baseline !== undefined) continue;
    let p;
    try { p = parseParameterPath(text); } catch { continue; } // reported by compileDesign
    if (isExpressionDriven(scenario, p)) {
      issues.push({ path: `design.parameters.${text}.baseline`, message: `${p.path} is an expression of time in this scenario; give the baseline explicitly` });
      continue;
    }
    const t = p.target;
    if (t.kind === 'state' && t.state === '*' && new Set(scenario.states.map((s) => JSON.stringify(readParameter(scenario, `states.${s.id}.${t.field}`)))).size > 1) {
      issues.push({ path: `design.parameters.${text}.baseline`, message: 'the states differ in this field; give the baseline explicitly' });
      continue;
    }
    if (t.kind === 'institution' && t.institution === '*' && new Set(scenario.institutions.map((q) => q[t.field])).size > 1) {
      issues.push({ path: `design.parameters.${text}.baseline`, message: 'the institutions differ in this field; give the baseline explicitly' });
      continue;
    }
    try {
      out[p.path] = readParameter(scenario, p);
    } catch (error) {
      if (error instanceof ExperimentError) issues.push(...error.issues);
      else throw error;
    }
  }
  return out;
}

/**
 * Validates a sweep and prepares its runs: compiles the design (against the scenario, for one-at-a-
 * time baselines), checks every point against the scenario before anything runs (so a bad value
 * fails in a second, not after hours), and fixes the run order: point-major, replicates
 * consecutive, run = point × replicates + replicate. Pure.
 *
 * @throws ExperimentError listing every problem (design, spec), each naming its path and point.
 */
export function planSweep(scenario: ResolvedScenario, design: Design, options: SweepOptions): SweepPlan {
  const issues: ExperimentIssue[] = [];
  const { ticks } = options;
  if (!(Number.isInteger(ticks) && ticks >= 1)) issues.push({ path: 'ticks', message: `must be a whole number ≥ 1 (got ${ticks})` });
  const seeds = options.seeds ?? null;
  if (seeds !== null && options.replicates !== undefined && options.replicates !== seeds.length) {
    issues.push({ path: 'replicates', message: `give replicates or seeds, not both (${options.replicates} replicates, ${seeds.length} seeds)` });
  }
  if (seeds !== null) {
    if (seeds.length === 0) issues.push({ path: 'seeds', message: 'needs at least one seed' });
    seeds.forEach((s, k) => {
      if (!(Number.isInteger(s) && s >= 0 && s < SEED_LIMIT)) issues.push({ path: `seeds[${k}]`, message: `must be a whole number in [0, 2^48) (got ${s})` });
    });
    if (new Set(seeds).size !== seeds.length) issues.push({ path: 'seeds', message: 'seeds repeat; replicates with one seed would be identical' });
  }
  const replicates = seeds?.length ?? options.replicates ?? 1;
  if (!(Number.isInteger(replicates) && replicates >= 1)) issues.push({ path: 'replicates', message: `must be a whole number ≥ 1 (got ${replicates})` });
  const baseSeed = options.baseSeed ?? 0;
  if (typeof baseSeed === 'number' && !Number.isFinite(baseSeed)) issues.push({ path: 'baseSeed', message: 'must be a finite number or a string' });
  const shard = options.shard === undefined ? null : parseShard(options.shard);
  const baseline = scenarioBaselines(scenario, design, issues);
  if (issues.length > 0) throw new ExperimentError('spec', issues);

  const compiled = compileDesign(design, { baseline, seed: baseSeed });
  const allowInadmissible = options.allowInadmissible ?? false;
  const pointIssues: ExperimentIssue[] = [];
  for (let i = 0; i < compiled.size && pointIssues.length < 50; i++) {
    pointIssues.push(...checkPoint(scenario, compiled.point(i).values, { allowInadmissible, point: i }));
  }
  if (pointIssues.length > 0) throw new ExperimentError('design', pointIssues);

  const tables = { ticks: options.tables?.ticks ?? true, events: options.tables?.events ?? true };
  const layout = sweepLayout(compiled.parameters, scenario.states.map((s) => s.id));
  const runs = compiled.size * replicates;
  const shardRuns = shard === null ? runs : Math.max(0, Math.ceil((runs - shard.index) / shard.count));
  const fingerprint: SweepFingerprint = {
    scenarioId: scenario.meta.id,
    scenarioHash: sha256Hex(canonicalJson(scenario)),
    designHash: sha256Hex(canonicalJson(compiled.normalized)),
    points: compiled.size,
    replicates,
    seedsHash: seeds === null ? null : sha256Hex(canonicalJson(seeds)),
    baseSeed,
    ticks,
    allowInadmissible,
    tables,
  };
  const scenarioId = scenario.meta.id;
  return {
    scenario, design: compiled, layout, ticks, replicates, baseSeed, seeds, allowInadmissible, tables, runs, shard, shardRuns,
    fingerprint,
    spec(run: number): RunSpec {
      if (!(Number.isInteger(run) && run >= 0 && run < runs)) throw new RangeError(`run ${run} is outside the sweep (0…${runs - 1})`);
      const point = Math.floor(run / replicates);
      const replicate = run - point * replicates;
      const { values } = compiled.point(point);
      const seed = seeds === null ? deriveSeed({ baseSeed, scenarioId, point: values, replicate }) : seeds[replicate];
      return { run, point, replicate, seed, values };
    },
    shardRun(k: number): number {
      return shard === null ? k : shard.index + k * shard.count;
    },
  };
}
