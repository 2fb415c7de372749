#!/usr/bin/env node
/**
 * The `counterpoise` executable (package.json "bin"): runs {@link runCli} on the process's
 * arguments and exits with its code. Everything else lives in the commands, loaded on demand.
 * @packageDocumentation
 */
import { packageVersion } from '../node/packageVersion.js';
import { runCli } from './runCli.js';
import { registerExpressionCompiler } from '../engine/expressionCompiler.js';
import { compileExpression } from '../scenario/expressions.js';

// Under this entry the engine compiles scenario expressions with mathjs at once (counterpoise/core
// loads it only when a scenario has expressions: src/engine/expressionCompiler.ts).
registerExpressionCompiler(compileExpression);

// `counterpoise explain … | head`: the reader went away; stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }, packageVersion)
  .then((code) => { process.exitCode = code; }, (error: unknown) => {
    process.stderr.write(`counterpoise: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
