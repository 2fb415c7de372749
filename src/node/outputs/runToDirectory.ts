import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulationEvent } from '../../engine/SimulationEvent.js';
import { summarizeRun, type RunSummary } from '../../metrics/summarizeRun.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import type { OutputFile, RunManifest } from '../../report/RunManifest.js';
import { defaultThreatTicks } from '../../report/RunTrace.js';
import { traceRun } from '../../report/traceRun.js';
import { runSweep } from '../experiments/runSweep.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../experiments/sweepFiles.js';
import { RUN_TABLE_DESCRIPTIONS, RUN_TABLE_NAMES, writeRunTables } from './writeRunTables.js';

/** Options of {@link runToDirectory}. */
export interface RunToDirectoryOptions {
  /** The output folder (created if needed; the outputs of an earlier run there are replaced). */
  out: string;
  /** The run seed: a whole number in [0, 2^48), as the experiments' seeds. */
  seed: number;
  ticks: number;
  /** Table formats (default csv); must include csv or ndjson (Arrow files are built from them). */
  formats?: readonly OutputFormat[];
  /** Ticks at which to record the threat matrix (default: first, quartiles, last). */
  threatTicks?: readonly number[];
  /** Where the scenario came from (a path or bundled name), recorded in run.json. */
  source: string;
  /** The counterpoise version, recorded in run.json. */
  version: string;
}

/** What {@link runToDirectory} did. */
export interface RunToDirectoryResult {
  manifest: RunManifest;
  summary: RunSummary;
  /** The run's events, in order. */
  events: SimulationEvent[];
}

const ENSEMBLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  runs: 'one row: the run\'s key (run, point, replicate, seed) and its summary metrics',
  ticks: 'one row per tick: actions per option, per family, CON, alliances, institutions, aggression… (TickRecord)',
  events: 'one row per event: alliances, clubs, dissolutions, aggression, soft-balancing episodes, scenario events',
  summary: 'one row per metric: n, mean, sd and 95% interval (n = 1 for a single run)',
};

/**
 * Runs a scenario once and writes its outputs into a folder: the tidy tables of the experiments
 * (a single run is an ensemble of one: `runs`, `ticks`, `events`, `summary` and `manifest.json`,
 * written by runSweep with the given seed), the report's tables (`states`, `threats`,
 * `memberships`, from a {@link RunTrace} of the same run) in the same formats, and `run.json`
 * (what the report reads). Deterministic: the same scenario, seed and ticks give the same bytes.
 *
 * @throws ExperimentError for bad options (seed, formats).
 */
export async function runToDirectory(scenario: ResolvedScenario, options: RunToDirectoryOptions): Promise<RunToDirectoryResult> {
  const { out, seed, ticks } = options;
  const formats = [...new Set<OutputFormat>(options.formats ?? ['csv'])].sort((a, b) => OUTPUT_FORMATS.indexOf(a) - OUTPUT_FORMATS.indexOf(b));
  const threatTicks = [...(options.threatTicks ?? defaultThreatTicks(ticks))];
  mkdirSync(out, { recursive: true });
  const ensemble = await runSweep(scenario, null, { seeds: [seed], ticks, out, workers: 0, formats, overwrite: true });
  // The same run again, traced for the report's tables (same scenario and seed: the same trajectory).
  const traced = traceRun(scenario, { seed, ticks, threatTicks });
  const key = { columns: ensemble.manifest.layout.key, cells: [0, 0, 0, seed] };
  const tableFiles = await writeRunTables(out, traced.tables, key, formats);
  const summary = summarizeRun(traced.result);

  const files: OutputFile[] = [];
  for (const name of Object.keys(ensemble.manifest.files)) {
    files.push({ name, description: ENSEMBLE_DESCRIPTIONS[name.replace(/\.[^.]+$/, '')] ?? 'a table of the run' });
  }
  files.push({ name: 'manifest.json', description: 'the ensemble\'s manifest: scenario, design, seeds, layout of the tables, rows and bytes of each file' });
  for (const name of tableFiles) {
    files.push({ name, description: RUN_TABLE_DESCRIPTIONS[name.replace(/\.[^.]+$/, '') as (typeof RUN_TABLE_NAMES)[number]] });
  }
  files.push({ name: 'run.json', description: 'this run\'s manifest and summary (what `counterpoise report` reads)' });
  const manifest: RunManifest = {
    kind: 'counterpoise-run',
    version: options.version,
    scenario: { ...scenario.meta, sources: [...scenario.meta.sources] },
    source: options.source,
    states: scenario.states.map((s) => s.id),
    seed,
    ticks,
    threatTicks,
    formats,
    files,
    ...(scenario.paths == null ? {} : { paths: pathsRecord(scenario, ticks) }),
    summary,
  };
  writeFileSync(join(out, 'run.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, summary, events: traced.result.events };
}

/** What run.json records of the scenario's paths (issue 12 item 6): span, notes, and whether the run went beyond them. */
function pathsRecord(scenario: ResolvedScenario, ticks: number): NonNullable<RunManifest['paths']> {
  const p = scenario.paths as NonNullable<ResolvedScenario['paths']>;
  const lastTickYear = scenario.meta.startYear + (ticks - 1) / scenario.meta.ticksPerYear;
  return {
    firstYear: p.firstYear, lastYear: p.lastYear, halfLife: p.halfLife,
    heldAfter: lastTickYear > p.lastYear ? p.lastYear : null,
    notes: p.notes.map((n) => ({ ...n, years: [...n.years] })),
  };
}
