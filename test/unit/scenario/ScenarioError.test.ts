import { describe, expect, it } from 'vitest';
import { ScenarioError, formatIssue, formatPath } from '../../../src/scenario/ScenarioError.js';

describe('formatPath', () => {
  it('writes keys with dots and indices in brackets', () => {
    expect(formatPath(['states', 3, 'capabilities', 'mil'])).toBe('states[3].capabilities.mil');
    expect(formatPath(['parameters', 'omega', 'lowThreat'])).toBe('parameters.omega.lowThreat');
    expect(formatPath(['dyads', 0, 'between', 1])).toBe('dyads[0].between[1]');
  });

  it('the empty path is (scenario)', () => {
    expect(formatPath([])).toBe('(scenario)');
  });

  it('a leading index has no dot before the next key', () => {
    expect(formatPath([2, 'id'])).toBe('[2].id');
  });
});

describe('formatIssue: `file:line:column  path  message`', () => {
  const base = { path: ['states', 1, 'capabilities', 'mil'], message: 'must be > 0' };

  it('with file, line and column', () => {
    expect(formatIssue({ ...base, file: 'era.yaml', line: 12, column: 9 }))
      .toBe('era.yaml:12:9  states[1].capabilities.mil  must be > 0');
  });

  it('omits what is unknown', () => {
    expect(formatIssue({ ...base, file: 'era.yaml', line: 12 })).toBe('era.yaml:12  states[1].capabilities.mil  must be > 0');
    expect(formatIssue({ ...base, file: 'era.yaml' })).toBe('era.yaml  states[1].capabilities.mil  must be > 0');
    expect(formatIssue(base)).toBe('states[1].capabilities.mil  must be > 0');
  });

  it('ignores a column or line without a file', () => {
    expect(formatIssue({ ...base, line: 3, column: 4 })).toBe('states[1].capabilities.mil  must be > 0');
  });
});

describe('ScenarioError', () => {
  it('is an Error named ScenarioError that keeps every issue', () => {
    const issues = [
      { path: ['states', 0, 'id'], message: 'duplicate state id "A"' },
      { path: [], message: 'bad' },
    ];
    const e = new ScenarioError(issues);
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(ScenarioError);
    expect(e.name).toBe('ScenarioError');
    expect(e.issues).toEqual(issues);
    expect(e.message).toBe('2 problems in scenario:\n  states[0].id  duplicate state id "A"\n  (scenario)  bad');
  });

  it('uses the singular for one problem and formats file positions', () => {
    const e = new ScenarioError([{ path: ['meta', 'id'], message: 'required', file: 'x.json', line: 2, column: 5 }]);
    expect(e.message).toBe('1 problem in scenario:\n  x.json:2:5  meta.id  required');
  });
});
