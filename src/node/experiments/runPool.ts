import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExperimentError } from '../../experiments/ExperimentError.js';
import type { RunSpec } from '../../experiments/runOne.js';
import { RunExecutor } from './executeRun.js';
import type { FromWorker, RunOutput, WorkerInit } from './workerProtocol.js';

/** Runs sweep runs, in this thread or on worker threads. @internal */
export interface RunPool {
  /** How many runs it works on at once. */
  readonly size: number;
  /** Runs one run; resolves with its formatted rows. */
  submit(spec: RunSpec): Promise<RunOutput>;
  /** Stops the workers (pending runs are abandoned). */
  close(): Promise<void>;
}

/** The number of workers a sweep uses by default: every core the process may use. */
export function defaultWorkerCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Where a built worker entry is (`name`: `sweep-worker`, or `calibrate-worker`): next to this module
 * in dist/ (`<name>.js`, or `.cjs` from the CommonJS build). Running from the TypeScript sources
 * (vitest), the one in the repository's dist/ — so `npm run build` must have run.
 */
export function resolveWorkerFile(name = 'sweep-worker'): string {
  // __filename exists in the CommonJS build; import.meta.url in the ES module build and in vitest.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  const sibling = path.join(dir, here.endsWith('.cjs') ? `${name}.cjs` : `${name}.js`);
  if (!here.endsWith('.ts') && existsSync(sibling)) return sibling;
  const fromSources = path.resolve(dir, '..', '..', '..', 'dist', `${name}.js`);
  if (existsSync(fromSources)) return fromSources;
  throw new Error(`cannot find the ${name} entry (looked for ${sibling} and ${fromSources}); run \`npm run build\` first`);
}

/**
 * Runs in the main thread, one at a time, yielding to the event loop between runs (so progress,
 * signals and timers keep working). Used for `workers: 0`. @internal
 */
export function createInlinePool(init: WorkerInit): RunPool {
  const executor = new RunExecutor(init);
  return {
    size: 1,
    submit(spec: RunSpec): Promise<RunOutput> {
      return new Promise((resolve, reject) => {
        setImmediate(() => {
          try {
            resolve(executor.execute(spec));
          } catch (error) {
            reject(runFailed(spec.run, error instanceof Error ? error.message : String(error), error));
          }
        });
      });
    },
    async close(): Promise<void> {},
  };
}

function runFailed(run: number, message: string, cause?: unknown): ExperimentError {
  return new ExperimentError('run-failed', [{ path: `run ${run}`, message }], { cause });
}

interface Pending {
  resolve: (output: RunOutput) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed pool of worker threads (Node's worker_threads), each running the built sweep-worker
 * entry, each sent the scenario once. Runs go to the least busy worker. If a worker dies (an
 * uncaught error, out of memory, killed), every pending and later run is rejected at once — a
 * sweep fails loudly rather than hangs. @internal
 */
export function createWorkerPool(init: WorkerInit, workers: number, workerFile: string = resolveWorkerFile()): RunPool {
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, Set<number>>();
  let broken: ExperimentError | null = null;
  let closing = false;

  const breakPool = (error: ExperimentError): void => {
    if (broken !== null || closing) return;
    broken = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    for (const w of load.keys()) void w.terminate();
  };

  for (let k = 0; k < workers; k++) {
    const worker = new Worker(workerFile, { workerData: init });
    load.set(worker, new Set());
    worker.on('message', (message: FromWorker) => {
      const run = message.type === 'done' ? message.output.run : message.run;
      load.get(worker)?.delete(run);
      const p = pending.get(run);
      if (p === undefined) return;
      pending.delete(run);
      if (message.type === 'done') p.resolve(message.output);
      else p.reject(runFailed(run, message.message, Object.assign(new Error(message.message), { stack: message.stack })));
    });
    worker.on('error', (error) => breakPool(new ExperimentError('run-failed', [{ path: `worker ${k}`, message: `worker thread failed: ${error.message}` }], { cause: error })));
    worker.on('messageerror', (error) => breakPool(new ExperimentError('run-failed', [{ path: `worker ${k}`, message: `message could not be read: ${error.message}` }], { cause: error })));
    worker.on('exit', (code) => {
      if (!closing) breakPool(new ExperimentError('run-failed', [{ path: `worker ${k}`, message: `worker thread exited (code ${code})` }]));
    });
  }

  return {
    size: workers,
    submit(spec: RunSpec): Promise<RunOutput> {
      if (broken !== null) return Promise.reject(broken);
      let best: Worker | null = null;
      let bestLoad = Infinity;
      for (const [w, runs] of load) {
        if (runs.size < bestLoad) { best = w; bestLoad = runs.size; }
      }
      const worker = best as Worker;
      return new Promise((resolve, reject) => {
        pending.set(spec.run, { resolve, reject });
        load.get(worker)?.add(spec.run);
        worker.postMessage({ type: 'run', spec });
      });
    },
    async close(): Promise<void> {
      closing = true;
      await Promise.all([...load.keys()].map((w) => w.terminate()));
    },
  };
}
