import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../writeFileAtomic.js';
import { unitKey, type CalibrationUnitResult } from '../../calibration/calibrationUnits.js';
import { CalibrationError } from '../../calibration/CalibrationError.js';
import { packageVersion } from '../packageVersion.js';
import {
  assembleCalibrationReport, fitCalibration, resolveCalibrationSpec, type CalibrationReport, type CalibrationSpec,
} from './calibrate.js';
import { createCalibrationPool } from './calibrationPool.js';

/** Options of {@link calibrateInWorkers}. */
export interface CalibrateInWorkersOptions {
  /** Worker threads for the intervals and folds (0: this thread). */
  workers: number;
  /**
   * The checkpoint file (e.g. `fitted.yaml.checkpoint.json`): written (temporary name, then renamed)
   * after every completed unit; if it exists at the start and was written for the same spec and
   * library version, its units are not run again. Removed by the caller once the result is written.
   */
  checkpoint?: string;
  /** The spec file's name, for error messages. */
  file?: string;
  onProgress?: (line: string) => void;
}

/** What a checkpoint file holds. */
interface Checkpoint {
  format: 'counterpoise-calibrate-checkpoint/1';
  /** The resolved spec and library version the units were computed for. */
  key: string;
  /** Completed units by {@link unitKey}. */
  results: Record<string, unknown>;
}

// Numbers JSON cannot hold (±Infinity, NaN, −0) are written as tagged strings, so that a result read
// back from a checkpoint is the very same as the one computed: the resumed report is byte-identical.
const TAG = '\u0000num:';
function encode(_key: string, v: unknown): unknown {
  if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return `${TAG}${Object.is(v, -0) ? '-0' : String(v)}`;
  return v;
}
function decode(_key: string, v: unknown): unknown {
  if (typeof v === 'string' && v.startsWith(TAG)) return Number(v.slice(TAG.length));
  return v;
}

function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, text);
}

function readCheckpoint(file: string, key: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  let cp: Checkpoint;
  try {
    cp = JSON.parse(readFileSync(file, 'utf8'), decode) as Checkpoint;
  } catch (error) {
    throw new CalibrationError([{ path: [], message: `the checkpoint cannot be read (${(error as Error).message}); delete it to start again` }], file);
  }
  if (cp.format !== 'counterpoise-calibrate-checkpoint/1' || typeof cp.results !== 'object' || cp.results === null) {
    throw new CalibrationError([{ path: ['format'], message: 'not a checkpoint of counterpoise calibrate; delete it to start again' }], file);
  }
  if (cp.key !== key) {
    throw new CalibrationError([{ path: ['key'], message: 'the checkpoint was written for another spec or library version; delete it to start again, or use the spec it was written for' }], file);
  }
  return cp.results;
}

/**
 * {@link calibrate} with the units after the fit (one profile interval per parameter, one
 * cross-validation fold each) run on `workers` worker threads, and checkpointed: after each
 * completed unit the results so far are written to `checkpoint` (temporary name, then renamed), and
 * a run that finds a checkpoint for the same spec runs only the units it lacks. The eras are driven
 * and the fit made again on resuming (seconds; deterministic), so the report — and the parameter
 * file written from it — is identical whatever the workers and however often the run was
 * interrupted. Progress (one line per unit) goes to `onProgress`.
 *
 * @throws CalibrationError for a bad spec (as calibrate), or a checkpoint written for another spec.
 */
export async function calibrateInWorkers(specIn: CalibrationSpec, options: CalibrateInWorkersOptions): Promise<CalibrationReport> {
  const spec = resolveCalibrationSpec(specIn, options.file);
  const key = JSON.stringify({ spec, library: packageVersion() });
  const done: Record<string, unknown> = options.checkpoint === undefined ? {} : readCheckpoint(options.checkpoint, key);
  const fitted = fitCalibration(spec, options.onProgress, options.file);
  const units = fitted.units;
  const keys = units.map(unitKey);
  const results: (CalibrationUnitResult | undefined)[] = keys.map((k) => done[k] as CalibrationUnitResult | undefined);
  const resumed = results.filter((r) => r !== undefined).length;
  if (resumed > 0) options.onProgress?.(`calibrate: resuming from ${options.checkpoint}: ${resumed} of ${units.length} unit(s) already done`);
  const todo = units.map((_, k) => k).filter((k) => results[k] === undefined);
  const t0 = Date.now();
  if (todo.length > 0) {
    const workers = Math.min(options.workers, todo.length);
    options.onProgress?.(`calibrate: ${todo.length} unit(s) (profile intervals, folds) on ${workers === 0 ? 'this thread' : `${workers} worker thread(s)`}`);
    const pool = createCalibrationPool(fitted.context, workers);
    let finished = resumed;
    // Checkpoint writes are chained, so that two units finishing together never write at once.
    let writing: Promise<void> = Promise.resolve();
    try {
      await Promise.all(todo.map(async (k) => {
        const result = await pool.run(units[k]);
        results[k] = result;
        done[keys[k]] = result;
        finished++;
        const line = `calibrate: ${finished}/${units.length} ${keys[k]} done (${((Date.now() - t0) / 1000).toFixed(1)} s after the fit)`;
        // The unit is reported done once it is in the checkpoint.
        if (options.checkpoint !== undefined) {
          const file = options.checkpoint;
          const text = JSON.stringify({ format: 'counterpoise-calibrate-checkpoint/1', key, results: done } satisfies Checkpoint, encode);
          writing = writing.then(() => writeAtomic(file, text));
          await writing;
        }
        options.onProgress?.(line);
      }));
    } finally {
      await pool.close();
    }
  }
  return assembleCalibrationReport(fitted, results as CalibrationUnitResult[], (Date.now() - t0) / 1000);
}
