import type { ModelParameters } from '../model/ModelParameters.js';

/**
 * The parameters of the choice rule (model §5.4): the only ones that act on a trace of the observed
 * history (`traceObservedHistory` records contexts, not parameters). The likelihood along the
 * observed history can estimate these and no others; perception (§5.2), effects (§5.5–5.7) and
 * beliefs act through the drive and would need a simulation-based method (not built).
 */
export const CHOICE_RULE_PARAMETERS = [
  'mu', 'tStar', 'kappaBAND', 'kappaHI', 'kappaHE', 'kappaSE', 'kappaSS', 'kappaSL', 'kappaII', 'kappaIE',
  'kappaCreate', 'b', 'xi', 'betaH', 'betaS', 'betaI', 'betaE', 'dH', 'pH', 'lH', 'cR', 'cDH', 'eta', 'cA',
  'dS', 'pS', 'lS', 'cA2', 'cD', 'sigmaC', 'sigmaE', 'lL', 'dI', 'zeta', 'epsC', 'cP',
] as const;

/** One parameter of the choice rule. */
export type ChoiceRuleParameter = (typeof CHOICE_RULE_PARAMETERS)[number];

/**
 * The parameters estimated by default [D]: the costs κ and threat slopes β of the five options the
 * record shows and of the two it does not (SS, SL: their mass is NONE's), the existential weight
 * ξ, and the three context slopes the record's variation in alliances, capability and venues can
 * speak to (c_A, c_R, ζ). μ is held as the scale of the utilities (a logit identifies utilities only
 * up to scale), and the remaining slopes at their defaults.
 */
export const DEFAULT_ESTIMATED: readonly ChoiceRuleParameter[] = [
  'kappaHI', 'kappaHE', 'kappaSE', 'kappaSS', 'kappaSL', 'kappaII', 'kappaIE',
  'betaH', 'betaS', 'betaI', 'betaE', 'xi', 'cA', 'cR', 'zeta',
];

/** A parameter to estimate and the range searched (inside the admissible bounds of model §5.4 C1). */
export interface EstimatedParameter {
  readonly name: ChoiceRuleParameter;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Upper end of the default search range of a coefficient (C1 puts none) [D]: at μ = 0.5 a
 * coefficient of 20 moves a log-odds by up to 40, a probability ratio of e^40, beyond anything a
 * record of a few thousand state-years can tell apart from 20. An estimate that ends at it is a
 * sign of separation, and its profile is flat (not identified).
 */
export const SEARCH_UPPER = 20;

/** The bounds C1 (model §5.4) puts on one choice-rule parameter alone. */
export function admissibleBounds(name: ChoiceRuleParameter): { lower: number; upper: number; open: boolean } {
  if (name === 'tStar') return { lower: 0, upper: 1, open: true };
  if (name === 'mu') return { lower: 0, upper: Infinity, open: true };
  return { lower: 0, upper: Infinity, open: false };
}

/** Whether a name is a choice-rule parameter. */
export function isChoiceRuleParameter(name: string): name is ChoiceRuleParameter {
  return (CHOICE_RULE_PARAMETERS as readonly string[]).includes(name);
}

/**
 * The unconstrained coordinate u of a value θ in [lower, upper]: θ = lower + (upper − lower)·σ(u)
 * for a finite upper bound, θ = lower + e^u otherwise (model §5.4 C1 holds for every u).
 */
export function toUnconstrained(p: EstimatedParameter, value: number): number {
  const span = p.upper - p.lower;
  if (Number.isFinite(p.upper)) {
    const s = Math.min(1 - 1e-12, Math.max(1e-12, (value - p.lower) / span));
    return Math.log(s / (1 - s));
  }
  return Math.log(Math.max(1e-12, value - p.lower));
}

/** The value θ of an unconstrained coordinate u (inverse of {@link toUnconstrained}). */
export function fromUnconstrained(p: EstimatedParameter, u: number): number {
  if (Number.isFinite(p.upper)) return p.lower + (p.upper - p.lower) / (1 + Math.exp(-u));
  return p.lower + Math.exp(u);
}

/** Writes the estimated values into a parameter object (numeric fields only). */
export function setEstimated(params: ModelParameters, space: readonly EstimatedParameter[], values: ArrayLike<number>): void {
  const target = params as unknown as Record<string, number>;
  for (let k = 0; k < space.length; k++) target[space[k].name] = values[k];
}

/** Reads the estimated parameters' values from a parameter object. */
export function getEstimated(params: ModelParameters, space: readonly EstimatedParameter[]): Float64Array {
  const source = params as unknown as Record<string, number>;
  return Float64Array.from(space, (p) => source[p.name]);
}
