import { loadScenario } from '../../node/loadScenario.js';
import { EXIT } from '../CliError.js';
import type { Command } from '../Command.js';
import { onePositional } from '../parseCommandArgs.js';

/** `counterpoise validate`: check a scenario file and report every problem with its position. */
export const validateCommand: Command = {
  name: 'validate',
  options: {},
  help: `Usage: counterpoise validate <scenario file or bundled name> [options]

Checks a scenario file (YAML or JSON) completely — syntax, fields, types, references between
states and institutions, data references, expressions, admissible parameters — and reports every
problem at once, one line each: file:line:column  field.path  what is wrong.

Options:
  -q, --quiet   print nothing when the file is valid
      --debug   show the stack trace of an error
  -h, --help    show this help

Examples:
  counterpoise validate my-scenario.yaml
  counterpoise validate scenarios/concert-of-europe.yaml && echo ok

Exit codes: 0 the file is valid, 2 it has problems (or cannot be read), 1 something else failed.`,

  async run(args, terminal) {
    const source = onePositional('validate', args, 'scenario file');
    const scenario = loadScenario(source);
    for (const w of scenario.warnings) terminal.note(`${terminal.errStyle('yellow', 'warning:')} ${w}`);
    const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
    terminal.info(`${source}: ${terminal.style('green', 'valid')} — ${scenario.meta.id}, ${count(scenario.states.length, 'state')}, `
      + `${count(scenario.institutions.length, 'institution')}, ${count(scenario.events.length, 'event')}, from ${scenario.meta.startYear}`
      + `${scenario.warnings.length > 0 ? `, ${count(scenario.warnings.length, 'warning')}` : ''}`);
    return EXIT.ok;
  },
};
