import { listBundledScenarios } from '../../node/listBundledScenarios.js';
import { EXIT, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';

/** `counterpoise list`: the bundled scenarios with their one-line descriptions. */
export const listCommand: Command = {
  name: 'list',
  options: { json: { type: 'boolean' } },
  help: `Usage: counterpoise list [options]

Lists the bundled scenarios: the name to give "run", "sweep", "sensitivity", "explain",
"explore" and "validate" (or a design file's "scenario"), and a one-line description of each.

Options:
      --json    print a JSON array (name, id, title, description, path)
      --debug   show the stack trace of an error
  -h, --help    show this help

Examples:
  counterpoise list
  counterpoise list --json

Exit codes: 0 success, 2 bad usage.`,

  async run(args, terminal) {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}" (list takes none)`, 'list');
    const scenarios = listBundledScenarios();
    if (args.values.json === true) {
      terminal.print(JSON.stringify(scenarios, null, 2));
      return EXIT.ok;
    }
    if (scenarios.length === 0) {
      terminal.print('no bundled scenarios found');
      return EXIT.ok;
    }
    const width = Math.max(...scenarios.map((s) => s.name.length));
    for (const s of scenarios) {
      const text = s.description !== '' ? s.description : s.title;
      terminal.print(`${terminal.style('bold', s.name.padEnd(width))}  ${text}`);
    }
    return EXIT.ok;
  },
};
