import { canonicalJson } from './canonicalJson.js';
import { ExperimentError } from './ExperimentError.js';
import { morrisEffects } from './morrisEffects.js';
import { morrisTrajectories } from './morrisTrajectories.js';
import type { RunResult } from './runOne.js';
import { sobolIndices } from './sobolIndices.js';

/** A design a sensitivity analysis can be computed from, as compileDesign normalises it (and a manifest stores it). */
export type SensitivityDesign =
  | { readonly type: 'sobol'; readonly samples: number; readonly secondOrder: boolean; readonly seed: number | string; readonly parameters: readonly (readonly [string, { readonly min: number; readonly max: number }])[] }
  | { readonly type: 'morris'; readonly trajectories: number; readonly levels: number; readonly seed: number | string; readonly parameters: readonly (readonly [string, { readonly min: number; readonly max: number }])[] };

/** Which index a row holds. Sobol': S1, ST, S2 (of a pair). Morris: mu, muStar, sigma. */
export type SensitivityIndex = 'S1' | 'ST' | 'S2' | 'mu' | 'muStar' | 'sigma';

/** One row of the sensitivity table: one index of one parameter (or pair) for one summary measure. */
export interface SensitivityRow {
  /** The summary measure (a column of the runs table), averaged over each point's replicates. */
  readonly metric: string;
  readonly method: 'sobol' | 'morris';
  readonly index: SensitivityIndex;
  /** The parameter (canonical path). */
  readonly parameter: string;
  /** The second parameter of a second-order index S2, else null. */
  readonly with: string | null;
  /** The estimate (NaN when the measure is constant or missing over the design). */
  readonly estimate: number;
  /** Half-width of its bootstrap confidence interval (NaN where there is none: μ, σ). */
  readonly conf: number;
  /** estimate − conf. */
  readonly ciLow: number;
  /** estimate + conf. */
  readonly ciHigh: number;
}

/** A sensitivity analysis of a sweep: the method, what it was computed from, and its table. */
export interface SensitivityAnalysis {
  readonly method: 'sobol' | 'morris';
  /** The swept parameters, in the design's order. */
  readonly parameters: readonly string[];
  /** Design points (each the mean of its replicates). */
  readonly points: number;
  /** Bootstrap resamples behind the intervals. */
  readonly resamples: number;
  /** Confidence level of the intervals. */
  readonly level: number;
  /** Summary measures whose output never varied over the design (their indices are NaN). */
  readonly constant: readonly string[];
  /** The rows: per metric, per index, per parameter. */
  readonly rows: readonly SensitivityRow[];
}

/** Options of {@link analyzeSensitivity}. */
export interface AnalyzeSensitivityOptions {
  /** Summary measures to analyse (default: every numeric column of the rows but the key). */
  metrics?: readonly string[];
  /** Bootstrap resamples (default 200). */
  resamples?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

/** The design as a sensitivity design, or null when it is another kind (grid, lhs, oat, an ensemble). */
export function sensitivityDesignOf(normalized: unknown): SensitivityDesign | null {
  const d = normalized as { type?: unknown } | null;
  return d !== null && typeof d === 'object' && (d.type === 'sobol' || d.type === 'morris') ? (normalized as SensitivityDesign) : null;
}

const KEY = new Set(['run', 'point', 'replicate', 'seed']);

/** The runs of an in-memory sweep as rows of the runs table: `point` and each metric. */
export function runRows(results: Iterable<RunResult>): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  for (const r of results) out.push({ point: r.spec.point, ...r.metrics });
  return out;
}

/**
 * Global sensitivity analysis of a sweep run over a `sobol` or `morris` design: for every summary
 * measure (a metric of the runs table), its value at each design point is the mean over the point's
 * replicates (the noise of a stochastic model averages out over replicates, so use enough of them),
 * and from those the Sobol' indices S1, ST, S2 (sobolIndices) or Morris's μ, μ*, σ (morrisEffects)
 * with bootstrap intervals. The bootstrap is seeded by the design's seed and the metric's name, so
 * the table is the same on every run. Pure.
 *
 * @param design the design as normalised (`plan.design.normalized`, or a manifest's `design`).
 * @param runs rows with `point` and the metrics (the runs table, or runRows of in-memory results).
 * @throws ExperimentError (code `design`) when the design is not sobol or morris, or a point has no run.
 * @example
 * const plan = planSweep(scenario, design, { replicates: 4, ticks: 50 });
 * const table = analyzeSensitivity(plan.design.normalized, runRows(sweep(scenario, design, { replicates: 4, ticks: 50 })));
 */
export function analyzeSensitivity(
  design: unknown, runs: readonly Readonly<Record<string, unknown>>[], options: AnalyzeSensitivityOptions = {},
): SensitivityAnalysis {
  const d = sensitivityDesignOf(design);
  if (d === null) {
    const type = (design as { type?: unknown } | null)?.type;
    throw new ExperimentError('design', [{ path: 'design.type', message: `a sensitivity analysis needs a sobol or morris design (got ${typeof type === 'string' ? type : 'an ensemble'})` }]);
  }
  const parameters = d.parameters.map(([name]) => name);
  const D = parameters.length;
  const points = d.type === 'sobol' ? d.samples * (d.secondOrder ? 2 * D + 2 : D + 2) : d.trajectories * (D + 1);
  const metrics = options.metrics ?? (runs.length === 0 ? [] : Object.keys(runs[0]).filter((k) => !KEY.has(k) && !parameters.includes(k) && typeof runs[0][k] === 'number'));
  const resamples = options.resamples ?? 200;
  const level = options.level ?? 0.95;
  // Per-point sums and counts of each metric's finite values.
  const sums = metrics.map(() => new Float64Array(points));
  const counts = metrics.map(() => new Int32Array(points));
  const seen = new Uint8Array(points);
  for (const row of runs) {
    const p = row.point;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p >= points) {
      throw new ExperimentError('design', [{ path: 'runs.point', message: `point ${String(p)} is outside the design's ${points} points` }]);
    }
    seen[p] = 1;
    metrics.forEach((m, k) => {
      const v = row[m];
      if (typeof v === 'number' && Number.isFinite(v)) { sums[k][p] += v; counts[k][p]++; }
    });
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) throw new ExperimentError('design', [{ path: 'runs', message: `no run of point ${missing}: the analysis needs every point of the design (merge every shard first)`, point: missing }]);
  const unitPoints = d.type === 'morris'
    ? (() => { const t = morrisTrajectories(D, d.trajectories, d.levels, d.seed); return Array.from({ length: points }, (_, i) => t.point(i)); })()
    : [];
  const delta = d.type === 'morris' ? d.levels / (2 * (d.levels - 1)) : 0;
  const rows: SensitivityRow[] = [];
  const constant: string[] = [];
  const row = (metric: string, index: SensitivityIndex, parameter: string, other: string | null, estimate: number, conf: number): SensitivityRow => ({
    metric, method: d.type, index, parameter, with: other, estimate, conf, ciLow: estimate - conf, ciHigh: estimate + conf,
  });
  metrics.forEach((metric, k) => {
    const y = new Float64Array(points);
    for (let p = 0; p < points; p++) y[p] = counts[k][p] === 0 ? Number.NaN : sums[k][p] / counts[k][p];
    const seed = `${canonicalJson(d.seed)}:${metric}`;
    if (d.type === 'sobol') {
      const s = sobolIndices(y, parameters, { secondOrder: d.secondOrder, resamples, level, seed });
      if (s.constant) constant.push(metric);
      for (const f of s.first) rows.push(row(metric, 'S1', f.parameter, null, f.S1.estimate, f.S1.conf));
      for (const f of s.first) rows.push(row(metric, 'ST', f.parameter, null, f.ST.estimate, f.ST.conf));
      for (const p of s.second) rows.push(row(metric, 'S2', p.parameters[0], p.parameters[1], p.estimate, p.conf));
    } else {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of y) { if (v < lo) lo = v; if (v > hi) hi = v; }
      if (!(hi > lo)) constant.push(metric);
      const e = morrisEffects(unitPoints, y, parameters, delta, { resamples, level, seed });
      for (const f of e) rows.push(row(metric, 'mu', f.parameter, null, f.mu, Number.NaN));
      for (const f of e) rows.push(row(metric, 'muStar', f.parameter, null, f.muStar.estimate, f.muStar.conf));
      for (const f of e) rows.push(row(metric, 'sigma', f.parameter, null, f.sigma, Number.NaN));
    }
  });
  return { method: d.type, parameters, points, resamples, level, constant, rows };
}
