import * as z from 'zod';
import { KINDS } from './missingFieldWords.js';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

/** The kinds a missing value of a union may take (`a number or a string`). */
function expectedOf(issues: readonly Issue[]): string[] {
  const out: string[] = [];
  for (const i of issues) {
    if (i.path.length > 0) continue;
    if (i.code === 'invalid_type') out.push(KINDS[i.expected] ?? i.expected);
    else if (i.code === 'invalid_value') out.push(...i.values.map((v) => JSON.stringify(v)));
    else if (i.code === 'invalid_union') out.push(...i.errors.flatMap(expectedOf));
  }
  return out;
}

/** The first clause of a field's description (`scenario id, used in …` up to its first `: ` or `; `). */
function describedAs(inst: RawIssue['inst']): string | undefined {
  const text = inst === undefined ? undefined : z.globalRegistry.get(inst as z.core.$ZodType)?.description;
  if (text === undefined || text === '') return undefined;
  // Cut at the first `: ` or `; ` outside brackets (`{ source: … }` stays whole).
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ':' || c === ';') && text[i + 1] === ' ') return text.slice(0, i);
  }
  return text;
}

/**
 * A zod error map (the `error` option of `safeParse`) that says a missing field is required,
 * what it takes and what it is: `required: a string (scenario id, used in seeds …)` instead of
 * zod's `Invalid input: expected string, received undefined`. Every other issue keeps zod's message.
 * (A parsed YAML or JSON file has no undefined values: an undefined value is a missing field.)
 * @internal
 */
export const requiredFieldMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.input !== undefined) return undefined;
  let kinds: string[];
  if (issue.code === 'invalid_type') kinds = [KINDS[issue.expected] ?? issue.expected];
  else if (issue.code === 'invalid_value') kinds = issue.values.map((v) => JSON.stringify(v));
  else if (issue.code === 'invalid_union') kinds = expectedOf(issue.errors.flat());
  else return undefined;
  const unique = [...new Set(kinds)];
  const what = unique.length === 0 ? '' : unique.length === 1 ? unique[0]
    : issue.code === 'invalid_value' ? `one of ${unique.join(', ')}` : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
  const described = describedAs(issue.inst);
  return `required${what === '' ? '' : `: ${what}`}${described === undefined ? '' : ` (${described})`}`;
};

