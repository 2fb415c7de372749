/**
 * A mistake in how the command was called: an unknown command or flag, a missing or malformed
 * argument. Exit code 2, with a hint to the command's --help.
 */
export class UsageError extends Error {
  /** The command whose usage to point to (none: the top-level usage). */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** Bad input that is not a usage mistake (an unknown state, a file that is not what it should be). Exit code 2. */
export class InputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
  }
}

/** The exit codes of every command (docs/cli.md). */
export const EXIT = {
  /** Success (validate: the file is valid). */
  ok: 0,
  /** The run failed: the simulation, a worker or writing the outputs went wrong. */
  runFailure: 1,
  /** Bad input or usage: unknown command or flag, bad value, missing or invalid file. */
  badInput: 2,
  /** A sweep stopped by Ctrl-C or SIGTERM after checkpointing (128 + SIGINT); `--resume` continues it. */
  interrupted: 130,
} as const;
