import type { SimulationEvent } from '../engine/SimulationEvent.js';
import type { RunSummary } from '../metrics/summarizeRun.js';
import type { ScenarioMeta } from '../model/ResolvedScenario.js';
import type { ReportTick } from './ReportTick.js';
import type { RunTables } from './RunTables.js';
import type { ReportRowBinner } from './binReportRows.js';

/** Everything a run report is built from (what `counterpoise run` writes, read back). */
export interface RunReportInput {
  scenario: ScenarioMeta;
  /** State ids in the scenario's order. */
  stateOrder: string[];
  seed: number | string;
  ticks: number;
  /** One row per tick. */
  records: ReportTick[];
  summary: RunSummary;
  events: SimulationEvent[];
  tables: RunTables;
  /**
   * Ticks per row of `records`, `tables.states` and `tables.memberships` (default 1): a long run is
   * read in bins of this many ticks (readRunOutputs, {@link ReportRowBinner}).
   */
  binTicks?: number;
  /** The data files the report was built from, with what each holds. */
  files: { name: string; description: string }[];
}
