/** One problem found in a design, a sweep specification or a sweep's output directory. */
export interface ExperimentIssue {
  /** Where: a parameter path (`states.TUR.domesticSupport`), a spec field (`design.samples`) or a file. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
  /** The design point concerned, when there is one. */
  point?: number;
}

/** What kind of problem an {@link ExperimentError} reports. */
export type ExperimentErrorCode =
  /** The design or its parameter paths are invalid, or a point gives a value outside a field's domain. */
  | 'design'
  /** The sweep specification (file) is invalid. */
  | 'spec'
  /** The output directory already holds a sweep and neither `resume` nor `overwrite` was given. */
  | 'output-exists'
  /** `resume` found a checkpoint or manifest of a different sweep, or damaged files. */
  | 'resume-mismatch'
  /** Shard outputs cannot be merged (missing, duplicated, unfinished or of different sweeps). */
  | 'merge'
  /** A run failed (its error is the `cause`), or a worker died. */
  | 'run-failed'
  /** The sweep was stopped through its AbortSignal. */
  | 'aborted';

/**
 * Thrown by the experiment functions (designs, sweeps, resume, merge). Lists every problem found,
 * each with the path it concerns, like ScenarioError for scenarios; its message lists them one per line.
 */
export class ExperimentError extends Error {
  /** What kind of problem. */
  readonly code: ExperimentErrorCode;
  /** Every problem found (at least one). */
  readonly issues: readonly ExperimentIssue[];

  constructor(code: ExperimentErrorCode, issues: readonly ExperimentIssue[], options?: { cause?: unknown }) {
    const lines = issues.map((i) => `  ${i.path}${i.point === undefined ? '' : ` (point ${i.point})`}  ${i.message}`);
    const head = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`${head} (${code}):\n${lines.join('\n')}`, options);
    this.name = 'ExperimentError';
    this.code = code;
    this.issues = issues;
  }
}
