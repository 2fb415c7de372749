import { mergeShards } from '../../node/experiments/mergeShards.js';
import { packageVersion } from '../../node/packageVersion.js';
import { writeSweepReport } from '../../node/report/writeSweepReport.js';
import { EXIT, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';

/** `counterpoise merge`: join the outputs of a sharded sweep into the whole sweep's output. */
export const mergeCommand: Command = {
  name: 'merge',
  options: {
    out: { type: 'string', short: 'o' },
    overwrite: { type: 'boolean' },
    report: { type: 'boolean' },
  },
  help: `Usage: counterpoise merge <shard folder>... --out DIR [options]
       (also: counterpoise sweep merge <shard folder>... --out DIR)

Merges the output folders of the shards of one sweep ("counterpoise sweep --shard i/n" for every
i of one n, each complete) into the output of the whole sweep — byte for byte what the unsharded
sweep writes, summary and Arrow files included. Refuses shards that are missing, duplicated,
unfinished or from different sweeps, naming each.

Options:
  -o, --out DIR      the merged output folder (required)
      --overwrite    replace a sweep already in that folder
      --report       also write report.html and figures/ there
  -q, --quiet        print nothing but errors
      --debug        show the stack trace of an error
  -h, --help         show this help

Examples:
  counterpoise merge out/lambda/shard-0-of-2 out/lambda/shard-1-of-2 --out out/lambda
  counterpoise merge out/lambda/shard-* --out out/lambda --report

Exit codes: 0 success, 1 writing failed, 2 bad input or usage (missing or mismatched shards).`,

  async run(args, terminal) {
    const out = args.values.out as string | undefined;
    if (out === undefined) throw new UsageError('missing --out (the merged output folder)', 'merge');
    if (args.positionals.length === 0) throw new UsageError('missing the shard folders to merge', 'merge');
    const manifest = await mergeShards(args.positionals, out, {
      overwrite: args.values.overwrite === true,
      onPhase: (what) => terminal.note(`merge: ${what}`),
    });
    terminal.info(`${out}: ${manifest.runs} runs merged from ${args.positionals.length} shards; files: ${Object.keys(manifest.files).join(', ')}, manifest.json`);
    if (args.values.report === true) {
      const written = await writeSweepReport(out, { generator: `Made with counterpoise ${packageVersion()}` });
      terminal.info(`report: ${written.html}`);
    }
    return EXIT.ok;
  },
};
