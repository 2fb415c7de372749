import { buildRunReport } from '../../report/buildRunReport.js';
import { readRunOutputs } from '../outputs/readRunOutputs.js';
import { writeReport, type WrittenReport } from './writeReport.js';

/** Options of {@link writeRunReport}. */
export interface WriteRunReportOptions {
  /** Where to write (default: the run's folder). */
  out?: string;
  /** Export the main charts as SVG (default true). */
  figures?: boolean;
  /** The page footer's line. */
  generator?: string;
}

/**
 * Builds the report of a run from its output folder (what `counterpoise run` wrote) and writes
 * `report.html` and `figures/*.svg` into it (or into `out`).
 * @throws ReportError when the folder is not a run's or a file in it is damaged.
 */
export async function writeRunReport(dir: string, options: WriteRunReportOptions = {}): Promise<WrittenReport> {
  const { input } = await readRunOutputs(dir);
  return writeReport(buildRunReport(input), {
    dir: options.out ?? dir,
    ...(options.figures === undefined ? {} : { figures: options.figures }),
    ...(options.generator === undefined ? {} : { generator: options.generator }),
  });
}
