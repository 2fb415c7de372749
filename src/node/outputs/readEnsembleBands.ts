import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ReportError } from '../../report/ReportError.js';
import { EnsembleBands, type EnsembleBand } from '../../report/EnsembleBands.js';
import type { SweepManifest } from '../experiments/sweepFiles.js';
import { readRows, type TextFormat } from '../experiments/textRecords.js';

/**
 * The measures of a sweep's ticks table that an ensemble report draws: every column after `tick`
 * and `year` but the per-option and per-family action counts (CON, effective poles, mean threat,
 * alliances, institutions, legitimacy, aggression, …).
 */
export function ensembleMeasures(manifest: SweepManifest): string[] {
  const names = manifest.layout.ticks.map((c) => c.name);
  return names.slice(names.indexOf('year') + 1).filter((n) => !/^(action|family)_/.test(n));
}

/**
 * Streams a sweep's ticks table (ticks.csv, else ticks.ndjson) into each measure's per-tick mean
 * and 95% interval across the replicates ({@link EnsembleBands}): memory holds one accumulator per
 * tick and measure, never the table. Undefined when the sweep wrote no ticks table.
 * @throws ReportError when the ticks table is damaged.
 */
export async function readEnsembleBands(dir: string, manifest: SweepManifest): Promise<{ measures: string[]; bands: EnsembleBand[] } | undefined> {
  const format: TextFormat | undefined = existsSync(join(dir, 'ticks.csv')) ? 'csv' : existsSync(join(dir, 'ticks.ndjson')) ? 'ndjson' : undefined;
  if (format === undefined) return undefined;
  const file = join(dir, `ticks.${format}`);
  const columns = manifest.layout.ticks;
  const measures = ensembleMeasures(manifest);
  const at = (name: string): number => columns.findIndex((c) => c.name === name);
  const tickAt = at('tick');
  const yearAt = at('year');
  const measureAt = measures.map(at);
  const acc = new EnsembleBands(measures);
  let row = 0;
  try {
    for await (const cells of readRows(file, format, columns)) {
      row++;
      const tick = cells[tickAt];
      const year = cells[yearAt];
      if (typeof tick !== 'number' || typeof year !== 'number') throw new Error(`row ${row} has no tick or year`);
      acc.add(tick, year, measureAt.map((k) => cells[k] as number | null));
    }
  } catch (error) {
    throw new ReportError(file, (error as Error).message, { cause: error });
  }
  return { measures, bands: acc.bands() };
}
