import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import type { FormatWants, RunSpec } from '../../experiments/runOne.js';
import type { SweepLayout } from '../../experiments/tables.js';

/** What every worker of a sweep is started with (workerData). @internal */
export interface WorkerInit {
  /** The sweep's scenario (a structured clone; createSimulation accepts the unbranded clone). */
  scenario: ResolvedScenario;
  ticks: number;
  allowInadmissible: boolean;
  layout: SweepLayout;
  wants: FormatWants;
}

/** Rows a run added to each table. @internal */
export interface RowCounts {
  runs: number;
  ticks: number;
  events: number;
}

/**
 * A run's output, as a worker (or the main thread) gives it to the writer: each file's text already
 * encoded as UTF-8 in the worker, so the buffers are transferred to the main thread without a copy
 * and written as they are (the main thread's share of the work stays small). @internal
 */
export interface RunOutput {
  run: number;
  chunks: Record<string, Uint8Array>;
  rows: RowCounts;
}

/** Main thread → worker. @internal */
export type ToWorker = { type: 'run'; spec: RunSpec };

/** Worker → main thread. @internal */
export type FromWorker =
  | { type: 'done'; output: RunOutput }
  | { type: 'failed'; run: number; message: string; stack: string | undefined };
