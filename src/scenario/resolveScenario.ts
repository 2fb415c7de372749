import { checkAdmissible } from '../decision/checkAdmissible.js';
import { CAPABILITY_RANGE, MAX_GROWTH } from '../model/capabilityLimits.js';
import { defaultParameters, defaultSystemConditions } from '../model/defaultParameters.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import type {
  Capabilities, ResolvedDyad, ResolvedPaths, ResolvedEvent, ResolvedExpression, ResolvedInstitution, ResolvedPerception, ResolvedScenario, ResolvedAffinity,
  ResolvedState, SixComponents,
} from '../model/ResolvedScenario.js';
import type { WorldChange } from '../engine/WorldChange.js';
import { CONDITION_VARIABLES, fillConditionScope, TIME_VARIABLES } from './conditionScope.js';
import { compileExpression, ExpressionError } from './expressions.js';
import { activeAt } from './activeAt.js';
import { brandResolved } from './resolvedBrand.js';
import { referenceIssues } from './referenceIssues.js';
import { requiredFieldMessage } from './requiredFieldMessage.js';
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
  const parsed = scenarioSchema.safeParse(input, { error: requiredFieldMessage });
  const references = referenceIssues(input);
  if (!parsed.success) {
    const issues: ScenarioIssue[] = parsed.error.issues.flatMap((issue): ScenarioIssue[] => {
      const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field "${key}"` }));
      }
      return [{ path, message: issue.message }];
    });
    // Every problem at once: the name checks and the admissibility of the parameters still run,
    // on the parameters less any unknown field (reported above), so that a typo beside an
    // inadmissible value does not hide it.
    const unknownParameters = new Set(parsed.error.issues.flatMap((issue) => (
      issue.code === 'unrecognized_keys' && issue.path.length === 1 && issue.path[0] === 'parameters' ? issue.keys : [])));
    const given = isRecord(input) && isRecord(input.parameters)
      ? Object.fromEntries(Object.entries(input.parameters).filter(([key]) => !unknownParameters.has(key)))
      : isRecord(input) ? input.parameters : undefined;
    const parameters = isRecord(input) ? parametersOnly.safeParse({ parameters: given }, { error: requiredFieldMessage }) : undefined;
    const extra: ScenarioIssue[] = [];
    if (parameters?.success) resolveParameters(parameters.data.parameters, extra, [], options);
    throw withFile(inSectionOrder([...issues, ...references, ...extra]), options.file);
  }
  const issues: ScenarioIssue[] = [...references];
  const resolved = crossCheck(parsed.data, issues, options);
  if (issues.length > 0) throw withFile(inSectionOrder(issues), options.file);
  return brandResolved(resolved);
}

const SECTIONS = ['meta', 'states', 'dyads', 'perceptions', 'institutions', 'system', 'parameters', 'events', 'paths', 'affinity'];
const parametersOnly = scenarioSchema.pick({ parameters: true });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Issues sorted by section, then by index within a section (stable otherwise). */
function inSectionOrder(issues: ScenarioIssue[]): ScenarioIssue[] {
  const rank = (i: ScenarioIssue): number => {
    const r = SECTIONS.indexOf(String(i.path[0]));
    return r < 0 ? -1 : r;
  };
  const index = (i: ScenarioIssue): number => (typeof i.path[1] === 'number' ? i.path[1] : -1);
  return issues.map((issue, k) => ({ issue, k }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || index(a.issue) - index(b.issue) || a.k - b.k)
    .map((x) => x.issue);
}

function withFile(issues: ScenarioIssue[], file: string | undefined): ScenarioError {
  return new ScenarioError(file === undefined ? issues : issues.map((i) => ({ ...i, file })));
}

function crossCheck(s: ParsedScenario, issues: ScenarioIssue[], options: ResolveOptions): ResolvedScenario {
  const warnings: string[] = [];
  const stateIndex = new Map<string, number>();
  s.states.forEach((st, i) => { if (!stateIndex.has(st.id)) stateIndex.set(st.id, i); });
  // Names were checked by referenceIssues; here invalid references are only skipped.
  const known = (ref: string): boolean => stateIndex.has(ref);

  const states = resolveStates(s, issues);

  const pairSeen = new Set<string>();
  const dyads: ResolvedDyad[] = [];
  s.dyads.forEach((d, k) => {
    if (d.allianceEnds !== undefined) {
      if (d.alliance !== true) issues.push({ path: ['dyads', k, 'allianceEnds'], message: 'allianceEnds needs alliance: true (only an alliance in force can end)' });
      else if (d.allianceEnds < s.meta.startYear) issues.push({ path: ['dyads', k, 'allianceEnds'], message: `the alliance ends in ${d.allianceEnds}, before the scenario starts (${s.meta.startYear})` });
    }
  });
  for (const d of s.dyads) {
    const [a, b] = d.between;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (!known(a) || !known(b) || a === b || pairSeen.has(key)) continue;
    pairSeen.add(key);
    dyads.push({
      between: [a, b],
      ...(d.distance === undefined ? {} : { distance: d.distance }),
      trade: d.trade ?? 0,
      alliance: d.alliance ?? false,
      ...(d.allianceEnds === undefined || d.alliance !== true ? {} : { allianceEnds: d.allianceEnds }),
      entente: d.entente ?? 0,
    });
  }

  const perceptionSeen = new Set<string>();
  const perceptions: ResolvedPerception[] = [];
  for (const p of s.perceptions) {
    const key = `${p.from}\u0000${p.to}`;
    if (!known(p.from) || !known(p.to) || p.from === p.to || perceptionSeen.has(key)) continue;
    perceptionSeen.add(key);
    perceptions.push({ ...p });
  }

  const institutions: ResolvedInstitution[] = s.institutions.map((q) => ({
    id: q.id, name: q.name ?? q.id, members: [...new Set(q.members.filter(known))], strength: q.strength, kind: q.kind,
    decisionRule: q.decisionRule, strictness: q.strictness,
    statuses: q.statuses.filter((h) => known(h.state) && !q.members.includes(h.state)).map((h) => ({ state: h.state, status: h.status })),
    vetoMembers: [...new Set(q.vetoMembers.filter((v) => known(v) && q.members.includes(v)))],
  }));

  capabilityRangeIssues(s, states, dyads, issues);
  const distances = resolveDistanceMode(states, dyads, issues);
  const parameters = resolveParameters(s.parameters, issues, warnings, options);
  const base = defaultSystemConditions();
  const expressions: ResolvedExpression[] = [];
  const start = { year: s.meta.startYear, tick: 0 };
  const systemValue = (field: 'lambda' | 'nu' | 'theta'): number => {
    const v = s.system[field];
    if (v === undefined) return base[field];
    if (typeof v === 'number') return v;
    const value = startValue(v, ['system', field], start, issues, (x) => x >= 0 && x <= 1, 'in [0, 1]');
    expressions.push({ target: { kind: 'system', field }, expression: v, path: `system.${field}` });
    return value;
  };
  const system = {
    lambda: systemValue('lambda'),
    nu: systemValue('nu'),
    theta: systemValue('theta'),
    lastMajorWar: s.system.lastMajorWar === undefined ? base.lastMajorWar : s.system.lastMajorWar,
  };
  s.states.forEach((st, i) => {
    for (const component of ['mil', 'eco', 'pop'] as const) {
      const v = st.growth?.[component];
      if (typeof v !== 'string') continue;
      states[i].growth[component] = startValue(v, ['states', i, 'growth', component], start, issues, (x) => x > -1 && x <= MAX_GROWTH,
        'greater than −1 and at most 2^64');
      expressions.push({ target: { kind: 'growth', state: st.id, component }, expression: v, path: `states[${i}].growth.${component}` });
    }
  });
  const events = s.events.map((e, k) => resolveEvent(e, k, s, issues));
  const paths = s.paths === undefined ? null : resolvePaths(s, s.paths, issues);
  absorptionIssues(states, issues);
  const activeAtStart = states.filter((st) => activeAt(st.spells, s.meta.startYear)).length;
  if (activeAtStart < 2 && states.length >= 2) {
    issues.push({ path: ['states'], message: `only ${activeAtStart} state(s) are in the system in meta.startYear ${s.meta.startYear}; a run needs at least two` });
  }
  let affinity: ResolvedAffinity | null = null;
  if (s.affinity !== undefined) {
    // Data seeds, blocs in order, then pairs: a later entry overrides an earlier one (names were checked by referenceIssues).
    const seeds = new Map<string, { between: [string, string]; value: number }>();
    const put = (a: string, b: string, value: number): void => {
      if (!known(a) || !known(b) || a === b) return;
      const [lo, hi] = a < b ? [a, b] : [b, a];
      seeds.set(`${lo}\u0000${hi}`, { between: [lo, hi], value });
    };
    for (const pr of s.affinity.fromData) put(pr.between[0], pr.between[1], pr.affinity);
    for (const bloc of s.affinity.blocs) {
      for (let x = 0; x < bloc.members.length; x++) for (let y = x + 1; y < bloc.members.length; y++) put(bloc.members[x], bloc.members[y], bloc.affinity);
    }
    for (const pr of s.affinity.pairs) put(pr.between[0], pr.between[1], pr.affinity);
    affinity = { pairs: [...seeds.values()] };
  }
  return {
    meta: { ...s.meta, sources: [...s.meta.sources] },
    states, dyads, perceptions, institutions, system, expressions, events, parameters, distances, paths, affinity, warnings,
  };
}

/**
 * Checks the exogenous paths (model notes N40–N43): every array has the same length, the table
 * covers the start year, each state is known and has at most one path of each kind, and a state
 * that follows a capability path has no growth rates (the path replaces them).
 */
function resolvePaths(s: ParsedScenario, p: NonNullable<ParsedScenario['paths']>, issues: ScenarioIssue[]): ResolvedPaths {
  const ids = new Set(s.states.map((st) => st.id));
  let length = -1;
  const check = (values: readonly number[], path: (string | number)[]): void => {
    if (length < 0) length = values.length;
    else if (values.length !== length) issues.push({ path, message: `${values.length} yearly values, but the other paths have ${length}: every path covers the same years` });
  };
  const seen = (kind: string): ((state: string, path: (string | number)[]) => boolean) => {
    const set = new Set<string>();
    return (state, path) => {
      if (!ids.has(state)) { issues.push({ path, message: `unknown state "${state}"` }); return false; }
      if (set.has(state)) { issues.push({ path, message: `"${state}" has two ${kind} paths` }); return false; }
      set.add(state);
      return true;
    };
  };
  const capSeen = seen('capability');
  p.capabilities.forEach((c, k) => {
    capSeen(c.state, ['paths', 'capabilities', k, 'state']);
    check(c.mil, ['paths', 'capabilities', k, 'mil']);
    check(c.eco, ['paths', 'capabilities', k, 'eco']);
    check(c.pop, ['paths', 'capabilities', k, 'pop']);
    const i = s.states.findIndex((st) => st.id === c.state);
    const g = i < 0 ? undefined : s.states[i].growth;
    if (g !== undefined && (g.mil !== 0 || g.eco !== 0 || g.pop !== 0)) {
      issues.push({ path: ['states', i, 'growth'], message: `"${c.state}" follows a capability path (paths.capabilities[${k}]), which replaces growth rates: remove growth` });
    }
  });
  const tradeSeen = seen('trade');
  p.trade.forEach((t, k) => {
    tradeSeen(t.state, ['paths', 'trade', k, 'state']);
    check(t.share, ['paths', 'trade', k, 'share']);
  });
  const lastYear = p.firstYear + Math.max(length, 1) - 1;
  if (p.firstYear > s.meta.startYear || lastYear < s.meta.startYear) {
    issues.push({ path: ['paths', 'firstYear'], message: `the paths cover ${p.firstYear}–${lastYear}, which does not include meta.startYear ${s.meta.startYear}` });
  }
  return {
    firstYear: p.firstYear, lastYear, halfLife: p.halfLife,
    capabilities: p.capabilities.map((c) => ({ state: c.state, mil: [...c.mil], eco: [...c.eco], pop: [...c.pop] })),
    trade: p.trade.map((t) => ({ state: t.state, share: [...t.share] })),
    notes: p.notes.map((n) => ({ ...n, years: [...n.years] })),
  };
}

function resolveStates(s: ParsedScenario, issues: ScenarioIssue[]): ResolvedState[] {
  type Given = ParsedScenario['states'][number]['capabilities'];
  const isSix = (c: Given): boolean => c.milex !== undefined;
  const asSix = (c: Given): SixComponents => ({
    milex: c.milex ?? 0, milper: c.milper ?? 0, irst: c.irst ?? 0, pec: c.pec ?? 0, tpop: c.tpop ?? 0, upop: c.upop ?? 0,
  });
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
      for (const st of s.states) sum += asSix(st.capabilities)[key];
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
      components = asSix(st.capabilities);
      capabilities = {
        mil: (share(components, 'milex') + share(components, 'milper')) / 2,
        eco: (share(components, 'irst') + share(components, 'pec')) / 2,
        pop: (share(components, 'tpop') + share(components, 'upop')) / 2,
      };
      for (const key of ['mil', 'eco', 'pop'] as const) {
        if (!(capabilities[key] > 0) && sixCount === s.states.length) {
          issues.push({ path: ['states', i, 'capabilities'], message: `grouped component ${key} is 0; every state needs ${key} > 0 (model §5.1)` });
        }
      }
    } else {
      capabilities = { mil: st.capabilities.mil ?? 0, eco: st.capabilities.eco ?? 0, pop: st.capabilities.pop ?? 0 };
    }
    const g = st.growth;
    return {
      id: st.id,
      name: st.name ?? st.id,
      major: st.major,
      capabilities,
      ...(components === undefined ? {} : { components }),
      // Expressions are evaluated at tick 0 by crossCheck; numbers are taken as they are.
      growth: { mil: num(g?.mil), eco: num(g?.eco), pop: num(g?.pop) },
      ...(st.location === undefined ? {} : { location: { ...st.location } }),
      offensive: st.offensive,
      nuclear: st.nuclear,
      revisionism: st.revisionism,
      ideology: st.ideology,
      legitimacy: st.legitimacy ?? st.legitimacyBaseline,
      legitimacyBaseline: st.legitimacyBaseline,
      domesticSupport: st.domesticSupport,
      ...(st.spells === undefined ? {} : { spells: resolveSpells(st.spells, i, s.meta.startYear, issues) }),
    };
  });
}

/**
 * A state's spells in the system (model note N43): each ends after it starts, they come in order
 * without overlapping, and at least one reaches past the start year (a state that never exists
 * during the run is no agent).
 */
function resolveSpells(spells: NonNullable<ParsedScenario['states'][number]['spells']>, i: number, startYear: number,
  issues: ScenarioIssue[]): { from: number | null; to: number | null; into?: string }[] {
  const out = spells.map((sp) => ({ from: sp.from ?? null, to: sp.to ?? null, ...(sp.into === undefined ? {} : { into: sp.into }) }));
  let last = -Infinity;
  out.forEach((sp, k) => {
    const from = sp.from ?? -Infinity;
    const to = sp.to ?? Infinity;
    if (!(to > from)) issues.push({ path: ['states', i, 'spells', k, 'to'], message: `the spell ends (${String(sp.to)}) before it starts (${String(sp.from)})` });
    else if (from < last) issues.push({ path: ['states', i, 'spells', k, 'from'], message: `the spell starts (${String(sp.from)}) before the previous one ends: spells come in order and do not overlap` });
    last = Math.max(last, to);
  });
  if (out.every((sp) => sp.to !== null && sp.to <= startYear)) {
    issues.push({ path: ['states', i, 'spells'], message: `the state has left the system before meta.startYear ${startYear}: it is never an agent of this run` });
  }
  return out;
}

export { activeAt } from './activeAt.js';

/**
 * A spell's `into` (model note N46) names the state of the scenario that absorbs the state when the
 * spell ends: the spell must end (`to`), and the absorber must be another state of the scenario that
 * is in the system at that date. (COW data do not say who absorbed a state, so the file declares it;
 * a state absorbed into a non-agent is an error.)
 */
function absorptionIssues(states: readonly ResolvedState[], issues: ScenarioIssue[]): void {
  const byId = new Map(states.map((st) => [st.id, st]));
  states.forEach((st, i) => {
    st.spells?.forEach((sp, k) => {
      if (sp.into === undefined) return;
      const at = ['states', i, 'spells', k, 'into'];
      const absorber = byId.get(sp.into);
      if (sp.to === null) issues.push({ path: at, message: `into "${sp.into}" needs the spell's end (to): a state is absorbed when it leaves the system` });
      else if (sp.into === st.id) issues.push({ path: at, message: `a state cannot be absorbed into itself ("${sp.into}")` });
      else if (absorber === undefined) {
        issues.push({ path: at, message: `unknown state "${sp.into}": a state can only be absorbed into a state of the scenario (an agent); leave into out if the absorber is not one` });
      } else if (!activeAt(absorber.spells, sp.to)) {
        issues.push({ path: at, message: `the absorbing state "${sp.into}" is not in the state system at ${sp.to}, when "${st.id}" leaves it (its spells)` });
      }
    });
  });
}

function num(v: number | string | undefined): number {
  return typeof v === 'number' ? v : 0;
}

/** Compiles an expression of year and tick and evaluates it at the start, checking its domain. */
/**
 * Capabilities too small beside the scenario's largest capability or trade value to be represented
 * (capabilityLimits): their shares would underflow. The engine rescales everything else exactly.
 */
function capabilityRangeIssues(s: ParsedScenario, states: ResolvedState[], dyads: ResolvedDyad[], issues: ScenarioIssue[]): void {
  let largest = 0;
  let where = '';
  states.forEach((st, i) => {
    for (const key of ['mil', 'eco', 'pop'] as const) {
      if (st.capabilities[key] > largest) { largest = st.capabilities[key]; where = `states[${i}].capabilities.${key}`; }
    }
  });
  dyads.forEach((d) => {
    if (d.trade > largest) { largest = d.trade; where = `the trade of ${d.between[0]}–${d.between[1]}`; }
  });
  const least = largest / CAPABILITY_RANGE;
  states.forEach((st, i) => {
    const six = s.states[i]?.capabilities.milex !== undefined;
    for (const key of ['mil', 'eco', 'pop'] as const) {
      const v = st.capabilities[key];
      if (!(v > 0) || v >= least) continue;
      issues.push({
        path: six ? ['states', i, 'capabilities'] : ['states', i, 'capabilities', key],
        message: `${key} = ${v} cannot be represented beside ${where} = ${largest}: a capability must be at least 2^−384 (about 2.6e-116) `
          + 'of the largest capability or trade value, or its share underflows',
      });
    }
  });
}

function startValue(
  source: string, path: (string | number)[], scope: { year: number; tick: number }, issues: ScenarioIssue[],
  ok: (x: number) => boolean, domain: string,
): number {
  try {
    const value = compileExpression(source, TIME_VARIABLES).evaluate(scope);
    if (!ok(value)) issues.push({ path, message: `expression "${source}" gives ${value} at the start; it must be ${domain}` });
    return value;
  } catch (error) {
    issues.push({ path, message: error instanceof ExpressionError ? error.message : String(error) });
    return 0;
  }
}

function resolveEvent(e: ParsedScenario['events'][number], k: number, s: ParsedScenario, issues: ScenarioIssue[]): ResolvedEvent {
  const path = ['events', k];
  let tick: number | null = null;
  if (e.at !== undefined && e.when !== undefined) {
    issues.push({ path, message: 'an event has either `at` (a year or tick) or `when` (a condition), not both' });
  } else if (e.at === undefined && e.when === undefined) {
    issues.push({ path, message: 'an event needs `at` (a year or tick) or `when` (a condition)' });
  }
  if (e.at !== undefined) {
    if ('year' in e.at) {
      if (e.at.year < s.meta.startYear) {
        issues.push({ path: [...path, 'at', 'year'], message: `year ${e.at.year} is before the scenario's start year ${s.meta.startYear}` });
      }
      // The first tick whose year is at or after the event's year.
      tick = Math.max(0, Math.ceil((e.at.year - s.meta.startYear) * s.meta.ticksPerYear - 1e-9));
    } else tick = e.at.tick;
  }
  if (e.when !== undefined) {
    try {
      // Evaluated once as the engine first does, before tick 0 (year = startYear, every measure 0), so
      // a wrong number of arguments, an infinite, NaN or complex result is found before a run.
      const scope: Record<string, number> = {};
      fillConditionScope(scope, null, s.meta.startYear, 0);
      compileExpression(e.when, CONDITION_VARIABLES).evaluate(scope);
    } catch (error) {
      issues.push({ path: [...path, 'when'], message: error instanceof ExpressionError ? error.message : String(error) });
    }
  }
  e.changes.forEach((c, ci) => {
    if (c.type !== 'set-parameter') return;
    const defaults = defaultParameters() as unknown as Record<string, unknown>;
    if (typeof defaults[c.key] !== 'number') issues.push({ path: [...path, 'changes', ci, 'key'], message: `unknown numeric model parameter "${c.key}"` });
  });
  return {
    index: k,
    label: e.label ?? `events[${k}]`,
    ...(e.source === undefined ? {} : { source: e.source }),
    tick,
    when: e.when ?? null,
    once: e.once,
    changes: e.changes as WorldChange[],
  };
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
  overrides: ParsedScenario['parameters'], issues: ScenarioIssue[], warnings: string[], options: ResolveOptions,
): ModelParameters {
  const defaults = defaultParameters();
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
    issues.push({ path, message: `outside the admissible set (model §5.4 ${v.constraint}): ${v.message}` });
  }
  return parameters;
}
