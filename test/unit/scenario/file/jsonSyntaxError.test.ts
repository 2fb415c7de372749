import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../../../src/scenario/file/jsonSyntaxError.js';
import { MAX_NESTING, tooDeepMessage } from '../../../../src/scenario/file/maxNesting.js';

describe('jsonSyntaxError', () => {
  it('accepts strict JSON (as JSON.parse does)', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e+3, 0, true, false, null, "x\\u00e9\\n"]}\n', '"s"', '0', '\ufeff{"a": {}}']) {
      expect(jsonSyntaxError(text), text).toBeUndefined();
    }
  });

  it('finds the first place that is not JSON, with its offset', () => {
    const cases: [string, number, string][] = [
      ['{"a": 1,}', 7, 'trailing comma (not allowed in JSON)'],
      ['[1, 2,\n]', 5, 'trailing comma (not allowed in JSON)'],
      ['{a: 1}', 1, 'expected a key in double quotes, found "a"'],
      ["{'a': 1}", 1, 'expected a key in double quotes, found "\'"'],
      ['{"a": yes}', 6, 'expected a value (a number, "text" in double quotes, true, false, null, an object or an array), found "y"'],
      ['{"a": 01}', 6, 'not a JSON value: "01"'],
      ['[truex]', 1, 'not a JSON value: "truex"'],
      ['[1.5.2]', 1, 'not a JSON value: "1.5.2"'],
      ['{"a": .5}', 6, 'expected a value (a number, "text" in double quotes, true, false, null, an object or an array), found "."'],
      ['{"a": 1} # c', 9, 'unexpected "#" after the end of the JSON value'],
      ['{"a" 1}', 5, 'expected ":", found "1"'],
      ['{"a": "x', 6, 'unterminated string'],
      ['{"a": "\\q"}', 7, 'invalid escape in a string'],
      ['{"a": 1', 7, 'expected "," or "}", found the end of the file'],
      ['', 0, 'expected a value (a number, "text" in double quotes, true, false, null, an object or an array), found the end of the file'],
    ];
    for (const [text, offset, message] of cases) expect(jsonSyntaxError(text), text).toEqual({ offset, message });
  });
});

describe('jsonSyntaxError on hostile nesting', () => {
  it('JSON nested 10,000 deep is an error at the 65th opening bracket, not a RangeError', () => {
    expect(jsonSyntaxError('['.repeat(10_000) + ']'.repeat(10_000))).toEqual({ offset: 64, message: tooDeepMessage });
    expect(jsonSyntaxError('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000))).toEqual({ offset: 64 * 5, message: tooDeepMessage });
  });

  it('accepts nesting up to the limit, and still finds errors inside deep values', () => {
    expect(jsonSyntaxError('['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING))).toBeUndefined();
    expect(jsonSyntaxError(`{"a": [[{"b": [1, {}]}, []], {"c": {"d": [true]}}], "e": null}`)).toBeUndefined();
    expect(jsonSyntaxError('[[[1,]]]')).toEqual({ offset: 4, message: 'trailing comma (not allowed in JSON)' });
    expect(jsonSyntaxError('[{"a": 1]')).toEqual({ offset: 8, message: 'expected "," or "}", found "]"' });
  });
});
