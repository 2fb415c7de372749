/** The scenario's affinity section (model note N54): resolved seeds and its errors at file:line:column. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/file/parseScenario.js';
import { ScenarioError, formatIssue } from '../../../src/scenario/ScenarioError.js';

const head = `meta: { id: aff }
states:
  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }
  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }
  - { id: C, capabilities: { mil: 1, eco: 1, pop: 1 } }
`;

function problems(text: string): string[] {
  try {
    parseScenario(text, 'yaml', { file: 'aff.yaml' });
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map(formatIssue);
    throw e;
  }
  return expect.fail('parseScenario did not throw');
}

describe('affinity section (N54)', () => {
  it('resolves blocs, then pairs (a pair overrides its bloc), as symmetric seeds', () => {
    const s = parseScenario(`${head}affinity:
  blocs:
    - { name: ABC, members: [A, B, C], affinity: 0.8 }
  pairs:
    - { between: [C, A], affinity: -0.25 }
`, 'yaml');
    expect(s.affinity).toEqual({ pairs: [
      { between: ['A', 'B'], value: 0.8 }, { between: ['A', 'C'], value: -0.25 }, { between: ['B', 'C'], value: 0.8 },
    ] });
  });

  it('no section: no affinity', () => {
    expect(parseScenario(head, 'yaml').affinity).toBeNull();
  });

  it('reports unknown states, values outside [−1, 1], self-pairs and duplicates with file, line and column', () => {
    expect(problems(`${head}affinity:
  blocs:
    - { name: CSTO, members: [A, X], affinity: 0.8 }
  pairs:
    - { between: [A, B], affinity: 1.5 }
    - { between: [B, B], affinity: 0.5 }
    - { between: [B, A], affinity: 0.5 }
`)).toEqual([
      'aff.yaml:8:34  affinity.blocs[0].members[1]  unknown state "X"',
      'aff.yaml:10:26  affinity.pairs[0].affinity  Too big: expected number to be <=1',
      'aff.yaml:11:9  affinity.pairs[1].between  an affinity needs two different states (got "B" twice)',
      'aff.yaml:12:9  affinity.pairs[2].between  duplicate affinity pair B–A',
    ]);
  });
});
