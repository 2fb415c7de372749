import { checkAdmissible } from '../decision/checkAdmissible.js';
import { defaultParameters, defaultSystemConditions } from '../model/defaultParameters.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import type {
  Capabilities, ResolvedDyad, ResolvedInstitution, ResolvedPerception, ResolvedScenario, ResolvedState, SixComponents,
} from '../model/ResolvedScenario.js';
import { brandResolved } from './resolvedBrand.js';
import { ScenarioError, type ScenarioIssue } from './ScenarioError.js';
import { scenarioSchema, type ParsedScenario, type ScenarioInput } from './scenarioSchema.js';

/** Options of {@link resolveScenario}. */
export interface ResolveOptions {
  /**
   * Accept parameters that violate C2–C8 of the admissible set (the properties of THEORY §6 are
   * then not guaranteed); violations become warnings. C1 and range violations are always errors.
   */
  allowInadmissible?: boolean;
  /** The file the scenario came from, put on every issue. */
  file?: string;
}

const SIX: readonly (keyof SixComponents)[] = ['milex', 'milper', 'irst', 'pec', 'tpop', 'upop'];

/**
 * Validates a scenario object, fills every default, binds every name and checks every invariant.
 * The result is the only form the engine takes.
 *
 * @throws ScenarioError listing every problem found, each with its field path.
 */
export function resolveScenario(input: ScenarioInput | unknown, options: ResolveOptions = {}): ResolvedScenario {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    const issues: ScenarioIssue[] = parsed.error.issues.flatMap((issue): ScenarioIssue[] => {
      const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field "${key}"` }));
      }
      return [{ path, message: issue.message }];
    });
    throw withFile(issues, options.file);
  }
  const issues: ScenarioIssue[] = [];
  const resolved = crossCheck(parsed.data, issues, options);
  if (issues.length > 0) throw withFile(issues, options.file);
  return brandResolved(resolved);
}

function withFile(issues: ScenarioIssue[], file: string | undefined): ScenarioError {
  return new ScenarioError(file === undefined ? issues : issues.map((i) => ({ ...i, file })));
}

function crossCheck(s: ParsedScenario, issues: ScenarioIssue[], options: ResolveOptions): ResolvedScenario {
  const warnings: string[] = [];
  const stateIndex = new Map<string, number>();
  s.states.forEach((st, i) => {
    if (stateIndex.has(st.id)) issues.push({ path: ['states', i, 'id'], message: `duplicate state id "${st.id}"` });
    else stateIndex.set(st.id, i);
  });
  const known = (ref: string, path: (string | number)[]): boolean => {
    if (stateIndex.has(ref)) return true;
    issues.push({ path, message: `unknown state "${ref}"` });
    return false;
  };

  const states = resolveStates(s, issues);

  const pairSeen = new Set<string>();
  const dyads: ResolvedDyad[] = [];
  s.dyads.forEach((d, k) => {
    const [a, b] = d.between;
    const okA = known(a, ['dyads', k, 'between', 0]);
    const okB = known(b, ['dyads', k, 'between', 1]);
    if (!okA || !okB) return;
    if (a === b) { issues.push({ path: ['dyads', k, 'between'], message: `a dyad needs two different states (got "${a}" twice)` }); return; }
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (pairSeen.has(key)) { issues.push({ path: ['dyads', k, 'between'], message: `duplicate dyad ${a}–${b}` }); return; }
    pairSeen.add(key);
    dyads.push({
      between: [a, b],
      ...(d.distance === undefined ? {} : { distance: d.distance }),
      trade: d.trade ?? 0,
      alliance: d.alliance ?? false,
      entente: d.entente ?? 0,
    });
  });

  const perceptionSeen = new Set<string>();
  const perceptions: ResolvedPerception[] = [];
  s.perceptions.forEach((p, k) => {
    const ok = known(p.from, ['perceptions', k, 'from']) && known(p.to, ['perceptions', k, 'to']);
    if (!ok) return;
    if (p.from === p.to) { issues.push({ path: ['perceptions', k], message: 'a state has no perception of itself' }); return; }
    const key = `${p.from}\u0000${p.to}`;
    if (perceptionSeen.has(key)) { issues.push({ path: ['perceptions', k], message: `duplicate perception ${p.from} → ${p.to}` }); return; }
    perceptionSeen.add(key);
    perceptions.push({ ...p });
  });

  const institutionIds = new Set<string>();
  const institutions: ResolvedInstitution[] = s.institutions.map((q, k) => {
    if (institutionIds.has(q.id)) issues.push({ path: ['institutions', k, 'id'], message: `duplicate institution id "${q.id}"` });
    institutionIds.add(q.id);
    const seen = new Set<string>();
    q.members.forEach((m, mi) => {
      known(m, ['institutions', k, 'members', mi]);
      if (seen.has(m)) issues.push({ path: ['institutions', k, 'members', mi], message: `"${m}" is listed twice` });
      seen.add(m);
    });
    return {
      id: q.id, name: q.name ?? q.id, members: [...seen], strength: q.strength, kind: q.kind,
      decisionRule: q.decisionRule, strictness: q.strictness,
    };
  });

  const distances = resolveDistanceMode(states, dyads, issues);
  const parameters = resolveParameters(s, issues, warnings, options);
  const base = defaultSystemConditions();
  const system = {
    lambda: s.system.lambda ?? base.lambda,
    nu: s.system.nu ?? base.nu,
    theta: s.system.theta ?? base.theta,
    lastMajorWar: s.system.lastMajorWar === undefined ? base.lastMajorWar : s.system.lastMajorWar,
  };
  return {
    meta: { ...s.meta, sources: [...s.meta.sources] },
    states, dyads, perceptions, institutions, system, parameters, distances, warnings,
  };
}

function resolveStates(s: ParsedScenario, issues: ScenarioIssue[]): ResolvedState[] {
  const isSix = (c: Capabilities | SixComponents): c is SixComponents => 'milex' in c;
  const sixCount = s.states.filter((st) => isSix(st.capabilities)).length;
  if (sixCount > 0 && sixCount < s.states.length) {
    issues.push({
      path: ['states'],
      message: 'capabilities must be given the same way for every state: all as mil/eco/pop or all as the six COW components',
    });
  }
  // Six components → THEORY data notes: mil = mean of shares of milex and milper, eco of irst and pec,
  // pop of tpop and upop, shares taken within the scenario's states.
  const totals = new Map<keyof SixComponents, number>();
  if (sixCount === s.states.length) {
    for (const key of SIX) {
      let sum = 0;
      for (const st of s.states) sum += (st.capabilities as SixComponents)[key];
      totals.set(key, sum);
      if (!(sum > 0)) issues.push({ path: ['states'], message: `component "${key}" is 0 for every state, so its shares are undefined` });
    }
  }
  const share = (c: SixComponents, key: keyof SixComponents): number => {
    const t = totals.get(key) ?? 0;
    return t > 0 ? c[key] / t : 0;
  };
  return s.states.map((st, i): ResolvedState => {
    let capabilities: Capabilities;
    let components: SixComponents | undefined;
    if (isSix(st.capabilities)) {
      components = { ...st.capabilities };
      capabilities = {
        mil: (share(components, 'milex') + share(components, 'milper')) / 2,
        eco: (share(components, 'irst') + share(components, 'pec')) / 2,
        pop: (share(components, 'tpop') + share(components, 'upop')) / 2,
      };
      for (const key of ['mil', 'eco', 'pop'] as const) {
        if (!(capabilities[key] > 0) && sixCount === s.states.length) {
          issues.push({ path: ['states', i, 'capabilities'], message: `grouped component ${key} is 0; every state needs ${key} > 0 (THEORY §5.1)` });
        }
      }
    } else {
      capabilities = { ...st.capabilities };
    }
    const g = st.growth;
    return {
      id: st.id,
      name: st.name ?? st.id,
      major: st.major,
      capabilities,
      ...(components === undefined ? {} : { components }),
      growth: { mil: g?.mil ?? 0, eco: g?.eco ?? 0, pop: g?.pop ?? 0 },
      ...(st.location === undefined ? {} : { location: { ...st.location } }),
      offensive: st.offensive,
      nuclear: st.nuclear,
      revisionism: st.revisionism,
      ideology: st.ideology,
      legitimacy: st.legitimacy ?? st.legitimacyBaseline,
      legitimacyBaseline: st.legitimacyBaseline,
      domesticSupport: st.domesticSupport,
    };
  });
}

function resolveDistanceMode(
  states: ResolvedState[], dyads: ResolvedDyad[], issues: ScenarioIssue[],
): ResolvedScenario['distances'] {
  const located = states.filter((st) => st.location !== undefined).length;
  const explicit = dyads.filter((d) => d.distance !== undefined);
  if (located === states.length) return 'locations';
  if (located === 0 && explicit.length === 0) return 'none';
  // Mixed: every pair with an unlocated state needs an explicit distance.
  const has = new Set(explicit.map((d) => (d.between[0] < d.between[1] ? `${d.between[0]}\u0000${d.between[1]}` : `${d.between[1]}\u0000${d.between[0]}`)));
  const missing: string[] = [];
  for (let i = 0; i < states.length && missing.length < 6; i++) {
    for (let j = i + 1; j < states.length && missing.length < 6; j++) {
      const a = states[i];
      const b = states[j];
      if (a.location !== undefined && b.location !== undefined) continue;
      const key = a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`;
      if (!has.has(key)) missing.push(`${a.id}–${b.id}`);
    }
  }
  if (missing.length > 0) {
    issues.push({
      path: ['dyads'],
      message: `distance unknown for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' and more' : ''}: give every state a location, or give dyads a distance for every pair with an unlocated state (or neither, for a world without geography)`,
    });
  }
  return located > 0 ? 'locations' : 'pairs';
}

function resolveParameters(
  s: ParsedScenario, issues: ScenarioIssue[], warnings: string[], options: ResolveOptions,
): ModelParameters {
  const defaults = defaultParameters();
  const overrides = s.parameters;
  const parameters: ModelParameters = {
    ...defaults,
    ...(overrides as Partial<ModelParameters>),
    omega: { ...defaults.omega, ...(overrides.omega ?? {}) },
  };
  for (const v of checkAdmissible(parameters)) {
    const hard = v.constraint === 'C1' || v.constraint === 'range';
    if (!hard && options.allowInadmissible) {
      warnings.push(`${v.constraint}: ${v.message}`);
      continue;
    }
    // Point at the first overridden parameter involved, else at the first involved.
    const overridden = v.parameters.find((k) => k.startsWith('omega.')
      ? overrides.omega?.[k.slice(6) as keyof ModelParameters['omega']] !== undefined
      : (overrides as Record<string, unknown>)[k] !== undefined);
    const key = overridden ?? v.parameters[0];
    const path: (string | number)[] = key.startsWith('omega.') ? ['parameters', 'omega', key.slice(6)] : ['parameters', key];
    issues.push({ path, message: `outside the admissible set (THEORY §5.4 ${v.constraint}): ${v.message}` });
  }
  return parameters;
}
