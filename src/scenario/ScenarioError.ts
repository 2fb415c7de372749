/** One problem found in a scenario, with the exact field it concerns. */
export interface ScenarioIssue {
  /** Path to the field, as keys and array indices (`['states', 3, 'capabilities', 'mil']`). */
  path: (string | number)[];
  /** What is wrong, in plain words. */
  message: string;
  /** The file the scenario came from, when it came from one. */
  file?: string;
  /** 1-based line of the field in the file, when known. */
  line?: number;
  /** 1-based column of the field in the file, when known. */
  column?: number;
}

/** Formats a path as `states[3].capabilities.mil` (the empty path is `(scenario)`). */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? '(scenario)' : out;
}

/** Formats one issue as `file:line:column  path  message` (omitting what is unknown). */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.file === undefined ? '' :
    `${issue.file}${issue.line === undefined ? '' : `:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`}  `;
  return `${where}${formatPath(issue.path)}  ${issue.message}`;
}

/**
 * Thrown when a scenario is invalid. Carries every problem found, not only the first, as a
 * structured list; its message lists them one per line.
 */
export class ScenarioError extends Error {
  /** Every problem found. */
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    const head = issues.length === 1 ? '1 problem in scenario' : `${issues.length} problems in scenario`;
    super(`${head}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}
