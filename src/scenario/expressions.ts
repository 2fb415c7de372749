import {
  absDependencies, acosDependencies, addDependencies, andDependencies, asinDependencies, atan2Dependencies, atanDependencies,
  cbrtDependencies, ceilDependencies, eDependencies, piDependencies, cosDependencies, coshDependencies, create, divideDependencies, equalDependencies,
  expDependencies, floorDependencies, largerDependencies, largerEqDependencies, log10Dependencies, log2Dependencies,
  logDependencies, maxDependencies, minDependencies, modDependencies, multiplyDependencies, notDependencies, orDependencies,
  parseDependencies, powDependencies, roundDependencies, signDependencies, sinDependencies, sinhDependencies,
  smallerDependencies, smallerEqDependencies, sqrtDependencies, subtractDependencies, tanDependencies, tanhDependencies,
  unaryMinusDependencies, unaryPlusDependencies, unequalDependencies, xorDependencies, type MathNode,
} from 'mathjs';

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

/** A compiled expression: evaluate it with a scope of numbers. */
export interface CompiledExpression {
  /** The source text. */
  readonly source: string;
  /** The variables it uses. */
  readonly variables: readonly string[];
  /** Evaluates to a finite number (booleans count as 1 and 0). Throws when the result is not one. */
  evaluate(scope: Readonly<Record<string, number>>): number;
}

/** Thrown when an expression is not allowed or does not parse. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/**
 * Parses, checks and compiles an expression once.
 * @param allowed the variables the expression may use (e.g. `year`, `tick`).
 * @throws ExpressionError naming what is not allowed.
 */
export function compileExpression(source: string, allowed: readonly string[]): CompiledExpression {
  let node: MathNode;
  try {
    node = parse(source);
  } catch (error) {
    throw new ExpressionError(`cannot parse expression "${source}": ${(error as Error).message}`);
  }
  const variables = new Set<string>();
  const allowedSet = new Set(allowed);
  check(node, allowedSet, variables, source);
  const code = node.compile();
  return {
    source,
    variables: [...variables],
    evaluate(scope) {
      const value: unknown = code.evaluate({ ...scope });
      const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ExpressionError(`expression "${source}" gave ${String(value)}, not a finite number`);
      }
      return v;
    },
  };
}

function check(node: MathNode, allowed: Set<string>, used: Set<string>, source: string): void {
  const where = `in "${source}"`;
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ExpressionError(`only numbers are allowed as constants ${where} (found ${JSON.stringify(value)})`);
      }
      return;
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (CONSTANTS.has(name)) return;
      if (!allowed.has(name)) {
        const vars = allowed.size > 0 ? `; variables here: ${[...allowed].join(', ')}` : '';
        throw new ExpressionError(`unknown name "${name}" ${where}${vars}`);
      }
      used.add(name);
      return;
    }
    case 'ParenthesisNode':
      check((node as unknown as { content: MathNode }).content, allowed, used, source);
      return;
    case 'OperatorNode': {
      const op = node as unknown as { fn: string; op: string; args: MathNode[] };
      if (!OPERATORS.has(op.fn)) throw new ExpressionError(`operator "${op.op}" is not allowed ${where}`);
      for (const arg of op.args) check(arg, allowed, used, source);
      return;
    }
    case 'ConditionalNode': {
      const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
      check(c.condition, allowed, used, source);
      check(c.trueExpr, allowed, used, source);
      check(c.falseExpr, allowed, used, source);
      return;
    }
    case 'FunctionNode': {
      const f = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = f.fn.type === 'SymbolNode' ? (f.fn as unknown as { name: string }).name : '';
      if (!FUNCTIONS.has(name)) {
        throw new ExpressionError(`function "${name || f.fn.toString()}" is not allowed ${where}; allowed: ${EXPRESSION_FUNCTIONS.join(', ')}`);
      }
      for (const arg of f.args) check(arg, allowed, used, source);
      return;
    }
    default:
      throw new ExpressionError(`${describe(node.type)} is not allowed ${where}`);
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
