import type { SensitivityAnalysis } from '../experiments/analyzeSensitivity.js';
import type { ScenarioMeta } from '../model/ResolvedScenario.js';
import type { EnsembleBand } from './EnsembleBands.js';

/** One value of a sweep's runs table: a number, a label, or missing. */
export type SweepCell = number | string | null;

/** What a sweep report is built from: one row per run with its parameter values and summary metrics. */
export interface SweepReportInput {
  scenario: Pick<ScenarioMeta, 'id' | 'title' | 'description' | 'sources'>;
  /** The swept parameters: columns of `runs` that vary across the design. */
  parameters: string[];
  /** The summary metrics: numeric columns of `runs` to plot against each parameter. */
  metrics: string[];
  /** One row per run (design point × replicate). */
  runs: Record<string, SweepCell>[];
  /** Run settings shown at the top (design file, replicates, ticks, base seed, …). */
  settings: [string, string][];
  /** The data files the report was built from. */
  files: { name: string; description: string }[];
  /**
   * For an ensemble (no swept parameter): each measure's mean and 95% interval across the
   * replicates at every tick, from the ticks table (`EnsembleBands`). Absent without a ticks table.
   */
  ensemble?: { measures: string[]; bands: EnsembleBand[] };
  /** The sensitivity analysis of a sobol or morris design (analyzeSensitivity), shown as a chart. */
  sensitivity?: SensitivityAnalysis;
}
