import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import type { CompiledExpression } from '../scenario/expressions.js';

/** Compiles an expression of a scenario (see `compileExpression`): the engine's only use of mathjs. */
export type ExpressionCompiler = (source: string, allowed: readonly string[]) => CompiledExpression;

let compiler: ExpressionCompiler | null = null;

/**
 * Gives the engine its expression compiler. `counterpoise` (and every other full entry) registers the
 * locked-down mathjs compiler when it loads; `counterpoise/core` leaves it out of the core bundle and
 * registers it in `loadExpressions()`, so that mathjs is loaded only for scenarios with expressions
 * (docs/explore.md "Size"). @internal
 */
export function registerExpressionCompiler(compile: ExpressionCompiler): void {
  compiler = compile;
}

/** Whether the expression compiler is registered. @internal */
export function hasExpressionCompiler(): boolean {
  return compiler !== null;
}

/**
 * Whether running `scenario` compiles expressions: conditions or growth rates written as
 * expressions of time, or events with a `when` condition (docs/scenario-format.md, "Expressions" and
 * "events").
 */
export function needsExpressions(scenario: ResolvedScenario): boolean {
  return scenario.expressions.length > 0 || scenario.events.some((e) => e.when !== null);
}

/**
 * The registered compiler, for a scenario that needs one.
 * @throws Error saying how to load it when it is not registered.
 */
export function expressionCompilerFor(scenario: ResolvedScenario): ExpressionCompiler {
  if (compiler === null) {
    throw new Error(`scenario "${scenario.meta.id}" has expressions (conditions, growth rates or event conditions written as expressions): `
      + 'load the expression compiler first with `await loadExpressions()` (from counterpoise/core or counterpoise)');
  }
  return compiler;
}
