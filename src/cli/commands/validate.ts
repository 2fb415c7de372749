import { Document, isScalar, visit } from 'yaml';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { loadScenarioWithProvenance } from '../../node/loadScenario.js';
import type { DataProvenance } from '../../scenario/file/DataProvenance.js';
import { formatPath, ScenarioError } from '../../scenario/ScenarioError.js';
import { checkScenarioSource } from '../checkScenarioSource.js';
import { EXIT, UsageError } from '../CliError.js';
import type { Command } from '../Command.js';
import { onePositional } from '../parseCommandArgs.js';

/** One problem of `validate --json`: where it is and what is wrong (null where unknown). */
export interface ValidateProblem {
  file: string | null;
  line: number | null;
  column: number | null;
  /** The field, as `states[0].capabilities.mil` (`(scenario)` for the file as a whole). */
  path: string;
  message: string;
}

/** What `validate --json` prints. */
export interface ValidateResult {
  file: string;
  ok: boolean;
  problems: ValidateProblem[];
  warnings: string[];
  /** Counts of the valid scenario (null when it has problems). */
  summary: { id: string; states: number; institutions: number; events: number; startYear: number } | null;
}

/** What `validate --resolved` prints (as YAML or JSON). */
export interface ResolvedDocument {
  file: string;
  /** What each data reference became, in file order. */
  provenance: DataProvenance[];
  /** The resolved scenario: every default filled, every data reference replaced by its values. */
  scenario: ResolvedScenario;
}

const OUTPUT_FORMATS = ['yaml', 'json'] as const;

/** YAML with short lists of plain values on one line (`between: [ BRA, USA ]`), no anchors, no folding. */
function toYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Seq(_key, node) {
      const short = node.items.every((item) => isScalar(item) && String(item.value).length <= 40);
      if (short && JSON.stringify(node.toJSON()).length <= 100) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

function problemOf(issue: ScenarioError['issues'][number], source: string): ValidateProblem {
  return { file: issue.file ?? source, line: issue.line ?? null, column: issue.column ?? null, path: formatPath(issue.path), message: issue.message };
}

/** `counterpoise validate`: check a scenario file and report every problem with its position. */
export const validateCommand: Command = {
  name: 'validate',
  options: {
    json: { type: 'boolean' },
    resolved: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
  },
  help: `Usage: counterpoise validate <scenario file or bundled name> [options]

Checks a scenario file (YAML or JSON) completely — syntax, fields, types, references between
states and institutions, data references, expressions, admissible parameters — and reports every
problem at once, one line each: file:line:column  field.path  what is wrong.

Options:
      --json          print the result as one JSON document on stdout:
                      {file, ok, problems: [{file, line, column, path, message}], warnings, summary}
      --resolved      print the resolved scenario (every default filled, every data reference
                      replaced by its values) and what each data reference became: which COW state
                      each state is, which NMC file and year gave its capabilities, which COW
                      alliances made which pairs allies, the trade proxy's values, IGO members
  -f, --format FMT    with --resolved: yaml (default) or json (--json is --format json)
  -q, --quiet         print nothing when the file is valid
      --debug         show the stack trace of an error
  -h, --help          show this help

Examples:
  counterpoise validate my-scenario.yaml
  counterpoise validate scenarios/concert-of-europe.yaml && echo ok
  counterpoise validate my-scenario.yaml --json
  counterpoise validate brics-plus --resolved
  counterpoise validate brics-plus --resolved --format json > resolved.json

Exit codes: 0 the file is valid, 2 it has problems (or cannot be read), 1 something else failed.`,

  async run(args, terminal) {
    const source = onePositional('validate', args, 'scenario file');
    const v = args.values;
    const format = v.format as string | undefined;
    if (format !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format: unknown value "${format}" (expected ${OUTPUT_FORMATS.join(', ')})`, 'validate');
    }
    if (format !== undefined && v.resolved !== true) throw new UsageError('--format applies to --resolved only (for a JSON result, give --json)', 'validate');
    if (format === 'yaml' && v.json === true) throw new UsageError('give --json or --format yaml, not both', 'validate');
    const json = v.json === true || format === 'json';

    let loaded: ReturnType<typeof loadScenarioWithProvenance>;
    try {
      checkScenarioSource(source);
      loaded = loadScenarioWithProvenance(source);
    } catch (error) {
      if (!json || !(error instanceof ScenarioError)) throw error;
      const result: ValidateResult = { file: source, ok: false, problems: error.issues.map((i) => problemOf(i, source)), warnings: [], summary: null };
      terminal.print(JSON.stringify(result, null, 2));
      return EXIT.badInput;
    }
    const { scenario, provenance } = loaded;

    if (v.resolved === true) {
      for (const w of scenario.warnings) terminal.note(`${terminal.errStyle('yellow', 'warning:')} ${w}`);
      const doc: ResolvedDocument = { file: source, provenance, scenario };
      terminal.print(json ? JSON.stringify(doc, null, 2) : toYaml(doc));
      return EXIT.ok;
    }
    if (json) {
      const result: ValidateResult = {
        file: source, ok: true, problems: [], warnings: [...scenario.warnings],
        summary: {
          id: scenario.meta.id, states: scenario.states.length, institutions: scenario.institutions.length,
          events: scenario.events.length, startYear: scenario.meta.startYear,
        },
      };
      terminal.print(JSON.stringify(result, null, 2));
      return EXIT.ok;
    }
    for (const w of scenario.warnings) terminal.note(`${terminal.errStyle('yellow', 'warning:')} ${w}`);
    const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
    terminal.info(`${source}: ${terminal.style('green', 'valid')} — ${scenario.meta.id}, ${count(scenario.states.length, 'state')}, `
      + `${count(scenario.institutions.length, 'institution')}, ${count(scenario.events.length, 'event')}, from ${scenario.meta.startYear}`
      + `${scenario.warnings.length > 0 ? `, ${count(scenario.warnings.length, 'warning')}` : ''}`);
    return EXIT.ok;
  },
};
