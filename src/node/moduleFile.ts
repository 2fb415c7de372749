import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The path of the calling bundle's module file, in ESM (`import.meta.url`) or in a CommonJS bundle
 * (`__filename`), for `createRequire`. Falls back to the working directory.
 * @internal
 */
export function moduleFile(): string {
  const url: unknown = import.meta.url;
  if (typeof url === 'string' && url.startsWith('file:')) return fileURLToPath(url);
  if (typeof __filename === 'string') return __filename;
  return join(process.cwd(), 'noop.js');
}
