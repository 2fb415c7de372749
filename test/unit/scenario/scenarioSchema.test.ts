import { describe, expect, it } from 'vitest';
import { scenarioSchema, type ScenarioInput } from '../../../src/scenario/scenarioSchema.js';

const minimal = (): ScenarioInput => ({
  meta: { id: 'toy' },
  states: [
    { id: 'A', capabilities: { mil: 1, eco: 2, pop: 3 } },
    { id: 'B', capabilities: { mil: 2, eco: 1, pop: 1 } },
  ],
});

const paths = (input: unknown): (string | number | symbol)[][] => {
  const r = scenarioSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => i.path);
};

describe('scenarioSchema: defaults', () => {
  it('fills meta, state and top-level defaults', () => {
    const r = scenarioSchema.parse(minimal());
    expect(r.meta).toEqual({ id: 'toy', title: '', description: '', startYear: 0, ticksPerYear: 1, sources: [] });
    expect(r.states[0]).toMatchObject({
      id: 'A', major: false, offensive: 0.5, nuclear: false, revisionism: 0, ideology: 0,
      legitimacyBaseline: 0.8, domesticSupport: 0.5,
    });
    expect(r.states[0].legitimacy).toBeUndefined(); // resolveScenario sets it to the baseline
    expect(r.dyads).toEqual([]);
    expect(r.perceptions).toEqual([]);
    expect(r.institutions).toEqual([]);
    expect(r.system).toEqual({});
    expect(r.parameters).toEqual({});
  });

  it('fills institution and growth defaults', () => {
    const r = scenarioSchema.parse({
      ...minimal(),
      institutions: [{ id: 'UN', members: ['A', 'B'] }],
      states: [{ id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 }, growth: { eco: 0.02 } }, { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } }],
    });
    expect(r.institutions[0]).toEqual({ id: 'UN', members: ['A', 'B'], strength: 0.5, kind: 'general', decisionRule: 'consensus', strictness: 0, statuses: [], vetoMembers: [] });
    expect(r.states[0].growth).toEqual({ mil: 0, eco: 0.02, pop: 0 });
  });

  it('accepts the six COW components instead of mil/eco/pop', () => {
    const r = scenarioSchema.safeParse({
      ...minimal(),
      states: [
        { id: 'A', capabilities: { milex: 1, milper: 2, irst: 3, pec: 4, tpop: 5, upop: 6 } },
        { id: 'B', capabilities: { milex: 0, milper: 2, irst: 3, pec: 4, tpop: 5, upop: 6 } },
      ],
    });
    expect(r.success).toBe(true);
  });
});

describe('scenarioSchema: rejections with exact paths', () => {
  it('unknown fields at any depth (strict objects)', () => {
    expect(paths({ ...minimal(), extra: 1 })).toEqual([[]]);
    expect(paths({ ...minimal(), meta: { id: 'x', author: 'me' } })).toEqual([['meta']]);
    expect(paths({ ...minimal(), parameters: { notAParameter: 1 } })).toEqual([['parameters']]);
    expect(paths({ ...minimal(), parameters: { omega: { c8: 1 } } })).toEqual([['parameters', 'omega']]);
  });

  it('at least two states', () => {
    expect(paths({ ...minimal(), states: [minimal().states[0]] })).toEqual([['states']]);
  });

  it('ids must be non-empty and without white space', () => {
    const s = minimal();
    expect(paths({ ...s, states: [{ ...s.states[0], id: 'A B' }, s.states[1]] })).toEqual([['states', 0, 'id']]);
  });

  it('unit-interval fields', () => {
    const s = minimal();
    expect(paths({ ...s, states: [s.states[0], { ...s.states[1], ideology: 1.2 }] })).toEqual([['states', 1, 'ideology']]);
    expect(paths({ ...s, system: { lambda: -0.1 } })).toEqual([['system', 'lambda']]);
    expect(paths({ ...s, institutions: [{ id: 'Q', members: [], strength: 2 }] })).toEqual([['institutions', 0, 'strength']]);
  });

  it('enumerations', () => {
    expect(paths({ ...minimal(), institutions: [{ id: 'Q', members: [], kind: 'military' }] })).toEqual([['institutions', 0, 'kind']]);
    expect(paths({ ...minimal(), parameters: { conOver: 'some' } })).toEqual([['parameters', 'conOver']]);
  });

  it('dyads need exactly two ids', () => {
    expect(paths({ ...minimal(), dyads: [{ between: ['A'] }] })[0].slice(0, 3)).toEqual(['dyads', 0, 'between']);
  });

  it('growth rates must exceed −1; ticksPerYear must be a positive integer', () => {
    const s = minimal();
    expect(paths({ ...s, states: [{ ...s.states[0], growth: { mil: -1 } }, s.states[1]] })).toEqual([['states', 0, 'growth', 'mil']]);
    expect(paths({ ...s, meta: { id: 'x', ticksPerYear: 1.5 } })).toEqual([['meta', 'ticksPerYear']]);
  });
});
