import { COMMANDS } from './commands.js';

/** The top-level usage text (`counterpoise --help`). */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `counterpoise — agent-based simulation of hard, soft and institutional balancing among states

Usage: counterpoise <command> [arguments] [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}
  ${'help'.padEnd(width)}  show a command's help: "counterpoise help run" is "counterpoise run --help"

Options:
  -h, --help     show help (also after a command: counterpoise run --help)
  -V, --version  print the version
  -q, --quiet    print only errors
      --debug    show the stack trace of an error

Examples:
  counterpoise list
  counterpoise run concert-of-europe --seed 42 --ticks 100 --out out/coe --report
  counterpoise explain turkiye-dual-track --state TUR --tick 10
  counterpoise validate my-scenario.yaml
  counterpoise report out/coe

Exit codes: 0 success, 1 run failure, 2 bad input or usage, 130 a sweep or sensitivity analysis
stopped by Ctrl-C or SIGTERM after checkpointing (--resume continues it).
Colours: off when NO_COLOR is set or output is not a terminal. Docs: docs/cli.md`;
}
