import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/file/parseScenario.js';
import { resolveScenario } from '../../../src/scenario/resolveScenario.js';
import { formatIssue, ScenarioError } from '../../../src/scenario/ScenarioError.js';

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map(formatIssue);
    throw e;
  }
  return [];
}

describe('a missing required field says it is required, what it takes and what it is', () => {
  it('in a scenario file (YAML): never zod\'s "received undefined"', () => {
    const text = [
      'meta:',
      '  title: no id',
      'states:',
      '  - { name: A }',
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      'institutions:',
      '  - { members: [A, B] }',
      'events:',
      '  - { at: { year: 2 }, changes: [ { type: sanction, sender: B } ] }',
    ].join('\n');
    const found = problems(() => parseScenario(text, 'yaml', { file: 's.yaml' }));
    expect(found).toEqual(expect.arrayContaining([
      's.yaml:1:1  meta.id  required: a string (scenario id, used in seeds and output file names (out/<id>))',
      's.yaml:4:5  states[0].id  required: a string (unique identifier, e.g. a COW abbreviation (UKG, TUR))',
      's.yaml:4:5  states[0].capabilities  required: a mapping (inline capability components, or { source: nmc, year } to draw them from COW NMC)',
      's.yaml:7:5  institutions[0].id  required: a string (unique identifier, e.g. NATO)',
      's.yaml:9:35  events[0].changes[0].target  required: a string (the sanctioned state)',
    ]));
    expect(found.join('\n')).not.toMatch(/received undefined/);
  });

  it('in a scenario object given to resolveScenario', () => {
    const found = problems(() => resolveScenario({ meta: {}, states: [{ id: 'A' }, { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } }] }));
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^meta\.id {2}required: a string \(scenario id/),
      expect.stringMatching(/^states\[0\]\.capabilities {2}required: a mapping/),
    ]));
    expect(found.join('\n')).not.toMatch(/received undefined/);
  });

  it('a value of the wrong type keeps its message', () => {
    const found = problems(() => parseScenario('meta: { id: 3 }\nstates: []\n', 'yaml', { file: 's.yaml' }));
    expect(found).toContain('s.yaml:1:9  meta.id  Invalid input: expected string, received number');
  });
});
