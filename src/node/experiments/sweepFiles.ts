import {
  closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeSync, writevSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson } from '../../experiments/canonicalJson.js';
import { ExperimentError } from '../../experiments/ExperimentError.js';
import { csvHeader, RowFormatter } from '../../experiments/formatRows.js';
import type { Shard, SweepFingerprint } from '../../experiments/planSweep.js';
import { PointSummarizer } from '../../experiments/summarizePoints.js';
import type { Cell, SweepLayout, TableName } from '../../experiments/tables.js';
import type { ScenarioMeta } from '../../model/ResolvedScenario.js';
import { packageVersion } from '../packageVersion.js';
import { readRows, type TextFormat } from './textRecords.js';
import { writeArrowFile } from './writeArrowFile.js';

/**
 * The files of a sweep's output directory and how they become durable (docs/experiments.md):
 *
 * - while it runs, each table is appended to `<table>.<format>.partial`, in run order;
 * - every few seconds the partial files are fsync'd and then `checkpoint.json` is replaced
 *   atomically (write, fsync, rename): it records how many runs are complete and the size of every
 *   partial file at that moment. Bytes beyond those sizes are from runs not yet checkpointed;
 * - `resume` truncates each partial file to its checkpointed size and goes on from the next run, so a
 *   sweep killed at any moment (even mid-write) ends with exactly the rows of an uninterrupted one;
 * - at the end the summary and the Arrow files are built from the text files, every file is renamed
 *   to its final name, and `manifest.json` is written last: only a directory with a manifest holds a
 *   complete sweep, and no file has its final name before it is complete.
 */

/** An output format: CSV, NDJSON, or Apache Arrow IPC (built at the end from a text format). */
export type OutputFormat = 'csv' | 'ndjson' | 'arrow';
/** Every output format, in the order files are listed. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'ndjson', 'arrow'];

/** What identifies a sweep's output directory: stored in the checkpoint and the manifest. */
export interface SweepMeta {
  readonly kind: 'counterpoise-sweep';
  readonly version: 1;
  /** The scenario's metadata (for reports). */
  readonly scenario: Pick<ScenarioMeta, 'id' | 'title' | 'description' | 'sources'>;
  readonly fingerprint: SweepFingerprint;
  /** The design as run: canonical paths, levels, baselines, Latin hypercube seed (compileDesign's `normalized`). */
  readonly design: unknown;
  /** The shard this directory holds, or null for the whole design. */
  readonly shard: Shard | null;
  /** Runs of the whole design. */
  readonly runs: number;
  /** Runs in this directory. */
  readonly shardRuns: number;
  readonly formats: readonly OutputFormat[];
  /** The tables' columns (merge builds Arrow files and summaries from them). */
  readonly layout: SweepLayout;
}

/** Row and byte counts of one output file. */
export interface FileInfo {
  readonly rows: number;
  readonly bytes: number;
}

/** `manifest.json`: written last, it marks a complete sweep. Deterministic (no times, no worker count). */
export interface SweepManifest extends SweepMeta {
  /** The counterpoise version that finished the sweep (as `run.json`'s `version`; `version` here is the manifest format). */
  readonly counterpoiseVersion: string;
  readonly complete: true;
  /** Every output file with its rows and bytes. */
  readonly files: Readonly<Record<string, FileInfo>>;
}

interface CheckpointData extends SweepMeta {
  readonly completed: number;
  readonly sizes: Readonly<Record<string, number>>;
  readonly rows: Readonly<Record<RunTable, number>>;
}

/** The tables runs append to. */
export type RunTable = 'runs' | 'ticks' | 'events';

/** The manifest's file name: written last, it marks a complete sweep. @internal */
export const MANIFEST = 'manifest.json';
/** The checkpoint's file name. @internal */
export const CHECKPOINT = 'checkpoint.json';
/** The lock file's name. @internal */
export const LOCK = 'sweep.lock';
/** The suffix of files still being written. @internal */
export const PARTIAL = '.partial';

/** The tables a sweep writes run rows to. @internal */
export function runTables(meta: Pick<SweepMeta, 'fingerprint'>): RunTable[] {
  return ['runs', ...(meta.fingerprint.tables.ticks ? ['ticks' as const] : []), ...(meta.fingerprint.tables.events ? ['events' as const] : [])];
}

/** The text formats written while the sweep runs. @internal */
export function textFormats(meta: Pick<SweepMeta, 'formats'>): TextFormat[] {
  return (['csv', 'ndjson'] as const).filter((f) => meta.formats.includes(f));
}

/** The text files runs append to, e.g. `runs.csv`. @internal */
export function dataFiles(meta: SweepMeta): string[] {
  return runTables(meta).flatMap((t) => textFormats(meta).map((f) => `${t}.${f}`));
}

/** Every name a sweep may create in its directory (for overwrite and cleanup). @internal */
export function allNames(): string[] {
  const names: string[] = [MANIFEST, CHECKPOINT, `${CHECKPOINT}.tmp`, `${MANIFEST}.tmp`];
  for (const t of ['runs', 'ticks', 'events', 'summary']) {
    for (const f of OUTPUT_FORMATS) names.push(`${t}.${f}`, `${t}.${f}${PARTIAL}`);
  }
  return names;
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch {
    // Not every platform can fsync a directory (Windows); renames are still atomic there.
  }
}

/** Writes a JSON file atomically: to a temporary name, fsync'd, then renamed over the target. @internal */
export function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

/** The identity of a sweep output: what resume and merge compare. */
function identity(meta: SweepMeta): string {
  return canonicalJson({ fingerprint: meta.fingerprint, shard: meta.shard, formats: meta.formats, layout: meta.layout });
}

/** What differs between two sweeps' metadata, in words (for resume and merge errors). @internal */
export function describeDifference(stored: SweepMeta, current: SweepMeta): string {
  const diffs: string[] = [];
  const a = stored.fingerprint as unknown as Record<string, unknown>;
  const b = current.fingerprint as unknown as Record<string, unknown>;
  for (const key of Object.keys(b)) if (canonicalJson(a[key] ?? null) !== canonicalJson(b[key] ?? null)) diffs.push(key);
  if (canonicalJson(stored.shard) !== canonicalJson(current.shard)) diffs.push('shard');
  if (canonicalJson(stored.formats) !== canonicalJson(current.formats)) diffs.push('formats');
  if (diffs.length === 0 && canonicalJson(stored.layout) !== canonicalJson(current.layout)) diffs.push('columns');
  return diffs.length === 0 ? 'nothing visible' : diffs.join(', ');
}

function isMeta(value: unknown): value is SweepMeta {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'counterpoise-sweep';
}

/** Reads a complete sweep's manifest, or null when the directory holds none. @internal */
export function readManifest(dir: string): SweepManifest | null {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) return null;
  const m = readJson(file);
  if (!isMeta(m) || (m as { complete?: unknown }).complete !== true) {
    throw new ExperimentError('resume-mismatch', [{ path: file, message: 'not a counterpoise sweep manifest' }]);
  }
  return m as SweepManifest;
}

/**
 * Takes a sweep directory's lock (`sweep.lock`: pid and host); a lock left by a dead process on this
 * host is taken over. Returns the function that releases it. @internal
 */
export function lockDirectory(dir: string): () => void {
  const file = path.join(dir, LOCK);
  const me = { pid: process.pid, host: os.hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: { pid?: number; host?: string } = {};
      try { owner = readJson(file) as typeof owner; } catch { /* half-written: treat as stale */ }
      let alive = false;
      if (owner.host === me.host && typeof owner.pid === 'number') {
        try { process.kill(owner.pid, 0); alive = true; } catch (e) { alive = (e as NodeJS.ErrnoException).code === 'EPERM'; }
      } else if (owner.host !== undefined && owner.host !== me.host) {
        throw new ExperimentError('output-exists', [{
          path: file, message: `the directory is in use by process ${owner.pid} on ${owner.host}; if that process is gone, delete ${LOCK}`,
        }]);
      }
      if (alive) throw new ExperimentError('output-exists', [{ path: file, message: `another sweep (process ${owner.pid}) is writing to this directory` }]);
      rmSync(file, { force: true });
    }
  }
  throw new ExperimentError('output-exists', [{ path: file, message: 'could not take the directory lock' }]);
}

/** Options of {@link SweepStore.open}. @internal */
export interface OpenOptions {
  resume: boolean;
  overwrite: boolean;
}

interface OpenFile {
  fd: number;
  size: number;
  pending: Uint8Array[];
}

/** Appended rows are written to the files when this many bytes are pending (memory stays bounded). */
const FLUSH_BYTES = 1 << 22;

/**
 * A sweep's output directory while the sweep runs: appends runs' rows in order, checkpoints,
 * resumes, and finalises. Not safe for two processes at once (a lock file guards it). @internal
 */
export class SweepStore {
  private readonly files = new Map<string, OpenFile>();
  private readonly rows: Record<RunTable, number>;
  private pendingBytes = 0;
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly meta: SweepMeta,
    /** Runs of this directory already complete and durable (resumed), in shard order. */
    readonly completed: number,
    sizes: Readonly<Record<string, number>> | null,
    rows: Readonly<Record<RunTable, number>> | null,
    private readonly unlock: () => void,
  ) {
    this.rows = { runs: rows?.runs ?? 0, ticks: rows?.ticks ?? 0, events: rows?.events ?? 0 };
    for (const name of dataFiles(meta)) {
      const file = path.join(dir, name + PARTIAL);
      if (sizes === null) {
        const fd = openSync(file, 'w');
        const table = name.slice(0, name.indexOf('.')) as RunTable;
        const header = name.endsWith('.csv') ? csvHeader(meta.layout[table]) : '';
        const size = header === '' ? 0 : writeSync(fd, header);
        this.files.set(name, { fd, size, pending: [] });
      } else {
        truncateSync(file, sizes[name]);
        this.files.set(name, { fd: openSync(file, 'a'), size: sizes[name], pending: [] });
      }
    }
    if (sizes === null) this.checkpoint(0);
  }

  /**
   * Opens a sweep's output directory: a new sweep (the directory is created), a resumed one (the
   * partial files are cut back to the last checkpoint), or one already complete (returned as its
   * manifest, nothing to do).
   *
   * @throws ExperimentError `output-exists` when the directory holds a sweep and neither resume nor
   *   overwrite was asked; `resume-mismatch` when it holds a different sweep or damaged files.
   */
  static open(dir: string, meta: SweepMeta, options: OpenOptions): SweepStore | SweepManifest {
    mkdirSync(dir, { recursive: true });
    const unlock = lockDirectory(dir);
    try {
      const has = (name: string) => existsSync(path.join(dir, name));
      const ours = allNames().filter((n) => n !== MANIFEST && has(n));
      const manifest = readManifest(dir);
      if (options.overwrite) {
        for (const name of allNames()) rmSync(path.join(dir, name), { force: true });
        return new SweepStore(dir, meta, 0, null, null, unlock);
      }
      if (manifest !== null) {
        if (!options.resume) {
          throw new ExperimentError('output-exists', [{ path: dir, message: 'holds a complete sweep; choose another directory, or pass overwrite (or resume, to check it is the same sweep)' }]);
        }
        if (identity(manifest) !== identity(meta)) {
          throw new ExperimentError('resume-mismatch', [{ path: path.join(dir, MANIFEST), message: `holds a different sweep (differs in: ${describeDifference(manifest, meta)})` }]);
        }
        // Killed after the manifest was written but before the last clean-up: finish the clean-up.
        for (const name of allNames()) if (name === CHECKPOINT || name.endsWith(PARTIAL) || name.endsWith('.tmp')) rmSync(path.join(dir, name), { force: true });
        unlock();
        return manifest;
      }
      const checkpointFile = path.join(dir, CHECKPOINT);
      if (!existsSync(checkpointFile)) {
        if (ours.length > 0 && !options.resume) {
          throw new ExperimentError('output-exists', [{ path: dir, message: `holds files of an unfinished sweep (${ours.slice(0, 3).join(', ')}); pass resume to continue it, or overwrite` }]);
        }
        // Killed before its first checkpoint (or nothing there): start from scratch.
        for (const name of allNames()) rmSync(path.join(dir, name), { force: true });
        return new SweepStore(dir, meta, 0, null, null, unlock);
      }
      if (!options.resume) {
        throw new ExperimentError('output-exists', [{ path: dir, message: 'holds an unfinished sweep; pass resume to continue it, or overwrite to start again' }]);
      }
      const cp = readJson(checkpointFile) as CheckpointData;
      if (!isMeta(cp) || identity(cp) !== identity(meta)) {
        throw new ExperimentError('resume-mismatch', [{
          path: checkpointFile,
          message: isMeta(cp) ? `the unfinished sweep there differs from this one in: ${describeDifference(cp, meta)}; resume it with the same scenario, design and options, or start again with overwrite` : 'not a counterpoise checkpoint',
        }]);
      }
      for (const name of dataFiles(meta)) {
        const partial = path.join(dir, name + PARTIAL);
        const final = path.join(dir, name);
        // Interrupted while finishing: a file already renamed goes back to its partial name.
        if (!existsSync(partial) && existsSync(final)) renameSync(final, partial);
        if (!existsSync(partial)) throw new ExperimentError('resume-mismatch', [{ path: partial, message: 'missing: cannot resume (start again with overwrite)' }]);
        const size = statSync(partial).size;
        if (size < cp.sizes[name]) {
          throw new ExperimentError('resume-mismatch', [{ path: partial, message: `shorter (${size} bytes) than its checkpoint (${cp.sizes[name]}): the file was damaged; start again with overwrite` }]);
        }
      }
      // Derived files are rebuilt at the end.
      for (const name of allNames()) {
        if (name === CHECKPOINT || dataFiles(meta).some((d) => name === d || name === d + PARTIAL)) continue;
        rmSync(path.join(dir, name), { force: true });
      }
      return new SweepStore(dir, meta, cp.completed, cp.sizes, cp.rows, unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** Appends a run's rows, UTF-8 encoded, per file (buffered; written in order). */
  append(chunks: Readonly<Record<string, Uint8Array | undefined>>, rows: Readonly<Record<RunTable, number>>): void {
    for (const [name, file] of this.files) {
      const bytes = chunks[name];
      if (bytes === undefined || bytes.byteLength === 0) continue;
      file.pending.push(bytes);
      this.pendingBytes += bytes.byteLength;
    }
    for (const t of ['runs', 'ticks', 'events'] as const) this.rows[t] += rows[t];
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    for (const file of this.files.values()) {
      let list = file.pending;
      file.pending = [];
      while (list.length > 0) {
        // writev may write less than asked: go on from where it stopped.
        let written = writevSync(file.fd, list.slice(0, 1024));
        file.size += written;
        const rest: Uint8Array[] = [];
        for (const b of list) {
          if (written >= b.byteLength) { written -= b.byteLength; continue; }
          rest.push(written > 0 ? b.subarray(written) : b);
          written = 0;
        }
        list = rest;
      }
    }
    this.pendingBytes = 0;
  }

  /**
   * Makes the first `completed` runs durable: writes what is buffered, fsyncs every partial file,
   * then atomically replaces checkpoint.json with their sizes.
   */
  checkpoint(completed: number): void {
    this.flush();
    const sizes: Record<string, number> = {};
    for (const [name, file] of this.files) {
      fsyncSync(file.fd);
      sizes[name] = file.size;
    }
    const data: CheckpointData = { ...this.meta, completed, sizes, rows: { ...this.rows } };
    writeJsonAtomic(path.join(this.dir, CHECKPOINT), data);
  }

  /** Rows written so far per table. */
  get rowCounts(): Readonly<Record<RunTable, number>> {
    return this.rows;
  }

  /**
   * Finishes the sweep: checkpoints, builds the summary (unless this is a shard) and the Arrow files,
   * renames everything to its final name and writes the manifest.
   */
  async finish(completed: number, onPhase?: (what: string) => void): Promise<SweepManifest> {
    this.checkpoint(completed);
    this.closeFiles();
    try {
      const manifest = await finalizeOutput(this.dir, this.meta, this.rows, { summary: this.meta.shard === null, onPhase });
      rmSync(path.join(this.dir, CHECKPOINT), { force: true });
      fsyncDir(this.dir);
      return manifest;
    } finally {
      this.release();
    }
  }

  private closeFiles(): void {
    for (const file of this.files.values()) closeSync(file.fd);
    this.files.clear();
  }

  /** Closes the files and releases the lock, without finishing (after an error or an abort). */
  release(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeFiles();
    this.unlock();
  }
}

/**
 * Turns complete partial text files into a finished output: summary table (when asked), Arrow files
 * (when asked), renames, manifest. Used by a sweep's end and by merge. @internal
 */
export async function finalizeOutput(
  dir: string, meta: SweepMeta, rows: Readonly<Record<RunTable, number>>,
  options: { summary: boolean; onPhase?: (what: string) => void },
): Promise<SweepManifest> {
  const text = textFormats(meta);
  // CSV when written (it parses faster than NDJSON and keeps ±Inf, which JSON cannot).
  const source = text.includes('csv') ? 'csv' : 'ndjson';
  const partial = (name: string) => path.join(dir, name + PARTIAL);
  const counts: Partial<Record<TableName, number>> = { ...rows };
  const tables: TableName[] = [...runTables(meta)];

  if (options.summary) {
    options.onPhase?.('summary');
    counts.summary = await writeSummary(partial(`runs.${source}`), source, meta, dir);
    tables.push('summary');
  }
  if (meta.formats.includes('arrow')) {
    for (const t of tables) {
      options.onPhase?.(`${t}.arrow`);
      await writeArrowFile(readRows(partial(`${t}.${source}`), source, meta.layout[t]), meta.layout[t], partial(`${t}.arrow`));
    }
  }
  const files: Record<string, FileInfo> = {};
  for (const t of tables) {
    for (const f of meta.formats) {
      const name = `${t}.${f}`;
      const from = partial(name);
      files[name] = { rows: counts[t] ?? 0, bytes: statSync(from).size };
    }
  }
  for (const name of Object.keys(files)) renameSync(partial(name), path.join(dir, name));
  fsyncDir(dir);
  // The library version right after the format version.
  const { kind, version, ...rest } = meta;
  const manifest: SweepManifest = { kind, version, counterpoiseVersion: packageVersion(), ...rest, complete: true, files };
  writeJsonAtomic(path.join(dir, MANIFEST), manifest);
  return manifest;
}

/** Writes summary.<text formats>.partial from the runs table; returns its row count. */
async function writeSummary(runsFile: string, format: TextFormat, meta: SweepMeta, dir: string): Promise<number> {
  const { layout } = meta;
  const metricNames = layout.metrics.map((c) => c.name);
  const paramColumns = layout.key.slice(4);
  const firstMetric = layout.key.length;
  const summarizer = new PointSummarizer(metricNames);
  const formatter = new RowFormatter(layout.summary, []);
  const outputs = textFormats(meta).map((f) => {
    const fd = openSync(path.join(dir, `summary.${f}${PARTIAL}`), 'w');
    if (f === 'csv') writeSync(fd, csvHeader(layout.summary));
    return { f, fd, pending: [] as string[] };
  });
  let count = 0;
  const emit = (done: ReturnType<PointSummarizer['flush']>): void => {
    for (const r of done) {
      const cells: Cell[] = [r.point, ...paramColumns.map((c) => r.values[c.name] ?? null), r.metric, r.n, r.mean, r.sd, r.ciLow, r.ciHigh];
      for (const o of outputs) o.pending.push(o.f === 'csv' ? formatter.csv(cells) : formatter.ndjson(cells));
      count++;
    }
    for (const o of outputs) {
      if (o.pending.length > 1000) { writeSync(o.fd, o.pending.join('')); o.pending = []; }
    }
  };
  try {
    for await (const row of readRows(runsFile, format, layout.runs)) {
      const values: Record<string, Cell> = {};
      paramColumns.forEach((c, k) => { values[c.name] = row[4 + k]; });
      const metrics: Record<string, number | null> = {};
      metricNames.forEach((m, k) => { metrics[m] = row[firstMetric + k] as number | null; });
      emit(summarizer.add(row[1] as number, values as Record<string, number | boolean | string>, metrics));
    }
    emit(summarizer.flush());
    for (const o of outputs) {
      if (o.pending.length > 0) writeSync(o.fd, o.pending.join(''));
      fsyncSync(o.fd);
    }
  } finally {
    for (const o of outputs) closeSync(o.fd);
  }
  return count;
}

/** Builds a SweepMeta, its fields always in the same order (the manifest's bytes depend on it). @internal */
export function sweepMeta(m: Omit<SweepMeta, 'kind' | 'version'>): SweepMeta {
  const { id, title, description, sources } = m.scenario;
  return {
    kind: 'counterpoise-sweep', version: 1, scenario: { id, title, description, sources: [...sources] }, fingerprint: m.fingerprint,
    design: m.design, shard: m.shard === null ? null : { index: m.shard.index, count: m.shard.count }, runs: m.runs,
    shardRuns: m.shardRuns, formats: OUTPUT_FORMATS.filter((f) => m.formats.includes(f)), layout: m.layout,
  };
}
