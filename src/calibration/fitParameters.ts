import { checkAdmissible } from '../decision/checkAdmissible.js';
import { defaultParameters } from '../model/defaultParameters.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import { CalibrationError, type CalibrationIssue } from './CalibrationError.js';
import { LinearDesign } from './LinearDesign.js';
import { createLikelihoodScratch, logLikelihood } from './logLikelihood.js';
import { nelderMead } from './nelderMead.js';
import { barrierMaximise, linearConstraints } from './barrierMaximise.js';
import type { ObservedTrace } from './ObservedTrace.js';
import {
  DEFAULT_ESTIMATED, SEARCH_UPPER, admissibleBounds, fromUnconstrained, getEstimated, isChoiceRuleParameter, setEstimated,
  toUnconstrained, type EstimatedParameter,
} from './parameterSpace.js';

/** A parameter to estimate, with an optional search range (default: its admissible range, model §5.4 C1). */
export interface EstimateRequest {
  readonly name: string;
  readonly lower?: number;
  readonly upper?: number;
}

/** Options of {@link fitParameters}. */
export interface FitOptions {
  /** The held parameters and the start of the search (default: `defaultParameters()`); must be admissible. */
  base?: ModelParameters;
  /** The parameters to estimate (default: DEFAULT_ESTIMATED); names or requests with bounds. */
  estimate?: readonly (string | EstimateRequest)[];
  /** Evaluation budget of one simplex search (default 400·d); the search restarts until it stops improving. */
  maxEvaluations?: number;
  /** Restarts of the simplex from the best point (default 3). */
  restarts?: number;
  /** Progress lines (for stderr). */
  onProgress?: (line: string) => void;
  /**
   * Called with every parameter vector at which the likelihood is evaluated (tests).
   * @internal
   */
  onEvaluate?: (params: ModelParameters) => void;
  /**
   * Drop the admissibility barrier (only to show that the admissibility test can fail).
   * @internal
   */
  unconstrained?: boolean;
}

/** What {@link fitParameters} returns. */
export interface FitResult {
  /** The full parameter set at the maximum: the estimates, everything else as in `base`. Admissible. */
  readonly parameters: ModelParameters;
  /** The estimated parameters and their search ranges. */
  readonly space: readonly EstimatedParameter[];
  /** The estimates by name. */
  readonly estimates: Readonly<Record<string, number>>;
  /** The maximised log-likelihood. */
  readonly logLikelihood: number;
  /** The log-likelihood at the start (`base`). */
  readonly startLogLikelihood: number;
  /** State-years scored (possible rows). */
  readonly rows: number;
  readonly evaluations: number;
  /** False when the last simplex search ran out of evaluations before its tolerances were met. */
  readonly converged: boolean;
}

/** Checks an estimation request; throws CalibrationError listing every problem with its path. */
export function resolveEstimated(requests: readonly (string | EstimateRequest)[], base: ModelParameters): EstimatedParameter[] {
  const issues: CalibrationIssue[] = [];
  const out: EstimatedParameter[] = [];
  const seen = new Set<string>();
  const known = defaultParameters() as unknown as Record<string, unknown>;
  requests.forEach((request, i) => {
    const r: EstimateRequest = typeof request === 'string' ? { name: request } : request;
    const path = typeof request === 'string' ? ['estimate', i] : ['estimate', i, 'name'];
    if (!(r.name in known)) { issues.push({ path, message: `"${r.name}" is not a parameter of the model (see defaultParameters())` }); return; }
    if (!isChoiceRuleParameter(r.name)) {
      issues.push({ path, message: `"${r.name}" is a model parameter outside the choice rule (model §5.4): it acts through the dynamics, not on the likelihood along the observed history, so this estimator cannot estimate it` });
      return;
    }
    if (seen.has(r.name)) { issues.push({ path, message: `"${r.name}" is listed twice` }); return; }
    seen.add(r.name);
    const bounds = admissibleBounds(r.name);
    const lower = r.lower ?? bounds.lower;
    const upper = r.upper ?? (Number.isFinite(bounds.upper) ? bounds.upper : Math.max(SEARCH_UPPER, 2 * ((base as unknown as Record<string, number>)[r.name] ?? 0)));
    const at = (field: string): (string | number)[] => ['estimate', i, field];
    const outside = (v: number): boolean => v < bounds.lower || v > bounds.upper;
    if (r.lower !== undefined && (!Number.isFinite(r.lower) || outside(r.lower))) {
      issues.push({ path: at('lower'), message: `lower bound ${r.lower} is outside the admissible set (model §5.4 C1: ${r.name} ∈ ${describe(bounds)})` });
    }
    if (r.upper !== undefined && (Number.isNaN(r.upper) || outside(r.upper))) {
      issues.push({ path: at('upper'), message: `upper bound ${r.upper} is outside the admissible set (model §5.4 C1: ${r.name} ∈ ${describe(bounds)})` });
    }
    if (!(lower < upper)) { issues.push({ path: at('upper'), message: `the range is empty: lower ${lower} ≥ upper ${upper}` }); return; }
    const start = (base as unknown as Record<string, number>)[r.name];
    if (!(start >= lower && start <= upper)) {
      issues.push({ path: at('lower'), message: `the start value ${r.name} = ${start} is outside the range [${lower}, ${upper}]` });
    }
    out.push({ name: r.name, lower, upper });
  });
  if (out.length === 0 && issues.length === 0) issues.push({ path: ['estimate'], message: 'nothing to estimate: name at least one parameter' });
  if (issues.length > 0) throw new CalibrationError(issues);
  return out;
}

function describe(b: { lower: number; upper: number; open: boolean }): string {
  return `${b.open ? '(' : '['}${b.lower}, ${Number.isFinite(b.upper) ? `${b.upper})` : '∞)'}`;
}

/**
 * The objective of the search in the unconstrained coordinates: −log-likelihood, +∞ outside the
 * admissible set 𝒫 (model §5.4 C1–C8, `checkAdmissible`: the extreme barrier). Reuses one parameter
 * object and the traces' buffers.
 * @internal
 */
export function makeObjective(traces: readonly ObservedTrace[], base: ModelParameters, space: readonly EstimatedParameter[],
  options: Pick<FitOptions, 'onEvaluate' | 'unconstrained'> = {}): { f: (u: Float64Array) => number; params: ModelParameters; theta: Float64Array } {
  const params: ModelParameters = { ...base, omega: { ...base.omega } };
  const theta = new Float64Array(space.length);
  const design = LinearDesign.applies(space) ? new LinearDesign(traces, base, space) : null;
  const scratch = createLikelihoodScratch();
  const f = (u: Float64Array): number => {
    for (let k = 0; k < space.length; k++) theta[k] = fromUnconstrained(space[k], u[k]);
    setEstimated(params, space, theta);
    if (options.unconstrained !== true && checkAdmissible(params).length > 0) return Infinity;
    options.onEvaluate?.(params);
    return -(design !== null ? design.logLikelihood(theta) : logLikelihood(traces, params, scratch));
  };
  return { f, params, theta };
}

/**
 * Maximum-likelihood estimation of choice-rule parameters along the observed history, inside the
 * admissible set (docs/validation.md, "Estimation"): each parameter is searched in an unconstrained
 * coordinate that keeps it within its C1 range (log, or logistic between two bounds); the coupled
 * constraints C2–C8 are an extreme barrier (the objective is +∞ outside 𝒫), so every point the
 * likelihood is evaluated at, and the result, is admissible. Nelder–Mead with restarts from the
 * best point until a restart improves the log-likelihood by less than 1e-6.
 *
 * @throws CalibrationError for an unknown or non-choice-rule parameter, a bound outside the
 *   admissible set, an empty range, an inadmissible base, or traces with nothing to score.
 */
export function fitParameters(traces: readonly ObservedTrace[], options: FitOptions = {}): FitResult {
  const base = options.base ?? defaultParameters();
  const violations = checkAdmissible(base);
  if (violations.length > 0) {
    throw new CalibrationError(violations.map((v) => ({ path: ['base', ...v.parameters.slice(0, 1)], message: `the start is outside the admissible set (model §5.4 ${v.constraint}): ${v.message}` })));
  }
  let rows = 0;
  for (const t of traces) for (let r = 0; r < t.rows; r++) rows += t.possible[r];
  if (rows === 0) throw new CalibrationError([{ path: ['eras'], message: 'the fold leaves no state-year to fit' }]);
  const space = resolveEstimated(options.estimate ?? DEFAULT_ESTIMATED, base);
  const start = getEstimated(base, space);
  let theta: Float64Array;
  let best: number;
  let startLogLikelihood: number;
  let evaluations = 0;
  let converged: boolean;
  if (LinearDesign.applies(space)) {
    const design = new LinearDesign(traces, base, space);
    const cons = linearConstraints(base, space, options.unconstrained === true);
    startLogLikelihood = design.logLikelihood(start);
    const probe: ModelParameters = { ...base, omega: { ...base.omega } };
    const onEvaluate = options.onEvaluate === undefined ? undefined : (x: Float64Array): void => {
      setEstimated(probe, space, x);
      options.onEvaluate?.(probe);
    };
    const result = barrierMaximise(design, cons, start, { onEvaluate: (x) => { evaluations++; onEvaluate?.(x); } });
    if (!result.feasible) throw new CalibrationError([{ path: ['estimate'], message: 'no strictly admissible point exists for these ranges (model §5.4 C1–C8)' }]);
    theta = result.theta;
    best = -result.logLikelihood;
    converged = result.converged;
    options.onProgress?.(`fit: log-likelihood ${result.logLikelihood.toFixed(3)} after ${result.newtonSteps} Newton steps (barrier method)`);
  } else {
    const { f } = makeObjective(traces, base, space, options);
    let u = Float64Array.from(space, (p, k) => toUnconstrained(p, start[k]));
    startLogLikelihood = -f(u);
    best = -startLogLikelihood;
    evaluations = 1;
    converged = false;
    const restarts = options.restarts ?? 3;
    for (let run = 0; run <= restarts; run++) {
      const result = nelderMead(f, u, { maxEvaluations: options.maxEvaluations ?? 400 * space.length, initialStep: run === 0 ? 0.5 : 0.25 });
      evaluations += result.evaluations;
      converged = result.converged;
      const gain = best - result.f;
      u = Float64Array.from(result.x);
      best = Math.min(best, result.f);
      options.onProgress?.(`fit: search ${run + 1}: log-likelihood ${(-result.f).toFixed(3)} after ${evaluations} evaluations${result.converged ? '' : ' (evaluation budget spent)'}`);
      if (run > 0 && gain < 1e-6) break;
    }
    theta = Float64Array.from(space, (p, k) => fromUnconstrained(p, u[k]));
  }
  const parameters: ModelParameters = { ...base, omega: { ...base.omega } };
  setEstimated(parameters, space, theta);
  const estimates: Record<string, number> = {};
  space.forEach((p, k) => { estimates[p.name] = theta[k]; });
  return { parameters, space, estimates, logLikelihood: -best, startLogLikelihood, rows, evaluations, converged };
}
