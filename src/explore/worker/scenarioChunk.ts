/**
 * The explorer's scenario chunk (dist/explore/scenario.js): parsing and validation of a dropped
 * scenario file (zod, yaml, the resolver, the COW table parsers). Loaded by the worker only when a
 * file is dropped; it takes mathjs from the math chunk (scripts/build-explore.mjs).
 */
import { exploreChunks } from './ExploreChunks.js';
import { validateScenarioFile } from './validateScenarioFile.js';

exploreChunks().scenario = { validateScenarioFile };
