import type { TheoryReport } from './checkTheory.js';

/**
 * A plain-text rendering of a {@link TheoryReport} for a terminal or a CI log: one line per
 * property that holds or is skipped, and each failure with its message and counterexample (JSON).
 */
export function formatTheoryReport(report: TheoryReport): string {
  const lines: string[] = [];
  lines.push(`${report.model}: ${report.holds.length} hold, ${report.fails.length} fail, ${report.skipped.length} skipped`
    + `${report.errors.length > 0 ? `, ${report.errors.length} could not run` : ''} (seed ${report.seed}, ${report.numRuns} runs each)`);
  if (report.holds.length > 0) lines.push(`holds: ${report.holds.join(' ')}`);
  for (const f of report.fails) {
    lines.push('', `FAILS ${f.id}: ${f.statement}`, `  ${f.message}`);
    lines.push(`  counterexample: ${JSON.stringify(f.counterexample)}`);
    if (f.path !== undefined) lines.push(`  replay: { seed: ${f.seed}, path: '${f.path}' }`);
  }
  for (const e of report.errors) lines.push('', `ERROR ${e.id}: ${e.error}`);
  if (report.skipped.length > 0) {
    lines.push('');
    for (const s of report.skipped) lines.push(`skipped ${s.id}: ${s.reason}`);
  }
  return lines.join('\n');
}
