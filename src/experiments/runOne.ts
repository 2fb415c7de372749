import type { SimulationEvent } from '../engine/SimulationEvent.js';
import { runSimulation } from '../engine/runSimulation.js';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import type { TickRecord } from '../metrics/TickRecord.js';
import { summarizeRun, type RunSummary } from '../metrics/summarizeRun.js';
import { applyPoint, type ApplyPointOptions } from './applyPoint.js';
import { RowFormatter } from './formatRows.js';
import type { ParameterValue } from './parameterPath.js';
import { eventCells, metricCells, metricColumns, tickCells, type Cell, type SweepLayout } from './tables.js';

/**
 * One run of a sweep: which point, which replicate, which seed. Everything needed to replay it
 * alone — every output row carries these fields.
 */
export interface RunSpec {
  /** 0-based index of the run in the sweep: point × replicates + replicate. */
  readonly run: number;
  /** The design point's index. */
  readonly point: number;
  /** The replicate, 0-based. */
  readonly replicate: number;
  /** The run seed (derived by deriveSeed, or given). */
  readonly seed: number;
  /** The design point's values by canonical parameter path. */
  readonly values: Readonly<Record<string, ParameterValue>>;
}

/** Options of {@link runOne}. */
export interface RunOneOptions extends ApplyPointOptions {
  /** Number of ticks. */
  ticks: number;
}

/** What one run gives: its spec, summary and metrics, tick records and events. */
export interface RunResult {
  readonly spec: RunSpec;
  /** summarizeRun of the run. */
  readonly summary: RunSummary;
  /** The run metrics by column name (the runs table after the key). */
  readonly metrics: Readonly<Record<string, number>>;
  /** One record per tick. */
  readonly records: readonly TickRecord[];
  /** The run's events. */
  readonly events: readonly SimulationEvent[];
}

/**
 * Runs a scenario to which the point was already applied. The one place a sweep runs the model, in
 * the main thread or in a worker alike. @internal
 */
export function runApplied(scenario: ResolvedScenario, spec: RunSpec, ticks: number): RunResult {
  const result = runSimulation(scenario, { seed: spec.seed, ticks, collectEvents: true });
  const summary = summarizeRun(result);
  const ids = scenario.states.map((s) => s.id);
  const cells = metricCells(summary, ids);
  const metrics: Record<string, number> = {};
  metricColumns(ids).forEach((c, k) => { metrics[c.name] = cells[k]; });
  return { spec, summary, metrics, records: result.records, events: result.events };
}

/**
 * Runs one run of a sweep alone: applies the point to the scenario and runs it with the spec's seed.
 * A sweep is a thin layer over this function (Agents.jl), so replaying a row's (point values, seed)
 * here gives exactly that row again.
 *
 * @param scenario the sweep's scenario (before the point is applied).
 * @param spec the run (e.g. read back from an output row).
 * @example
 * // replay the run of a row of runs.csv
 * const r = runOne(scenario, { run: 17, point: 3, replicate: 2, seed: 93815127740412, values: { 'system.lambda': 0.5 } }, { ticks: 100 });
 */
export function runOne(scenario: ResolvedScenario, spec: RunSpec, options: RunOneOptions): RunResult {
  const applied = Object.keys(spec.values).length === 0 ? scenario : applyPoint(scenario, spec.values, options);
  return runApplied(applied, spec, options.ticks);
}

/** The files one run contributes to: `<table>.<format>`. */
export type RunFileName = `${'runs' | 'ticks' | 'events'}.${'csv' | 'ndjson'}`;

/** The text a run adds to each output file, in the file's format. */
export type RunChunks = Partial<Record<RunFileName, string>>;

/** Which tables and formats to format, for {@link formatRun}. */
export interface FormatWants {
  readonly csv: boolean;
  readonly ndjson: boolean;
  readonly ticks: boolean;
  readonly events: boolean;
}

/** The key cells of a run: run, point, replicate, seed and the point's values in column order. */
export function keyCells(spec: RunSpec, layout: SweepLayout): Cell[] {
  const cells: Cell[] = [spec.run, spec.point, spec.replicate, spec.seed];
  for (let k = 4; k < layout.key.length; k++) cells.push(spec.values[layout.key[k].name] ?? null);
  return cells;
}

/**
 * A run's rows as text for each output file (CSV records with CRLF, NDJSON lines with LF). Pure:
 * the same run gives the same bytes in any thread or process — the basis of output that does not
 * depend on the number of workers.
 */
export function formatRun(result: RunResult, layout: SweepLayout, wants: FormatWants): RunChunks {
  const key = keyCells(result.spec, layout);
  const out: RunChunks = {};
  const emit = (table: 'runs' | 'ticks' | 'events', rows: readonly (readonly Cell[])[]): void => {
    const f = new RowFormatter(layout[table], key);
    if (wants.csv) {
      let text = '';
      for (const r of rows) text += f.csv(r);
      out[`${table}.csv`] = text;
    }
    if (wants.ndjson) {
      let text = '';
      for (const r of rows) text += f.ndjson(r);
      out[`${table}.ndjson`] = text;
    }
  };
  emit('runs', [layout.metrics.map((c) => result.metrics[c.name])]);
  if (wants.ticks) emit('ticks', result.records.map(tickCells));
  if (wants.events) emit('events', result.events.map(eventCells));
  return out;
}
