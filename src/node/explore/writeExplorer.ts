import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CowFileKey } from '../../data/cowFiles.js';
import { renderExploreHtml, type PackedScenario } from '../../explore/renderExploreHtml.js';
import { EXPLORE_DATA_FILES } from '../../explore/worker/validateScenarioFile.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { readBundledCsv } from '../bundledData.js';
import { listBundledScenarios } from '../listBundledScenarios.js';
import { loadScenario } from '../loadScenario.js';
import { packageVersion } from '../packageVersion.js';
import { packForPage } from './packForPage.js';
import { readExploreBundles } from './readExploreBundles.js';

/** Options of {@link writeExplorer}. */
export interface WriteExplorerOptions {
  /** The folder to write `<scenario id>.html` into (created when missing). */
  outDir: string;
  /** The seed the page starts with. */
  seed: number;
  /** Offer every bundled scenario in the page's picker, resolved here (default true). */
  library?: boolean;
  /**
   * Carry the COW tables in the page (about 1.1 MiB more), so that files dropped on it may use
   * data references (`counterpoise explore --with-data`; default false).
   */
  withData?: boolean;
}

/** The bundled scenarios other than `scenario`, resolved with the bundled data and packed for the picker. */
export function packBundledScenarios(except: string): PackedScenario[] {
  return listBundledScenarios().filter((b) => b.id !== except).map((b) => {
    const resolved = loadScenario(b.name);
    return { id: resolved.meta.id, title: resolved.meta.title, packed: packForPage(JSON.stringify(resolved)) };
  });
}

/** The COW tables a scenario file can reference, packed for the page. */
export function packBundledData(): Partial<Record<CowFileKey, string>> {
  return Object.fromEntries(EXPLORE_DATA_FILES.map((key) => [key, packForPage(readBundledCsv(key))]));
}

/**
 * Writes the explorer of a scenario as one self-contained HTML file, `<outDir>/<scenario id>.html`,
 * under a temporary name renamed when complete (a failed write leaves no cut file).
 * @returns the absolute path of the file.
 */
export function writeExplorer(scenario: ResolvedScenario, options: WriteExplorerOptions): string {
  const html = renderExploreHtml(scenario, {
    bundles: readExploreBundles(), seed: options.seed, generator: `counterpoise ${packageVersion()} explore`,
    library: options.library === false ? [] : packBundledScenarios(scenario.meta.id),
    ...(options.withData === true ? { data: packBundledData() } : {}),
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
