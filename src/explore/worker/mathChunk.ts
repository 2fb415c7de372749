/**
 * The explorer's math chunk (dist/explore/math.js): mathjs, as scenario expressions and the
 * ensemble's statistics use it. Loaded by the worker only for a scenario with expressions, an
 * ensemble or a dropped file.
 */
import { summarizeSample } from '../../experiments/statistics.js';
import { compileExpression, ExpressionError } from '../../scenario/expressions.js';
import { exploreChunks } from './ExploreChunks.js';

exploreChunks().math = { compileExpression, summarizeSample, ExpressionError };
