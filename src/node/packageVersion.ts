import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundledDataDir } from './bundledData.js';

let version: string | undefined;

/** The installed package's version, from its package.json (found beside its `data/` folder). */
export function packageVersion(): string {
  if (version === undefined) {
    const pkg = JSON.parse(readFileSync(join(dirname(bundledDataDir()), 'package.json'), 'utf8')) as { version?: unknown };
    version = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return version;
}
