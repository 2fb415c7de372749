import { CONDITION_VARIABLES, TIME_VARIABLES } from '../conditionScope.js';
import { compileExpression, ExpressionError } from '../expressions.js';
import type { ScenarioIssue } from '../ScenarioError.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Compiles every expression of a raw scenario file (system conditions, growth rates, event
 * conditions) with the locked-down mathjs of `compileExpression`, and reports those that are not
 * allowed or do not parse, at their field. `resolveScenario` does the same (and also evaluates
 * them once at the start, event conditions too), but only once the rest of the scenario is valid; running the compile check
 * on the raw file too reports a forbidden expression together with every other problem.
 * @internal
 */
export function expressionIssues(raw: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (!isRecord(raw)) return issues;
  const check = (value: unknown, path: (string | number)[], variables: readonly string[]): void => {
    if (typeof value !== 'string' || value === '') return;
    try {
      compileExpression(value, variables);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      issues.push({ path, message: error.message });
    }
  };
  if (isRecord(raw.system)) {
    for (const field of ['lambda', 'nu', 'theta']) check(raw.system[field], ['system', field], TIME_VARIABLES);
  }
  if (Array.isArray(raw.states)) {
    raw.states.forEach((st, i) => {
      if (!isRecord(st) || !isRecord(st.growth)) return;
      for (const c of ['mil', 'eco', 'pop']) check(st.growth[c], ['states', i, 'growth', c], TIME_VARIABLES);
    });
  }
  if (Array.isArray(raw.events)) {
    raw.events.forEach((e, k) => { if (isRecord(e)) check(e.when, ['events', k, 'when'], CONDITION_VARIABLES); });
  }
  return issues;
}
