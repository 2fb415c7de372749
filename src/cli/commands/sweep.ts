import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ExperimentError } from '../../experiments/ExperimentError.js';
import { parseSweepSpec } from '../../experiments/sweepSpec.js';
import { createProgressPrinter, formatDuration } from '../../node/experiments/progressPrinter.js';
import type { SweepReport } from '../../node/experiments/runSweep.js';
import { runSweepFromSpec, specOutputDir, type SpecRunOptions } from '../../node/experiments/runSweepFromSpec.js';
import { resolveDesignFile } from '../../node/bundledDesigns.js';
import { packageVersion } from '../../node/packageVersion.js';
import { writeSweepReport } from '../../node/report/writeSweepReport.js';
import { EXIT, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';
import { checkScenarioSource } from '../checkScenarioSource.js';
import { intFlag, listFlag } from '../parseCommandArgs.js';
import type { Terminal } from '../Terminal.js';
import { mergeCommand } from './merge.js';

const FORMATS = ['csv', 'ndjson', 'arrow'] as const;

/** Ctrl-C and SIGTERM stop the sweep after a checkpoint (a second signal quits at once). */
export function stopOnSignals(terminal: Terminal): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let stopping = false;
  const handler = (name: NodeJS.Signals): void => {
    if (stopping) process.exit(EXIT.interrupted);
    stopping = true;
    terminal.error(`\n${name}: checkpointing and stopping (again to quit at once); "--resume" continues`);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return { signal: controller.signal, dispose: () => { process.off('SIGINT', handler); process.off('SIGTERM', handler); } };
}

/**
 * Reads a design file; with a scenario from the command line, sets it and validates the result
 * (without one, the file must name its scenario).
 */
export function readDesign(file: string, scenario: string | undefined, command = 'sweep'): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ExperimentError('spec', [{ path: file, message: `cannot read the design file: ${why}` }], { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ExperimentError('spec', [{ path: file, message: 'the design file must hold a mapping (scenario, ticks, replicates, design, …)' }]);
  }
  if (scenario === undefined) {
    if (!('scenario' in value)) throw new UsageError(`${file} names no scenario: give one before --design (counterpoise ${command} <scenario> --design ${file})`, command);
    return value as Record<string, unknown>;
  }
  const spec = { ...(value as Record<string, unknown>), scenario };
  try {
    parseSweepSpec(spec);
  } catch (error) {
    if (error instanceof ExperimentError) throw new ExperimentError('spec', error.issues.map((i) => ({ ...i, path: `${file}: ${i.path}` })));
    throw error;
  }
  return spec;
}

/** `counterpoise sweep`: run a scenario over a design, in parallel, resumable and shardable. */
export const sweepCommand: Command = {
  name: 'sweep',
  options: {
    design: { type: 'string', short: 'd' },
    out: { type: 'string', short: 'o' },
    workers: { type: 'string', short: 'w' },
    resume: { type: 'boolean' },
    overwrite: { type: 'boolean' },
    shard: { type: 'string' },
    'checkpoint-ms': { type: 'string' },
    format: { type: 'string', short: 'f' },
    report: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  help: `Usage: counterpoise sweep [<scenario>] --design <file> [options]
       counterpoise sweep merge <shard folder>... --out DIR [--overwrite] [--report]

Runs a scenario over the points of a design (grid, one-at-a-time, Latin hypercube, sobol or
morris), each point replicated with derived seeds, on worker threads, and streams the tidy tables
to a folder as runs finish: runs, ticks, events and a per-point summary (mean, sd, 95% interval),
in CSV, NDJSON and Arrow. The files are the same for any number of workers. The design file is a
sweep specification (docs/experiments.md): ticks, replicates or seeds, baseSeed, design, formats,
tables, out; its "scenario" may be left out when the scenario is given here (given here, it wins).

Options:
  -d, --design FILE      the sweep specification, YAML or JSON (required), or the name of
                         a design shipped in the package's examples/sweeps/ (e.g. lambda-nu)
  -o, --out DIR          output folder (default: the spec's out, else out/<design file name>;
                         a shard adds /shard-<i>-of-<n>)
  -w, --workers N        worker threads (default: every core); 0 runs in this thread
      --resume           continue an interrupted sweep in the folder (or accept it if complete)
      --overwrite        delete a sweep already in the folder and start again
      --shard i/n        run only every n-th run from the i-th (0-based), e.g. on n machines;
                         join the shards with "counterpoise merge"
      --checkpoint-ms N  checkpoint at least this often (default 2000)
  -f, --format LIST      table formats, comma-separated: csv, ndjson, arrow (default: the design's
                         formats, else all three); include csv or ndjson. Arrow needs the optional
                         package apache-arrow: without it, give --format csv (or csv,ndjson)
      --report           also write report.html and figures/ (as "counterpoise report DIR")
      --json             print the result as one JSON document on stdout (out, runs done, files,
                         report) instead of the text lines; progress still goes to stderr
  -q, --quiet            no progress, no summary; only errors
      --debug            show the stack trace of an error
  -h, --help             show this help

Progress goes to stderr: a bar on a terminal, a line every 10 s otherwise. Ctrl-C or SIGTERM
checkpoints and stops (exit 130); run again with --resume to continue.

Examples:
  counterpoise sweep concert-of-europe --design sweeps/lambda.yaml --workers 8 --report
  counterpoise sweep --design sweeps/lambda.yaml --resume
  counterpoise sweep --design lambda-nu --workers 8     # a bundled design (examples/sweeps/lambda-nu.yaml)
  counterpoise sweep --design lambda-nu --format csv    # CSV only (no apache-arrow needed)
  counterpoise sweep --design sweeps/lambda.yaml --shard 0/4 --out out/lambda/shard-0
  counterpoise merge out/lambda/shard-* --out out/lambda

Exit codes: 0 success, 1 a run or the output failed, 2 bad input or usage (design, scenario,
shard, a folder holding another sweep), 130 stopped by a signal (resume to continue).`,

  async run(args, terminal) {
    if (args.positionals[0] === 'merge') return mergeCommand.run({ ...args, positionals: args.positionals.slice(1) }, terminal);
    const v = args.values;
    if (args.positionals.length > 1) throw new UsageError(`unexpected argument "${args.positionals[1]}" (give at most one scenario)`, 'sweep');
    if (v.design === undefined) throw new UsageError('missing --design (the sweep specification file)', 'sweep');
    // A file, or the name of a design bundled in examples/sweeps/ (e.g. lambda-nu).
    const design = resolveDesignFile(v.design as string);
    const scenario = args.positionals[0];
    if (scenario !== undefined) checkScenarioSource(scenario);
    const shard = v.shard as string | undefined;
    if (shard !== undefined && !/^\s*\d+\s*\/\s*\d+\s*$/.test(shard)) throw new UsageError(`--shard must be i/n (e.g. 0/4), got "${shard}"`, 'sweep');
    if (v.resume === true && v.overwrite === true) throw new UsageError('give --resume or --overwrite, not both', 'sweep');
    const options: SpecRunOptions = {
      resume: v.resume === true,
      overwrite: v.overwrite === true,
      ...(v.workers === undefined ? {} : { workers: intFlag('sweep', 'workers', v.workers as string, 0, 0) }),
      ...(v['checkpoint-ms'] === undefined ? {} : { checkpointEveryMs: intFlag('sweep', 'checkpoint-ms', v['checkpoint-ms'] as string, 2000, 1) }),
      ...(shard === undefined ? {} : { shard }),
      ...(v.out === undefined ? {} : { out: v.out as string }),
    };
    const formats = v.format === undefined ? undefined : listFlag('sweep', 'format', v.format as string, FORMATS, []);
    if (formats !== undefined && !formats.includes('csv') && !formats.includes('ndjson')) {
      throw new UsageError('--format: include csv or ndjson (Arrow files are built from them)', 'sweep');
    }
    let spec: string | Record<string, unknown> = design;
    let read = readDesign(design, scenario);
    if (formats !== undefined && scenario === undefined && typeof read.scenario === 'string') {
      // The design's own scenario, as runSweepFromSpec would read it (a file relative to the design's folder).
      const ref = read.scenario;
      read = readDesign(design, /\.(ya?ml|json)$/i.test(ref) ? resolve(dirname(design), ref) : ref);
    }
    const override = formats !== undefined && typeof read.scenario === 'string';
    if (override) read = { ...read, formats };
    if (scenario !== undefined || override) {
      spec = read;
      // Outputs go where they would for the file itself (out/<design file name> by default).
      options.out = specOutputDir({ spec: parseSweepSpec(spec), file: design, dir: process.cwd() }, options);
    }
    const printer = terminal.quiet ? null : createProgressPrinter({ label: 'sweep', stream: terminal.progressStream });
    const stop = stopOnSignals(terminal);
    let report: SweepReport;
    try {
      report = await runSweepFromSpec(spec as Parameters<typeof runSweepFromSpec>[0], {
        ...options, signal: stop.signal, ...(printer === null ? {} : { onProgress: printer.update }),
      });
    } finally {
      printer?.done();
      stop.dispose();
    }
    const m = report.manifest;
    const json = v.json === true;
    if (json) { /* the result is printed as JSON below */ } else if (report.alreadyComplete) terminal.info(`${report.out}: already complete (${m.shardRuns} runs); nothing to do`);
    else {
      terminal.info(`${report.out}: ${report.executed} runs${report.resumed > 0 ? ` (+${report.resumed} resumed)` : ''} on `
        + `${report.workers === 0 ? 'the main thread' : `${report.workers} worker thread${report.workers === 1 ? '' : 's'}`} in ${formatDuration(report.elapsedMs)}, `
        + `${report.runsPerSecond.toFixed(1)} runs/s`);
    }
    if (!json) terminal.info(`files: ${Object.keys(m.files).join(', ')}, manifest.json`);
    let html: string | null = null;
    if (v.report === true) {
      if (m.shard !== null) terminal.note('no report for a shard: merge the shards, then "counterpoise report" the merged folder');
      else {
        const written = await writeSweepReport(report.out, { generator: `Made with counterpoise ${packageVersion()}` });
        html = written.html;
        if (!json) terminal.info(`report: ${written.html}`);
      }
    }
    if (json) {
      terminal.print(JSON.stringify({
        out: report.out, scenario: m.scenario.id, runs: m.shardRuns, designRuns: m.runs, executed: report.executed, resumed: report.resumed,
        alreadyComplete: report.alreadyComplete, shard: m.shard,
        files: [...Object.keys(m.files), 'manifest.json'], sizes: m.files, report: html,
      }, null, 2));
    }
    return EXIT.ok;
  },
};
