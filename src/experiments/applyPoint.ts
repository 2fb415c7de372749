import type { z } from 'zod';
import { checkAdmissible, type AdmissibilityViolation } from '../decision/checkAdmissible.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import type { ResolvedExpression, ResolvedInstitution, ResolvedScenario, ResolvedState } from '../model/ResolvedScenario.js';
import { brandResolved } from '../scenario/resolvedBrand.js';
import { scenarioSchema } from '../scenario/scenarioSchema.js';
import { ExperimentError, type ExperimentIssue } from './ExperimentError.js';
import { parseParameterPath, type ParameterPath, type ParameterValue } from './parameterPath.js';

/** Options of {@link applyPoint} and {@link checkPoint}. */
export interface ApplyPointOptions {
  /**
   * Accept model parameters that violate C2–C8 of the admissible set 𝒫 (THEORY §5.4), as
   * `resolveScenario` does with the same option; violations become warnings of the new scenario.
   * C1 and range violations are always errors. Violations the scenario already had (it was resolved
   * with `allowInadmissible`) are never reported again. Default false.
   */
  allowInadmissible?: boolean;
  /** The design point's index, put on every issue. */
  point?: number;
}

// The field schemas of the scenario format, so a design value is held to the same domain as the
// same field written in a scenario file (one source of truth: src/scenario/scenarioSchema.ts).
const stateShape = scenarioSchema.shape.states.element.shape;
const institutionShape = scenarioSchema.shape.institutions.unwrap().element.shape;
const systemShape = scenarioSchema.shape.system.unwrap().shape;

function fieldSchema(p: ParameterPath): z.ZodType | null {
  const t = p.target;
  switch (t.kind) {
    case 'system': return t.field === 'lastMajorWar' ? null : systemShape[t.field];
    case 'institution': return institutionShape[t.field];
    case 'state': {
      const [head, sub] = t.field.split('.');
      if (head === 'capabilities') return stateShape.capabilities.shape[sub as 'mil' | 'eco' | 'pop'];
      if (head === 'growth') return stateShape.growth.unwrap().shape[sub as 'mil' | 'eco' | 'pop'];
      return stateShape[head as 'offensive'];
    }
    default: return null; // model parameters: checked by checkAdmissible on the whole set
  }
}

/** Issues with one value at one path, before the whole point is looked at. */
function valueIssues(p: ParameterPath, value: ParameterValue): string[] {
  if (p.valueType === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return [`expected a finite number, got ${JSON.stringify(value)}`];
  } else if (p.valueType === 'boolean') {
    if (typeof value !== 'boolean') return [`expected true or false, got ${JSON.stringify(value)}`];
  } else if (p.target.kind === 'parameter' && p.target.key === 'conOver' && value !== 'majors' && value !== 'all') {
    return [`expected "majors" or "all", got ${JSON.stringify(value)}`];
  }
  const schema = fieldSchema(p);
  if (schema === null) return [];
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

function targets<T extends { id: string }>(list: readonly T[], id: string): T[] {
  return id === '*' ? [...list] : list.filter((x) => x.id === id);
}

const violationKey = (v: AdmissibilityViolation): string => `${v.constraint}:${v.parameters.join(',')}`;

/** The paths of a point, parsed, keyed by canonical path; duplicates (an alias and its target) are an issue. */
function parsePoint(values: Readonly<Record<string, ParameterValue>>, issues: ExperimentIssue[], point?: number): Map<string, [ParameterPath, ParameterValue]> {
  const out = new Map<string, [ParameterPath, ParameterValue]>();
  for (const [text, value] of Object.entries(values)) {
    let p: ParameterPath;
    try {
      p = parseParameterPath(text);
    } catch (error) {
      if (error instanceof ExperimentError) issues.push(...error.issues.map((i) => ({ ...i, point })));
      else throw error;
      continue;
    }
    if (out.has(p.path)) issues.push({ path: text, message: `sets ${p.path} twice (an alias and its canonical path?)`, point });
    else out.set(p.path, [p, value]);
  }
  return out;
}

/**
 * Checks a design point against a scenario without building anything: every path exists (states
 * and institutions by id), every value lies in its field's domain (the scenario schema's), and the
 * model parameters that result are admissible (THEORY §5.4). Pure.
 *
 * @returns every problem found, each naming its path; empty when the point can be applied.
 */
export function checkPoint(
  scenario: ResolvedScenario, values: Readonly<Record<string, ParameterValue>>, options: ApplyPointOptions = {},
): ExperimentIssue[] {
  const issues: ExperimentIssue[] = [];
  const point = options.point;
  const parsed = parsePoint(values, issues, point);
  let parameters: ModelParameters | null = null;
  for (const [p, value] of parsed.values()) {
    const t = p.target;
    if (t.kind === 'state' && t.state !== '*' && !scenario.states.some((s) => s.id === t.state)) {
      issues.push({ path: p.path, message: `no state "${t.state}" in scenario "${scenario.meta.id}"`, point });
      continue;
    }
    if (t.kind === 'institution' && t.institution !== '*' && !scenario.institutions.some((q) => q.id === t.institution)) {
      issues.push({ path: p.path, message: `no institution "${t.institution}" in scenario "${scenario.meta.id}"`, point });
      continue;
    }
    const problems = valueIssues(p, value);
    for (const message of problems) issues.push({ path: p.path, message: `${JSON.stringify(value)}: ${message}`, point });
    if (problems.length > 0) continue;
    if (t.kind === 'parameter' || t.kind === 'omega') {
      parameters ??= { ...scenario.parameters, omega: { ...scenario.parameters.omega } };
      if (t.kind === 'omega') parameters.omega[t.key] = value as number;
      else (parameters as unknown as Record<string, ParameterValue>)[t.key] = value;
    }
  }
  if (parameters !== null) {
    const before = new Set(checkAdmissible(scenario.parameters).map(violationKey));
    for (const v of checkAdmissible(parameters)) {
      if (before.has(violationKey(v))) continue;
      const hard = v.constraint === 'C1' || v.constraint === 'range';
      if (!hard && options.allowInadmissible) continue;
      const involved = v.parameters.map((k) => `parameters.${k}`).find((k) => parsed.has(k)) ?? `parameters.${v.parameters[0]}`;
      issues.push({ path: involved, message: `outside the admissible set (model §5.4 ${v.constraint}): ${v.message}`, point });
    }
  }
  return issues;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Applies a design point to a resolved scenario: returns a new resolved scenario with each path set
 * to its value, checked as {@link checkPoint} checks it. The input is not changed (it is deep-cloned).
 *
 * Setting a system condition or a growth rate that the scenario writes as an expression of time
 * replaces the expression by the constant. Setting `legitimacyBaseline` does not change the initial
 * `legitimacy` (resolveScenario filled it already); set both when both should move.
 *
 * @example
 * applyPoint(scenario, { 'system.lambda': 0.8, 'states.TUR.domesticSupport': 0.3 })
 * @throws ExperimentError (code `design`) listing every problem, each naming its path.
 */
export function applyPoint(
  scenario: ResolvedScenario, values: Readonly<Record<string, ParameterValue>>, options: ApplyPointOptions = {},
): ResolvedScenario {
  const issues = checkPoint(scenario, values, options);
  if (issues.length > 0) throw new ExperimentError('design', issues);
  const out = structuredClone(scenario) as Mutable<ResolvedScenario>;
  const states = out.states as ResolvedState[];
  const institutions = out.institutions as ResolvedInstitution[];
  let expressions = out.expressions as ResolvedExpression[];
  for (const [p, value] of parsePoint(values, []).values()) {
    const t = p.target;
    switch (t.kind) {
      case 'system':
        (out.system as unknown as Record<string, number>)[t.field] = value as number;
        expressions = expressions.filter((e) => !(e.target.kind === 'system' && e.target.field === t.field));
        break;
      case 'parameter':
        (out.parameters as unknown as Record<string, ParameterValue>)[t.key] = value;
        break;
      case 'omega':
        out.parameters.omega[t.key] = value as number;
        break;
      case 'institution':
        for (const q of targets(institutions, t.institution)) q[t.field] = value as number;
        break;
      case 'state': {
        const [head, sub] = t.field.split('.') as [string, 'mil' | 'eco' | 'pop' | undefined];
        for (const s of targets(states, t.state)) {
          if (head === 'capabilities' && sub !== undefined) s.capabilities[sub] = value as number;
          else if (head === 'growth' && sub !== undefined) {
            s.growth[sub] = value as number;
            expressions = expressions.filter((e) => !(e.target.kind === 'growth' && e.target.state === s.id && e.target.component === sub));
          } else (s as unknown as Record<string, ParameterValue>)[head] = value;
        }
        break;
      }
    }
  }
  out.expressions = expressions;
  if (options.allowInadmissible) {
    const before = new Set(checkAdmissible(scenario.parameters).map(violationKey));
    const added = checkAdmissible(out.parameters).filter((v) => !before.has(violationKey(v)));
    out.warnings = [...scenario.warnings, ...added.map((v) => `${v.constraint}: ${v.message}`)];
  }
  return brandResolved(out as ResolvedScenario);
}
