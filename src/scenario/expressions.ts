import {
  absDependencies, acosDependencies, addDependencies, andDependencies, asinDependencies, atan2Dependencies, atanDependencies,
  cbrtDependencies, ceilDependencies, eDependencies, piDependencies, cosDependencies, coshDependencies, create, divideDependencies, equalDependencies,
  expDependencies, floorDependencies, largerDependencies, largerEqDependencies, log10Dependencies, log2Dependencies,
  logDependencies, maxDependencies, minDependencies, modDependencies, multiplyDependencies, notDependencies, orDependencies,
  parseDependencies, powDependencies, roundDependencies, signDependencies, sinDependencies, sinhDependencies,
  smallerDependencies, smallerEqDependencies, sqrtDependencies, subtractDependencies, tanDependencies, tanhDependencies,
  unaryMinusDependencies, unaryPlusDependencies, unequalDependencies, xorDependencies, type MathNode,
} from 'mathjs';
import { registerExpressionCompiler } from '../engine/expressionCompiler.js';

/**
 * Expressions in scenarios (growth rates, time-varying conditions, event conditions), written in
 * mathjs syntax, e.g. `0.02 + 0.01 * sin(year / 10)`.
 *
 * The mathjs instance is locked down as its security documentation advises: `import`,
 * `createUnit`, `evaluate`, `parse`, `simplify`, `derivative`, `resolve` and `reviver` are
 * replaced by functions that throw. On top of that, every expression is checked against an
 * allowlist before it is compiled: numbers, the scope's variables, arithmetic, comparison and
 * logical operators, the conditional `a ? b : c`, parentheses, and the functions listed in
 * {@link EXPRESSION_FUNCTIONS}. Anything else — assignments, function definitions, property or
 * index access (the way to prototypes), objects, matrices, units, strings — is rejected at load
 * with a message naming it. Expressions are compiled once; evaluating one allocates nothing but
 * its result.
 */

// Only the functions expressions may use are loaded (so the bundle tree-shakes mathjs and start-up
// stays fast); `parse` is kept aside before it is disabled on the instance.
const math = create({
  parseDependencies, addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies,
  modDependencies, unaryMinusDependencies, unaryPlusDependencies, largerDependencies, smallerDependencies,
  largerEqDependencies, smallerEqDependencies, equalDependencies, unequalDependencies, andDependencies, orDependencies,
  notDependencies, xorDependencies, absDependencies, signDependencies, sqrtDependencies, cbrtDependencies, expDependencies,
  logDependencies, log10Dependencies, log2Dependencies, minDependencies, maxDependencies, floorDependencies,
  ceilDependencies, roundDependencies, sinDependencies, cosDependencies, tanDependencies, asinDependencies,
  acosDependencies, atanDependencies, atan2Dependencies, sinhDependencies, coshDependencies, tanhDependencies,
  piDependencies, eDependencies,
}, {});
const parse = math.parse;
const disabled = (name: string) => () => { throw new Error(`function ${name} is disabled in counterpoise expressions`); };
math.import({
  import: disabled('import'),
  createUnit: disabled('createUnit'),
  evaluate: disabled('evaluate'),
  parse: disabled('parse'),
  simplify: disabled('simplify'),
  derivative: disabled('derivative'),
  resolve: disabled('resolve'),
  reviver: disabled('reviver'),
}, { override: true });

/** Functions an expression may call. */
export const EXPRESSION_FUNCTIONS: readonly string[] = [
  'abs', 'sign', 'sqrt', 'cbrt', 'exp', 'log', 'log10', 'log2', 'pow', 'min', 'max', 'floor', 'ceil', 'round', 'mod',
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh',
];
const FUNCTIONS = new Set(EXPRESSION_FUNCTIONS);
const CONSTANTS = new Set(['pi', 'e']);
const OPERATORS = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal', 'and', 'or', 'not', 'xor',
]);

/** The longest expression accepted, in characters (a scenario's expressions are a line or two). */
export const MAX_EXPRESSION_LENGTH = 1000;
/**
 * The deepest expression accepted: nested parentheses, and operators, calls and conditionals
 * within one another (`1+1+…+1` with n terms is n − 1 deep). Bounds the recursion of parsing,
 * compiling and evaluating.
 */
export const MAX_EXPRESSION_DEPTH = 100;

/** A compiled expression: evaluate it with a scope of numbers. */
export interface CompiledExpression {
  /** The source text. */
  readonly source: string;
  /** The variables it uses. */
  readonly variables: readonly string[];
  /**
   * Evaluates to a finite number (booleans count as 1 and 0).
   * @throws ExpressionError when the result is not one (infinite, NaN, complex) or a function is
   * called with the wrong number of arguments.
   */
  evaluate(scope: Readonly<Record<string, number>>): number;
}

/** Thrown when an expression is not allowed, does not parse or does not give a finite number. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** The source as quoted in messages: long expressions are cut, so a message stays one readable line. */
function quoted(source: string): string {
  return JSON.stringify(source.length <= 80 ? source : `${source.slice(0, 77)}…`);
}

/**
 * Parses, checks and compiles an expression once.
 * @param allowed the variables the expression may use (e.g. `year`, `tick`).
 * @throws ExpressionError naming what is not allowed: longer than {@link MAX_EXPRESSION_LENGTH},
 * nested deeper than {@link MAX_EXPRESSION_DEPTH}, a number too large to represent (`1e309`), a
 * name, operator, function or construct outside the allowlist.
 */
export function compileExpression(source: string, allowed: readonly string[]): CompiledExpression {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(`expression ${quoted(source)} is ${source.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`);
  }
  // Parentheses are counted before parsing: the parser recurses through every level.
  let open = 0;
  for (const c of source) {
    if (c === '(' || c === '[' || c === '{') open++;
    else if (c === ')' || c === ']' || c === '}') open--;
    if (open > MAX_EXPRESSION_DEPTH) throw tooDeep(source);
  }
  let node: MathNode;
  try {
    node = parse(source);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(source);
    throw new ExpressionError(`cannot parse expression ${quoted(source)}: ${(error as Error).message}`);
  }
  const variables = new Set<string>();
  check(node, new Set(allowed), variables, source);
  const code = node.compile();
  return {
    source,
    variables: [...variables],
    evaluate(scope) {
      let value: unknown;
      try {
        value = code.evaluate({ ...scope });
      } catch (error) {
        // mathjs's own errors: a wrong number of arguments (`abs(1, 2)`, `min()`), a wrong type.
        throw new ExpressionError(`expression ${quoted(source)} cannot be evaluated: ${(error as Error).message}`);
      }
      const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ExpressionError(`expression ${quoted(source)} gave ${describeValue(value)}, not a finite number`);
      }
      return v;
    },
  };
}

function tooDeep(source: string): ExpressionError {
  return new ExpressionError(`expression ${quoted(source)} is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`);
}

function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Complex') {
    return `the complex number ${String(value)}`;
  }
  return value === undefined ? 'no value' : `${typeof value} ${String(value)}`;
}

/**
 * Checks a parsed expression against the allowlist and collects the variables it uses. Iterative
 * (an explicit stack), and bounded to {@link MAX_EXPRESSION_DEPTH}, so no expression can exhaust the
 * call stack here or in `compile` and `evaluate`, which recurse.
 */
function check(root: MathNode, allowed: Set<string>, used: Set<string>, source: string): void {
  const where = `in ${quoted(source)}`;
  const stack: { node: MathNode; depth: number }[] = [{ node: root, depth: 1 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, depth } = item;
    if (depth > MAX_EXPRESSION_DEPTH) throw tooDeep(source);
    const visit = (children: readonly MathNode[]): void => {
      for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k], depth: depth + 1 });
    };
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value !== 'number' && typeof value !== 'boolean') {
          throw new ExpressionError(`only numbers are allowed as constants ${where} (found ${JSON.stringify(value) ?? String(value)})`);
        }
        if (typeof value === 'number' && !Number.isFinite(value)) {
          throw new ExpressionError(`the number ${node.toString()} is too large to be represented ${where}`);
        }
        break;
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        if (CONSTANTS.has(name)) break;
        if (!allowed.has(name)) {
          const vars = allowed.size > 0 ? `; variables here: ${[...allowed].join(', ')}` : '';
          throw new ExpressionError(`unknown name "${name}" ${where}${vars}`);
        }
        used.add(name);
        break;
      }
      case 'ParenthesisNode':
        visit([(node as unknown as { content: MathNode }).content]);
        break;
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; op: string; args: MathNode[] };
        if (!OPERATORS.has(op.fn)) throw new ExpressionError(`operator "${op.op}" is not allowed ${where}`);
        visit(op.args);
        break;
      }
      case 'ConditionalNode': {
        const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        visit([c.condition, c.trueExpr, c.falseExpr]);
        break;
      }
      case 'FunctionNode': {
        const f = node as unknown as { fn: MathNode; args: MathNode[] };
        const name = f.fn.type === 'SymbolNode' ? (f.fn as unknown as { name: string }).name : '';
        if (!FUNCTIONS.has(name)) {
          throw new ExpressionError(`function "${name || f.fn.toString()}" is not allowed ${where}; allowed: ${EXPRESSION_FUNCTIONS.join(', ')}`);
        }
        visit(f.args);
        break;
      }
      default:
        throw new ExpressionError(`${describe(node.type)} is not allowed ${where}`);
    }
  }
}

function describe(type: string): string {
  const names: Record<string, string> = {
    AccessorNode: 'property or index access', AssignmentNode: 'assignment', FunctionAssignmentNode: 'defining a function',
    ObjectNode: 'an object', ArrayNode: 'a matrix or array', IndexNode: 'indexing', BlockNode: 'several statements',
    RangeNode: 'a range', RelationalNode: 'a chained comparison',
  };
  return names[type] ?? `"${type}"`;
}

// Wherever this module is loaded (the full entries, scenario validation), the engine compiles
// scenario expressions with it (src/engine/expressionCompiler.ts; counterpoise/core loads it lazily).
registerExpressionCompiler(compileExpression);
