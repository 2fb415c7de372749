import { Worker } from 'node:worker_threads';
import { runCalibrationUnit, type CalibrationUnit, type CalibrationUnitContext, type CalibrationUnitResult } from '../../calibration/calibrationUnits.js';
import { resolveWorkerFile } from '../experiments/runPool.js';

/** Main thread → calibration worker. @internal */
export type ToCalibrationWorker = { type: 'unit'; id: number; unit: CalibrationUnit };

/** Calibration worker → main thread. @internal */
export type FromCalibrationWorker =
  | { type: 'done'; id: number; result: CalibrationUnitResult }
  | { type: 'failed'; id: number; message: string; stack: string | undefined };

/** Runs calibration units, in this thread or on worker threads. @internal */
export interface CalibrationPool {
  readonly size: number;
  run(unit: CalibrationUnit): Promise<CalibrationUnitResult>;
  close(): Promise<void>;
}

/**
 * A pool of `workers` worker threads (the experiment system's pattern, src/node/experiments/runPool.ts),
 * each sent the unit context once; with 0 workers, units run in this thread, one at a time, yielding
 * to the event loop between them. A worker that dies fails every pending unit at once. @internal
 */
export function createCalibrationPool(context: CalibrationUnitContext, workers: number, workerFile?: string): CalibrationPool {
  if (workers === 0) {
    return {
      size: 1,
      run: (unit) => new Promise((resolve, reject) => {
        setImmediate(() => {
          try { resolve(runCalibrationUnit(unit, context)); } catch (error) { reject(error); }
        });
      }),
      async close() {},
    };
  }
  const file = workerFile ?? resolveWorkerFile('calibrate-worker');
  const pending = new Map<number, { resolve: (r: CalibrationUnitResult) => void; reject: (e: Error) => void; worker: Worker }>();
  const busy = new Map<Worker, number>();
  let broken: Error | null = null;
  let closing = false;
  let next = 0;
  const breakPool = (error: Error): void => {
    if (broken !== null || closing) return;
    broken = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    for (const w of busy.keys()) void w.terminate();
  };
  for (let k = 0; k < workers; k++) {
    const worker = new Worker(file, { workerData: context });
    busy.set(worker, 0);
    worker.on('message', (m: FromCalibrationWorker) => {
      const p = pending.get(m.id);
      if (p === undefined) return;
      pending.delete(m.id);
      busy.set(worker, (busy.get(worker) ?? 1) - 1);
      if (m.type === 'done') p.resolve(m.result);
      else p.reject(Object.assign(new Error(m.message), { stack: m.stack }));
    });
    worker.on('error', (error) => breakPool(new Error(`calibration worker ${k} failed: ${error.message}`)));
    worker.on('exit', (code) => { if (!closing) breakPool(new Error(`calibration worker ${k} exited (code ${code})`)); });
  }
  return {
    size: workers,
    run(unit) {
      if (broken !== null) return Promise.reject(broken);
      let best: Worker | null = null;
      for (const [w, n] of busy) if (best === null || n < (busy.get(best) as number)) best = w;
      const worker = best as Worker;
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        busy.set(worker, (busy.get(worker) ?? 0) + 1);
        worker.postMessage({ type: 'unit', id, unit } satisfies ToCalibrationWorker);
      });
    },
    async close() {
      closing = true;
      await Promise.all([...busy.keys()].map((w) => w.terminate()));
    },
  };
}
