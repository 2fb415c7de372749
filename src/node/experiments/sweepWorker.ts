/**
 * The worker thread of a sweep (built as its own entry, dist/sweep-worker.js and .cjs): receives
 * run specs, runs them with RunExecutor and posts their formatted rows back. A run that throws is
 * reported as `failed` with its message; the worker stays up. @internal
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RunExecutor } from './executeRun.js';
import type { FromWorker, ToWorker, WorkerInit } from './workerProtocol.js';
import { registerExpressionCompiler } from '../../engine/expressionCompiler.js';
import { compileExpression } from '../../scenario/expressions.js';

// Under this entry the engine compiles scenario expressions with mathjs at once (counterpoise/core
// loads it only when a scenario has expressions: src/engine/expressionCompiler.ts).
registerExpressionCompiler(compileExpression);

const port = parentPort;
if (port === null) throw new Error('sweep-worker must run as a worker thread');
const executor = new RunExecutor(workerData as WorkerInit);
port.on('message', (message: ToWorker) => {
  let reply: FromWorker;
  let transfer: ArrayBuffer[] = [];
  try {
    const output = executor.execute(message.spec);
    reply = { type: 'done', output };
    // The encoded rows move to the main thread without a copy.
    transfer = Object.values(output.chunks).map((c) => c.buffer as ArrayBuffer);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { type: 'failed', run: message.spec.run, message: e.message, stack: e.stack };
  }
  port.postMessage(reply, transfer);
});
