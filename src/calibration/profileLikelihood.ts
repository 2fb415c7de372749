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

/** Options of {@link profileLikelihood}. */
export interface ProfileOptions {
  /** Only these parameters (default: every estimated one). */
  only?: readonly string[];
  onProgress?: (line: string) => void;
}

/**
 * Profile-likelihood 95 % intervals (docs/validation.md, "Estimation"): for each estimated
 * parameter, step away from the estimate on each side (steps doubling from 5 % of max(|θ̂|, 0.1)),
 * hold it there and maximise the likelihood over the others inside 𝒫 (warm-started barrier
 * method), until the maximum falls by χ²₀.₉₅(1)/2 = 1.92 (the end is interpolated linearly between
 * the last two steps), the admissible set ends, or the search range ends (a flat profile: the
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
      for (let j = 0; j < 12 && found === null; j++) {
        let value = hat[k] + side * 0.05 * scale * 2 ** j;
        const atLimit = side < 0 ? value <= limit : value >= limit;
        if (atLimit) value = limit - side * 1e-6 * Math.max(1, Math.abs(limit));
        const start = Float64Array.from(theta);
        start[k] = value;
        const r = barrierMaximise(design, cons, start, { held, tauStart: 1e-3 });
        if (!r.feasible) { found = { value: prev.value, end: 'admissible-boundary' }; break; }
        theta = r.theta;
        const drop = llMax - r.logLikelihood;
        points.push({ value, logLikelihood: r.logLikelihood });
        if (drop >= PROFILE_DROP_95) {
          const f = (PROFILE_DROP_95 - prev.drop) / (drop - prev.drop);
          found = { value: prev.value + f * (value - prev.value), end: 'crossing' };
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
    const known = p.lowerEnd !== 'flat' ? `≥ ${f(p.lower)}` : p.upperEnd !== 'flat' ? `≤ ${f(p.upper)}` : '';
    return `not identified (profile flat ${sides}${known === '' ? '' : `; ${known}`})`;
  }
  const mark = (end: IntervalEnd): string => (end === 'admissible-boundary' ? '*' : '');
  return `[${f(p.lower)}${mark(p.lowerEnd)}, ${f(p.upper)}${mark(p.upperEnd)}]`;
}
