import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderExploreHtml } from '../../explore/renderExploreHtml.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { packageVersion } from '../packageVersion.js';
import { readExploreBundles } from './readExploreBundles.js';

/** Options of {@link writeExplorer}. */
export interface WriteExplorerOptions {
  /** The folder to write `<scenario id>.html` into (created when missing). */
  outDir: string;
  /** The seed the page starts with. */
  seed: number;
}

/**
 * Writes the explorer of a scenario as one self-contained HTML file, `<outDir>/<scenario id>.html`,
 * under a temporary name renamed when complete (a failed write leaves no cut file).
 * @returns the absolute path of the file.
 */
export function writeExplorer(scenario: ResolvedScenario, options: WriteExplorerOptions): string {
  const html = renderExploreHtml(scenario, {
    bundles: readExploreBundles(), seed: options.seed, generator: `counterpoise ${packageVersion()} explore`,
  });
  mkdirSync(options.outDir, { recursive: true });
  const file = resolve(join(options.outDir, `${scenario.meta.id}.html`));
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, html);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return file;
}
