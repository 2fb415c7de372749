import type { z } from 'zod';
import type { ScenarioIssue } from '../ScenarioError.js';

type Key = string | number;
type ZodIssue = z.core.$ZodIssue;

/**
 * Turns the issues of a zod parse into scenario issues, one per problem, with plain messages:
 * - an unknown field is reported at the field itself (`unknown field "x"`), one issue per field,
 *   as `resolveScenario` does;
 * - where a field accepts one of several shapes (a value or a data reference, a list or a
 *   reference, a number or an expression), the problem is reported for the shape the value has
 *   (e.g. the reference's own wrong field), and a value of none of the shapes gets
 *   `expected boolean or object, received string`;
 * - a number that is not finite (YAML `.nan`, `.inf`; JSON `1e999`) is named as such;
 * - `yes`/`no`/`on`/`off` where a boolean is expected get a hint (YAML 1.2 reads them as text).
 * @internal
 */
export function schemaIssues(issues: readonly ZodIssue[], value: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) convert(issue, [], value, out);
  return out;
}

function convert(issue: ZodIssue, prefix: Key[], root: unknown, out: ScenarioIssue[]): void {
  const path = [...prefix, ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))];
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) out.push({ path: [...path, key], message: `unknown field "${key}"` });
      return;
    case 'invalid_union': {
      if (issue.errors.length === 0) { out.push({ path, message: issue.message }); return; }
      // The shapes the value has: those whose issues do not start with a type mismatch at the union itself.
      const matching = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (matching.length > 0) {
        const fewest = matching.reduce((best, branch) => (branch.length < best.length ? branch : best));
        for (const inner of fewest) convert(inner, path, root, out);
        return;
      }
      // A missing field: "required: …", what it takes and what it is (requiredFieldMessage).
      if (valueAt(root, path) === undefined && issue.message.startsWith('required')) { out.push({ path, message: issue.message }); return; }
      const expected = [...new Set(issue.errors.flatMap((branch) => branch
        .filter((i): i is z.core.$ZodIssueInvalidType => i.code === 'invalid_type' && i.path.length === 0)
        .map((i) => i.expected)))];
      out.push({ path, message: `Invalid input: expected ${expected.join(' or ')}, received ${kindOf(valueAt(root, path))}` });
      return;
    }
    case 'invalid_type': {
      const v = valueAt(root, path);
      if (typeof v === 'number' && !Number.isFinite(v)) {
        out.push({ path, message: `must be a finite number, got ${String(v)}` });
        return;
      }
      const yaml11 = issue.expected === 'boolean' && typeof v === 'string' && /^(?:yes|no|on|off|y|n)$/i.test(v);
      out.push({ path, message: yaml11 ? `${issue.message} (YAML 1.2 reads ${v} as text: write true or false)` : issue.message });
      return;
    }
    default:
      out.push({ path, message: issue.message });
  }
}

function valueAt(root: unknown, path: readonly Key[]): unknown {
  let v = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<Key, unknown>)[key];
  }
  return v;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
