import type { ModelParameters } from '../model/ModelParameters.js';
import { barrierMaximise, linearConstraints } from './barrierMaximise.js';
import { LinearDesign } from './LinearDesign.js';
import type { ObservedTrace } from './ObservedTrace.js';
import type { FitResult } from './fitParameters.js';
import { admissibleBounds, getEstimated } from './parameterSpace.js';

/** Half the 95 % quantile of χ²(1): a profile log-likelihood this far below the maximum ends the 95 % interval. */
export const PROFILE_DROP_95 = 3.841458820694124 / 2;

/** How one end of a profile interval was found. */
export type IntervalEnd =
  /** the profile fell by PROFILE_DROP_95: the end is a number */
  | 'crossing'
  /** the admissible set (model §5.4 C1–C8) ends before the profile falls that far: the end is that boundary */
  | 'admissible-boundary'
  /** the profile stays within PROFILE_DROP_95 up to the end of the search range: the record does not bound it */
  | 'flat';

/** The profile-likelihood interval of one estimated parameter. */
export interface ProfileInterval {
  readonly name: string;
  readonly estimate: number;
  /** Lower end, or null when the profile is flat below. */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly lowerEnd: IntervalEnd;
  readonly upperEnd: IntervalEnd;
  /** True when neither end is flat: the record bounds the parameter (both ends numbers). */
  readonly identified: boolean;
  /** The profile points computed: value and maximised log-likelihood with the parameter held there. */
  readonly points: readonly { readonly value: number; readonly logLikelihood: number }[];
}

/** erf(x) by its Taylor series (converges for every x; used for x ≤ 4 here). */
function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** The q-quantile of χ²(1): P(X ≤ x) = erf(√(x/2)), inverted by bisection (0 < q < 0.99999). */
export function chiSquare1Quantile(q: number): number {
  if (!(q > 0 && q < 0.99999)) throw new RangeError(`chiSquare1Quantile: q = ${q} outside (0, 0.99999)`);
  let lo = 0;
  let hi = 30;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (erf(Math.sqrt(mid / 2)) < q) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Options of {@link profileLikelihood}. */
export interface ProfileOptions {
  /** Confidence level of each interval (default 0.95). */
  level?: number;
  /**
   * Simultaneous intervals (Bonferroni): each at level 1 − (1 − level)/K for K parameters, so that
   * all K cover together with probability ≥ level. Default false (each interval on its own).
   */
  simultaneous?: boolean;
  /** Only these parameters (default: every estimated one). */
  only?: readonly string[];
  onProgress?: (line: string) => void;
}

/**
 * Profile-likelihood intervals (95 % unless `level` says otherwise) (docs/validation.md, "Estimation"): for each estimated
 * parameter, step away from the estimate on each side (steps doubling from 5 % of max(|θ̂|, 0.1)),
 * hold it there and maximise the likelihood over the others inside 𝒫 (warm-started barrier
 * method), until the maximum falls by χ²_level(1)/2 (1.92 at 95 %; the end is interpolated in √(2·drop),
 * linear for a quadratic profile, with one secant refinement), the admissible set ends, or the search range ends (a flat profile: the
 * parameter is not identified on that side). Needs the linear design (μ and T* not estimated).
 *
 * @throws RangeError when μ or T* was estimated.
 */
export function profileLikelihood(traces: readonly ObservedTrace[], fit: FitResult, base: ModelParameters,
  options: ProfileOptions = {}): ProfileInterval[] {
  const space = fit.space;
  if (!LinearDesign.applies(space)) throw new RangeError('profile intervals need μ and T* held (the linear design)');
  const design = new LinearDesign(traces, base, space);
  const cons = linearConstraints(base, space);
  const hat = getEstimated(fit.parameters, space);
  const llMax = fit.logLikelihood;
  const level = options.level ?? 0.95;
  const count = options.only?.length ?? space.length;
  const DROP = chiSquare1Quantile(options.simultaneous === true ? 1 - (1 - level) / count : level) / 2;
  const out: ProfileInterval[] = [];
  const held = new Uint8Array(space.length);
  space.forEach((param, k) => {
    if (options.only !== undefined && !options.only.includes(param.name)) return;
    held.fill(0);
    held[k] = 1;
    const points: { value: number; logLikelihood: number }[] = [{ value: hat[k], logLikelihood: llMax }];
    const ends: { value: number | null; end: IntervalEnd }[] = [];
    for (const side of [-1, 1]) {
      const scale = Math.max(Math.abs(hat[k]), 0.1);
      let theta: Float64Array = Float64Array.from(hat);
      let prev = { value: hat[k], drop: 0 };
      let found: { value: number | null; end: IntervalEnd } | null = null;
      const limit = side < 0 ? param.lower : param.upper;
      // The profile at one value of the parameter: null where no admissible point holds it there.
      const at = (value: number): { ll: number; theta: Float64Array } | null => {
        const start = Float64Array.from(theta);
        start[k] = value;
        const r = barrierMaximise(design, cons, start, { held, tauStart: 1e-3 });
        if (!r.feasible) return null;
        points.push({ value, logLikelihood: r.logLikelihood });
        return { ll: r.logLikelihood, theta: r.theta };
      };
      // Where the drop reaches DROP between two values: the signed root √(2·drop) is
      // linear in the value for a quadratic profile; one secant refinement.
      const crossing = (a: { value: number; drop: number }, b: { value: number; drop: number }): number => {
        const target = Math.sqrt(2 * DROP);
        const root = (d: number): number => Math.sqrt(2 * Math.max(d, 0));
        let x = a.value + (target - root(a.drop)) / (root(b.drop) - root(a.drop)) * (b.value - a.value);
        const mid = at(x);
        if (mid !== null) {
          const m = { value: x, drop: llMax - mid.ll };
          const [lo, hi] = m.drop >= DROP ? [a, m] : [m, b];
          x = lo.value + (target - root(lo.drop)) / (root(hi.drop) - root(lo.drop)) * (hi.value - lo.value);
        }
        return x;
      };
      for (let j = 0; j < 12 && found === null; j++) {
        let value = hat[k] + side * 0.05 * scale * 2 ** j;
        const atLimit = side < 0 ? value <= limit : value >= limit;
        if (atLimit) value = limit - side * 1e-6 * Math.max(1, Math.abs(limit));
        let r = at(value);
        let boundary = false;
        if (r === null) {
          // The admissible set ends between prev and value: find its edge by bisection.
          let ok = prev.value;
          let bad = value;
          for (let b = 0; b < 30; b++) {
            const mid = (ok + bad) / 2;
            const start = Float64Array.from(theta);
            start[k] = mid;
            if (barrierMaximise(design, cons, start, { held, tauStart: 1e-3, tauEnd: 1e-1 }).feasible) ok = mid; else bad = mid;
          }
          value = ok;
          r = ok === prev.value ? null : at(ok);
          boundary = true;
          if (r === null) { found = { value: prev.value, end: 'admissible-boundary' }; break; }
        }
        theta = r.theta;
        const drop = llMax - r.ll;
        if (drop >= DROP) {
          found = { value: crossing(prev, { value, drop }), end: 'crossing' };
        } else if (boundary) {
          found = { value, end: 'admissible-boundary' };
        } else if (atLimit) {
          // The C1 bound (model §5.4) ends the interval; a search range's end leaves it open (flat).
          found = side < 0 && limit === admissibleBounds(param.name).lower
            ? { value: limit, end: 'admissible-boundary' }
            : { value: null, end: 'flat' };
        }
        prev = { value, drop: Math.max(drop, 0) };
      }
      ends.push(found ?? { value: null, end: 'flat' });
    }
    points.sort((a, b) => a.value - b.value);
    const [lo, hi] = ends;
    const interval: ProfileInterval = {
      name: param.name, estimate: hat[k], lower: lo.value, upper: hi.value, lowerEnd: lo.end, upperEnd: hi.end,
      identified: lo.end !== 'flat' && hi.end !== 'flat', points,
    };
    options.onProgress?.(`profile ${param.name}: ${describeInterval(interval)}`);
    out.push(interval);
  });
  return out;
}

/** A profile interval in words: `[a, b]`, `[0 (admissible bound), b]`, or `not identified (flat above a)`. */
export function describeInterval(p: ProfileInterval, digits = 3): string {
  const f = (v: number | null): string => (v === null ? '?' : v.toPrecision(digits));
  if (!p.identified) {
    const sides = [p.lowerEnd === 'flat' ? 'below' : null, p.upperEnd === 'flat' ? 'above' : null].filter((s) => s !== null).join(' and ');
    // A lower end at 0 set by C1 says nothing the reader does not know.
    const trivial = p.lowerEnd === 'admissible-boundary' && p.lower === 0;
    const known = p.lowerEnd !== 'flat' && !trivial ? `≥ ${f(p.lower)}` : p.upperEnd !== 'flat' ? `≤ ${f(p.upper)}` : '';
    return `not identified (profile flat ${sides}${known === '' ? '' : `; ${known}`})`;
  }
  const mark = (end: IntervalEnd): string => (end === 'admissible-boundary' ? '*' : '');
  return `[${f(p.lower)}${mark(p.lowerEnd)}, ${f(p.upper)}${mark(p.upperEnd)}]`;
}
