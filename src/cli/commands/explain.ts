import { createSimulation } from '../../engine/Simulation.js';
import { loadScenario } from '../../node/loadScenario.js';
import { EXIT, InputError, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';
import { formatExplanation } from '../formatExplanation.js';
import { checkScenarioSource } from '../checkScenarioSource.js';
import { intFlag, onePositional, seedFlag } from '../parseCommandArgs.js';

/** `counterpoise explain`: why one state acted as it did in one tick. */
export const explainCommand: Command = {
  name: 'explain',
  options: {
    state: { type: 'string' },
    tick: { type: 'string', short: 't' },
    seed: { type: 'string', short: 's' },
    json: { type: 'boolean' },
  },
  help: `Usage: counterpoise explain <scenario> --state ID --tick N [options]

Runs the scenario up to tick N (0-based, as in ticks.csv) and explains the decision the state took
in that tick: its main threat and Walt's four components of that threat (power, proximity,
offence, intent), every great power in its threat ranking with T, those components and the
state's institutions on each side of it, the context variables, each option's utility broken into
its terms, the logit probabilities, the option drawn, and the venue and partner of the act (ally,
entente partner, club members). The run is the same as "counterpoise run" with the same seed.

Options:
      --state ID          the state to explain (required)
  -t, --tick N            the tick (required; 0 is the first)
  -s, --seed N            run seed, a whole number (default 42, as "run")
      --json              print the explanation as JSON
      --debug             show the stack trace of an error
  -h, --help              show this help

Examples:
  counterpoise explain turkiye-dual-track --state TUR --tick 10
  counterpoise explain concert-of-europe --state UKG --tick 0 --seed 7 --json

Exit codes: 0 success, 1 run failure, 2 bad input or usage (unknown state, missing flag).`,

  async run(args, terminal) {
    const source = onePositional('explain', args, 'scenario (a .yaml/.json file or a bundled name)');
    const v = args.values;
    if (v.state === undefined) throw new UsageError('missing --state (the id of the state to explain)', 'explain');
    if (v.tick === undefined) throw new UsageError('missing --tick (the 0-based tick to explain)', 'explain');
    const state = v.state as string;
    const tick = intFlag('explain', 'tick', v.tick as string, 0, 0);
    const seed = seedFlag('explain', v.seed as string | undefined, 42);
    checkScenarioSource(source);
    const scenario = loadScenario(source);
    if (!scenario.states.some((s) => s.id === state)) {
      throw new InputError(`no state "${state}" in scenario ${scenario.meta.id}; its states are ${scenario.states.map((s) => s.id).join(', ')}`);
    }
    const sim = createSimulation(scenario, { seed });
    sim.run(tick);
    const { explanation } = sim.stepAndExplain(state);
    if (v.json === true) {
      terminal.print(JSON.stringify({ scenario: scenario.meta.id, seed, ...explanation }, null, 2));
      return EXIT.ok;
    }
    for (const line of formatExplanation(explanation, seed, terminal)) terminal.print(line);
    return EXIT.ok;
  },
};
