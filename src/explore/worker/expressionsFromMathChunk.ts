/**
 * What the scenario chunk imports instead of src/scenario/expressions.ts (scripts/build-explore.mjs
 * redirects the import): the math chunk's, loaded before it, so that the page carries mathjs once.
 */
import { exploreChunks } from './ExploreChunks.js';

const math = exploreChunks().math;
if (math === undefined) throw new Error('the explorer\'s math chunk must be loaded before its scenario chunk');

export const compileExpression = math.compileExpression;
export const ExpressionError = math.ExpressionError;
