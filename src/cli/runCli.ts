import { EXIT, UsageError } from './CliError.js';
import type { Command } from './Command.js';
import { closestNames } from './closestNames.js';
import { COMMANDS } from './commands.js';
import { describeError } from './describeError.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { Terminal, type TerminalStreams } from './Terminal.js';
import { usage } from './usage.js';

/** The stack of an error and of its causes, for --debug. */
function stackOf(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    parts.push(e instanceof Error ? e.stack ?? `${e.name}: ${e.message}` : String(e));
    e = e instanceof Error ? e.cause : undefined;
    if (e !== undefined) parts.push('Caused by:');
  }
  return parts.join('\n');
}

/**
 * The command line: `counterpoise <command> [arguments] [options]`. Returns the exit code (0
 * success, 1 run failure, 2 bad input or usage); everything it prints goes through `streams`.
 */
export async function runCli(argv: readonly string[], streams: TerminalStreams, version: () => string): Promise<number> {
  const terminal = new Terminal(streams);
  const debug = argv.includes('--debug');
  terminal.quiet = argv.includes('--quiet') || argv.includes('-q');
  let command: Command | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      if (first === 'help' && rest[0] !== undefined) return await runCli([rest[0], '--help'], streams, version);
      terminal.print(usage());
      return EXIT.ok;
    }
    if (first === '--version' || first === '-V' || first === 'version') {
      terminal.print(version());
      return EXIT.ok;
    }
    if (first.startsWith('-')) {
      const global = new Set(['--quiet', '-q', '--debug']);
      if (global.has(first)) return await runCli([...rest, first], streams, version);
      throw new UsageError(`unknown option ${first} (options go after the command)`);
    }
    const entry = COMMANDS.find((c) => c.name === first);
    if (entry === undefined) {
      const close = closestNames(first, COMMANDS.map((c) => c.name));
      throw new UsageError(`unknown command "${first}"${close.length > 0 ? ` (did you mean ${close.join(' or ')}?)` : ''}`);
    }
    command = await entry.load();
    const args = parseCommandArgs(command.name, rest, command.options);
    if (args.values.help === true) {
      terminal.print(command.help);
      return EXIT.ok;
    }
    return await command.run(args, terminal);
  } catch (error) {
    const report = describeError(error);
    const prefix = terminal.errStyle('red', 'counterpoise:');
    for (const line of report.lines) terminal.error(report.prefix ? `${prefix} ${line}` : line);
    if (report.usageHint !== null) {
      terminal.error(report.usageHint === '' ? 'Run "counterpoise --help" for usage.' : `Run "counterpoise ${report.usageHint} --help" for usage.`);
    }
    if (debug) terminal.error(stackOf(error));
    else if (report.code === EXIT.runFailure && report.debugHint !== false) terminal.error('(run again with --debug to see the stack trace)');
    return report.code;
  }
}
