import * as z from 'zod';
import { seededUniform } from '../random/seededUniform.js';
import { canonicalJson } from './canonicalJson.js';
import { ExperimentError, type ExperimentIssue } from './ExperimentError.js';
import { morrisTrajectories } from './morrisTrajectories.js';
import { parseParameterPath, type ParameterValue } from './parameterPath.js';
import { saltelliSample } from './saltelliSample.js';

/**
 * Experimental designs: which parameter points a sweep visits. Five kinds (docs/experiments.md):
 *
 * - `grid` — the full factorial: every combination of the listed levels (Agents.jl `paramscan`,
 *   Mesa `batch_run`). A grid with no parameters has one point: the scenario as it is (an ensemble).
 * - `lhs` — a Latin hypercube of `samples` points in a box (McKay, Beckman & Conover 1979): each
 *   parameter's range is cut into `samples` equal strata and every stratum is used exactly once.
 * - `oat` — one at a time, for sensitivity screening: the baseline point, then each parameter moved
 *   through its levels while the others stay at their baselines.
 * - `sobol` — Saltelli's design over a scrambled Sobol' sequence, N(2D + 2) points, for Sobol'
 *   indices (first, total and second order; analyzeSensitivity).
 * - `morris` — Morris trajectories, r(D + 1) points, for elementary effects (μ, μ*, σ).
 *
 * The design is data (zod schema below, also the type); expanding it is a pure function.
 */

const valueSchema = z.union([z.number(), z.boolean(), z.string()]).describe('a number, true/false, or a string');

const levelsShape = {
  values: z.array(valueSchema).min(1).readonly().optional().describe('the levels, listed'),
  min: z.number().optional().describe('lowest level (with max and levels)'),
  max: z.number().optional().describe('highest level'),
  levels: z.number().int().min(2).optional().describe('number of evenly spaced levels from min to max, both included'),
};

function checkLevels(l: { values?: readonly unknown[]; min?: number; max?: number; levels?: number }, ctx: z.RefinementCtx): void {
  const spaced = l.min !== undefined || l.max !== undefined || l.levels !== undefined;
  if (l.values !== undefined && spaced) ctx.addIssue({ code: 'custom', message: 'give either values or min/max/levels, not both' });
  else if (l.values === undefined && !spaced) ctx.addIssue({ code: 'custom', message: 'give the levels: values: [...], or min, max and levels' });
  else if (spaced) {
    for (const k of ['min', 'max', 'levels'] as const) {
      if (l[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${k} is required with min/max/levels` });
    }
    if (l.min !== undefined && l.max !== undefined && !(l.max > l.min)) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
  }
}

const levelsSchema = z.strictObject(levelsShape).superRefine(checkLevels)
  .describe('levels of one parameter: { values: [...] } or { min, max, levels }');
const oatLevelsSchema = z.strictObject({
  ...levelsShape,
  baseline: valueSchema.optional().describe('the value the parameter keeps while others move (default: the scenario\'s)'),
}).superRefine(checkLevels);
const rangeSchema = z.strictObject({
  min: z.number().describe('lower end of the range'),
  max: z.number().describe('upper end of the range'),
}).superRefine((r, ctx) => {
  if (!(r.max > r.min)) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
});

const pathKey = z.string().min(1).describe('a parameter path, e.g. system.lambda, parameters.mu, states.TUR.domesticSupport');

/** The zod schema of a design (also the source of the {@link Design} type). */
export const designSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('grid'),
    parameters: z.record(pathKey, levelsSchema).default({}).describe('each parameter\'s levels; the full factorial is run'),
  }),
  z.strictObject({
    type: z.literal('lhs'),
    samples: z.number().int().min(1).describe('number of points'),
    seed: z.union([z.number(), z.string()]).optional().describe('seed of the sampling (default: the sweep\'s base seed)'),
    centered: z.boolean().default(false).describe('use each stratum\'s midpoint instead of a uniform draw in it'),
    parameters: z.record(pathKey, rangeSchema).describe('each parameter\'s range')
      .refine((r) => Object.keys(r).length > 0, 'a Latin hypercube needs at least one parameter'),
  }),
  z.strictObject({
    type: z.literal('sobol'),
    samples: z.number().int().min(2).refine((n) => (n & (n - 1)) === 0 && n <= 2 ** 24, 'must be a power of two (2, 4, …, 4096, …, 2^24): the Sobol\' sequence is balanced at powers of two')
      .describe('base samples N: the design has N(2D + 2) points (N(D + 2) without second order)'),
    secondOrder: z.boolean().default(true).describe('include the BA blocks for second-order indices (N(2D + 2) points; false: N(D + 2))'),
    seed: z.union([z.number(), z.string()]).optional().describe('seed of the scramble (default: the sweep\'s base seed)'),
    parameters: z.record(pathKey, rangeSchema).describe('each parameter\'s range (sampled uniformly)')
      .refine((r) => Object.keys(r).length > 0, 'a Sobol\' design needs at least one parameter')
      .refine((r) => Object.keys(r).length <= 64, 'a Sobol\' design takes at most 64 parameters (a 128-dimensional sequence)'),
  }),
  z.strictObject({
    type: z.literal('morris'),
    trajectories: z.number().int().min(2).describe('trajectories r: the design has r(D + 1) points'),
    levels: z.number().int().min(2).refine((p) => p % 2 === 0, 'must be even (Morris\'s step Δ = p / (2(p − 1)))').default(4)
      .describe('grid levels p (even; default 4)'),
    seed: z.union([z.number(), z.string()]).optional().describe('seed of the trajectories (default: the sweep\'s base seed)'),
    parameters: z.record(pathKey, rangeSchema).describe('each parameter\'s range')
      .refine((r) => Object.keys(r).length > 0, 'a Morris design needs at least one parameter'),
  }),
  z.strictObject({
    type: z.literal('oat'),
    parameters: z.record(pathKey, oatLevelsSchema).describe('each parameter\'s levels (and optional baseline)')
      .refine((r) => Object.keys(r).length > 0, 'a one-at-a-time design needs at least one parameter'),
  }),
]);

/** A design as written: `{ type: 'grid' | 'lhs' | 'oat', parameters: { path: levels }, … }` (see {@link designSchema}). */
export type Design = z.input<typeof designSchema>;
/** A full-factorial design. */
export type GridDesign = Extract<Design, { type: 'grid' }>;
/** A Latin hypercube design. */
export type LatinHypercubeDesign = Extract<Design, { type: 'lhs' }>;
/** A one-at-a-time design. */
export type OneAtATimeDesign = Extract<Design, { type: 'oat' }>;
/** A Saltelli design for Sobol' indices. */
export type SobolDesign = Extract<Design, { type: 'sobol' }>;
/** A Morris design for elementary effects. */
export type MorrisDesign = Extract<Design, { type: 'morris' }>;

/** One point of a design: its index and a value for each of the design's parameters. */
export interface DesignPoint {
  /** 0-based position in the expanded design (the `point` column of the output). */
  readonly index: number;
  /** A value per canonical parameter path, in the design's parameter order. */
  readonly values: Readonly<Record<string, ParameterValue>>;
}

/** A parameter of a design: its canonical path (the output column) and the type of its values. */
export interface DesignParameter {
  readonly path: string;
  readonly valueType: 'number' | 'boolean' | 'string';
}

/** A design ready to be enumerated point by point without holding every point (see {@link compileDesign}). */
export interface CompiledDesign {
  readonly type: Design['type'];
  /** The parameters, canonical paths in the order written. */
  readonly parameters: readonly DesignParameter[];
  /** Number of points. */
  readonly size: number;
  /** The point at `index` (0 ≤ index < size). Pure: the same index always gives the same point. */
  point(index: number): DesignPoint;
  /** A canonical description (canonical paths, defaults filled, baselines resolved) for fingerprints. */
  readonly normalized: unknown;
}

/** Options of {@link expandDesign} and {@link compileDesign}. */
export interface ExpandOptions {
  /**
   * Baseline values by path (canonical or alias) for one-at-a-time designs that give none; a sweep
   * reads them from the scenario.
   */
  baseline?: Readonly<Record<string, ParameterValue>>;
  /** Seed of a Latin hypercube that gives none (a sweep passes its base seed); default 0. */
  seed?: number | string;
}

/** Evenly spaced levels, cleaned of binary noise (0.1 + 0.2 → 0.3), endpoints exact. */
function spacedLevels(min: number, max: number, levels: number): number[] {
  return Array.from({ length: levels }, (_, k) => (k === levels - 1 ? max : Number((min + ((max - min) * k) / (levels - 1)).toPrecision(15))));
}

function issuesOf(error: z.ZodError, prefix: string): ExperimentIssue[] {
  return error.issues.map((i) => {
    const parts = i.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
    return { path: `${prefix}${parts}`, message: i.message };
  });
}

function levelList(l: { values?: readonly ParameterValue[]; min?: number; max?: number; levels?: number }): ParameterValue[] {
  return l.values === undefined ? spacedLevels(l.min as number, l.max as number, l.levels as number) : [...l.values];
}

/**
 * Validates a design and prepares it for enumeration: paths parsed and made canonical (aliases such
 * as `parameters.lambda` → `system.lambda`), levels expanded, a Latin hypercube's strata drawn.
 * Memory is O(parameters × levels) for grids and one-at-a-time designs and O(parameters × samples)
 * for Latin hypercubes; points are built on demand. Pure and deterministic.
 *
 * Order of points: grid — row-major, the first parameter varies slowest; lhs — sample order;
 * oat — the baseline first, then each parameter's levels in the order written, skipping a level equal
 * to the baseline; sobol — for each base sample A, AB_1 … AB_D, BA_1 … BA_D, B (saltelliSample);
 * morris — trajectory by trajectory (morrisTrajectories).
 *
 * Latin hypercube: each parameter's strata are permuted and jittered by its own random stream keyed by
 * (seed, canonical path), so adding a parameter leaves the other parameters' columns as they were.
 *
 * @throws ExperimentError (code `design`) listing every problem, each naming its path.
 */
export function compileDesign(design: Design, options: ExpandOptions = {}): CompiledDesign {
  const parsed = designSchema.safeParse(design);
  if (!parsed.success) throw new ExperimentError('design', issuesOf(parsed.error, 'design'));
  const d = parsed.data;
  const issues: ExperimentIssue[] = [];
  const parameters: DesignParameter[] = [];
  const seen = new Set<string>();
  const entries = Object.entries(d.parameters) as [string, Record<string, unknown>][];
  for (const [text] of entries) {
    try {
      const p = parseParameterPath(text);
      if (seen.has(p.path)) issues.push({ path: `design.parameters.${text}`, message: `${p.path} is given twice (an alias and its canonical path?)` });
      seen.add(p.path);
      parameters.push({ path: p.path, valueType: p.valueType });
    } catch (error) {
      if (!(error instanceof ExperimentError)) throw error;
      issues.push(...error.issues.map((i) => ({ ...i, path: `design.parameters.${i.path}` })));
    }
  }
  if (issues.length > 0) throw new ExperimentError('design', issues);
  const names = parameters.map((p) => p.path);

  const checkDistinct = (path: string, list: ParameterValue[]): void => {
    const set = new Set(list);
    if (set.size !== list.length) issues.push({ path: `design.parameters.${path}`, message: 'levels repeat; each must be distinct (equal points would get equal seeds)' });
  };

  let size: number;
  let point: (index: number) => Record<string, ParameterValue>;
  let normalized: unknown;
  if (d.type === 'grid') {
    const levels = entries.map(([, l]) => levelList(l));
    levels.forEach((list, k) => checkDistinct(entries[k][0], list));
    size = levels.reduce((n, l) => n * l.length, 1);
    point = (index) => {
      const values: Record<string, ParameterValue> = {};
      let rest = index;
      const digits = new Array<number>(levels.length);
      for (let k = levels.length - 1; k >= 0; k--) {
        digits[k] = rest % levels[k].length;
        rest = Math.floor(rest / levels[k].length);
      }
      for (let k = 0; k < levels.length; k++) values[names[k]] = levels[k][digits[k]];
      return values;
    };
    normalized = { type: 'grid', parameters: names.map((n, k) => [n, levels[k]]) };
  } else if (d.type === 'lhs') {
    const n = d.samples;
    const seed = d.seed ?? options.seed ?? 0;
    const ranges = entries.map(([, r]) => r as { min: number; max: number });
    const columns = names.map((name) => {
      const next = seededUniform(`lhs:${canonicalJson(seed)}:${name}`);
      const strata = new Int32Array(n);
      for (let i = 0; i < n; i++) strata[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = strata[i];
        strata[i] = strata[j];
        strata[j] = tmp;
      }
      const jitter = new Float64Array(n);
      for (let i = 0; i < n; i++) jitter[i] = d.centered ? 0.5 : next();
      return { strata, jitter };
    });
    size = n;
    point = (index) => {
      const values: Record<string, ParameterValue> = {};
      for (let k = 0; k < names.length; k++) {
        const { min, max } = ranges[k];
        values[names[k]] = min + ((columns[k].strata[index] + columns[k].jitter[index]) / n) * (max - min);
      }
      return values;
    };
    normalized = { type: 'lhs', samples: n, seed, centered: d.centered, parameters: names.map((name, k) => [name, ranges[k]]) };
  } else if (d.type === 'sobol' || d.type === 'morris') {
    const seed = d.seed ?? options.seed ?? 0;
    const ranges = entries.map(([, r]) => r as { min: number; max: number });
    const unit = d.type === 'sobol'
      ? saltelliSample(names.length, d.samples, d.secondOrder, seed)
      : morrisTrajectories(names.length, d.trajectories, d.levels, seed);
    size = unit.size;
    point = (index) => {
      const u = unit.point(index);
      const values: Record<string, ParameterValue> = {};
      for (let k = 0; k < names.length; k++) {
        const { min, max } = ranges[k];
        values[names[k]] = u[k] === 1 ? max : min + u[k] * (max - min);
      }
      return values;
    };
    const parameterRanges = names.map((name, k) => [name, ranges[k]]);
    normalized = d.type === 'sobol'
      ? { type: 'sobol', samples: d.samples, secondOrder: d.secondOrder, seed, parameters: parameterRanges }
      : { type: 'morris', trajectories: d.trajectories, levels: d.levels, seed, parameters: parameterRanges };
  } else {
    const given = new Map<string, ParameterValue>();
    for (const [text, value] of Object.entries(options.baseline ?? {})) given.set(parseParameterPath(text).path, value);
    const baseline: Record<string, ParameterValue> = {};
    const moves: [string, ParameterValue][] = [];
    entries.forEach(([text, l], k) => {
      const name = names[k];
      const base = (l.baseline as ParameterValue | undefined) ?? given.get(name);
      if (base === undefined) {
        issues.push({ path: `design.parameters.${text}.baseline`, message: 'no baseline: give one, or run the design against a scenario (its value is the baseline)' });
        return;
      }
      baseline[name] = base;
      const list = levelList(l as { values?: readonly ParameterValue[] });
      checkDistinct(text, list);
      for (const v of list) if (v !== base) moves.push([name, v]);
    });
    size = 1 + moves.length;
    point = (index) => (index === 0 ? { ...baseline } : { ...baseline, [moves[index - 1][0]]: moves[index - 1][1] });
    normalized = { type: 'oat', baseline: names.map((n) => [n, baseline[n]]), moves };
  }
  if (issues.length > 0) throw new ExperimentError('design', issues);
  if (!Number.isSafeInteger(size)) throw new ExperimentError('design', [{ path: 'design', message: `too many points (${size})` }]);
  return {
    type: d.type,
    parameters,
    size,
    normalized,
    point(index: number): DesignPoint {
      if (!(Number.isInteger(index) && index >= 0 && index < size)) throw new RangeError(`point ${index} is outside the design (0…${size - 1})`);
      return { index, values: point(index) };
    },
  };
}

/**
 * Expands a design into its points (see {@link compileDesign} for the order and the guarantees).
 * Pure: the same design (and options) always gives the same points.
 *
 * @example
 * expandDesign({ type: 'grid', parameters: { 'system.lambda': { values: [0.2, 0.8] }, 'parameters.mu': { min: 0.5, max: 1.5, levels: 3 } } })
 * // → 6 points: (0.2, 0.5), (0.2, 1), (0.2, 1.5), (0.8, 0.5), …
 * @throws ExperimentError (code `design`) listing every problem.
 */
export function expandDesign(design: Design, options: ExpandOptions = {}): DesignPoint[] {
  const compiled = compileDesign(design, options);
  return Array.from({ length: compiled.size }, (_, i) => compiled.point(i));
}
