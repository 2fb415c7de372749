import { buildSweepReport } from '../../report/buildSweepReport.js';
import { readSweepOutputs } from '../outputs/readSweepOutputs.js';
import { writeReport, type WrittenReport } from './writeReport.js';
import type { WriteRunReportOptions } from './writeRunReport.js';

/**
 * Builds the report of a sweep from its output folder (what `counterpoise sweep` or `merge`
 * wrote) and writes `report.html` and `figures/*.svg` into it (or into `out`).
 * @throws ReportError when the folder holds no complete sweep or its runs table is damaged.
 */
export async function writeSweepReport(dir: string, options: WriteRunReportOptions = {}): Promise<WrittenReport> {
  const { input } = readSweepOutputs(dir);
  return writeReport(buildSweepReport(input), {
    dir: options.out ?? dir,
    ...(options.figures === undefined ? {} : { figures: options.figures }),
    ...(options.generator === undefined ? {} : { generator: options.generator }),
  });
}
