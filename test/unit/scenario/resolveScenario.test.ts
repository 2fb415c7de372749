import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../src/model/defaultParameters.js';
import { cincShares } from '../../../src/metrics/cincShares.js';
import { resolveScenario, type ResolveOptions } from '../../../src/scenario/resolveScenario.js';
import { isResolvedScenario } from '../../../src/scenario/resolvedBrand.js';
import { ScenarioError, type ScenarioIssue } from '../../../src/scenario/ScenarioError.js';
import type { ScenarioInput, StateInput } from '../../../src/scenario/scenarioSchema.js';

const state = (id: string, extra: Partial<StateInput> = {}): StateInput => ({ id, capabilities: { mil: 1, eco: 2, pop: 3 }, ...extra });

const scenario = (extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  meta: { id: 'toy' },
  states: [state('A'), state('B'), state('C')],
  ...extra,
});

/** Resolves `input`, expects a ScenarioError and returns its issues. */
function issuesOf(input: unknown, options?: ResolveOptions): readonly ScenarioIssue[] {
  try {
    resolveScenario(input, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    if (e instanceof ScenarioError) return e.issues;
  }
  expect.fail('resolveScenario did not throw');
}

/** The issue at exactly `path`; fails the test if there is none. */
function issueAt(issues: readonly ScenarioIssue[], path: (string | number)[]): ScenarioIssue {
  const hit = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  expect(hit, `no issue at ${JSON.stringify(path)}; got ${JSON.stringify(issues)}`).toBeDefined();
  return hit as ScenarioIssue;
}

describe('resolveScenario: a valid scenario', () => {
  it('fills every default', () => {
    const r = resolveScenario(scenario());
    expect(r.meta).toEqual({ id: 'toy', title: '', description: '', startYear: 0, ticksPerYear: 1, sources: [] });
    expect(r.states[0]).toEqual({
      id: 'A', name: 'A', major: false, capabilities: { mil: 1, eco: 2, pop: 3 }, growth: { mil: 0, eco: 0, pop: 0 },
      offensive: 0.5, nuclear: false, revisionism: 0, ideology: 0, legitimacy: 0.8, legitimacyBaseline: 0.8, domesticSupport: 0.5,
    });
    expect(r.system).toEqual({ lambda: 0.5, nu: 0.5, theta: 0.3, lastMajorWar: null });
    expect(r.parameters).toEqual(defaultParameters());
    expect(r.distances).toBe('none');
    expect(r.warnings).toEqual([]);
    expect(r.dyads).toEqual([]);
    expect(isResolvedScenario(r)).toBe(true);
  });

  it('legitimacy defaults to the given baseline; an explicit legitimacy is kept', () => {
    const r = resolveScenario(scenario({ states: [state('A', { legitimacyBaseline: 0.6 }), state('B', { legitimacy: 0.3 })] }));
    expect(r.states[0]).toMatchObject({ legitimacy: 0.6, legitimacyBaseline: 0.6 });
    expect(r.states[1]).toMatchObject({ legitimacy: 0.3, legitimacyBaseline: 0.8 });
  });

  it('fills dyad, institution, growth and system defaults and keeps overrides', () => {
    const r = resolveScenario(scenario({
      states: [state('A', { name: 'Alpha', growth: { eco: 0.02 } }), state('B'), state('C')],
      dyads: [{ between: ['A', 'B'], trade: 5 }],
      institutions: [{ id: 'Q', members: ['A', 'B'] }],
      system: { lambda: 0.9, lastMajorWar: 1815 },
    }));
    expect(r.states[0].name).toBe('Alpha');
    expect(r.states[0].growth).toEqual({ mil: 0, eco: 0.02, pop: 0 });
    expect(r.dyads).toEqual([{ between: ['A', 'B'], trade: 5, alliance: false, entente: 0 }]);
    expect(r.institutions).toEqual([{ id: 'Q', name: 'Q', members: ['A', 'B'], strength: 0.5, kind: 'general', decisionRule: 'consensus', strictness: 0, statuses: [], vetoMembers: [] }]);
    expect(r.system).toEqual({ lambda: 0.9, nu: 0.5, theta: 0.3, lastMajorWar: 1815 });
  });

  it('merges parameter overrides, omega partially', () => {
    const r = resolveScenario(scenario({ parameters: { mu: 0.8, epsC: 0.5, omega: { legitimacy: 3 } } }));
    expect(r.parameters.mu).toBe(0.8);
    expect(r.parameters.epsC).toBe(0.5);
    expect(r.parameters.omega).toEqual({ ...defaultParameters().omega, legitimacy: 3 });
    expect(r.parameters.kappaHI).toBe(defaultParameters().kappaHI);
  });

  it('distance modes: locations, pairs, and locations completed by dyad distances', () => {
    const loc = { lat: 0, lon: 0 };
    expect(resolveScenario(scenario({ states: [state('A', { location: loc }), state('B', { location: loc })] })).distances).toBe('locations');
    const pairs = resolveScenario(scenario({
      dyads: [{ between: ['A', 'B'], distance: 1 }, { between: ['A', 'C'], distance: 2 }, { between: ['C', 'B'], distance: 3 }],
    }));
    expect(pairs.distances).toBe('pairs');
    expect(pairs.dyads.map((d) => d.distance)).toEqual([1, 2, 3]);
    const mixed = resolveScenario(scenario({
      states: [state('A', { location: loc }), state('B', { location: { lat: 10, lon: 10 } }), state('C')],
      dyads: [{ between: ['A', 'C'], distance: 5 }, { between: ['C', 'B'], distance: 7 }],
    }));
    expect(mixed.distances).toBe('locations');
  });

  it('groups six COW components into mil/eco/pop shares (THEORY data notes), checked by hand', () => {
    const r = resolveScenario({
      meta: { id: 'six' },
      states: [
        { id: 'A', capabilities: { milex: 300, milper: 100, irst: 10, pec: 40, tpop: 1000, upop: 100 } },
        { id: 'B', capabilities: { milex: 100, milper: 300, irst: 30, pec: 60, tpop: 3000, upop: 300 } },
      ],
    });
    // A: mil = (300/400 + 100/400)/2 = 0.5; eco = (10/40 + 40/100)/2 = 0.325; pop = (1000/4000 + 100/400)/2 = 0.25
    expect(r.states[0].capabilities.mil).toBeCloseTo(0.5, 15);
    expect(r.states[0].capabilities.eco).toBeCloseTo(0.325, 15);
    expect(r.states[0].capabilities.pop).toBeCloseTo(0.25, 15);
    // B: mil = (0.25 + 0.75)/2 = 0.5; eco = (0.75 + 0.6)/2 = 0.675; pop = (0.75 + 0.75)/2 = 0.75
    expect(r.states[1].capabilities.mil).toBeCloseTo(0.5, 15);
    expect(r.states[1].capabilities.eco).toBeCloseTo(0.675, 15);
    expect(r.states[1].capabilities.pop).toBeCloseTo(0.75, 15);
    expect(r.states[0].components).toEqual({ milex: 300, milper: 100, irst: 10, pec: 40, tpop: 1000, upop: 100 });
    // The three-component cinc then equals the six-component COW CINC: A = (0.75+0.25+0.25+0.4+0.25+0.25)/6
    const cinc = cincShares(r.states.map((s) => s.capabilities));
    expect(cinc[0]).toBeCloseTo(2.15 / 6, 14);
    expect(cinc[1]).toBeCloseTo(3.85 / 6, 14);
  });

  it('does not modify its input', () => {
    const input = scenario({ dyads: [{ between: ['A', 'B'], trade: 1 }], institutions: [{ id: 'Q', members: ['A', 'B', 'A'] }] });
    const before = JSON.stringify(input);
    expect(() => resolveScenario(input)).toThrow(ScenarioError); // member listed twice
    expect(JSON.stringify(input)).toBe(before);
    const ok = scenario({ dyads: [{ between: ['A', 'B'], trade: 1 }] });
    const snapshot = JSON.stringify(ok);
    resolveScenario(ok);
    expect(JSON.stringify(ok)).toBe(snapshot);
  });
});

describe('resolveScenario: schema errors carry the exact path and a clear message', () => {
  it('unknown field', () => {
    const s = scenario();
    const issues = issuesOf({ ...s, states: [s.states[0], { ...state('B'), colour: 'red' }] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toEqual({ path: ['states', 1, 'colour'], message: 'unknown field "colour"' });
  });

  it('unknown field inside capabilities and parameters', () => {
    expect(issuesOf({ meta: { id: 'x' }, states: [state('A'), { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1, gdp: 4 } }] }))
      .toEqual([{ path: ['states', 1, 'capabilities', 'gdp'], message: 'unknown field "gdp"' }]);
    expect(issuesOf({ ...scenario(), parameters: { betaX: 1 } })).toEqual([{ path: ['parameters', 'betaX'], message: 'unknown field "betaX"' }]);
  });

  it('wrong type', () => {
    const issues = issuesOf({ ...scenario(), states: [state('A'), { ...state('B'), offensive: 'high', nuclear: 'yes' }] });
    expect(issueAt(issues, ['states', 1, 'offensive']).message).toMatch(/expected number, received string/);
    expect(issueAt(issues, ['states', 1, 'nuclear']).message).toMatch(/expected boolean, received string/);
    expect(issues).toHaveLength(2);
  });

  it('negative capability', () => {
    const issues = issuesOf(scenario({ states: [state('A'), { id: 'B', capabilities: { mil: -1, eco: 1, pop: 1 } }] }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['states', 1, 'capabilities', 'mil']);
    expect(issues[0].message).toMatch(/>\s*0/);
  });

  it('zero capability in mil/eco/pop form (must be > 0)', () => {
    const issues = issuesOf(scenario({ states: [state('A'), { id: 'B', capabilities: { mil: 1, eco: 0, pop: 1 } }] }));
    expect(issues.map((i) => i.path)).toEqual([['states', 1, 'capabilities', 'eco']]);
  });

  it('negative six-component value', () => {
    const six = { milex: 1, milper: 1, irst: 1, pec: 1, tpop: 1, upop: 1 };
    const issues = issuesOf({ meta: { id: 'x' }, states: [{ id: 'A', capabilities: six }, { id: 'B', capabilities: { ...six, pec: -3 } }] });
    expect(issues.map((i) => i.path)).toEqual([['states', 1, 'capabilities', 'pec']]);
  });

  it('non-finite numbers (NaN, Infinity) in plain numeric fields', () => {
    const issues = issuesOf({
      ...scenario(),
      states: [{ ...state('A'), offensive: Number.NaN }, { ...state('B'), legitimacy: Number.POSITIVE_INFINITY }, state('C')],
      dyads: [{ between: ['A', 'B'], trade: Number.NaN, distance: Number.NEGATIVE_INFINITY }],
      parameters: { mu: Number.POSITIVE_INFINITY },
    });
    expect(issueAt(issues, ['states', 0, 'offensive']).message).toMatch(/NaN/);
    expect(issueAt(issues, ['states', 1, 'legitimacy']).message).toMatch(/Infinity/);
    expect(issueAt(issues, ['dyads', 0, 'trade']).message).toMatch(/NaN/);
    issueAt(issues, ['dyads', 0, 'distance']);
    expect(issueAt(issues, ['parameters', 'mu']).message).toMatch(/Infinity/);
    expect(issues).toHaveLength(5);
  });

  it('non-finite capability: the issue is at least on the right state', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const issues = issuesOf(scenario({ states: [state('A'), { id: 'B', capabilities: { mil: bad, eco: 1, pop: 1 } }] }));
      expect(issues).toHaveLength(1);
      expect(issues[0].path.slice(0, 3)).toEqual(['states', 1, 'capabilities']);
    }
  });

  // A wrong or missing capability value is reported at its own field, not as a bare "Invalid input".
  it('non-finite capability: exact path ["states", 1, "capabilities", "mil"]', () => {
    const issues = issuesOf(scenario({ states: [state('A'), { id: 'B', capabilities: { mil: Number.NaN, eco: 1, pop: 1 } }] }));
    expect(issues[0].path).toEqual(['states', 1, 'capabilities', 'mil']);
    expect(issues[0].message).toMatch(/NaN/);
  });

  it('missing capability component: exact path and message', () => {
    const issues = issuesOf({ meta: { id: 'x' }, states: [state('A'), { id: 'B', capabilities: { mil: 1, eco: 1 } }] });
    expect(issues[0].path).toEqual(['states', 1, 'capabilities', 'pop']);
  });

  it('out-of-range coordinates', () => {
    const issues = issuesOf(scenario({ states: [state('A', { location: { lat: 91, lon: 0 } }), state('B')] }));
    expect(issues.map((i) => i.path)).toEqual([['states', 0, 'location', 'lat']]);
  });

  it('not an object at all', () => {
    expect(issuesOf(null)).toHaveLength(1);
    expect(issuesOf({}).map((i) => i.path)).toEqual([['meta'], ['states']]);
  });
});

describe('resolveScenario: cross-checks', () => {
  it('duplicate state id → at the second occurrence', () => {
    const issues = issuesOf(scenario({ states: [state('A'), state('B'), state('A')] }));
    expect(issues).toEqual([{ path: ['states', 2, 'id'], message: 'duplicate state id "A"' }]);
  });

  it('unknown state in a dyad', () => {
    expect(issuesOf(scenario({ dyads: [{ between: ['A', 'ZZ'] }] })))
      .toEqual([{ path: ['dyads', 0, 'between', 1], message: 'unknown state "ZZ"' }]);
    expect(issuesOf(scenario({ dyads: [{ between: ['X', 'Y'] }] })).map((i) => i.path))
      .toEqual([['dyads', 0, 'between', 0], ['dyads', 0, 'between', 1]]);
  });

  it('unknown state in an institution', () => {
    expect(issuesOf(scenario({ institutions: [{ id: 'Q', members: ['A', 'ZZ'] }] })))
      .toEqual([{ path: ['institutions', 0, 'members', 1], message: 'unknown state "ZZ"' }]);
  });

  it('unknown state in a perception', () => {
    expect(issuesOf(scenario({ perceptions: [{ from: 'A', to: 'ZZ', intent: 0.4 }] })))
      .toEqual([{ path: ['perceptions', 0, 'to'], message: 'unknown state "ZZ"' }]);
    expect(issuesOf(scenario({ perceptions: [{ from: 'ZZ', to: 'A', intent: 0.4 }] })))
      .toEqual([{ path: ['perceptions', 0, 'from'], message: 'unknown state "ZZ"' }]);
  });

  it('both ends of a perception unknown → two issues', () => {
    expect(issuesOf(scenario({ perceptions: [{ from: 'X', to: 'Y', intent: 0.4 }] }))).toHaveLength(2);
  });

  it('duplicate dyad, in either order', () => {
    const issues = issuesOf(scenario({ dyads: [{ between: ['A', 'B'] }, { between: ['B', 'A'], trade: 1 }] }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['dyads', 1, 'between']);
    expect(issues[0].message).toMatch(/duplicate dyad/);
  });

  it('self-dyad', () => {
    const issues = issuesOf(scenario({ dyads: [{ between: ['A', 'A'] }] }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['dyads', 0, 'between']);
    expect(issues[0].message).toMatch(/two different states/);
  });

  it('self-perception and duplicate perception', () => {
    const issues = issuesOf(scenario({
      perceptions: [{ from: 'A', to: 'A', intent: 0.1 }, { from: 'A', to: 'B', intent: 0.1 }, { from: 'A', to: 'B', intent: 0.2 }],
    }));
    expect(issues.map((i) => i.path)).toEqual([['perceptions', 0], ['perceptions', 2]]);
    expect(issues[1].message).toMatch(/duplicate perception A → B/);
  });

  it('duplicate institution id and duplicate member', () => {
    const issues = issuesOf(scenario({ institutions: [{ id: 'Q', members: ['A', 'B', 'A'] }, { id: 'Q', members: ['B', 'C'] }] }));
    expect(issues.map((i) => i.path)).toEqual([['institutions', 0, 'members', 2], ['institutions', 1, 'id']]);
    expect(issues[0].message).toBe('"A" is listed twice');
  });

  it('an institution with fewer than two members (THEORY §5.7 dissolves it)', () => {
    const issues = issuesOf(scenario({ institutions: [{ id: 'Q', members: ['A'] }] }));
    expect(issues.map((i) => i.path)).toEqual([['institutions', 0, 'members']]);
    expect(issues[0].message).toMatch(/at least two members/);
  });

  it('mixed capability forms', () => {
    const issues = issuesOf(scenario({
      states: [state('A'), { id: 'B', capabilities: { milex: 1, milper: 1, irst: 1, pec: 1, tpop: 1, upop: 1 } }],
    }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['states']);
    expect(issues[0].message).toMatch(/same way for every state/);
  });

  it('a six-component column that is 0 for every state', () => {
    const issues = issuesOf({
      meta: { id: 'x' },
      states: [
        { id: 'A', capabilities: { milex: 3, milper: 1, irst: 0, pec: 4, tpop: 10, upop: 1 } },
        { id: 'B', capabilities: { milex: 1, milper: 3, irst: 0, pec: 6, tpop: 30, upop: 3 } },
      ],
    });
    expect(issues).toEqual([{ path: ['states'], message: 'component "irst" is 0 for every state, so its shares are undefined' }]);
  });

  it('missing distances when only some states have locations', () => {
    const issues = issuesOf(scenario({ states: [state('A', { location: { lat: 0, lon: 0 } }), state('B'), state('C')] }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['dyads']);
    expect(issues[0].message).toMatch(/^distance unknown for A–B, A–C, B–C:/);
  });

  it('missing distances when only some pairs have one', () => {
    const issues = issuesOf(scenario({ dyads: [{ between: ['A', 'B'], distance: 10 }] }));
    expect(issues.map((i) => i.path)).toEqual([['dyads']]);
    expect(issues[0].message).toMatch(/A–C, B–C/);
  });
});

describe('resolveScenario: admissible parameters (THEORY §5.4)', () => {
  it('a C2 violation is an error at the overridden parameter', () => {
    const issues = issuesOf(scenario({ parameters: { kappaII: 2 } }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['parameters', 'kappaII']);
    expect(issues[0].message).toMatch(/C2/);
    const other = issuesOf(scenario({ parameters: { kappaSE: 0.5 } }));
    expect(other.map((i) => i.path)).toEqual([['parameters', 'kappaSE']]);
  });

  it('with allowInadmissible a C2 violation becomes a warning and the value is kept', () => {
    const r = resolveScenario(scenario({ parameters: { kappaII: 2 } }), { allowInadmissible: true });
    expect(r.parameters.kappaII).toBe(2);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^C2: /);
  });

  it('with allowInadmissible C3–C8 also become warnings', () => {
    const r = resolveScenario(scenario({ parameters: { betaH: 1, cA: 0 } }), { allowInadmissible: true });
    expect(r.warnings.map((w) => w.slice(0, 3)).sort()).toEqual(['C3:', 'C3:', 'C8:']);
  });

  it('a C1 violation stays an error with allowInadmissible', () => {
    const issues = issuesOf(scenario({ parameters: { kappaBAND: -1 } }), { allowInadmissible: true });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['parameters', 'kappaBAND']);
    expect(issues[0].message).toMatch(/C1/);
    const mu = issuesOf(scenario({ parameters: { mu: 0 } }), { allowInadmissible: true });
    expect(mu.map((i) => i.path)).toEqual([['parameters', 'mu']]);
  });

  it('a range violation stays an error with allowInadmissible', () => {
    const issues = issuesOf(scenario({ parameters: { phiH: 2 } }), { allowInadmissible: true });
    expect(issues.map((i) => i.path)).toEqual([['parameters', 'phiH']]);
    expect(issues[0].message).toMatch(/range/);
  });

  it('an omega weight of 0 is reported at parameters.omega.<key>', () => {
    expect(issuesOf(scenario({ parameters: { omega: { aftermath: 0 } } })).map((i) => i.path))
      .toEqual([['parameters', 'omega', 'aftermath']]);
  });

  it('the switches at their documented maxima are accepted (ε_C = 0.5, c_P = 0.25)', () => {
    const r = resolveScenario(scenario({ parameters: { epsC: 0.5, cP: 0.25 } }));
    expect(r.warnings).toEqual([]);
    expect(issuesOf(scenario({ parameters: { cP: 0.3 } })).map((i) => i.path)).toEqual([['parameters', 'cP']]);
  });
});

describe('resolveScenario: all problems at once, with the file', () => {
  it('two independent schema mistakes → two issues', () => {
    const issues = issuesOf(scenario({
      states: [{ id: 'A', capabilities: { mil: -1, eco: 1, pop: 1 } }, state('B', { ideology: 2 })],
    }));
    expect(issues.map((i) => i.path)).toEqual([['states', 0, 'capabilities', 'mil'], ['states', 1, 'ideology']]);
  });

  it('two independent cross-check mistakes → two issues (plus a parameter one → three)', () => {
    const issues = issuesOf(scenario({
      dyads: [{ between: ['A', 'A'] }],
      institutions: [{ id: 'Q', members: ['ZZ', 'A'] }],
      parameters: { kappaII: 2 },
    }));
    expect(issues.map((i) => i.path)).toEqual([['dyads', 0, 'between'], ['institutions', 0, 'members', 0], ['parameters', 'kappaII']]);
  });

  // Name checks run on the raw input, so a schema error does not hide them (here the duplicate id).
  it('a schema mistake and a cross-check mistake → two issues', () => {
    const issues = issuesOf(scenario({ states: [{ id: 'A', capabilities: { mil: -1, eco: 1, pop: 1 } }, state('A')] }));
    expect(issues).toHaveLength(2);
  });

  it('puts the file on every issue and in the message', () => {
    try {
      resolveScenario(scenario({ dyads: [{ between: ['A', 'A'] }], parameters: { cA: 0 } }), { file: 'era.yaml' });
      expect.fail('did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      if (!(e instanceof ScenarioError)) return;
      expect(e.issues.every((i) => i.file === 'era.yaml')).toBe(true);
      expect(e.message.split('\n')).toEqual([
        '2 problems in scenario:',
        '  era.yaml  dyads[0].between  a dyad needs two different states (got "A" twice)',
        '  era.yaml  parameters.cA  outside the admissible set (model §5.4 C8): c_A = 0 < c_A2 = 0.3',
      ]);
    }
  });

  it('schema issues also carry the file', () => {
    const issues = issuesOf({ ...scenario(), extra: true }, { file: 'x.json' });
    expect(issues).toEqual([{ path: ['extra'], message: 'unknown field "extra"', file: 'x.json' }]);
  });
});
