/** One problem of a calibration request, at a path of the spec (e.g. `estimate[2].lower`). */
export interface CalibrationIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** `file:line:column` of the field in the spec file, when the spec came from a file. */
  readonly location?: string;
}

/** Thrown for a calibration request that cannot be run; lists every problem with its field path. */
export class CalibrationError extends Error {
  readonly issues: readonly CalibrationIssue[];
  constructor(issues: readonly CalibrationIssue[], file?: string) {
    super(issues.map((i) => `${i.location ?? file ?? ''}${i.location === undefined && file === undefined ? '' : '  '}${formatPath(i.path)}  ${i.message}`).join('\n'));
    this.name = 'CalibrationError';
    this.issues = issues;
  }
}

/** `estimate[2].lower` from ['estimate', 2, 'lower']. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(spec)' : out;
}
