import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportLibraries } from '../../report/renderReportHtml.js';
import { ReportError } from '../../report/ReportError.js';
import { moduleFile } from '../moduleFile.js';
import { isMissingPackage, MissingPackageError } from '../optionalPackage.js';

let cached: ReportLibraries | undefined;

/** The minified browser build of a package, next to the file its main entry resolves to. */
function browserBuild(pkg: string, file: string): string {
  const require = createRequire(moduleFile());
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch (error) {
    if (isMissingPackage(error, pkg)) throw new MissingPackageError(pkg, 'report', { cause: error });
    throw new ReportError(pkg, `cannot load the package (${(error as Error).message})`, { cause: error });
  }
  const path = join(dirname(entry), file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ReportError(path, `cannot read the browser build of ${pkg} (${(error as Error).message})`, { cause: error });
  }
}

/**
 * The source of vega, vega-lite and vega-embed's minified browser builds (from the installed
 * packages: `build/vega.min.js`, `build/vega-lite.min.js`, `build/vega-embed.min.js`), to inline
 * into a report. Read once per process.
 *
 * @throws MissingPackageError when one of them is not installed (they are optional dependencies).
 */
export function readReportLibraries(): ReportLibraries {
  cached ??= {
    vega: browserBuild('vega', 'vega.min.js'),
    vegaLite: browserBuild('vega-lite', 'vega-lite.min.js'),
    vegaEmbed: browserBuild('vega-embed', 'vega-embed.min.js'),
  };
  return cached;
}
