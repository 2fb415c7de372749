import { mkdirSync } from 'node:fs';
import { writeFileAtomic } from '../writeFileAtomic.js';
import { join } from 'node:path';
import type { ReportDocument } from '../../report/ReportChart.js';
import { renderReportHtml } from '../../report/renderReportHtml.js';
import { readReportLibraries } from './readReportLibraries.js';
import { renderSvg } from './renderSvg.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** The folder to write into (created if needed). */
  dir: string;
  /** The HTML file's name (default `report.html`). */
  fileName?: string;
  /** Export the main charts as SVG into `figures/` (default true). */
  figures?: boolean;
  /** The page footer's line (e.g. "counterpoise 0.1.0"). */
  generator?: string;
}

/** What {@link writeReport} wrote: absolute or `dir`-joined paths. */
export interface WrittenReport {
  html: string;
  figures: string[];
}

/**
 * Writes a report document as one self-contained HTML file (vega, vega-lite and vega-embed
 * inline, data inline: it opens offline) and, unless `figures` is false, each main chart as
 * `figures/<chart id>.svg` for papers. Each file is written under a temporary name and renamed
 * when complete.
 */
export async function writeReport(doc: ReportDocument, options: WriteReportOptions): Promise<WrittenReport> {
  const { dir } = options;
  mkdirSync(dir, { recursive: true });
  const figures: string[] = [];
  const figureFiles: Record<string, string[]> = {};
  if (options.figures !== false) {
    const main = doc.charts.filter((c) => c.figure);
    if (main.length > 0) mkdirSync(join(dir, 'figures'), { recursive: true });
    for (const chart of main) {
      const name = `figures/${chart.id}.svg`;
      writeFileAtomic(join(dir, name), await renderSvg(chart.spec));
      figures.push(join(dir, name));
      figureFiles[chart.id] = [name];
    }
  }
  const html = join(dir, options.fileName ?? 'report.html');
  writeFileAtomic(html, renderReportHtml(doc, {
    libraries: readReportLibraries(),
    figureFiles,
    ...(options.generator === undefined ? {} : { generator: options.generator }),
  }));
  return { html, figures };
}
