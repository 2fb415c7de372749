import { existsSync, statSync } from 'node:fs';
import { isRunDirectory } from '../../node/outputs/readRunOutputs.js';
import { isSweepDirectory } from '../../node/outputs/readSweepOutputs.js';
import { packageVersion } from '../../node/packageVersion.js';
import { writeRunReport } from '../../node/report/writeRunReport.js';
import { writeSweepReport } from '../../node/report/writeSweepReport.js';
import { EXIT, InputError } from '../CliError.js';
import type { Command } from '../Command.js';
import { onePositional } from '../parseCommandArgs.js';

/** `counterpoise report`: build the HTML report and SVG figures from a run's or a sweep's folder. */
export const reportCommand: Command = {
  name: 'report',
  options: {
    out: { type: 'string', short: 'o' },
    'no-figures': { type: 'boolean' },
  },
  help: `Usage: counterpoise report <run or sweep output folder> [options]

Builds one self-contained HTML report (it opens offline: the charting library and the data are
inside) from the files a run or sweep wrote, and exports the main charts as SVG for papers.
For a run: strategy families and options over time, capability shares and CON, the threat matrix
at the recorded ticks, the membership timeline (alliances and institutions, inclusive or exclusive
of each state's main threat; dual-track states first), legitimacy and restraint of the
most-targeted states. For a sweep: each summary metric against each swept parameter with 95%
confidence bands.

Options:
  -o, --out DIR      where to write report.html and figures/ (default: the folder itself)
      --no-figures   skip the SVG figures
  -q, --quiet        print nothing but errors
      --debug        show the stack trace of an error
  -h, --help         show this help

Examples:
  counterpoise run concert-of-europe --out out/coe && counterpoise report out/coe
  counterpoise report out/sweep-1 --out papers/figures

Exit codes: 0 success, 1 failure while writing, 2 the folder is missing or not a run's or sweep's.`,

  async run(args, terminal) {
    const dir = onePositional('report', args, 'output folder of a run or sweep');
    if (!existsSync(dir)) throw new InputError(`${dir}: no such folder`);
    if (!statSync(dir).isDirectory()) throw new InputError(`${dir}: not a folder (give the output folder of a run or sweep)`);
    const options = {
      figures: args.values['no-figures'] !== true,
      generator: `Made with counterpoise ${packageVersion()}`,
      ...(args.values.out === undefined ? {} : { out: args.values.out as string }),
    };
    // A run's folder also holds its one-run ensemble's manifest.json: run.json decides.
    const kind = isRunDirectory(dir) ? 'run' : isSweepDirectory(dir) ? 'sweep' : null;
    if (kind === null) {
      throw new InputError(`${dir}: holds neither a run (run.json) nor a complete sweep (manifest.json); `
        + 'give a folder written by "counterpoise run" or "counterpoise sweep"');
    }
    const written = kind === 'run' ? await writeRunReport(dir, options) : await writeSweepReport(dir, options);
    terminal.info(`report: ${written.html}`);
    for (const f of written.figures) terminal.info(`figure: ${f}`);
    return EXIT.ok;
  },
};
