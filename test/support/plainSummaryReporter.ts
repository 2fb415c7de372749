import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/** The counts of a run, as the closing line prints them. */
export interface PlainSummary {
  passed: number;
  /** Failed tests, plus every file, suite or hook error outside a test, plus unhandled errors. */
  failed: number;
  skipped: number;
  /** Distinct notes of tests skipped with `ctx.skip(note)`, each with how many tests gave it. */
  skipNotes: Map<string, number>;
}

/**
 * Counts a finished run. A red run never counts `0 failed`: an error outside any test (a file that
 * does not load, a failing `beforeAll`, an unhandled rejection) counts as one failure each, and a
 * run that vitest itself calls failed counts at least one.
 */
export function countRun(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError> = [],
  reason: TestRunEndReason = 'passed',
): PlainSummary {
  const summary: PlainSummary = { passed: 0, failed: 0, skipped: 0, skipNotes: new Map() };
  for (const module of testModules) {
    let moduleFailures = 0;
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state === 'passed') summary.passed++;
      else if (result.state === 'failed') moduleFailures++;
      else {
        summary.skipped++;
        const note = result.state === 'skipped' ? result.note : undefined;
        if (note !== undefined) summary.skipNotes.set(note, (summary.skipNotes.get(note) ?? 0) + 1);
      }
    }
    // Errors outside any test: the file's own (it did not load, a top-level hook failed) and each
    // suite's (its hooks).
    moduleFailures += module.errors().length;
    for (const suite of module.children.allSuites()) moduleFailures += suite.errors().length;
    if (moduleFailures === 0 && module.state() === 'failed') moduleFailures = 1;
    summary.failed += moduleFailures;
  }
  summary.failed += unhandledErrors.length;
  if (reason === 'failed' && summary.failed === 0) summary.failed = 1;
  return summary;
}

/** The closing line: `N passed, N failed` with `, N skipped` when any were. */
export function formatClosingLine(summary: PlainSummary): string {
  return `${summary.passed} passed, ${summary.failed} failed${summary.skipped > 0 ? `, ${summary.skipped} skipped` : ''}`;
}

/**
 * Prints one plain closing line, `N passed, N failed` (with `, N skipped` when any were), after
 * vitest's own report, so that tools that read a run's last line can count the tests. Before it,
 * one line per distinct skip note (`skipped N: note`), so a skipped component says why and how to
 * get it.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const summary = countRun(testModules, unhandledErrors, reason);
    let out = '\n';
    for (const [note, n] of summary.skipNotes) out += `skipped ${n}: ${note}\n`;
    process.stdout.write(`${out}${formatClosingLine(summary)}\n`);
  }
}
