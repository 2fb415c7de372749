import { describe, expect, it } from 'vitest';
import { MAX_NESTING, tooDeepMessage } from '../../../../src/scenario/file/maxNesting.js';
import { readScenarioDocument } from '../../../../src/scenario/file/readScenarioDocument.js';

/** A block map nested `n` deep: `a:` lines, each indented one more column. */
function blockMaps(n: number): string {
  let text = '';
  for (let i = 0; i < n; i++) text += `${' '.repeat(i)}a:\n`;
  return `${text}${' '.repeat(n)}1\n`;
}

describe('readScenarioDocument: nesting is bounded (no RangeError, one error with its position)', () => {
  const cases: [string, string, 'yaml' | 'json', { line: number; column: number }][] = [
    ['JSON arrays 10,000 deep', '['.repeat(10_000) + ']'.repeat(10_000), 'json', { line: 1, column: MAX_NESTING + 1 }],
    ['JSON objects 10,000 deep', `{"meta":\n${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, 'json', { line: 2, column: (MAX_NESTING - 1) * 5 + 1 }],
    ['YAML flow 10,000 deep', `meta:\n  id: x\nstates: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'yaml', { line: 3, column: 9 + MAX_NESTING }],
    ['YAML block maps 3,000 deep', blockMaps(3000), 'yaml', { line: MAX_NESTING + 1, column: MAX_NESTING + 1 }],
    ['YAML block maps just too deep', blockMaps(MAX_NESTING + 1), 'yaml', { line: MAX_NESTING + 1, column: MAX_NESTING + 1 }],
    ['YAML compact lists 5,000 deep', `${'- '.repeat(5000)}1\n`, 'yaml', { line: 1, column: 2 * MAX_NESTING + 1 }],
  ];
  for (const [name, text, format, position] of cases) {
    it(name, () => {
      const { issues } = readScenarioDocument(text, format);
      expect(issues).toHaveLength(1);
      expect(issues[0].message).toBe(tooDeepMessage);
      expect(issues[0].path).toEqual([]);
      expect({ line: issues[0].line, column: issues[0].column }).toEqual(position);
    });
  }

  it('nesting up to the limit is read', () => {
    const json = readScenarioDocument('['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING), 'json');
    expect(json.issues).toEqual([]);
    const yaml = readScenarioDocument(blockMaps(MAX_NESTING), 'yaml');
    expect(yaml.issues).toEqual([]);
  });

  it('brackets in strings, plain text and comments do not count', () => {
    const text = `a: "${'['.repeat(200)}"\nb: x${'['.repeat(200)}\n# ${'{'.repeat(200)}\nc: '${'{'.repeat(200)}'\n`;
    expect(readScenarioDocument(text, 'yaml').issues).toEqual([]);
  });
});
