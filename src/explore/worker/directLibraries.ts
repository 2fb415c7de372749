import { summarizeSample } from '../../experiments/statistics.js';
import { compileExpression } from '../../scenario/expressions.js';
import type { ExploreLibraries } from './ExploreLibraries.js';
import { validateScenarioFile } from './validateScenarioFile.js';

/** The explorer's libraries as plain imports (Node, tests): what the page's worker loads as chunks. */
export const DIRECT_LIBRARIES: ExploreLibraries = {
  math: () => ({ compileExpression, summarizeSample }),
  scenarioFiles: () => ({ validateScenarioFile }),
};
