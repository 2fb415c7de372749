import { isMap, isPair, isSeq, LineCounter, Parser, parseDocument, type CST, type Document, type YAMLError } from 'yaml';
import type { ScenarioIssue } from '../ScenarioError.js';
import { flowNestingTooDeep } from './flowNestingTooDeep.js';
import { jsonSyntaxError } from './jsonSyntaxError.js';
import { MAX_NESTING, tooDeepMessage } from './maxNesting.js';
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
 * without a field path, except a duplicate key, which names its field. Objects and lists may nest
 * at most {@link MAX_NESTING} deep: a deeper file is one error at the first collection too deep.
 * @internal
 */
export function readScenarioDocument(text: string, format: ScenarioFormat): ReadScenarioDocument {
  // Deep flow nesting ([[[…]]], JSON's arrays and objects) is found before the parser, which recurses.
  const flowTooDeep = flowNestingTooDeep(text);
  if (flowTooDeep !== undefined) {
    const lines = new LineCounter();
    lines.addNewLine(0);
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lines.addNewLine(k + 1);
    const document = new ScenarioDocument(parseDocument(''), lines, null);
    return { document, issues: [{ path: [], message: tooDeepMessage, ...document.positionOfOffset(flowTooDeep) }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  let value: unknown = null;
  const issues: ScenarioIssue[] = [];
  // Deep block nesting: the parser catches its own stack overflow (as an error); anything deeper
  // than the limit that it did read is one error at the first collection too deep.
  const overflow = doc.errors.filter((e) => /call stack/i.test(e.message));
  const blockTooDeep = deepNodeOffset(doc) ?? (overflow.length > 0 ? Math.min(...overflow.map((e) => e.pos[0])) : undefined);
  if (blockTooDeep !== undefined) {
    const document = new ScenarioDocument(doc, lines, null);
    return { document, issues: [{ path: [], message: tooDeepMessage, ...document.positionOfOffset(blockTooDeep) }] };
  }
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      issues.push({ path: [], message: `cannot read the file: ${(error as Error).message}`, line: 1, column: 1 });
    }
  }
  const document = new ScenarioDocument(doc, lines, value);
  const seen = new Set<string>();
  // An unclosed { or [: the parser notices it later (where the next line is not indented as the
  // collection needs) and then stumbles over what follows. One error at the opening bracket instead.
  const unclosed = doc.errors.length > 0 ? unclosedFlowCollection(text, doc.errors) : undefined;
  for (const error of doc.errors) {
    if (unclosed !== undefined && error.pos[0] >= unclosed.offset) continue;
    const issue = syntaxIssue(error, document);
    const key = `${issue.line}:${issue.column}:${issue.message}`;
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
  if (unclosed !== undefined) {
    const at = document.positionOfOffset(unclosed.noticedAt);
    issues.push({
      path: [], message: `syntax error: unclosed ${unclosed.open} (no matching ${unclosed.close} before ${at.line}:${at.column})`,
      ...document.positionOfOffset(unclosed.offset),
    });
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

/**
 * The flow collection ({…} or […]) the parser's errors come from: of those whose closing bracket
 * is missing or the wrong one, the last opened before the first error after one of them; with
 * that error's offset (where the parser noticed).
 */
function unclosedFlowCollection(text: string, errors: readonly YAMLError[]): { offset: number; open: string; close: string; noticedAt: number } | undefined {
  const open: { offset: number; open: string; close: string }[] = [];
  const visit = (token: unknown): void => {
    if (token === null || typeof token !== 'object') return;
    const t = token as Record<string, unknown>;
    if (t.type === 'flow-collection') {
      const c = t as unknown as CST.FlowCollection;
      const close = c.start.source === '{' ? '}' : ']';
      if (!c.end.some((e) => e.source === close)) open.push({ offset: c.offset, open: c.start.source, close });
    }
    for (const key of ['items', 'value', 'key', 'sep', 'start', 'end']) {
      const v = t[key];
      if (Array.isArray(v)) for (const x of v) visit(x);
      else visit(v);
    }
  };
  try {
    for (const token of new Parser().parse(text)) visit(token);
  } catch {
    return undefined;
  }
  // The first error after an unclosed bracket, and the last bracket left open before it.
  const noticedAt = Math.min(...errors.map((e) => e.pos[0]).filter((p) => open.some((o) => o.offset < p)));
  const before = open.filter((o) => o.offset < noticedAt);
  if (!Number.isFinite(noticedAt) || before.length === 0) return undefined;
  const last = before.reduce((a, b) => (b.offset > a.offset ? b : a));
  return { ...last, noticedAt };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The offset of the first map or list nested deeper than MAX_NESTING, or `undefined` (iterative). */
function deepNodeOffset(doc: Document.Parsed): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, depth } = item;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) return node.range?.[0] ?? 0;
    // Pushed last to first, so the first too deep in file order is found.
    const items = node.items as unknown[];
    for (let k = items.length - 1; k >= 0; k--) {
      const child = items[k];
      if (isPair(child)) stack.push({ node: child.value, depth: depth + 1 }, { node: child.key, depth: depth + 1 });
      else stack.push({ node: child, depth: depth + 1 });
    }
  }
  return undefined;
}
