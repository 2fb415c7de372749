import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../../experiments/canonicalJson.js';
import { ExperimentError, type ExperimentIssue } from '../../experiments/ExperimentError.js';
import {
  allNames, describeDifference, finalizeOutput, lockDirectory, MANIFEST, PARTIAL, readManifest, runTables, sweepMeta, textFormats,
  type RunTable, type SweepManifest,
} from './sweepFiles.js';
import { readRecords, runOfRecord, type TextFormat } from './textRecords.js';

/** Options of {@link mergeShards}. */
export interface MergeOptions {
  /** Replace a sweep already in the output directory. */
  overwrite?: boolean;
  /** Called with what is being merged or built (e.g. `ticks.csv`, `summary`, `ticks.arrow`). */
  onPhase?: (what: string) => void;
}

/**
 * Merges the outputs of the shards of one sweep (`shard: "i/n"` for every i of one n, each complete)
 * into the output of the whole sweep: every table in run order, then the summary and the Arrow files
 * as an unsharded sweep builds them. The result is byte for byte the unsharded sweep's output,
 * manifest included. Streaming: memory holds one record per shard.
 *
 * Shard i holds runs i, i + n, i + 2n, …, so run r comes from shard r mod n: the merge reads each
 * shard's files in order and takes the next run from the shard that has it.
 *
 * @param shardDirs the shards' output directories, in any order.
 * @param out the merged output directory (created if needed).
 * @throws ExperimentError (code `merge`) naming every missing, duplicated, unfinished or mismatched shard.
 */
export async function mergeShards(shardDirs: readonly string[], out: string, options: MergeOptions = {}): Promise<SweepManifest> {
  const issues: ExperimentIssue[] = [];
  if (shardDirs.length === 0) throw new ExperimentError('merge', [{ path: 'shards', message: 'no shard directories given' }]);
  const manifests: SweepManifest[] = [];
  for (const dir of shardDirs) {
    let m: SweepManifest | null = null;
    try {
      m = readManifest(dir);
    } catch (error) {
      if (error instanceof ExperimentError) issues.push(...error.issues); else throw error;
      continue;
    }
    if (m === null) {
      const unfinished = existsSync(path.join(dir, 'checkpoint.json'));
      issues.push({ path: dir, message: unfinished ? 'unfinished shard: resume it first' : 'no manifest.json: not the output of a finished sweep' });
      continue;
    }
    if (m.shard === null) issues.push({ path: dir, message: 'not a shard (the output of a whole sweep)' });
    manifests.push(m);
  }
  if (issues.length > 0) throw new ExperimentError('merge', issues);
  const first = manifests[0];
  const count = first.shard?.count ?? 1;
  const byIndex = new Map<number, { dir: string; manifest: SweepManifest }>();
  manifests.forEach((m, k) => {
    const dir = shardDirs[k];
    const same = canonicalJson({ f: m.fingerprint, formats: m.formats, layout: m.layout }) === canonicalJson({ f: first.fingerprint, formats: first.formats, layout: first.layout });
    if (!same) issues.push({ path: dir, message: `a shard of a different sweep than ${shardDirs[0]} (differs in: ${describeDifference(m, { ...first, shard: m.shard })})` });
    else if (m.shard?.count !== count) issues.push({ path: dir, message: `shard ${m.shard?.index}/${m.shard?.count}, but ${shardDirs[0]} is one of ${count}` });
    else if (byIndex.has(m.shard.index)) issues.push({ path: dir, message: `shard ${m.shard.index}/${count} is also ${byIndex.get(m.shard.index)?.dir}` });
    else byIndex.set(m.shard.index, { dir, manifest: m });
  });
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0 && issues.length === 0) {
    issues.push({ path: 'shards', message: `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}` });
  }
  if (issues.length > 0) throw new ExperimentError('merge', issues);
  const shards = Array.from({ length: count }, (_, i) => byIndex.get(i) as { dir: string; manifest: SweepManifest });

  mkdirSync(out, { recursive: true });
  const unlock = lockDirectory(out);
  try {
    if (readManifest(out) !== null || allNames().some((n) => n !== MANIFEST && existsSync(path.join(out, n)))) {
      if (!options.overwrite) throw new ExperimentError('output-exists', [{ path: out, message: 'already holds sweep files; choose another directory or pass overwrite' }]);
    }
    for (const name of allNames()) rmSync(path.join(out, name), { force: true });
    const meta = sweepMeta({ ...first, shard: null, shardRuns: first.runs });
    const rows: Record<RunTable, number> = { runs: 0, ticks: 0, events: 0 };
    for (const table of runTables(meta)) {
      for (const format of textFormats(meta)) {
        const name = `${table}.${format}`;
        options.onPhase?.(name);
        await mergeFile(shards.map((s) => path.join(s.dir, name)), path.join(out, name + PARTIAL), format, meta.runs);
      }
      rows[table] = shards.reduce((n, s) => n + (s.manifest.files[`${table}.${textFormats(meta)[0]}`]?.rows ?? 0), 0);
    }
    return await finalizeOutput(out, meta, rows, { summary: true, onPhase: options.onPhase });
  } finally {
    unlock();
  }
}

/** Merges one table file of every shard into `dest`, in run order. */
async function mergeFile(sources: readonly string[], dest: string, format: TextFormat, runs: number): Promise<void> {
  const n = sources.length;
  const readers = sources.map((file) => readRecords(file, format)[Symbol.asyncIterator]());
  const heads: (string | null)[] = [];
  for (const r of readers) {
    const next = await r.next();
    heads.push(next.done ? null : next.value);
  }
  const fd = openSync(dest, 'w');
  let pending: string[] = [];
  let pendingChars = 0;
  const put = (record: string): void => {
    pending.push(record, '\n');
    pendingChars += record.length + 1;
    if (pendingChars > 1 << 22) { writeSync(fd, pending.join('')); pending = []; pendingChars = 0; }
  };
  try {
    if (format === 'csv') {
      const header = heads[0];
      if (heads.some((h) => h !== header)) throw new ExperimentError('merge', [{ path: dest, message: 'the shards\' CSV headers differ' }]);
      if (header !== null) put(header);
      for (let s = 0; s < n; s++) {
        const next = await readers[s].next();
        heads[s] = next.done ? null : next.value;
      }
    }
    for (let run = 0; run < runs; run++) {
      const s = run % n;
      let head = heads[s];
      while (head !== null && runOfRecord(head, format) === run) {
        put(head);
        const next = await readers[s].next();
        head = next.done ? null : next.value;
      }
      heads[s] = head;
    }
    const left = heads.findIndex((h) => h !== null);
    if (left >= 0) throw new ExperimentError('merge', [{ path: sources[left], message: `rows out of run order or beyond the sweep's ${runs} runs (run ${runOfRecord(heads[left] as string, format)})` }]);
    if (pending.length > 0) writeSync(fd, pending.join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    for (const r of readers) await r.return?.();
  }
}
