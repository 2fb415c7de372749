import { describe, expect, it } from 'vitest';
import { compileExpression, ExpressionError } from '../../../src/scenario/expressions.js';

describe('compileExpression (locked-down mathjs)', () => {
  it('compiles once and evaluates arithmetic, functions, comparisons and conditionals', () => {
    const e = compileExpression('0.02 + 0.01 * sin(year / 10)', ['year', 'tick']);
    expect(e.variables).toEqual(['year']);
    expect(e.evaluate({ year: 1900, tick: 0 })).toBeCloseTo(0.02 + 0.01 * Math.sin(190), 15);
    expect(compileExpression('tick > 10 and year < 1950 ? 1 : 0', ['year', 'tick']).evaluate({ year: 1900, tick: 11 })).toBe(1);
    expect(compileExpression('max(0, min(1, pi / 4))', []).evaluate({})).toBeCloseTo(Math.PI / 4, 15);
    expect(compileExpression('meanThreat > 0.5', ['meanThreat']).evaluate({ meanThreat: 0.2 })).toBe(0);
  });

  it('rejects what the mathjs security guide disables, with a message naming it', () => {
    const cases: [string, RegExp][] = [
      ['import({}, {})', /function "import" is not allowed/],
      ['createUnit("foo")', /function "createUnit" is not allowed/],
      ['evaluate("1+1")', /function "evaluate" is not allowed/],
      ['parse("1")', /function "parse" is not allowed/],
      ['simplify("x+x")', /function "simplify" is not allowed/],
      ['derivative("x^2", "x")', /function "derivative" is not allowed/],
      ['resolve(x)', /function "resolve" is not allowed/],
      ['reviver(1)', /function "reviver" is not allowed/],
      ['year.constructor', /property or index access is not allowed/],
      ['year["__proto__"]', /property or index access is not allowed/],
      ['f(x) = x', /defining a function is not allowed/],
      ['year = 3', /assignment is not allowed/],
      ['{a: 1}', /an object is not allowed/],
      ['[1, 2]', /a matrix or array is not allowed/],
      ['"text"', /only numbers are allowed/],
      ['5 cm', /unknown name "cm"/],
      ['x + 1', /unknown name "x" in "x \+ 1"; variables here: year, tick/],
      ['1 +', /cannot parse expression/],
    ];
    for (const [source, message] of cases) {
      expect(() => compileExpression(source, ['year', 'tick']), source).toThrow(ExpressionError);
      expect(() => compileExpression(source, ['year', 'tick']), source).toThrow(message);
    }
  });

  it('a result that is not a finite number is an error at evaluation', () => {
    expect(() => compileExpression('1 / tick', ['tick']).evaluate({ tick: 0 })).toThrow(/gave Infinity, not a finite number/);
    expect(() => compileExpression('sqrt(tick)', ['tick']).evaluate({ tick: -1 })).toThrow(/not a finite number/);
  });
});
