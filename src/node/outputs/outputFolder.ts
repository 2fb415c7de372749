import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ExperimentError } from '../../experiments/ExperimentError.js';

/** Names `counterpoise run` may leave in its folder besides the files run.json lists. */
const REPORT_NAMES = new Set(['report.html', 'figures']);

/** What a folder holds, as {@link inspectRunTarget} sees it. */
export type RunTargetState =
  /** Missing or empty: nothing to lose. */
  | { kind: 'empty' }
  /** Holds exactly an earlier run's outputs (run.json and what it lists, a report): may be replaced. */
  | { kind: 'run' }
  /** Holds a sweep (manifest.json of kind counterpoise-sweep, or its unfinished files) and no run.json. */
  | { kind: 'sweep' }
  /** Holds files `counterpoise run` did not write (listed, at most a few). */
  | { kind: 'foreign'; names: string[] }
  /** Exists but is not a folder. */
  | { kind: 'not-a-folder' };

function readJsonOrNull(file: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? value as Record<string, unknown> : null;
  } catch {
    return null;
  }
}

/**
 * What an output folder holds, to decide whether `run` may replace it: nothing, an earlier run's
 * outputs only (run.json of kind `counterpoise-run`, the files it lists, report.html, figures/),
 * a sweep, or anything else. @internal
 */
export function inspectRunTarget(dir: string): RunTargetState {
  if (!existsSync(dir)) return { kind: 'empty' };
  if (!lstatSync(dir).isDirectory()) return { kind: 'not-a-folder' };
  const names = readdirSync(dir).sort();
  if (names.length === 0) return { kind: 'empty' };
  const run = names.includes('run.json') ? readJsonOrNull(path.join(dir, 'run.json')) : null;
  if (run === null || run.kind !== 'counterpoise-run') {
    const manifest = names.includes('manifest.json') ? readJsonOrNull(path.join(dir, 'manifest.json')) : null;
    const sweepFiles = ['checkpoint.json', 'sweep.lock'];
    if (manifest?.kind === 'counterpoise-sweep' || names.some((n) => sweepFiles.includes(n) || n.endsWith('.partial'))) return { kind: 'sweep' };
    return { kind: 'foreign', names };
  }
  const listed = new Set(Array.isArray(run.files) ? (run.files as { name?: unknown }[]).map((f) => String(f.name)) : []);
  listed.add('run.json');
  const foreign = names.filter((n) => !listed.has(n) && !REPORT_NAMES.has(n));
  if (names.includes('figures')) {
    const figures = path.join(dir, 'figures');
    if (!lstatSync(figures).isDirectory()) foreign.push('figures');
    else foreign.push(...readdirSync(figures).filter((n) => !n.endsWith('.svg')).map((n) => `figures/${n}`));
  }
  return foreign.length > 0 ? { kind: 'foreign', names: foreign } : { kind: 'run' };
}

/**
 * Checks that `run` may write its outputs to `dir`: a missing or empty folder, or one holding only an
 * earlier run's outputs (replaced as a whole), unless `overwrite` is given (the folder is then
 * replaced whatever it holds).
 *
 * @throws ExperimentError `output-exists` (CLI exit 2) naming the folder and what it holds, when it
 *   holds a sweep or files `counterpoise run` did not write.
 */
export function assertRunTarget(dir: string, overwrite: boolean): void {
  const state = inspectRunTarget(dir);
  const refuse = (message: string): never => { throw new ExperimentError('output-exists', [{ path: dir, message }]); };
  if (state.kind === 'not-a-folder') refuse('exists and is not a folder; choose another --out');
  if (overwrite || state.kind === 'empty' || state.kind === 'run') return;
  const advice = 'pass --overwrite to replace it, or choose another --out';
  if (state.kind === 'sweep') refuse(`holds a sweep; ${advice}`);
  const names = state.kind === 'foreign' ? state.names : [];
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? `, … (${names.length} in all)` : '');
  refuse(`holds files counterpoise run did not write (${shown}); ${advice}`);
}

/**
 * The default output folder of a scenario, `out/<id>`, refused when the id would lead outside `out/`
 * (`..`, a path separator, an absolute path): a defensive check behind the schema's.
 *
 * @throws ExperimentError `output-exists` (CLI exit 2).
 */
export function defaultRunFolder(id: string, root = 'out'): string {
  const dir = path.join(root, id);
  const relative = path.relative(root, dir);
  if (id === '' || relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || relative.includes(path.sep) || id.includes('/') || id.includes('\\')) {
    throw new ExperimentError('output-exists', [{ path: 'meta.id', message: `${JSON.stringify(id)} is not a safe folder name under ${root}/; give the output folder with --out` }]);
  }
  return dir;
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch {
    // Not every platform can fsync a folder (Windows); renames are still atomic there.
  }
}

/**
 * A folder built beside its final place and swapped in when complete: the outputs of a run are
 * written into `.<name>.partial-<pid>` next to `dir`, and only {@link StagedFolder.commit} puts them
 * in place (the earlier folder is renamed aside, the new one renamed in, the earlier one deleted).
 * A run that fails leaves the earlier folder as it was; {@link StagedFolder.discard} deletes the
 * unfinished one. @internal
 */
export class StagedFolder {
  /** Where the outputs are written until commit. */
  readonly path: string;
  private readonly old: string;

  constructor(readonly dir: string) {
    const parent = path.dirname(path.resolve(dir));
    const base = path.basename(path.resolve(dir));
    this.path = path.join(parent, `.${base}.partial-${process.pid}`);
    this.old = path.join(parent, `.${base}.old-${process.pid}`);
    mkdirSync(parent, { recursive: true });
    rmSync(this.path, { recursive: true, force: true });
    mkdirSync(this.path);
  }

  /** Puts the staged folder in place of `dir` (which then holds exactly the new outputs). */
  commit(): void {
    fsyncDir(this.path);
    rmSync(this.old, { recursive: true, force: true });
    const replacing = existsSync(this.dir);
    if (replacing) renameSync(this.dir, this.old);
    try {
      renameSync(this.path, this.dir);
    } catch (error) {
      if (replacing) renameSync(this.old, this.dir);
      throw error;
    }
    fsyncDir(path.dirname(path.resolve(this.dir)));
    if (replacing) rmSync(this.old, { recursive: true, force: true });
  }

  /** Deletes the staged folder (after a failure). */
  discard(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
