import { writeRunReport } from '../../node/report/writeRunReport.js';
import type { WrittenReport } from '../../node/report/writeReport.js';
import { packageVersion } from '../../node/packageVersion.js';

/** Writes the report of a run folder into that folder (report.html and figures/). */
export async function writeRunReportFor(dir: string, figures = true): Promise<WrittenReport> {
  return writeRunReport(dir, { figures, generator: `Made with counterpoise ${packageVersion()}` });
}
