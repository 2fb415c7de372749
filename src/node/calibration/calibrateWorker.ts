/**
 * The worker thread of `counterpoise calibrate --workers N` (built as its own entry,
 * dist/calibrate-worker.js and .cjs): started with the calibration's unit context (traces, held
 * parameters, fit), it runs the units it is sent (profile intervals, folds) and posts their results
 * back. A unit that throws is reported as `failed` with its message; the worker stays up. @internal
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCalibrationUnit, type CalibrationUnitContext } from '../../calibration/calibrationUnits.js';
import type { FromCalibrationWorker, ToCalibrationWorker } from './calibrationPool.js';

const port = parentPort;
if (port === null) throw new Error('calibrate-worker must run as a worker thread');
const context = workerData as CalibrationUnitContext;
port.on('message', (message: ToCalibrationWorker) => {
  let reply: FromCalibrationWorker;
  try {
    reply = { type: 'done', id: message.id, result: runCalibrationUnit(message.unit, context) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { type: 'failed', id: message.id, message: e.message, stack: e.stack };
  }
  port.postMessage(reply);
});
