import { describe, expect, it } from 'vitest';
import { readScenarioDocument } from '../../../../src/scenario/file/readScenarioDocument.js';

function syntax(text: string): string[] {
  return readScenarioDocument(text, 'yaml').issues.map((i) => `${i.line}:${i.column}  ${i.message}`);
}

describe('an unclosed { or [ in a YAML file', () => {
  it('is one error at the opening bracket, without the errors it causes further on', () => {
    const text = [
      'meta:',
      '  id: x',
      'states:',
      '  - id: A',
      '    capabilities: { mil: 1, eco: 1, pop: 1 }',
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 }',
      '  - id: C',
      '    capabilities: { mil: 1, eco: 1, pop: 1 }',
    ].join('\n');
    expect(syntax(text)).toEqual(['6:5  syntax error: unclosed { (no matching } before 7:3)']);
  });

  it('a [ too, at the end of the file; and the bracket left open inside a closed one', () => {
    expect(syntax('a: 1\nb: [1, 2\n')).toEqual(['2:4  syntax error: unclosed [ (no matching ] before 3:1)']);
    expect(syntax('a: { b: [1, 2 }\nc: 2\n')).toEqual(['1:9  syntax error: unclosed [ (no matching ] before 1:15)']);
    expect(syntax('a: [ {b: 1}, {c: 2 ]\nd: 1\n')).toEqual(['1:14  syntax error: unclosed { (no matching } before 1:20)']);
  });

  it('other syntax errors are reported as the parser finds them', () => {
    expect(syntax('x: 1\ny: "abc\n')).toEqual([expect.stringMatching(/^3:1 {2}syntax error: Missing closing "quote/)]);
  });
});
