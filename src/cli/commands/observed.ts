import { observedBehaviour, writeObservedCsv } from '../../node/observedBehaviour.js';
import { OBSERVED_ACTS, type ObservedCategory, type ObservedRow } from '../../observed/ObservedRow.js';
import { EXIT, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';

/** A whole year from a flag's text, or a usage error naming the flag. */
function yearFlag(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--${flag}: "${text}" is not a year (e.g. 1816)`, 'observed');
  return Number(text);
}

/** Rows per category, in precedence order then NONE. */
function countCategories(rows: readonly ObservedRow[]): Record<ObservedCategory, number> {
  const counts = Object.fromEntries([...OBSERVED_ACTS, 'NONE'].map((c) => [c, 0])) as Record<ObservedCategory, number>;
  for (const r of rows) counts[r.category] += 1;
  return counts;
}

/** `counterpoise observed`: the observed record of balancing acts per state-year, as CSV. */
export const observedCommand: Command = {
  name: 'observed',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  },
  help: `Usage: counterpoise observed [--from YEAR] [--to YEAR] [--out FILE] [options]

Codes every state-year of the Correlates of War state system from the bundled data into its
observed balancing act: HE (joined a defence pact), HI (military build-up), SE (joined an
entente, neutrality or non-aggression pact), IE / II (joined an IGO that excludes / includes the
state's main threat), or NONE. Several acts in one year: the category is the first of
HE > HI > SE > IE > II, and every act's flag is a column too. Sanctions and legitimacy denial are
not in the data. The coding rules are in docs/validation.md ("Coding the observed record").

Writes CSV (read.csv in R, read_csv in pandas): ccode, stateId, year, category, HE, HI, SE, IE,
II (0/1), buildup, mainThreatCcode, mainThreat (NA where none), alliancesJoined, igosJoined.

Options:
      --from YEAR   first year (default 1816)
      --to YEAR     last year (default 2012, the end of the alliance data)
  -o, --out FILE    write the CSV to FILE (written whole, then renamed); without it, print the CSV
      --json        print a JSON object: span, counts per category, file written (and the rows
                    when there is no --out)
  -q, --quiet       print nothing but errors
      --debug       show the stack trace of an error
  -h, --help        show this help

Examples:
  counterpoise observed --from 1816 --to 2012 --out observed.csv
  counterpoise observed --from 1945 --to 1991 --json

Exit codes: 0 success, 1 writing failed, 2 bad usage (a year outside 1816–2012, from after to).`,

  async run(args, terminal) {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}" (observed takes none)`, 'observed');
    const from = yearFlag(args.values.from, 'from') ?? 1816;
    const to = yearFlag(args.values.to, 'to') ?? 2012;
    const out = args.values.out as string | undefined;
    let rows: ObservedRow[];
    try {
      rows = out === undefined ? observedBehaviour({ from, to }) : writeObservedCsv(out, { from, to });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message.replace(/^(from|to):/, '--$1:'), 'observed');
      throw error;
    }
    const counts = countCategories(rows);
    if (args.values.json === true) {
      // Absent values (no measured build-up, no main threat) as null, so every row has every key.
      const document = { from, to, stateYears: rows.length, counts, ...(out === undefined ? { rows } : { file: out }) };
      terminal.print(JSON.stringify(document, (_key, value: unknown) => (value === undefined ? null : value), 2));
      return EXIT.ok;
    }
    if (out === undefined) {
      const { observedCsv } = await import('../../observed/observedCsv.js');
      terminal.print(observedCsv(rows).trimEnd());
      return EXIT.ok;
    }
    terminal.info(`${out}: ${rows.length} state-years ${from}–${to}; ${Object.entries(counts).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    return EXIT.ok;
  },
};
