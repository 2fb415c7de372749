/**
 * Runs the CLI in this process (runCli from the sources, no build needed): for checks of messages
 * and exit codes that need no child process.
 */
import { registerExpressionCompiler } from '../../src/engine/expressionCompiler.js';
import { runCli } from '../../src/cli/runCli.js';
import { compileExpression } from '../../src/scenario/expressions.js';
import type { CliResult } from './cliHarness.js';

registerExpressionCompiler(compileExpression);

/** `counterpoise ...args`, run by runCli in this process, colours off. */
export async function cliInProcess(args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (t: string) => { stdout += t; } },
    stderr: { write: (t: string) => { stderr += t; } },
    env: { NO_COLOR: '1' },
  }, () => '0.0.0-test');
  return { code, stdout, stderr };
}
