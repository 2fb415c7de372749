import { describe, expect, it } from 'vitest';
import {
  compileExpression, ExpressionError, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH,
} from '../../../src/scenario/expressions.js';

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

  it('bounds length and depth: huge or deeply nested expressions are ExpressionErrors, never a RangeError', () => {
    const cases: [string, RegExp][] = [
      [Array.from({ length: 200_000 }, () => '1').join('+'), /is 399999 characters long; at most 1000 are allowed/],
      ['('.repeat(5000) + '1' + ')'.repeat(5000), /at most 1000 are allowed/],
      ['('.repeat(MAX_EXPRESSION_DEPTH + 1) + '1' + ')'.repeat(MAX_EXPRESSION_DEPTH + 1), /nested more than 100 levels deep/],
      [Array.from({ length: 300 }, () => '1').join('+'), /nested more than 100 levels deep/],
      ['-'.repeat(400) + '1', /nested more than 100 levels deep/],
      ['2^'.repeat(300) + '2', /nested more than 100 levels deep/],
      ['tick?1:'.repeat(110) + '0', /nested more than 100 levels deep/],
    ];
    for (const [source, message] of cases) {
      let thrown: unknown;
      try { compileExpression(source, ['year', 'tick']); } catch (error) { thrown = error; }
      expect(thrown, source.slice(0, 40)).toBeInstanceOf(ExpressionError);
      expect((thrown as Error).message, source.slice(0, 40)).toMatch(message);
      // The message quotes a long expression cut short, so it stays one readable line.
      expect((thrown as Error).message.length, source.slice(0, 40)).toBeLessThan(250);
    }
    // Just inside the bounds is fine.
    expect(compileExpression(Array.from({ length: MAX_EXPRESSION_DEPTH }, () => '1').join('+'), []).evaluate({})).toBe(MAX_EXPRESSION_DEPTH);
    expect(compileExpression(`1${' '.repeat(MAX_EXPRESSION_LENGTH - 1)}`, []).evaluate({})).toBe(1);
  });

  it('a number too large to represent is rejected when compiled', () => {
    expect(() => compileExpression('1e309', [])).toThrow(/the number 1e\+?309 is too large to be represented|the number Infinity is too large/);
    expect(() => compileExpression('tick > 1e400', ['tick'])).toThrow(ExpressionError);
    expect(compileExpression('5e-324', []).evaluate({})).toBe(5e-324);
  });

  it('a wrong number of arguments or a complex result is an ExpressionError at evaluation', () => {
    const cases: [string, RegExp][] = [
      ['abs(-1, 2)', /expression "abs\(-1, 2\)" cannot be evaluated: Too many arguments/],
      ['min()', /expression "min\(\)" cannot be evaluated/],
      ['atan2(1)', /cannot be evaluated/],
      ['sqrt(-1)', /gave the complex number i, not a finite number/],
      ['log(-1)', /gave the complex number/],
      ['2^2^2^2^2', /gave Infinity, not a finite number/],
    ];
    for (const [source, message] of cases) {
      const compiled = compileExpression(source, []);
      expect(() => compiled.evaluate({}), source).toThrow(ExpressionError);
      expect(() => compiled.evaluate({}), source).toThrow(message);
    }
  });
});
