import { DataError } from '../data/DataError.js';
import { WorldChangeError } from '../engine/applyChange.js';
import { ReportError } from '../report/ReportError.js';
import { rewordMissingField } from '../scenario/missingFieldWords.js';
import { formatIssue, ScenarioError } from '../scenario/ScenarioError.js';
import { EXIT, InputError, UsageError } from './CliError.js';

/** How an error is shown: the lines for stderr and the exit code. */
export interface ErrorReport {
  lines: string[];
  code: number;
  /** Whether to add the hint to run the command's --help. */
  usageHint: string | null;
  /** Whether to start each line with "counterpoise:" (not for file:line:column lines, which editors read as they are). */
  prefix: boolean;
  /** Whether to add the hint to run again with --debug (default: for run failures). */
  debugHint?: boolean;
}

/**
 * Turns an error into what the user sees: one clear line (one per problem for a scenario), no
 * stack trace, and the exit code of docs/cli.md. Errors of the experiments layer are recognised by
 * name, so this module does not load that layer.
 */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof UsageError) {
    return { lines: [error.message], code: EXIT.badInput, usageHint: error.command ?? '', prefix: true };
  }
  if (error instanceof ScenarioError) {
    // One problem with the file as a whole (it cannot be read, an unknown bundled name): one plain line.
    if (error.issues.length === 1 && error.issues[0].path.length === 0 && error.issues[0].line === undefined) {
      const i = error.issues[0];
      return { lines: [`${i.file === undefined ? '' : `${i.file}: `}${i.message}`], code: EXIT.badInput, usageHint: null, prefix: true };
    }
    return { lines: error.issues.map((i) => formatIssue(i)), code: EXIT.badInput, usageHint: null, prefix: false };
  }
  if (error instanceof InputError || error instanceof ReportError || error instanceof DataError) {
    return { lines: [error.message], code: EXIT.badInput, usageHint: null, prefix: true };
  }
  if (error instanceof Error && error.name === 'ExperimentError') {
    const e = error as Error & { code?: string; issues?: readonly { path: string; message: string; point?: number }[] };
    // A field's problem is `field.path  message`, as validate's; a folder's or a file's (output-exists,
    // resume-mismatch, merge, run-failed, aborted) is prose: `out/x: holds a complete sweep; …`.
    const prose = (i: { path: string; message: string }): boolean => (e.code !== 'spec' && e.code !== 'design')
      || (!i.path.includes(': ') && /[\\/]|\.(ya?ml|json)$/i.test(i.path)) || i.message.startsWith('no such design file');
    const lines = (e.issues ?? []).map((i) => `${i.path}${i.point === undefined ? '' : ` (point ${i.point})`}${prose(i) ? ': ' : '  '}${cliWords(rewordMissingField(i.message))}`);
    const code = e.code === 'aborted' ? EXIT.interrupted : e.code === 'run-failed' ? EXIT.runFailure : EXIT.badInput;
    return { lines: lines.length > 0 ? lines : [e.message], code, usageHint: null, prefix: true };
  }
  if (error instanceof Error && error.name === 'CalibrationError') {
    // A calibration spec that cannot be run: one line per problem. Problems at a position in the
    // spec file are `file:line:column  field.path  message` lines in file order, as validate's.
    // (The YAML parser's message repeats the position: `… at line 3, column 1:`.)
    const lines = error.message.split('\n').map((l) => l.replace(/ at line \d+, column \d+:?$/, ''));
    const positions = lines.map(positionOf);
    if (positions.every((p) => p !== null)) {
      const order = lines.map((line, i) => ({ line, at: positions[i] as [number, number], i }));
      order.sort((x, y) => x.at[0] - y.at[0] || x.at[1] - y.at[1] || x.i - y.i);
      return { lines: order.map((o) => o.line), code: EXIT.badInput, usageHint: null, prefix: false };
    }
    // A problem with the spec file as a whole (it cannot be read): `file: message`, as validate's.
    return { lines: lines.map((l) => l.replace(/^(.+?) {2}\(spec\) {2}/, '$1: ')), code: EXIT.badInput, usageHint: null, prefix: true };
  }
  if (error instanceof Error && error.name === 'OutputWriteError') {
    // A failed write (a full disk, no permission): one line, nothing to debug in the program.
    return { lines: [error.message], code: EXIT.runFailure, usageHint: null, prefix: true, debugHint: false };
  }
  if (error instanceof Error && error.name === 'MissingPackageError') {
    // An optional package (vega…, apache-arrow) is not installed: its name and the npm command, one line.
    return { lines: [error.message], code: EXIT.runFailure, usageHint: null, prefix: true, debugHint: false };
  }
  if (error instanceof WorldChangeError) {
    return { lines: [`run failed: ${error.message}`], code: EXIT.runFailure, usageHint: null, prefix: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    // A file-system error (EACCES, ENOSPC, …) while writing outputs.
    return { lines: [`run failed: ${message}`], code: EXIT.runFailure, usageHint: null, prefix: true };
  }
  return { lines: [`run failed: ${message.split('\n')[0]}`], code: EXIT.runFailure, usageHint: null, prefix: true };
}

/** The line and column of a `file:line:column  …` line (null for another line). */
function positionOf(line: string): [number, number] | null {
  const m = /^.+?:(\d+):(\d+) {2}/.exec(line);
  return m === null ? null : [Number(m[1]), Number(m[2])];
}

/**
 * The experiments' messages name their options as the library has them (`pass overwrite`, `resume to
 * continue`); on the command line they are flags (`pass --overwrite`, `--resume to continue`).
 */
function cliWords(message: string): string {
  return message
    .replace(/\b(pass|or|with) (overwrite|resume)\b(?!-)/g, '$1 --$2')
    .replace(/; resume to continue/g, '; run again with --resume to continue');
}
