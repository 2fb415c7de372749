import type { RunSummary } from '../metrics/summarizeRun.js';
import type { PathNote, ScenarioMeta } from '../model/ResolvedScenario.js';

/** One file of a run's output folder. */
export interface OutputFile {
  /** The file name, relative to the folder. */
  name: string;
  /** What it holds, one line. */
  description: string;
  /** Its size in bytes (recorded by `run`, so `report` can refuse a folder whose files were cut or replaced). */
  bytes?: number;
}

/**
 * `run.json`: what a run's output folder holds and how it was made — enough to rebuild the report
 * (`counterpoise report DIR`) and to replay the run (same scenario, seed and ticks). The folder is
 * also the output of a one-run ensemble (its `manifest.json`, runs, ticks, events and summary
 * tables); this file adds the run's own summary and the report's tables.
 */
export interface RunManifest {
  /** Always 'counterpoise-run' (a sweep's folder has `manifest.json` of kind 'counterpoise-sweep'). */
  kind: 'counterpoise-run';
  /** The counterpoise version that wrote it. */
  version: string;
  scenario: ScenarioMeta;
  /** Where the scenario came from: a file path or a bundled name, as given. */
  source: string;
  /** State ids in the scenario's order. */
  states: string[];
  seed: number;
  ticks: number;
  /** The ticks at which the threat matrix was recorded. */
  threatTicks: number[];
  /** The formats the tables were written in. */
  formats: ('csv' | 'ndjson' | 'arrow')[];
  /** Every table and file of the folder. */
  files: OutputFile[];
  /**
   * The exogenous paths the run followed (model notes N40–N42), when the scenario has any: their
   * span, every interpolated or projected value (`notes`), and `heldAfter`, the last year of the
   * paths when the run went beyond it (after it the last year's values hold), else null.
   */
  paths?: { firstYear: number; lastYear: number; halfLife: number; heldAfter: number | null; notes: PathNote[] };
  /** summarizeRun of the run: shares, dominant family per period, totals, final shares. */
  summary: RunSummary;
}
