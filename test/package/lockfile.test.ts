/**
 * `npm ci` needs a lockfile that records every platform's optional builds (rollup's and esbuild's
 * native packages): npm prunes the other platforms' entries when it updates an existing tree, and
 * `npm ci` then rejects the lockfile on a machine of another platform (issue #11 item 2). The
 * lockfile must be regenerated from scratch: `rm -rf node_modules package-lock.json && npm install`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/cliHarness.js';

interface LockEntry { version?: string; optionalDependencies?: Record<string, string> }

const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

describe('package-lock.json', () => {
  it('records every optional dependency of every locked package (all platforms), so npm ci works anywhere', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (path === '' || entry.optionalDependencies === undefined) continue;
      for (const name of Object.keys(entry.optionalDependencies)) {
        checked++;
        // npm places a dependency next to its parent or higher up the tree.
        const candidates = [`${path}/node_modules/${name}`, `node_modules/${name}`];
        if (!candidates.some((c) => c in lock.packages)) missing.push(`${name} (optional dependency of ${path})`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing, 'regenerate the lockfile from scratch: rm -rf node_modules package-lock.json && npm install').toEqual([]);
  });

  it('holds the 26 platform builds of rollup', () => {
    const rollup = Object.keys(lock.packages).filter((p) => p.startsWith('node_modules/@rollup/rollup-'));
    expect(rollup.length).toBeGreaterThanOrEqual(26);
  });
});
