import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { ScenarioIssue } from '../ScenarioError.js';
import { jsonSyntaxError } from './jsonSyntaxError.js';
import { ScenarioDocument } from './ScenarioDocument.js';

/** The two notations of a scenario file. */
export type ScenarioFormat = 'yaml' | 'json';

/** Result of {@link readScenarioDocument}: the document, and its syntax errors (with positions). */
export interface ReadScenarioDocument {
  readonly document: ScenarioDocument;
  /** Syntax errors, each with line and column; when there is any, the value is not to be trusted. */
  readonly issues: readonly ScenarioIssue[];
}

/**
 * Parses the text of a scenario file, keeping the source position of every node.
 *
 * Both notations go through the `yaml` package (YAML 1.2, whose flow style is a superset of JSON),
 * so that YAML and JSON give the same line:column positions. YAML 1.2 reads `NO`, `yes` and `on`
 * as strings, not booleans (no "Norway problem"). Duplicate keys are errors, in YAML and JSON
 * alike. A JSON file is also checked to be strict JSON (`jsonSyntaxError`), so that YAML-only
 * syntax (comments, trailing commas, unquoted strings) is an error in it. One document per file.
 * Syntax errors are reported as the YAML parser finds them (a mistake may cause more than one),
 * without a field path, except a duplicate key, which names its field.
 * @internal
 */
export function readScenarioDocument(text: string, format: ScenarioFormat): ReadScenarioDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  let value: unknown = null;
  const issues: ScenarioIssue[] = [];
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      issues.push({ path: [], message: `cannot read the file: ${(error as Error).message}`, line: 1, column: 1 });
    }
  }
  const document = new ScenarioDocument(doc, lines, value);
  const seen = new Set<string>();
  for (const error of doc.errors) {
    const issue = syntaxIssue(error, document);
    const key = `${issue.line}:${issue.column}:${issue.message}`;
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
  if (format === 'json') {
    // First the JSON check: it names the YAML-only syntax that may confuse the YAML parser.
    const json = jsonSyntaxError(text);
    if (json !== undefined) return { document, issues: [{ path: [], message: `not valid JSON: ${json.message}`, ...document.positionOfOffset(json.offset) }] };
  }
  return { document, issues };
}

function syntaxIssue(error: YAMLError, document: ScenarioDocument): ScenarioIssue {
  const offset = error.pos[0];
  const position = document.positionOfOffset(offset);
  if (error.code === 'DUPLICATE_KEY') {
    const path = document.pathAtOffset(offset);
    return { path, message: `duplicate key "${String(path[path.length - 1] ?? '')}" (keys must be unique)`, ...position };
  }
  return { path: [], message: `syntax error: ${firstLine(error.message)}`, ...position };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
