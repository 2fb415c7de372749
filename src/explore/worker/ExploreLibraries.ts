import type { SampleSummary } from '../../experiments/statistics.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import type { CompiledExpression } from '../../scenario/expressions.js';
import type { CowFileKey } from '../../data/cowFiles.js';

/** mathjs, as the explorer uses it: scenario expressions and the ensemble's statistics. */
export interface MathLibrary {
  compileExpression(source: string, allowed: readonly string[]): CompiledExpression;
  summarizeSample(values: readonly number[]): SampleSummary;
}

/** The CSV text of the COW tables a page built with `--with-data` carries, by file key. */
export type ExploreDataTables = Partial<Record<CowFileKey, string>>;

/** A dropped scenario file, validated: the resolved scenario, or its problems as the CLI prints them. */
export type ValidatedFile = { ok: true; scenario: ResolvedScenario } | { ok: false; lines: string[] };

/** Scenario files (zod, yaml and the resolver): validation of a dropped file. */
export interface ScenarioFileLibrary {
  /**
   * Validates a scenario file as `counterpoise validate` does; data references are drawn from
   * `tables` (a page built with `--with-data`) or, without them, reported as errors that say how
   * to get a page for the file.
   */
  validateScenarioFile(name: string, text: string, tables: ExploreDataTables | null): ValidatedFile;
}

/**
 * The parts of counterpoise the explorer's worker loads only when they are needed (docs/explore.md
 * "Size"): the core runs resolved scenarios without them. In the page's worker each is a separate
 * script loaded on first use (`importScripts`); in Node (tests), plain imports.
 */
export interface ExploreLibraries {
  /** mathjs: for a scenario with expressions, and for ensembles. */
  math(): MathLibrary;
  /** Scenario validation: for a dropped file. */
  scenarioFiles(): ScenarioFileLibrary;
}
