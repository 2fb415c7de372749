import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ExperimentError } from '../../experiments/ExperimentError.js';
import { parseShard } from '../../experiments/planSweep.js';
import { parseSweepSpec, type ParsedSweepSpec, type SweepSpec } from '../../experiments/sweepSpec.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { loadScenario } from '../loadScenario.js';
import { runSweep, type RunSweepOptions, type SweepReport } from './runSweep.js';

/** A sweep specification read from a file, with the folder its relative paths are relative to. */
export interface LoadedSweepSpec {
  readonly spec: ParsedSweepSpec;
  /** The spec file, or null for a spec given as an object. */
  readonly file: string | null;
  /** The folder relative scenario paths are resolved against. */
  readonly dir: string;
}

/**
 * Reads and validates a sweep specification file (YAML or JSON; see docs/experiments.md).
 * @throws ExperimentError (code `spec`) naming the file and each problem's field.
 */
export function loadSweepSpec(file: string): LoadedSweepSpec {
  let value: unknown;
  try {
    value = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ExperimentError('spec', [{ path: file, message: (error as Error).message }], { cause: error });
  }
  try {
    return { spec: parseSweepSpec(value), file, dir: path.dirname(path.resolve(file)) };
  } catch (error) {
    if (error instanceof ExperimentError) throw new ExperimentError('spec', error.issues.map((i) => ({ ...i, path: `${file}: ${i.path}` })));
    throw error;
  }
}

/** Options of {@link runSweepFromSpec}: where and how to run, overriding the spec's `out`. */
export interface SpecRunOptions extends Pick<RunSweepOptions, 'workers' | 'resume' | 'overwrite' | 'onProgress' | 'signal' | 'checkpointEveryMs'> {
  /** Output directory (default: the spec's `out`, else `out/<spec file name>`; a shard adds `/shard-<i>-of-<n>`). */
  out?: string;
  /** Run only this share of the design, `"i/n"` (0-based). */
  shard?: string;
  /** How to load the spec's scenario reference (default loadScenario: a bundled name or a file path). */
  loadScenario?: (reference: string) => ResolvedScenario;
}

/** The scenario a spec names: a file path (relative to the spec's folder) or a bundled scenario. */
function specScenario(loaded: LoadedSweepSpec, load: (reference: string) => ResolvedScenario): ResolvedScenario {
  const ref = loaded.spec.scenario;
  return load(/\.(ya?ml|json)$/i.test(ref) ? path.resolve(loaded.dir, ref) : ref);
}

/** Where a spec's output goes. */
export function specOutputDir(loaded: LoadedSweepSpec, options: Pick<SpecRunOptions, 'out' | 'shard'> = {}): string {
  if (options.out !== undefined) return options.out;
  const base = loaded.spec.out ?? path.join('out', loaded.file === null ? 'sweep' : path.basename(loaded.file).replace(/\.[^.]+$/, ''));
  if (options.shard === undefined) return base;
  const { index, count } = parseShard(options.shard);
  return path.join(base, `shard-${index}-of-${count}`);
}

/**
 * Runs the sweep a specification describes (a file path, or a spec object whose relative paths are
 * relative to the working directory): loads the scenario, then runSweep. What the example runner
 * `examples/sweep.mjs` and the CLI call.
 *
 * @example
 * await runSweepFromSpec('sweeps/lambda.yaml', { workers: 8, resume: true, shard: '3/10' });
 */
export async function runSweepFromSpec(spec: string | SweepSpec, options: SpecRunOptions = {}): Promise<SweepReport> {
  const loaded: LoadedSweepSpec = typeof spec === 'string' ? loadSweepSpec(spec) : { spec: parseSweepSpec(spec), file: null, dir: process.cwd() };
  const s = loaded.spec;
  const scenario = specScenario(loaded, options.loadScenario ?? ((ref) => loadScenario(ref)));
  return runSweep(scenario, s.design ?? null, {
    ticks: s.ticks,
    ...(s.replicates === undefined ? {} : { replicates: s.replicates }),
    ...(s.seeds === undefined ? {} : { seeds: s.seeds }),
    baseSeed: s.baseSeed,
    allowInadmissible: s.allowInadmissible,
    ...(s.tables === undefined ? {} : { tables: s.tables }),
    ...(s.formats === undefined ? {} : { formats: s.formats }),
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    out: specOutputDir(loaded, options),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.resume === undefined ? {} : { resume: options.resume }),
    ...(options.overwrite === undefined ? {} : { overwrite: options.overwrite }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.checkpointEveryMs === undefined ? {} : { checkpointEveryMs: options.checkpointEveryMs }),
  });
}
