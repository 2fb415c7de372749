import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Throws unless the worker entry is built (sweeps on worker threads run dist/sweep-worker.js). */
export function requireBuiltWorker(): void {
  if (!existsSync(path.join(repoRoot, 'dist', 'sweep-worker.js'))) throw new Error('run `npm run build` first: sweeps on worker threads use dist/sweep-worker.js');
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'counterpoise-sweep-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file of a directory with its bytes (sorted by name). */
export function readDir(dir: string): Record<string, Buffer> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name))]));
}

/** Asserts-friendly view of two directories: the names that differ in content or presence. */
export function differingFiles(a: string, b: string): string[] {
  const x = readDir(a);
  const y = readDir(b);
  const names = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return names.filter((n) => x[n] === undefined || y[n] === undefined || !x[n].equals(y[n]));
}
