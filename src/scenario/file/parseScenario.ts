import { defaultParameters } from '../../model/defaultParameters.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { brandResolved } from '../resolvedBrand.js';
import { resolveScenario, type ResolveOptions } from '../resolveScenario.js';
import { ScenarioError, type ScenarioIssue } from '../ScenarioError.js';
import { requiredFieldMessage } from '../requiredFieldMessage.js';
import type { DataProvenance } from './DataProvenance.js';
import { expandDataReferences, type Origin } from './expandDataReferences.js';
import { expressionIssues } from './expressionIssues.js';
import { readScenarioDocument, type ScenarioFormat } from './readScenarioDocument.js';
import type { ScenarioDataProvider } from './ScenarioDataProvider.js';
import type { ScenarioDocument } from './ScenarioDocument.js';
import { scenarioFileSchema } from './scenarioFileSchema.js';
import { schemaIssues } from './schemaIssues.js';

type Key = string | number;

/** Options of {@link parseScenario}. */
export interface ParseScenarioOptions {
  /** The file name put on every issue (`file:line:column  path  message`); default: none. */
  file?: string;
  /** Where data references find the COW tables; without it, a file with data references is an error. */
  data?: ScenarioDataProvider;
  /** Options of `resolveScenario` (e.g. `allowInadmissible`). */
  resolve?: ResolveOptions;
  /**
   * Reads the parameter file named by `parameters: { from }` and returns its `parameters:` mapping
   * (loadScenario reads it relative to the scenario file); throws an Error saying what is wrong.
   * Without it, a file with `from` is an error.
   */
  parameterFile?: (from: string) => unknown;
}

/**
 * Parses the text of a scenario file (YAML or JSON) into a resolved scenario: parse with source
 * positions → check against the file schema (`scenarioFileSchema`) → expand data references with
 * `options.data` → `resolveScenario`. Works in the browser; in Node, `loadScenario` reads files
 * and supplies the bundled data.
 *
 * Every problem is reported at once, in file order, each as `file:line:column  path  message`:
 * syntax errors (then nothing else), unknown fields, wrong types, non-finite numbers, references
 * to states or institutions that do not exist, duplicate ids, data years outside a file's coverage,
 * states that do not exist in a year, expressions that are not allowed, parameters outside the
 * admissible set. A problem in a value drawn from the data is placed at the reference that drew it.
 *
 * Data fallbacks (e.g. a capability dimension drawn from one of its two NMC components) are added
 * to the resolved scenario's `warnings`.
 *
 * @param text - the file's content.
 * @param format - `yaml` or `json`.
 * @param options - file name for messages, data provider, resolve options.
 * @throws ScenarioError listing every problem, with file, line, column and path.
 */
export function parseScenario(text: string, format: ScenarioFormat, options: ParseScenarioOptions = {}): ResolvedScenario {
  return parseScenarioWithProvenance(text, format, options).scenario;
}

/** A resolved scenario with what each of its file's data references became. */
export interface ScenarioWithProvenance {
  scenario: ResolvedScenario;
  /** One entry per data reference expanded (and per state bound to a COW state), in file order. */
  provenance: DataProvenance[];
}

/**
 * {@link parseScenario}, also returning the provenance of the values drawn from the data: which COW
 * state each state stands for, which NMC file and year gave its capabilities, which COW alliances
 * made which pairs allies, the trade proxy's totals and values, the IGO members drawn
 * (`counterpoise validate --resolved` prints both).
 * @throws ScenarioError as parseScenario.
 */
export function parseScenarioWithProvenance(text: string, format: ScenarioFormat, options: ParseScenarioOptions = {}): ScenarioWithProvenance {
  const file = options.file ?? options.resolve?.file;
  const { document, issues: syntax } = readScenarioDocument(text, format);
  if (syntax.length > 0) throw error(syntax, file);
  const read = document.value;
  if (read === null || read === undefined) {
    throw error([{ path: [], message: 'the file holds no scenario (it is empty)', ...document.positionOf([]) }], file);
  }
  const fromFile = parametersFrom(read, options.parameterFile);
  if (fromFile.issue !== undefined) throw error([{ ...fromFile.issue, ...document.positionOf(fromFile.issue.path) }], file);
  const value = fromFile.value;

  const checked = scenarioFileSchema.safeParse(value, { error: requiredFieldMessage });
  const fileIssues = checked.success ? [] : schemaIssues(checked.error.issues, value);
  const expansion = expandDataReferences(value, options.data);

  let resolved: ResolvedScenario | undefined;
  let coreIssues: readonly ScenarioIssue[] = [];
  try {
    const { file: _ignored, ...resolveOptions } = options.resolve ?? {};
    resolved = resolveScenario(expansion.input, resolveOptions);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    coreIssues = e.issues;
  }

  // The file schema checks every core field as the core does: a core issue at or under a path the
  // file schema (or a failed data reference) already reported is the same problem, or its echo.
  const primary = [...fileIssues, ...expressionIssues(value), ...expansion.issues];
  // An institution whose members stand in for a failed data reference cannot be checked against
  // its veto holders either (model §5.12): those issues are the same problem's echo.
  const vetoEchoes = expansion.placeholders
    .filter((p) => p.length === 3 && p[0] === 'institutions' && p[2] === 'members')
    .map((p) => [p[0], p[1], 'vetoMembers']);
  const covered = [...primary.map((i) => i.path), ...expansion.placeholders, ...vetoEchoes];
  const all = [...primary, ...coreIssues.filter((i) => !covered.some((p) => startsWith(i.path, p)))];
  if (all.length > 0) throw error(all.map((i) => locate(i, expansion.origins, document)), file);

  if (resolved === undefined) throw new Error('parseScenario: resolveScenario returned nothing');
  const provenance = [...expansion.provenance];
  if (expansion.notes.length === 0) return { scenario: resolved, provenance };
  return { scenario: brandResolved({ ...resolved, warnings: [...resolved.warnings, ...expansion.notes] }), provenance };
}

/** Adds the line and column of the field (or of the reference that produced it). */
function locate(issue: ScenarioIssue, origins: readonly Origin[], document: ScenarioDocument): ScenarioIssue {
  if (issue.line !== undefined) return issue;
  let origin: Origin | undefined;
  for (const o of origins) if (startsWith(issue.path, o.path) && (origin === undefined || o.path.length > origin.path.length)) origin = o;
  const filePath = origin === undefined ? issue.path : [...origin.from, ...issue.path.slice(origin.path.length)];
  return { ...issue, ...document.positionOf(filePath) };
}

/** A ScenarioError with the issues in file order (stable), each naming the file. */
function error(issues: readonly ScenarioIssue[], file: string | undefined): ScenarioError {
  const ordered = issues
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity)
      || (a.issue.column ?? Infinity) - (b.issue.column ?? Infinity) || a.k - b.k)
    .map(({ issue }) => (file === undefined ? issue : { ...issue, file }));
  return new ScenarioError(ordered);
}

function startsWith(path: readonly Key[], prefix: readonly Key[]): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
}

/**
 * `parameters: { from: FILE, …}`: the parameter file's mapping with the scenario's own keys on
 * top, in place of the section (the rest of the file untouched), or the issue at `parameters.from`.
 */
function parametersFrom(value: unknown, readFile: ((from: string) => unknown) | undefined): { value: unknown; issue?: ScenarioIssue } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { value };
  const params = (value as Record<string, unknown>).parameters;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return { value };
  const { from, ...own } = params as Record<string, unknown>;
  if (from === undefined) return { value };
  const path = ['parameters', 'from'];
  if (typeof from !== 'string') return { value }; // the schema reports it
  if (readFile === undefined) return { value, issue: { path, message: `a parameter file ("${from}") is read by loadScenario (Node), relative to the scenario file; parseScenario has no file to read it from` } };
  let loaded: unknown;
  try {
    loaded = readFile(from);
  } catch (e) {
    return { value, issue: { path, message: `parameter file "${from}": ${(e as Error).message}` } };
  }
  if (loaded === null || typeof loaded !== 'object' || Array.isArray(loaded)) {
    return { value, issue: { path, message: `parameter file "${from}" has no \`parameters:\` mapping` } };
  }
  const known = new Set(Object.keys(defaultParameters()));
  const unknown = Object.keys(loaded).filter((k) => !known.has(k));
  if (unknown.length > 0) return { value, issue: { path, message: `parameter file "${from}": unknown model parameter(s) ${unknown.join(', ')}` } };
  return { value: { ...(value as Record<string, unknown>), parameters: { ...(loaded as Record<string, unknown>), ...own } } };
}
