import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createSimulation } from '../../engine/Simulation.js';
import type { SimulationEvent } from '../../engine/SimulationEvent.js';
import { ExperimentError } from '../../experiments/ExperimentError.js';
import { planSweep } from '../../experiments/planSweep.js';
import { formatRun, keyCells, type RunResult } from '../../experiments/runOne.js';
import { ENSEMBLE_DESIGN } from '../../experiments/sweep.js';
import { RowFormatter } from '../../experiments/formatRows.js';
import { metricCells, metricColumns, tickCells } from '../../experiments/tables.js';
import { summarizeRun, type RunSummary } from '../../metrics/summarizeRun.js';
import type { TickRecord } from '../../metrics/TickRecord.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import type { OutputFile, RunManifest } from '../../report/RunManifest.js';
import { defaultThreatTicks, RunTrace } from '../../report/RunTrace.js';
import { OUTPUT_FORMATS, SweepStore, sweepMeta, writeJsonAtomic, type OutputFormat } from '../experiments/sweepFiles.js';
import type { WrittenReport } from '../report/writeReport.js';
import { assertRunTarget, StagedFolder } from './outputFolder.js';
import { asOutputWriteError } from './OutputWriteError.js';
import { RUN_TABLE_DESCRIPTIONS, RUN_TABLE_NAMES, RunTableWriter } from './RunTableWriter.js';

/** Options of {@link runToDirectory}. */
export interface RunToDirectoryOptions {
  /**
   * The output folder. When it exists it must be empty or hold only an earlier run's outputs
   * (unless `overwrite`); it is replaced as a whole, so it then holds exactly this run's files.
   */
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
  /** Replace `out` whatever it holds (a sweep, other files). Default false. */
  overwrite?: boolean;
  /** Also write the report (report.html, and figures/*.svg unless `figures` is false), before the folder is put in place. */
  report?: { figures?: boolean; generator?: string };
}

/** What {@link runToDirectory} did. */
export interface RunToDirectoryResult {
  manifest: RunManifest;
  summary: RunSummary;
  /** The run's events, in order. */
  events: SimulationEvent[];
  /** The report written, when asked for (paths in `out`). */
  report?: WrittenReport;
}

const ENSEMBLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  runs: 'one row: the run\'s key (run, point, replicate, seed) and its summary metrics',
  ticks: 'one row per tick: actions per option, per family, CON, alliances, institutions, aggression… (TickRecord)',
  events: 'one row per event: alliances, clubs, dissolutions, aggression, soft-balancing episodes, scenario events',
  summary: 'one row per metric: n, mean, sd and 95% interval (n = 1 for a single run)',
};

/** Tick rows are handed to the ensemble's files in batches of this many ticks. */
const TICK_BATCH = 256;

/**
 * Runs a scenario once and writes its outputs into a folder: the tidy tables of the experiments
 * (a single run is an ensemble of one: `runs`, `ticks`, `events`, `summary` and `manifest.json`,
 * byte for byte what `runSweep` writes with the one seed), the report's tables (`states`,
 * `threats`, `memberships`, recorded by a {@link RunTrace}) in the same formats, `run.json` (what
 * the report reads, with every file's size) and, when asked, the report.
 *
 * One simulation feeds every table, and rows are streamed to the files as ticks complete, so memory
 * does not grow with the tables. Nothing the user asked to keep is lost: the folder is built
 * beside `out` under a temporary name and renamed into place only when complete, so a failed run
 * (a full disk, an error) leaves an earlier `out` as it was. Deterministic: the same scenario,
 * seed and ticks give the same bytes.
 *
 * @throws ExperimentError for bad options (seed, formats), or `output-exists` when `out` holds a
 *   sweep or files a run did not write (and `overwrite` is not set); OutputWriteError when a file
 *   cannot be written (a full disk: `out` is then left as it was).
 */
export async function runToDirectory(scenario: ResolvedScenario, options: RunToDirectoryOptions): Promise<RunToDirectoryResult> {
  const { out, seed, ticks } = options;
  const formats = [...new Set<OutputFormat>(options.formats ?? ['csv'])].sort((a, b) => OUTPUT_FORMATS.indexOf(a) - OUTPUT_FORMATS.indexOf(b));
  const badFormat = formats.find((f) => !OUTPUT_FORMATS.includes(f));
  if (badFormat !== undefined) throw new ExperimentError('spec', [{ path: 'formats', message: `unknown format "${badFormat}"; one of ${OUTPUT_FORMATS.join(', ')}` }]);
  if (!formats.includes('csv') && !formats.includes('ndjson')) {
    throw new ExperimentError('spec', [{ path: 'formats', message: 'include csv or ndjson: rows are streamed as text, and Arrow files are built from it at the end' }]);
  }
  const threatTicks = [...(options.threatTicks ?? defaultThreatTicks(ticks))];
  const plan = planSweep(scenario, ENSEMBLE_DESIGN, { seeds: [seed], ticks });
  assertRunTarget(out, options.overwrite ?? false);

  let staged: StagedFolder;
  try {
    staged = new StagedFolder(out);
  } catch (error) {
    throw asOutputWriteError(error, out, 'nothing was written');
  }
  try {
    const dir = staged.path;
    const meta = sweepMeta({
      scenario: scenario.meta, fingerprint: plan.fingerprint, design: plan.design.normalized, shard: plan.shard, runs: plan.runs,
      shardRuns: plan.shardRuns, formats, layout: plan.layout,
    });
    const spec = plan.spec(plan.shardRun(0));
    // A new, empty folder: open gives a store (a manifest only when resuming a finished sweep).
    const store = SweepStore.open(dir, meta, { resume: false, overwrite: true }) as SweepStore;
    const key = { columns: plan.layout.key, cells: keyCells(spec, plan.layout) };
    const tables = new RunTableWriter(dir, key, formats);
    const encoder = new TextEncoder();
    const tickFormatter = new RowFormatter(plan.layout.ticks, key.cells);
    const text = { csv: formats.includes('csv'), ndjson: formats.includes('ndjson') };
    const none = { runs: 0, ticks: 0, events: 0 };
    let result: RunResult;
    try {
      // One simulation: its ticks go to the ensemble's ticks table and, through the trace, to the report's tables.
      const sim = createSimulation(scenario, { seed: spec.seed, collectEvents: true });
      const trace = new RunTrace({ ticks, threatTicks });
      const records: TickRecord[] = [];
      let csv = '';
      let ndjson = '';
      let batched = 0;
      const flushTicks = (): void => {
        const chunks: Record<string, Uint8Array> = {};
        if (text.csv) chunks['ticks.csv'] = encoder.encode(csv);
        if (text.ndjson) chunks['ticks.ndjson'] = encoder.encode(ndjson);
        store.append(chunks, { ...none, ticks: batched });
        csv = '';
        ndjson = '';
        batched = 0;
      };
      for (let t = 0; t < ticks; t++) {
        const record = sim.step();
        records.push(record);
        const cells = tickCells(record);
        if (text.csv) csv += tickFormatter.csv(cells);
        if (text.ndjson) ndjson += tickFormatter.ndjson(cells);
        if (++batched === TICK_BATCH) flushTicks();
        trace.record(sim);
        tables.add(trace.tables);
        trace.tables.states.length = 0;
        trace.tables.threats.length = 0;
        trace.tables.memberships.length = 0;
      }
      if (batched > 0) flushTicks();
      const simulated = { scenarioId: scenario.meta.id, seed: sim.seed, ticks, records, events: [...sim.events], final: sim.world };
      const summary = summarizeRun(simulated);
      const ids = scenario.states.map((s) => s.id);
      const metricValues = metricCells(summary, ids);
      const metrics: Record<string, number> = {};
      metricColumns(ids).forEach((c, k) => { metrics[c.name] = metricValues[k]; });
      result = { spec, summary, metrics, records: [], events: simulated.events };
      // The runs and events rows, formatted as a sweep formats them (the ticks are already written).
      const chunks: Record<string, Uint8Array> = {};
      for (const [name, body] of Object.entries(formatRun(result, plan.layout, { ...text, ticks: false, events: true }))) {
        if (body !== undefined && body !== '') chunks[name] = encoder.encode(body);
      }
      store.append(chunks, { runs: 1, ticks: 0, events: result.events.length });
    } catch (error) {
      tables.close();
      store.release();
      throw error;
    }
    const ensemble = await store.finish(1);
    const tableFiles = await tables.finish();

    const files: OutputFile[] = [];
    const sized = (name: string, description: string): OutputFile => ({ name, description, bytes: statSync(join(dir, name)).size });
    for (const name of Object.keys(ensemble.files)) {
      files.push(sized(name, ENSEMBLE_DESCRIPTIONS[name.replace(/\.[^.]+$/, '')] ?? 'a table of the run'));
    }
    files.push(sized('manifest.json', 'the ensemble\'s manifest: scenario, design, seeds, layout of the tables, rows and bytes of each file'));
    for (const name of tableFiles) {
      files.push(sized(name, RUN_TABLE_DESCRIPTIONS[name.replace(/\.[^.]+$/, '') as (typeof RUN_TABLE_NAMES)[number]]));
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
      summary: result.summary,
    };
    writeJsonAtomic(join(dir, 'run.json'), manifest);
    let report: WrittenReport | undefined;
    if (options.report !== undefined) {
      // Loaded only when asked for: the report needs the vega packages.
      const { writeRunReport } = await import('../report/writeRunReport.js');
      const written = await writeRunReport(dir, options.report);
      const moved = (p: string): string => join(out, relative(dir, p));
      report = { html: moved(written.html), figures: written.figures.map(moved) };
    }
    staged.commit();
    return { manifest, summary: result.summary, events: result.events as SimulationEvent[], ...(report === undefined ? {} : { report }) };
  } catch (error) {
    staged.discard();
    throw asOutputWriteError(error, out, existsSync(out) ? `${out} was left as it was` : 'nothing was written');
  }
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
