import { hasExpressionCompiler, registerExpressionCompiler } from '../engine/expressionCompiler.js';

/**
 * Loads the expression compiler (the locked-down mathjs of scenario expressions) as a separate
 * chunk and gives it to the engine. `counterpoise/core` leaves mathjs out of its bundle: call this
 * before `createSimulation` when `needsExpressions(scenario)` — a scenario with conditions, growth
 * rates or event conditions written as expressions. Resolves at once when it is already loaded:
 * in Node, always under `counterpoise`; in a bundle of `counterpoise`, whenever the bundle resolves
 * or parses scenarios itself. (A bundle that only runs scenarios resolved elsewhere, e.g. as JSON,
 * leaves mathjs out like counterpoise/core, and needs this call for scenarios with expressions.)
 *
 * @example
 * if (needsExpressions(scenario)) await loadExpressions();
 * const sim = createSimulation(scenario, { seed: 42 });
 */
export async function loadExpressions(): Promise<void> {
  if (hasExpressionCompiler()) return;
  const { compileExpression } = await import('../scenario/expressions.js');
  registerExpressionCompiler(compileExpression);
}
