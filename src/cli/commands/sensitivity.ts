import { dirname, resolve } from 'node:path';
import type { SensitivityRow } from '../../experiments/analyzeSensitivity.js';
import { parseSweepSpec } from '../../experiments/sweepSpec.js';
import { createProgressPrinter, formatDuration } from '../../node/experiments/progressPrinter.js';
import { runSensitivityFromSpec, writeSensitivity, type SensitivityRunOptions, type WrittenSensitivity } from '../../node/experiments/runSensitivity.js';
import { specOutputDir } from '../../node/experiments/runSweepFromSpec.js';
import { isSweepDirectory } from '../../node/outputs/readSweepOutputs.js';
import { packageVersion } from '../../node/packageVersion.js';
import { writeSweepReport } from '../../node/report/writeSweepReport.js';
import { EXIT, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';
import { checkScenarioSource } from '../checkScenarioSource.js';
import { intFlag, listFlag } from '../parseCommandArgs.js';
import type { Terminal } from '../Terminal.js';
import { readDesign, stopOnSignals } from './sweep.js';

const FORMATS = ['csv', 'ndjson', 'arrow'] as const;

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : 'NA';
}

/** The text summary: per metric, the parameters by total-order index (Sobol') or μ* (Morris), largest first. */
function printSummary(written: WrittenSensitivity, terminal: Terminal): void {
  const { analysis } = written;
  const key = analysis.method === 'sobol' ? 'ST' : 'muStar';
  const byMetric = new Map<string, SensitivityRow[]>();
  for (const r of analysis.rows) {
    if (r.index !== key && r.index !== 'S1') continue;
    const list = byMetric.get(r.metric) ?? [];
    list.push(r);
    byMetric.set(r.metric, list);
  }
  terminal.info(analysis.method === 'sobol'
    ? `Sobol' indices over ${analysis.points} points (${analysis.level * 100}% bootstrap intervals, ${analysis.resamples} resamples): total order ST [first order S1]`
    : `Morris elementary effects over ${analysis.points} points (${analysis.level * 100}% bootstrap intervals of μ*, per unit of each range)`);
  for (const [metric, rows] of byMetric) {
    if (analysis.constant.includes(metric)) continue;
    const main = rows.filter((r) => r.index === key).sort((a, b) => (Number.isFinite(b.estimate) ? b.estimate : -Infinity) - (Number.isFinite(a.estimate) ? a.estimate : -Infinity));
    const parts = main.map((r) => {
      const s1 = rows.find((q) => q.index === 'S1' && q.parameter === r.parameter);
      return `${r.parameter} ${fmt(r.estimate)} ±${fmt(r.conf)}${s1 === undefined ? '' : ` [${fmt(s1.estimate)}]`}`;
    });
    terminal.info(`  ${metric}: ${parts.join(', ')}`);
  }
  if (analysis.constant.length > 0) terminal.info(`  constant over the design (no indices): ${analysis.constant.join(', ')}`);
}

/** `counterpoise sensitivity`: a global sensitivity analysis (Sobol' indices or Morris effects) of a scenario. */
export const sensitivityCommand: Command = {
  name: 'sensitivity',
  options: {
    design: { type: 'string', short: 'd' },
    out: { type: 'string', short: 'o' },
    workers: { type: 'string', short: 'w' },
    resume: { type: 'boolean' },
    overwrite: { type: 'boolean' },
    'checkpoint-ms': { type: 'string' },
    resamples: { type: 'string' },
    format: { type: 'string', short: 'f' },
    json: { type: 'boolean' },
    report: { type: 'boolean' },
  },
  help: `Usage: counterpoise sensitivity [<scenario>] --design <file> [options]
       counterpoise sensitivity <sweep folder> [--resamples N] [--json] [--report]

Global sensitivity analysis. Runs a scenario over a sobol design (Saltelli's N(2D+2) points over a
scrambled Sobol' sequence) or a morris design (r(D+1) points on Morris trajectories), exactly as
"counterpoise sweep" runs any design — worker threads, progress, checkpointed and resumable — then
computes, for every summary measure of the runs table (each point's mean over its replicates),
Sobol' first-, total- and second-order indices or Morris's mu, mu* and sigma, with bootstrap
confidence intervals. Writes sensitivity.csv and sensitivity.json beside the sweep's tables.
Given a folder holding a complete sweep (e.g. merged shards), it only analyses it.

Options:
  -d, --design FILE      the sweep specification with a sobol or morris design (YAML or JSON)
  -o, --out DIR          output folder (default: the spec's out, else out/<design file name>)
  -w, --workers N        worker threads (default: every core); 0 runs in this thread
      --resume           continue an interrupted analysis in the folder (or accept it if complete)
      --overwrite        delete a sweep already in the folder and start again
      --checkpoint-ms N  checkpoint at least this often (default 2000)
      --resamples N      bootstrap resamples for the intervals (default 200)
  -f, --format LIST      the sweep's table formats, comma-separated: csv, ndjson, arrow (default: the
                         design's formats, else all three); include csv or ndjson. Arrow needs the
                         optional package apache-arrow: without it, give --format csv
      --json             print sensitivity.json to stdout instead of the text summary
      --report           also write report.html and figures/ (with the sensitivity charts)
  -q, --quiet            no progress, no summary; only errors
      --debug            show the stack trace of an error
  -h, --help             show this help

Examples:
  counterpoise sensitivity concert-of-europe --design examples/sweeps/sobol.yaml --workers 8
  counterpoise sensitivity --design examples/sweeps/sobol.yaml --resume
  counterpoise sensitivity out/sobol --json > indices.json

Exit codes: 0 success, 1 a run or the output failed, 2 bad input or usage (design, scenario, a
folder holding another sweep), 130 stopped by a signal (resume to continue).`,

  async run(args, terminal) {
    const v = args.values;
    if (args.positionals.length > 1) throw new UsageError(`unexpected argument "${args.positionals[1]}" (give at most one scenario or folder)`, 'sensitivity');
    const resamples = v.resamples === undefined ? undefined : intFlag('sensitivity', 'resamples', v.resamples as string, 200, 2);
    const first = args.positionals[0];
    const design = v.design as string | undefined;
    let written: WrittenSensitivity;
    let out: string;
    if (design === undefined) {
      if (first === undefined) throw new UsageError('missing --design (the sweep specification file), or a sweep folder to analyse', 'sensitivity');
      if (!isSweepDirectory(first)) throw new UsageError(`${first} is not a folder holding a complete sweep; to run one, give --design`, 'sensitivity');
      out = first;
      written = writeSensitivity(first, resamples === undefined ? {} : { resamples });
    } else {
      if (v.resume === true && v.overwrite === true) throw new UsageError('give --resume or --overwrite, not both', 'sensitivity');
      const options: SensitivityRunOptions = {
        resume: v.resume === true,
        overwrite: v.overwrite === true,
        ...(v.workers === undefined ? {} : { workers: intFlag('sensitivity', 'workers', v.workers as string, 0, 0) }),
        ...(v['checkpoint-ms'] === undefined ? {} : { checkpointEveryMs: intFlag('sensitivity', 'checkpoint-ms', v['checkpoint-ms'] as string, 2000, 1) }),
        ...(v.out === undefined ? {} : { out: v.out as string }),
        ...(resamples === undefined ? {} : { resamples }),
      };
      if (first !== undefined) checkScenarioSource(first);
      const formats = v.format === undefined ? undefined : listFlag('sensitivity', 'format', v.format as string, FORMATS, []);
      if (formats !== undefined && !formats.includes('csv') && !formats.includes('ndjson')) {
        throw new UsageError('--format: include csv or ndjson (Arrow files are built from them)', 'sensitivity');
      }
      let spec: string | Record<string, unknown> = design;
      let read = readDesign(design, first, 'sensitivity');
      if (formats !== undefined && first === undefined && typeof read.scenario === 'string') {
        // The design's own scenario, as runSweepFromSpec would read it (a file relative to the design's folder), as sweep does.
        const ref = read.scenario;
        read = readDesign(design, /\.(ya?ml|json)$/i.test(ref) ? resolve(dirname(design), ref) : ref, 'sensitivity');
      }
      const override = formats !== undefined && typeof read.scenario === 'string';
      if (override) read = { ...read, formats };
      if (first !== undefined || override) {
        spec = read;
        options.out = specOutputDir({ spec: parseSweepSpec(spec), file: design, dir: process.cwd() }, options);
      }
      const printer = terminal.quiet ? null : createProgressPrinter({ label: 'sensitivity', stream: terminal.progressStream });
      const stop = stopOnSignals(terminal);
      try {
        const report = await runSensitivityFromSpec(spec as Parameters<typeof runSensitivityFromSpec>[0], {
          ...options, signal: stop.signal, ...(printer === null ? {} : { onProgress: printer.update }),
        });
        const s = report.sweep;
        terminal.note(s.alreadyComplete
          ? `${s.out}: sweep already complete (${s.manifest.shardRuns} runs)`
          : `${s.out}: ${s.executed} runs${s.resumed > 0 ? ` (+${s.resumed} resumed)` : ''} in ${formatDuration(s.elapsedMs)}`);
        written = report;
        out = s.out;
      } finally {
        printer?.done();
        stop.dispose();
      }
    }
    if (v.json === true) terminal.print(JSON.stringify(written.document, null, 2));
    else {
      printSummary(written, terminal);
      terminal.info(`files: ${written.files.join(', ')}`);
    }
    if (v.report === true) {
      const report = await writeSweepReport(out, { generator: `Made with counterpoise ${packageVersion()}` });
      terminal.note(`report: ${report.html}`);
    }
    return EXIT.ok;
  },
};
