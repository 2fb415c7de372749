import { describe, expect, it } from 'vitest';
import { scenarioFileSchema, type ScenarioFileInput } from '../../../../src/scenario/file/scenarioFileSchema.js';
import { scenarioSchema, type ScenarioInput } from '../../../../src/scenario/scenarioSchema.js';

const core: ScenarioInput = {
  meta: { id: 't' },
  states: [{ id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 } }, { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } }],
};

describe('scenarioFileSchema', () => {
  it('accepts every core scenario, with the core\'s defaults', () => {
    const input: ScenarioFileInput = core; // a core input is a file input (type-level check)
    const file = scenarioFileSchema.parse(input);
    const { sources, ...rest } = file;
    expect(sources).toEqual([]);
    expect(rest).toEqual(scenarioSchema.parse(core));
  });

  it('fills the defaults of the file-only fields and references', () => {
    const file = scenarioFileSchema.parse({
      ...core,
      data: {},
      states: [{ id: 'A', major: { source: 'cow' }, capabilities: { source: 'nmc' } }, core.states[1]],
      alliances: { source: 'cow' },
      trade: { source: 'cow' },
      institutions: [{ id: 'Q', members: { source: 'igo', ioname: 'UN' } }],
    });
    expect(file.data).toEqual({ nmc: '6.0' });
    expect(file.alliances).toEqual({ source: 'cow', obligations: ['defense'], mode: 'initial' });
    expect(file.trade).toEqual({ source: 'cow', rule: 'proportional', unit: 'share', exclude: [] });
    expect(file.institutions[0].members).toEqual({ source: 'igo', ioname: 'UN', statuses: ['full'], mode: 'initial' });
    expect(file.states[0]).toMatchObject({ major: { source: 'cow' }, capabilities: { source: 'nmc' } });
  });

  it('tells inline capabilities from a reference by the source key', () => {
    const parse = (capabilities: unknown) => scenarioFileSchema.safeParse({ ...core, states: [{ id: 'A', capabilities }, core.states[1]] });
    expect(parse({ source: 'nmc', year: 1816, eco: 0.1 }).success).toBe(true);
    expect(parse({ source: 'nmc', milex: 1 }).error?.issues.map((i) => [i.path, i.code])).toEqual([[['states', 0, 'capabilities'], 'unrecognized_keys']]);
    expect(parse({ mil: 1, eco: 1 }).error?.issues.map((i) => [i.path, i.message]))
      .toEqual([[['states', 0, 'capabilities', 'pop'], 'pop is required with mil, eco']]);
  });
});
