import { spawn } from 'node:child_process';
import { loadScenario } from '../../node/loadScenario.js';
import { writeExplorer } from '../../node/explore/writeExplorer.js';
import { EXIT, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';
import { checkScenarioSource } from '../checkScenarioSource.js';
import { seedFlag } from '../parseCommandArgs.js';

/** `counterpoise explore`: writes the interactive explorer of a scenario as one offline HTML file. */
export const exploreCommand: Command = {
  name: 'explore',
  options: {
    seed: { type: 'string', short: 's' },
    out: { type: 'string', short: 'o' },
    open: { type: 'boolean' },
    'with-data': { type: 'boolean' },
  },
  help: `Usage: counterpoise explore [scenario] [options]

Writes the interactive explorer of a scenario (default: concert-of-europe) as one self-contained
HTML file, <out>/<scenario id>.html, and prints its path. Open it in a browser, offline from the
file: the model runs in the page (in a Web Worker). Play, pause, step and reset the run; change the
seed, the speed, the system conditions λ, ν, θ and a few model parameters (kept in the admissible
set, the violated constraint named); watch the strategy families, capability shares and CON, the
threat matrix and the timeline of events; click a state to see why it chose what it did; export
the ticks (CSV) and any view (SVG, PNG). Pick any bundled scenario in the page, or drop a scenario
file on it to validate and run it — with data references only on a page built with --with-data,
which carries the Correlates of War tables. See docs/explore.md.

Options:
  -s, --seed N      the seed the page starts with, a whole number (default 42, as "run")
  -o, --out DIR     the folder to write into (default out/explore)
      --open        also open the page with xdg-open (or open on macOS)
      --with-data   carry the COW tables in the page (about 1.1 MiB more), so that files
                    dropped on it may use data references (nmc, majors, igo, alliances, trade)
      --debug       show the stack trace of an error
  -h, --help        show this help

Examples:
  counterpoise explore concert-of-europe
  counterpoise explore my-scenario.yaml --seed 7 --open
  counterpoise explore multipolar-2020s --with-data

Exit codes: 0 success, 1 failure writing the file, 2 bad input or usage.`,

  async run(args, terminal) {
    if (args.positionals.length > 1) throw new UsageError(`unexpected argument "${args.positionals[1]}" (explore takes one scenario)`, 'explore');
    const source = args.positionals[0] ?? 'concert-of-europe';
    const v = args.values;
    const seed = seedFlag('explore', v.seed as string | undefined, 42);
    const outDir = (v.out as string | undefined) ?? 'out/explore';
    checkScenarioSource(source);
    const scenario = loadScenario(source);
    const file = writeExplorer(scenario, { outDir, seed, withData: v['with-data'] === true });
    terminal.print(file);
    if (v.open === true) {
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      try {
        const child = spawn(opener, [file], { detached: true, stdio: 'ignore' });
        child.on('error', () => terminal.error(`could not start ${opener}; open ${file} in a browser`));
        child.unref();
      } catch {
        // The path is printed: the user can open it.
      }
    }
    return EXIT.ok;
  },
};
