import type { ExpressionError } from '../../scenario/expressions.js';
import type { MathLibrary, ScenarioFileLibrary } from './ExploreLibraries.js';

/**
 * The explorer's chunks, each a script the worker runs on first use which puts its library here,
 * on the worker's global scope: `math` (mathjs: expressions, statistics) and
 * `scenario` (zod, yaml, the resolver). The scenario chunk takes mathjs from the math chunk
 * (scripts/build-explore.mjs), so the math chunk is loaded first.
 */
export interface ExploreChunks {
  math?: MathLibrary & { ExpressionError: typeof ExpressionError };
  scenario?: ScenarioFileLibrary;
}

/** The worker's global scope as the chunks see it. */
export interface ChunkScope {
  counterpoiseChunks?: ExploreChunks;
}

/** The chunks loaded so far (created on first use). */
export function exploreChunks(): ExploreChunks {
  const scope = globalThis as unknown as ChunkScope;
  scope.counterpoiseChunks ??= {};
  return scope.counterpoiseChunks;
}
