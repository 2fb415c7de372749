import type { ParseArgsConfig } from 'node:util';
import type { Terminal } from './Terminal.js';

/** The option definitions of a command, in node's util.parseArgs form. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments: the flags' values by name and the positionals. */
export interface CommandArgs {
  values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
  positionals: readonly string[];
}

/** One subcommand of the CLI: its flags, help text and what it does. */
export interface Command {
  name: string;
  /** The command's own flags (--help, --quiet and --debug are added to every command). */
  options: CommandOptions;
  /** The full --help text: usage, description, flags, examples. */
  help: string;
  /** Runs the command; returns the exit code. Throws for errors (runCli turns them into messages and codes). */
  run(args: CommandArgs, terminal: Terminal): Promise<number>;
}
