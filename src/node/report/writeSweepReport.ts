import { buildSweepReport } from '../../report/buildSweepReport.js';
import { readEnsembleBands } from '../outputs/readEnsembleBands.js';
import { readSweepOutputs } from '../outputs/readSweepOutputs.js';
import { writeReport, type WrittenReport } from './writeReport.js';
import type { WriteRunReportOptions } from './writeRunReport.js';

/**
 * Builds the report of a sweep from its output folder (what `counterpoise sweep` or `merge`
 * wrote) and writes `report.html` and `figures/*.svg` into it (or into `out`). For an ensemble
 * (no swept parameter) the ticks table is streamed into each measure's per-tick mean and 95% band.
 * @throws ReportError when the folder holds no complete sweep or its runs table is damaged.
 */
export async function writeSweepReport(dir: string, options: WriteRunReportOptions = {}): Promise<WrittenReport> {
  const { manifest, input } = readSweepOutputs(dir);
  if (input.parameters.length === 0) {
    // An ensemble: each measure over ticks, its mean and 95% band across the replicates.
    const ensemble = await readEnsembleBands(dir, manifest);
    if (ensemble !== undefined) input.ensemble = ensemble;
  }
  return writeReport(buildSweepReport(input), {
    dir: options.out ?? dir,
    ...(options.figures === undefined ? {} : { figures: options.figures }),
    ...(options.generator === undefined ? {} : { generator: options.generator }),
  });
}
