import { rmSync } from 'node:fs';
import { loadCalibrationSpec, writeParameterFile, type CalibrationSpec } from '../../node/calibration/calibrate.js';
import { calibrateInWorkers } from '../../node/calibration/calibrateInWorkers.js';
import { defaultWorkerCount } from '../../node/experiments/runPool.js';
import { intFlag } from '../parseCommandArgs.js';
import { describeInterval } from '../../calibration/profileLikelihood.js';
import { EXIT, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';

/** `counterpoise calibrate <spec>`: maximum likelihood along the observed record, with intervals. */
export const calibrateCommand: Command = {
  name: 'calibrate',
  options: {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    'no-intervals': { type: 'boolean' },
    'cross-validate': { type: 'boolean' },
    workers: { type: 'string', short: 'w' },
  },
  help: `Usage: counterpoise calibrate [SPEC] [--out FILE] [options]

Estimates the model's choice rule (model §5.4) from the observed record (docs/validation.md):
drives each era along the data (capabilities, alliances and memberships as inputs, beliefs moved
by the observed acts), maximises the likelihood of the observed categories inside the admissible
set (C1–C8), and computes 95 % profile-likelihood intervals. A parameter whose profile is flat is
reported as not identified, not as a number. With crossValidate, also the blocked cross-validation
(each era held out in turn; the forward split at 1945) against the baselines. The intervals and
folds run on worker threads; with --out, a checkpoint (FILE.checkpoint.json) is written after each
one, and the same command run again after an interruption resumes from it, with the same result.
Progress goes to stderr.

SPEC is a YAML or JSON file (default: every field's default):
  eras: [era-1815-1853, era-1945-1991]     # bundled eras (default: all seven)
  estimate: [kappaHE, { name: betaH, lower: 0, upper: 15 }]   # default: 15 costs and slopes
  seed: 0                                  # seed of the drives (aggression draws)
  perception: walt                         # or power (the power-only baseline)
  intervals: true
  crossValidate: false                     # also the out-of-sample folds (two eras or more)

Options:
  -o, --out FILE      write the fitted parameters as a parameter file (YAML, with provenance)
      --json          print the result as JSON (estimates, intervals, log-likelihood, timings)
      --no-intervals  skip the profile intervals (most of the time)
      --cross-validate  also run the cross-validation folds (as crossValidate: true)
  -w, --workers N     worker threads for the intervals and folds (default: every core); 0 runs
                      them in this thread
  -q, --quiet         print nothing but errors
      --debug         show the stack trace of an error
  -h, --help          show this help

Examples:
  counterpoise calibrate --out fitted.yaml
  counterpoise calibrate spec.yaml --json --no-intervals
  counterpoise calibrate spec.yaml --cross-validate --workers 2 --out fitted.yaml   # rerun to resume

Exit codes: 0 success (a fit that did not converge says so and writes what it has), 2 bad input
(an unknown parameter, one outside the choice rule, a bound outside the admissible set, an era
without data), 1 writing failed.`,

  async run(args, terminal) {
    if (args.positionals.length > 1) throw new UsageError(`unexpected argument "${args.positionals[1]}" (calibrate takes one spec file)`, 'calibrate');
    const file = args.positionals[0];
    const spec: CalibrationSpec = file === undefined ? {} : loadCalibrationSpec(file);
    if (args.values['no-intervals'] === true) spec.intervals = false;
    if (args.values['cross-validate'] === true) spec.crossValidate = true;
    const workers = intFlag('calibrate', 'workers', args.values.workers as string | undefined, defaultWorkerCount());
    const out = args.values.out as string | undefined;
    const checkpoint = out === undefined ? undefined : `${out}.checkpoint.json`;
    const report = await calibrateInWorkers(spec, {
      workers, onProgress: (line) => terminal.note(line), ...(file === undefined ? {} : { file }), ...(checkpoint === undefined ? {} : { checkpoint }),
    });
    if (out !== undefined) {
      writeParameterFile(out, report);
      rmSync(checkpoint as string, { force: true });
    }
    if (!report.fit.converged) terminal.note('calibrate: the fit did not converge (the Newton steps ran out); the estimates are where it stopped');
    if (args.values.json === true) {
      terminal.print(JSON.stringify({
        estimates: report.fit.estimates,
        intervals: report.intervals.map((p) => ({ name: p.name, estimate: p.estimate, lower: p.lower, upper: p.upper, lowerEnd: p.lowerEnd, upperEnd: p.upperEnd, identified: p.identified })),
        logLikelihood: report.fit.logLikelihood, startLogLikelihood: report.fit.startLogLikelihood, converged: report.fit.converged,
        crossValidation: report.crossValidation,
        rows: report.rows, seconds: report.seconds, provenance: report.provenance, ...(out === undefined ? {} : { file: out }),
      }, null, 2));
      return EXIT.ok;
    }
    const byName = new Map(report.intervals.map((p) => [p.name, p]));
    terminal.print(`log-likelihood ${report.fit.logLikelihood.toFixed(2)} (defaults: ${report.fit.startLogLikelihood.toFixed(2)}) over ${report.fit.rows} state-years`);
    for (const [name, value] of Object.entries(report.fit.estimates)) {
      const p = byName.get(name);
      terminal.print(p === undefined ? `  ${name.padEnd(10)} ${value.toPrecision(4)}` : p.identified ? `  ${name.padEnd(10)} ${value.toPrecision(4)}  ${describeInterval(p)}` : `  ${name.padEnd(10)} ${describeInterval(p)}`);
    }
    if (report.crossValidation.length > 0) {
      terminal.print('out of sample (log-loss; lower is better): fitted (Walt) | fitted, power-only | defaults | training base rates');
      for (const r of report.crossValidation) {
        const s = r.scores;
        terminal.print(`  ${r.fold}: ${r.era} (${r.n} state-years)  ${[s.fitted, s.powerFitted, s.defaults, s.baseRates].map((x) => x.logLoss.toFixed(3)).join(' | ')}`);
      }
    }
    if (out !== undefined) terminal.info(`wrote ${out}`);
    return EXIT.ok;
  },
};
