import { join } from 'node:path';
import { loadScenario } from '../../node/loadScenario.js';
import { defaultRunFolder } from '../../node/outputs/outputFolder.js';
import { runToDirectory } from '../../node/outputs/runToDirectory.js';
import { packageVersion } from '../../node/packageVersion.js';
import { describeRun } from '../../report/describeRun.js';
import { defaultThreatTicks } from '../../report/RunTrace.js';
import { checkScenarioSource } from '../checkScenarioSource.js';
import { EXIT, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';
import { intFlag, listFlag, onePositional, seedFlag } from '../parseCommandArgs.js';

const FORMATS = ['csv', 'ndjson', 'arrow'] as const;

/** `counterpoise run`: run a scenario, write its tidy tables and print a short summary. */
export const runCommand: Command = {
  name: 'run',
  options: {
    seed: { type: 'string', short: 's' },
    ticks: { type: 'string', short: 't' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    report: { type: 'boolean' },
    overwrite: { type: 'boolean' },
    'threat-ticks': { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `Usage: counterpoise run <scenario file or bundled name> [options]

Runs a scenario once, writes its tidy tables to a folder and prints a short summary: the final
capability shares, the dominant strategy family per period, the alliances and institutions formed
and the aggression events. Same scenario and seed give the same files, byte for byte.

Options:
  -s, --seed N              run seed, a whole number in [0, 2^48) (default 42)
  -t, --ticks N             ticks to run (default 100)
  -o, --out DIR             output folder (default out/<scenario id>); an earlier run's outputs there
                            are replaced, so the folder holds exactly this run (written beside it
                            and renamed into place when complete: a failed run changes nothing)
      --overwrite           replace the folder even if it holds a sweep or files run did not write
  -f, --format LIST         table formats, comma-separated: csv, ndjson, arrow (default csv);
                            include csv or ndjson (Arrow files are built from them)
      --report              also write report.html and figures/*.svg (as "counterpoise report DIR")
      --threat-ticks LIST   ticks at which to record the threat matrix (default: first, quartiles, last)
      --json                print the result as one JSON document on stdout (out, scenario, seed, ticks,
                            years, files, summary, report) instead of the text summary
  -q, --quiet               print nothing but errors
      --debug               show the stack trace of an error
  -h, --help                show this help

Writes (a single run is an ensemble of one; columns in docs/cli.md):
  runs, ticks, events, summary   the experiments' tables (.csv/.ndjson/.arrow) and manifest.json
  states, threats, memberships   the report's tables, in the same formats
  run.json                       the run's manifest and summary

Examples:
  counterpoise run concert-of-europe
  counterpoise run concert-of-europe --seed 7 --ticks 200 --out out/coe-7 --report
  counterpoise run my-scenario.yaml --format csv,arrow --quiet

Exit codes: 0 success, 1 run failure (including a failed write: a full disk), 2 bad input or
usage (including an output folder holding a sweep or other files, without --overwrite).`,

  async run(args, terminal) {
    const source = onePositional('run', args, 'scenario (a .yaml/.json file or a bundled name; see "counterpoise list")');
    const v = args.values;
    const seed = seedFlag('run', v.seed as string | undefined, 42);
    const ticks = intFlag('run', 'ticks', v.ticks as string | undefined, 100, 1);
    const formats = listFlag('run', 'format', v.format as string | undefined, FORMATS, ['csv']);
    if (!formats.includes('csv') && !formats.includes('ndjson')) {
      throw new UsageError('--format: include csv or ndjson (Arrow files are built from them)', 'run');
    }
    const threatTicks = v['threat-ticks'] === undefined ? defaultThreatTicks(ticks)
      : (v['threat-ticks'] as string).split(',').map((s) => intFlag('run', 'threat-ticks', s.trim(), 0, 0));
    const outOfRange = threatTicks.filter((t) => t >= ticks);
    if (outOfRange.length > 0) throw new UsageError(`--threat-ticks: tick ${outOfRange[0]} is past the run's last tick (${ticks - 1})`, 'run');

    checkScenarioSource(source);
    const scenario = loadScenario(source);
    if (scenario.warnings.length > 0) {
      const n = scenario.warnings.length;
      terminal.note(`${terminal.errStyle('yellow', 'note:')} the scenario has ${n} warning${n === 1 ? '' : 's'} about its data; "counterpoise validate ${source}" lists ${n === 1 ? 'it' : 'them'}`);
    }
    const dir = (v.out as string | undefined) ?? defaultRunFolder(scenario.meta.id);
    const { manifest, summary, events, report } = await runToDirectory(scenario, {
      out: dir, seed, ticks, formats, threatTicks, source, version: packageVersion(), overwrite: v.overwrite === true,
      ...(v.report === true ? { report: { figures: true, generator: `Made with counterpoise ${packageVersion()}` } } : {}),
    });

    const json = v.json === true;
    const title = scenario.meta.title === '' ? scenario.meta.id : scenario.meta.title;
    if (!json) terminal.info(terminal.style('bold', `${title} — seed ${seed}, ${ticks} ticks (${summary.firstYear}–${summary.lastYear})`));
    const lines = describeRun(summary, events, { startYear: scenario.meta.startYear, yearsPerTick: 1 / scenario.meta.ticksPerYear });
    const width = Math.max(...lines.map((l) => l.label.length));
    if (!json) for (const l of lines) terminal.info(`  ${terminal.style('cyan', l.label.padEnd(width))}  ${l.text}`);
    if (!json) terminal.info(`wrote ${manifest.files.length} files to ${dir}: ${manifest.files.map((f) => f.name).join(', ')}`);
    if (report !== undefined && !json) {
      terminal.info(`report: ${report.html}${report.figures.length > 0 ? ` (+ ${report.figures.length} SVG figures in ${join(dir, 'figures')})` : ''}`);
    }
    if (json) {
      terminal.print(JSON.stringify({
        out: dir, scenario: scenario.meta.id, source, seed, ticks, firstYear: summary.firstYear, lastYear: summary.lastYear,
        warnings: scenario.warnings.length, files: manifest.files, summary, report: report ?? null,
      }, null, 2));
    }
    return EXIT.ok;
  },
};
