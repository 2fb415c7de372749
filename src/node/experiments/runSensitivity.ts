import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { analyzeSensitivity, sensitivityDesignOf, type SensitivityAnalysis, type SensitivityRow } from '../../experiments/analyzeSensitivity.js';
import { ExperimentError } from '../../experiments/ExperimentError.js';
import { CSV_EOL, CSV_MISSING, csvString } from '../../experiments/formatRows.js';
import { parseSweepSpec, type SweepSpec } from '../../experiments/sweepSpec.js';
import { readSweepOutputs } from '../outputs/readSweepOutputs.js';
import type { SweepReport } from './runSweep.js';
import { loadSweepSpec, runSweepFromSpec, type LoadedSweepSpec, type SpecRunOptions } from './runSweepFromSpec.js';

/** The files a sensitivity analysis adds to a sweep's output folder. */
export const SENSITIVITY_FILES = ['sensitivity.csv', 'sensitivity.json'] as const;

/** Options of the analysis: the bootstrap behind the intervals. */
export interface SensitivityOptions {
  /** Bootstrap resamples (default 200). */
  resamples?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

/** `sensitivity.json`: the analysis with where it came from. Deterministic (no times). */
export interface SensitivityDocument extends Omit<SensitivityAnalysis, 'rows'> {
  readonly kind: 'counterpoise-sensitivity';
  readonly version: 1;
  /** The scenario's id. */
  readonly scenario: string;
  /** The design as run (the manifest's). */
  readonly design: unknown;
  /** Runs per design point whose mean was analysed. */
  readonly replicates: number;
  /** The rows, NaN written as null. */
  readonly rows: readonly { readonly [K in keyof SensitivityRow]: SensitivityRow[K] extends number ? number | null : SensitivityRow[K] }[];
}

/** What {@link writeSensitivity} wrote. */
export interface WrittenSensitivity {
  readonly analysis: SensitivityAnalysis;
  readonly document: SensitivityDocument;
  /** The files written, full paths. */
  readonly files: readonly string[];
}

const COLUMNS = ['metric', 'method', 'index', 'parameter', 'with', 'estimate', 'conf', 'ciLow', 'ciHigh'] as const;

function csvNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : CSV_MISSING;
}

/** The sensitivity table as CSV (RFC 4180, CRLF, NA for a missing value), columns as {@link SensitivityRow}. */
export function sensitivityCsv(rows: readonly SensitivityRow[]): string {
  let out = COLUMNS.join(',') + CSV_EOL;
  for (const r of rows) {
    out += [csvString(r.metric), r.method, r.index, csvString(r.parameter), r.with === null ? CSV_MISSING : csvString(r.with),
      csvNumber(r.estimate), csvNumber(r.conf), csvNumber(r.ciLow), csvNumber(r.ciHigh)].join(',') + CSV_EOL;
  }
  return out;
}

/** Writes a file atomically: a temporary name, fsync'd, renamed over the target. */
function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/**
 * Computes the sensitivity analysis of a complete sweep folder run over a `sobol` or `morris` design
 * (what `counterpoise sweep`, `merge` or {@link runSensitivityFromSpec} wrote) and writes
 * `sensitivity.csv` (one row per metric, index and parameter) and `sensitivity.json` (the same with
 * the design and settings) into it, each to a temporary name renamed when complete. Deterministic:
 * the same folder gives the same bytes.
 *
 * @throws ReportError when the folder holds no complete sweep; ExperimentError (code `design`) when its
 *   design is not sobol or morris.
 */
export function writeSensitivity(dir: string, options: SensitivityOptions = {}): WrittenSensitivity {
  const { manifest, input } = readSweepOutputs(dir);
  const analysis = analyzeSensitivity(manifest.design, input.runs, {
    metrics: input.metrics,
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
    ...(options.level === undefined ? {} : { level: options.level }),
  });
  const nullify = (x: number): number | null => (Number.isFinite(x) ? x : null);
  const document: SensitivityDocument = {
    kind: 'counterpoise-sensitivity', version: 1, scenario: manifest.scenario.id, design: manifest.design,
    replicates: manifest.fingerprint.replicates, method: analysis.method, parameters: analysis.parameters, points: analysis.points,
    resamples: analysis.resamples, level: analysis.level, constant: analysis.constant,
    rows: analysis.rows.map((r) => ({ ...r, estimate: nullify(r.estimate), conf: nullify(r.conf), ciLow: nullify(r.ciLow), ciHigh: nullify(r.ciHigh) })),
  };
  const csv = path.join(dir, SENSITIVITY_FILES[0]);
  const json = path.join(dir, SENSITIVITY_FILES[1]);
  writeAtomic(csv, sensitivityCsv(analysis.rows));
  writeAtomic(json, `${JSON.stringify(document, null, 2)}\n`);
  return { analysis, document, files: [csv, json] };
}

/** Options of {@link runSensitivityFromSpec}: how to run the sweep, and the analysis's bootstrap. */
export interface SensitivityRunOptions extends Omit<SpecRunOptions, 'shard'>, SensitivityOptions {}

/** What {@link runSensitivityFromSpec} did: the sweep and the analysis written beside it. */
export interface SensitivityReport extends WrittenSensitivity {
  readonly sweep: SweepReport;
}

/**
 * Runs a global sensitivity analysis: the sweep a specification describes (its design `sobol` or
 * `morris`), on worker threads, checkpointed and resumable like any sweep (`resume: true` goes on
 * after a crash or Ctrl-C), then {@link writeSensitivity} on its folder. For a cluster, run the
 * sweep in shards (`counterpoise sweep --shard i/n`), merge them, and call writeSensitivity on the
 * merged folder: the same files.
 *
 * @example
 * const { analysis } = await runSensitivityFromSpec('sweeps/sobol.yaml', { workers: 8, resume: true });
 * analysis.rows.filter((r) => r.metric === 'aggressions' && r.index === 'ST');
 * @throws ExperimentError (code `spec`/`design`) before anything runs when the design is not sobol or
 *   morris or the spec is invalid; as runSweep otherwise.
 */
export async function runSensitivityFromSpec(spec: string | SweepSpec, options: SensitivityRunOptions = {}): Promise<SensitivityReport> {
  const loaded: LoadedSweepSpec = typeof spec === 'string' ? loadSweepSpec(spec) : { spec: parseSweepSpec(spec), file: null, dir: process.cwd() };
  const type = loaded.spec.design?.type;
  if (sensitivityDesignOf({ type }) === null) {
    throw new ExperimentError('spec', [{
      path: `${loaded.file === null ? '' : `${loaded.file}: `}design.type`,
      message: `a sensitivity analysis needs a sobol or morris design (got ${type ?? 'none: an ensemble'}); run other designs with "sweep"`,
    }]);
  }
  const { resamples, level, ...run } = options;
  const sweep = await runSweepFromSpec(spec, run);
  const written = writeSensitivity(sweep.out, { ...(resamples === undefined ? {} : { resamples }), ...(level === undefined ? {} : { level }) });
  return { ...written, sweep };
}
