import { defaultParameters } from '../model/defaultParameters.js';
import { CONDITION_KEYS } from '../model/ModelParameters.js';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import { ExperimentError } from './ExperimentError.js';

/** A value a design can give a parameter: a number, a boolean (`states.X.nuclear`) or a string (`parameters.conOver`). */
export type ParameterValue = number | boolean | string;

/** State fields a design can set (`states.<id>.<field>`); `*` as the id sets every state. */
export const STATE_FIELDS = [
  'offensive', 'revisionism', 'ideology', 'legitimacy', 'legitimacyBaseline', 'domesticSupport', 'nuclear', 'major',
  'capabilities.mil', 'capabilities.eco', 'capabilities.pop', 'growth.mil', 'growth.eco', 'growth.pop',
] as const;
/** A settable state field. */
export type DesignStateField = (typeof STATE_FIELDS)[number];

/** Institution fields a design can set (`institutions.<id>.<field>`); `*` as the id sets every institution. */
export const INSTITUTION_FIELDS = ['strength', 'strictness'] as const;
/** A settable institution field. */
export type DesignInstitutionField = (typeof INSTITUTION_FIELDS)[number];

/** System conditions a design can set (`system.<field>`). */
export const SYSTEM_FIELDS = ['lambda', 'nu', 'theta', 'lastMajorWar'] as const;
/** A settable system condition. */
export type DesignSystemField = (typeof SYSTEM_FIELDS)[number];

/**
 * Aliases accepted in designs for the world conditions λ, ν, θ, which in counterpoise live under
 * `system` (they describe the world, not how states decide). The output names the canonical path.
 */
export const PATH_ALIASES: Readonly<Record<string, string>> = {
  'parameters.lambda': 'system.lambda',
  'parameters.nu': 'system.nu',
  'parameters.theta': 'system.theta',
};

/** What a parameter path addresses in a resolved scenario. */
export type ParameterTarget =
  | { kind: 'system'; field: DesignSystemField }
  | { kind: 'parameter'; key: string }
  | { kind: 'omega'; key: (typeof CONDITION_KEYS)[number] }
  | { kind: 'state'; state: string; field: DesignStateField }
  | { kind: 'institution'; institution: string; field: DesignInstitutionField };

/** A parsed parameter path. */
export interface ParameterPath {
  /** The canonical spelling (aliases resolved), used as the output column name and in seeds. */
  readonly path: string;
  /** What it addresses. */
  readonly target: ParameterTarget;
  /** The type of value the field takes. */
  readonly valueType: 'number' | 'boolean' | 'string';
}

const NUMERIC_PARAMETERS: ReadonlySet<string> = new Set(
  Object.entries(defaultParameters()).filter(([, v]) => typeof v === 'number').map(([k]) => k),
);

function fail(path: string, message: string): never {
  throw new ExperimentError('design', [{ path, message }]);
}

/**
 * Parses a parameter path of a design: `system.lambda` (also `parameters.lambda`, an alias),
 * `parameters.mu`, `parameters.omega.legitimacy`, `parameters.conOver`, `states.TUR.domesticSupport`,
 * `states.*.growth.mil`, `institutions.NATO.strength`. Ids may contain dots: the field is read from
 * the end. Pure; does not check that the state or institution exists (see {@link readParameter}).
 *
 * @throws ExperimentError (code `design`) naming the path, for an unknown section or field.
 */
export function parseParameterPath(text: string): ParameterPath {
  const path = PATH_ALIASES[text] ?? text;
  const parts = path.split('.');
  const section = parts[0];
  if (section === 'system') {
    const field = parts.slice(1).join('.');
    if (!(SYSTEM_FIELDS as readonly string[]).includes(field)) {
      fail(text, `unknown system condition "${field}"; one of ${SYSTEM_FIELDS.join(', ')}`);
    }
    return { path, target: { kind: 'system', field: field as DesignSystemField }, valueType: 'number' };
  }
  if (section === 'parameters') {
    const key = parts.slice(1).join('.');
    if (parts.length === 3 && parts[1] === 'omega') {
      const cond = parts[2];
      if (!(CONDITION_KEYS as readonly string[]).includes(cond)) {
        fail(text, `unknown condition weight "omega.${cond}"; one of ${CONDITION_KEYS.map((k) => `omega.${k}`).join(', ')}`);
      }
      return { path, target: { kind: 'omega', key: cond as (typeof CONDITION_KEYS)[number] }, valueType: 'number' };
    }
    if (key === 'conOver') return { path, target: { kind: 'parameter', key }, valueType: 'string' };
    if (!NUMERIC_PARAMETERS.has(key)) fail(text, `unknown model parameter "${key}" (see defaultParameters())`);
    return { path, target: { kind: 'parameter', key }, valueType: 'number' };
  }
  if (section === 'states' || section === 'institutions') {
    const fields: readonly string[] = section === 'states' ? STATE_FIELDS : INSTITUTION_FIELDS;
    // The field is one or two segments at the end; the id is everything between (it may hold dots).
    for (const width of [2, 1]) {
      if (parts.length < 2 + width) continue;
      const field = parts.slice(parts.length - width).join('.');
      if (!fields.includes(field)) continue;
      const id = parts.slice(1, parts.length - width).join('.');
      if (id === '') break;
      if (section === 'states') {
        const f = field as DesignStateField;
        const valueType = f === 'nuclear' || f === 'major' ? 'boolean' : 'number';
        return { path, target: { kind: 'state', state: id, field: f }, valueType };
      }
      return { path, target: { kind: 'institution', institution: id, field: field as DesignInstitutionField }, valueType: 'number' };
    }
    const noun = section === 'states' ? 'state' : 'institution';
    fail(text, `expected ${section}.<${noun} id>.<field> with field one of ${fields.join(', ')}`);
  }
  return fail(text, 'a parameter path starts with system., parameters., states. or institutions.');
}

/**
 * Reads the current value at a path of a resolved scenario (for a wildcard id, the first state's or
 * institution's). For a system condition driven by an expression, the value at the start.
 *
 * @throws ExperimentError (code `design`) when the state or institution does not exist.
 */
export function readParameter(scenario: ResolvedScenario, path: ParameterPath | string): ParameterValue {
  const p = typeof path === 'string' ? parseParameterPath(path) : path;
  const t = p.target;
  switch (t.kind) {
    case 'system': {
      const v = scenario.system[t.field];
      return v ?? Number.NaN;
    }
    case 'parameter': return (scenario.parameters as unknown as Record<string, number | string>)[t.key];
    case 'omega': return scenario.parameters.omega[t.key];
    case 'state': {
      const state = t.state === '*' ? scenario.states[0] : scenario.states.find((s) => s.id === t.state);
      if (state === undefined) return fail(p.path, `no state "${t.state}" in scenario "${scenario.meta.id}"`);
      const [head, sub] = t.field.split('.') as [string, 'mil' | 'eco' | 'pop' | undefined];
      if (head === 'capabilities' && sub !== undefined) return state.capabilities[sub];
      if (head === 'growth' && sub !== undefined) return state.growth[sub];
      return (state as unknown as Record<string, number | boolean>)[head];
    }
    case 'institution': {
      const q = t.institution === '*' ? scenario.institutions[0] : scenario.institutions.find((i) => i.id === t.institution);
      if (q === undefined) return fail(p.path, `no institution "${t.institution}" in scenario "${scenario.meta.id}"`);
      return q[t.field];
    }
  }
}

/**
 * Whether a path is driven by a time-varying expression in this scenario (a system condition or a
 * growth rate written as an expression): setting it replaces the expression by a constant.
 */
export function isExpressionDriven(scenario: ResolvedScenario, path: ParameterPath): boolean {
  const t = path.target;
  if (t.kind === 'system') return scenario.expressions.some((e) => e.target.kind === 'system' && e.target.field === t.field);
  if (t.kind === 'state' && t.field.startsWith('growth.')) {
    const component = t.field.slice(7);
    return scenario.expressions.some((e) => e.target.kind === 'growth' && e.target.component === component
      && (t.state === '*' || e.target.state === t.state));
  }
  return false;
}
