/** Where a command writes, and how: colours on or off, quiet or not. */
export interface TerminalStreams {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;

/** A style name of {@link Terminal.style}. */
export type Style = keyof typeof CODES;

/**
 * Colours follow the conventions of no-color.org and FORCE_COLOR: off when `NO_COLOR` is set to
 * anything non-empty (it wins over everything), on when `FORCE_COLOR` is set and not `0`, else on
 * only for a terminal (TTY) whose `TERM` is not `dumb`.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** The CLI's only way to print: results on stdout, diagnostics on stderr, `--quiet` honoured. */
export class Terminal {
  /** Whether normal output is suppressed (--quiet). Errors are never suppressed. */
  quiet = false;
  private readonly outColor: boolean;
  private readonly errColor: boolean;

  constructor(private readonly streams: TerminalStreams) {
    this.outColor = colorEnabled(streams.stdout, streams.env);
    this.errColor = colorEnabled(streams.stderr, streams.env);
  }

  /** The stream for progress displays (stderr). */
  get progressStream(): TerminalStreams['stderr'] { return this.streams.stderr; }

  /** The environment the CLI runs in. */
  get env(): Readonly<Record<string, string | undefined>> { return this.streams.env; }

  /** Styles text for stdout (no escape codes when colours are off). */
  style(style: Style, text: string): string {
    return this.outColor ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text;
  }

  /** Styles text for stderr. */
  errStyle(style: Style, text: string): string {
    return this.errColor ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text;
  }

  /** A result line on stdout (suppressed by --quiet). */
  info(line = ''): void {
    if (!this.quiet) this.streams.stdout.write(`${line}\n`);
  }

  /** A line on stdout that --quiet does not suppress (what the command was asked for: list, explain, help). */
  print(line = ''): void {
    this.streams.stdout.write(`${line}\n`);
  }

  /** A line on stderr (never suppressed). */
  error(line: string): void {
    this.streams.stderr.write(`${line}\n`);
  }

  /** A progress note on stderr (suppressed by --quiet). */
  note(line: string): void {
    if (!this.quiet) this.streams.stderr.write(`${line}\n`);
  }
}
