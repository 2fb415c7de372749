import { ExperimentError } from '../../experiments/ExperimentError.js';
import type { Design } from '../../experiments/design.js';
import { planSweep, type SweepOptions } from '../../experiments/planSweep.js';
import { ENSEMBLE_DESIGN } from '../../experiments/sweep.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { createInlinePool, createWorkerPool, defaultWorkerCount, type RunPool } from './runPool.js';
import { OUTPUT_FORMATS, SweepStore, sweepMeta, type OutputFormat, type SweepManifest } from './sweepFiles.js';
import type { RunOutput, WorkerInit } from './workerProtocol.js';
import { asOutputWriteError, isSystemError } from '../outputs/OutputWriteError.js';

/** What to do after a failed write: the finished runs are checkpointed. */
const RESUME_ADVICE = 'make room, then run the same command with --resume to continue from the last checkpoint';
import { loadArrow } from './writeArrowFile.js';

/** Where a sweep is, for progress displays. */
export interface SweepProgress {
  /** `running` while runs complete, `finishing` while the summary and Arrow files are built, then `done`. */
  readonly phase: 'running' | 'finishing' | 'done';
  /** Runs complete in this output (including those resumed). */
  readonly done: number;
  /** Runs this output will hold (the shard's share when sharded). */
  readonly total: number;
  /** Runs found complete when the sweep was resumed. */
  readonly resumed: number;
  /** Time since this call started, in ms. */
  readonly elapsedMs: number;
  /** Runs completed per second in this call, since its first run completed (0 until two have). */
  readonly runsPerSecond: number;
  /** Estimated time to the last run, in ms (null until a run has completed). */
  readonly etaMs: number | null;
  /** While finishing: what is being built (e.g. `ticks.arrow`). */
  readonly detail?: string;
}

/** Options of {@link runSweep}: a sweep's options plus where and how to run it. */
export interface RunSweepOptions extends SweepOptions {
  /** The output directory (created if needed). */
  out: string;
  /** Worker threads (default: every core, os.availableParallelism()); 0 runs in this thread. */
  workers?: number;
  /** Output formats (default all three: csv, ndjson, arrow); must include csv or ndjson. */
  formats?: readonly OutputFormat[];
  /** Continue an interrupted sweep in `out` (skipping its finished runs), or accept it if complete. */
  resume?: boolean;
  /** Delete a sweep already in `out` and start again. */
  overwrite?: boolean;
  /** Checkpoint at least this often, in ms (default 2000): at most this much work is redone after a crash. */
  checkpointEveryMs?: number;
  /** Called as runs complete (printing is the caller's: see createProgressPrinter). */
  onProgress?: (progress: SweepProgress) => void;
  /** Stops the sweep: finished runs are checkpointed, so `resume` continues it. */
  signal?: AbortSignal;
}

/** What {@link runSweep} did. */
export interface SweepReport {
  /** The output directory. */
  readonly out: string;
  /** The manifest of the complete output. */
  readonly manifest: SweepManifest;
  /** Runs executed by this call. */
  readonly executed: number;
  /** Runs skipped because an earlier, interrupted call had completed them. */
  readonly resumed: number;
  /** Whether the output was already complete (resume of a finished sweep: nothing ran). */
  readonly alreadyComplete: boolean;
  /** Worker threads used (0: this thread). */
  readonly workers: number;
  /** Wall time of this call, in ms. */
  readonly elapsedMs: number;
  /** Runs per second in this call (runs only, not the final Arrow conversion). */
  readonly runsPerSecond: number;
}

/**
 * Runs a sweep on worker threads and streams its tables to files as runs finish: the design's
 * points × replicates, each run a thin layer over one simulation (runOne), rows written in run order
 * whatever thread finished first, so the files are byte-identical for any number of workers.
 *
 * - Memory stays flat: runs are dispatched through a bounded window (a few per worker) and written
 *   as soon as every earlier run is written; nothing is kept per run.
 * - Resumable: the output is checkpointed every few seconds; after a crash or a kill, `resume: true`
 *   continues from the last checkpoint and ends with exactly the rows of an uninterrupted sweep.
 * - Shardable: `shard: "i/n"` runs every n-th run from the i-th; mergeShards joins the outputs into
 *   exactly the unsharded sweep's files.
 * - Files: runs, ticks and events tables (CSV, NDJSON), a summary per design point, Arrow IPC files of
 *   each, and manifest.json — see docs/experiments.md.
 *
 * An ensemble is the sweep of the one-point design: `runSweep(scenario, null, { replicates: 100, … })`.
 *
 * @example
 * await runSweep(scenario, { type: 'grid', parameters: { 'system.lambda': { min: 0, max: 1, levels: 5 } } },
 *   { replicates: 20, ticks: 100, baseSeed: 42, out: 'out/lambda' });
 * @throws ExperimentError: design/spec problems before anything runs; output-exists, resume-mismatch;
 *   run-failed when a run throws or a worker dies (finished runs stay checkpointed); aborted.
 */
export async function runSweep(scenario: ResolvedScenario, design: Design | null, options: RunSweepOptions): Promise<SweepReport> {
  const started = performance.now();
  const formats = options.formats ?? OUTPUT_FORMATS;
  const badFormat = formats.find((f) => !OUTPUT_FORMATS.includes(f));
  if (badFormat !== undefined) throw new ExperimentError('spec', [{ path: 'formats', message: `unknown format "${badFormat}"; one of ${OUTPUT_FORMATS.join(', ')}` }]);
  if (!formats.includes('csv') && !formats.includes('ndjson')) {
    throw new ExperimentError('spec', [{ path: 'formats', message: 'include csv or ndjson: rows are streamed as text, and Arrow files are built from it at the end' }]);
  }
  const workers = options.workers ?? defaultWorkerCount();
  if (!(Number.isInteger(workers) && workers >= 0)) throw new ExperimentError('spec', [{ path: 'workers', message: `must be a whole number ≥ 0 (got ${workers})` }]);
  const plan = planSweep(scenario, design ?? ENSEMBLE_DESIGN, options);
  // Arrow files are built at the end: make sure apache-arrow (optional) is there before any run.
  if (formats.includes('arrow')) await loadArrow();
  const meta = sweepMeta({
    scenario: scenario.meta, fingerprint: plan.fingerprint, design: plan.design.normalized, shard: plan.shard, runs: plan.runs,
    shardRuns: plan.shardRuns, formats, layout: plan.layout,
  });
  let opened: SweepStore | SweepManifest;
  try {
    opened = SweepStore.open(options.out, meta, { resume: options.resume ?? false, overwrite: options.overwrite ?? false });
  } catch (error) {
    throw asOutputWriteError(error, options.out, 'make room or choose another folder, and run it again');
  }
  const elapsed = () => performance.now() - started;
  if (!(opened instanceof SweepStore)) {
    const total = plan.shardRuns;
    options.onProgress?.({ phase: 'done', done: total, total, resumed: total, elapsedMs: elapsed(), runsPerSecond: 0, etaMs: 0 });
    return { out: options.out, manifest: opened, executed: 0, resumed: total, alreadyComplete: true, workers: 0, elapsedMs: elapsed(), runsPerSecond: 0 };
  }
  const store = opened;
  const total = plan.shardRuns;
  const first = store.completed;
  const init: WorkerInit = {
    scenario, ticks: plan.ticks, allowInadmissible: plan.allowInadmissible, layout: plan.layout,
    wants: { csv: formats.includes('csv'), ndjson: formats.includes('ndjson'), ticks: plan.tables.ticks, events: plan.tables.events },
  };
  const remaining = total - first;
  const threads = remaining === 0 ? 0 : Math.min(workers, remaining);
  let pool: RunPool | null = null;
  let written = first;
  const checkpointEvery = options.checkpointEveryMs ?? 2000;
  // The rate counts from the first run this call completed, so start-up (loading, starting the
  // workers) does not make the first estimates of runs/s and ETA pessimistic.
  let firstDoneAt: number | null = null;
  const progress = (phase: SweepProgress['phase'], detail?: string): void => {
    if (options.onProgress === undefined) return;
    const ms = elapsed();
    if (firstDoneAt === null && written > first) firstDoneAt = ms;
    const span = firstDoneAt === null ? 0 : ms - firstDoneAt;
    const rate = span > 0 ? ((written - first - 1) * 1000) / span : 0;
    options.onProgress({
      phase, done: written, total, resumed: first, elapsedMs: ms, runsPerSecond: rate,
      etaMs: phase !== 'running' ? 0 : rate > 0 ? ((total - written) * 1000) / rate : null,
      ...(detail === undefined ? {} : { detail }),
    });
  };
  let runsEnded = started;
  try {
    pool = threads === 0 ? createInlinePool(init) : createWorkerPool(init, threads);
    const size = pool.size;
    const window = Math.max(8, 4 * size);
    const buffer = new Map<number, RunOutput>();
    let lastCheckpoint = performance.now();
    await new Promise<void>((resolve, reject) => {
      let dispatched = first;
      let inFlight = 0;
      let settled = false;
      const onAbort = (): void => fail(new ExperimentError('aborted', [{ path: options.out, message: `stopped after ${written} of ${total} runs; resume to continue` }]));
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      if (options.signal?.aborted) { onAbort(); return; }
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const pump = (): void => {
        try {
          pumpRuns();
        } catch (error) {
          // A failed write (a full disk) rejects the sweep instead of escaping as an unhandled rejection.
          fail(error);
        }
      };
      const pumpRuns = (): void => {
        if (settled) return;
        // Write every run whose predecessors are all written: rows in run order, whatever finished first.
        let output = buffer.get(written);
        while (output !== undefined) {
          buffer.delete(written);
          store.append(output.chunks, output.rows);
          written++;
          if (performance.now() - lastCheckpoint >= checkpointEvery) {
            store.checkpoint(written);
            lastCheckpoint = performance.now();
          }
          progress('running');
          output = buffer.get(written);
        }
        if (written === total) {
          settled = true;
          options.signal?.removeEventListener('abort', onAbort);
          resolve();
          return;
        }
        // Keep every worker busy (two runs each), never more than `window` runs ahead of the writer.
        while (dispatched < total && dispatched < written + window && inFlight < 2 * size) {
          const k = dispatched++;
          inFlight++;
          (pool as RunPool).submit(plan.spec(plan.shardRun(k))).then((out) => {
            inFlight--;
            buffer.set(k, out);
            pump();
          }, fail);
        }
      };
      pump();
    });
    runsEnded = performance.now();
  } catch (error) {
    // What is written is in run order: make it durable, so resume skips it (unless the disk is what failed).
    try {
      store.checkpoint(written);
    } catch (checkpointError) {
      if (!isSystemError(checkpointError)) throw checkpointError;
    } finally {
      store.release();
    }
    throw asOutputWriteError(error, options.out, RESUME_ADVICE);
  } finally {
    await pool?.close();
  }
  progress('finishing');
  let manifest: SweepManifest;
  try {
    manifest = await store.finish(written, (what) => progress('finishing', what));
  } catch (error) {
    throw asOutputWriteError(error, options.out, RESUME_ADVICE);
  }
  progress('done');
  const runSeconds = (runsEnded - started) / 1000;
  return {
    out: options.out, manifest, executed: written - first, resumed: first, alreadyComplete: false, workers: threads,
    elapsedMs: elapsed(), runsPerSecond: runSeconds > 0 ? (written - first) / runSeconds : 0,
  };
}
