/**
 * Runs the built executable as a user would: `node dist/cli.js …` in a child process, with real
 * files. Needs `npm run build` first (`npm test` does that).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built executable (COUNTERPOISE_CLI overrides it, e.g. to test a build in another folder of the repository). */
export const cliPath = process.env.COUNTERPOISE_CLI ?? join(repoRoot, 'dist', 'cli.js');

/** What a run of the CLI gave. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a run: the test's, without colour settings unless given. */
function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs `node dist/cli.js ...args` and waits for it. */
export function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined>; timeout?: number } = {}): CliResult {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first (npm test does)`);
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot, env: cleanEnv(options.env ?? {}), encoding: 'utf8', timeout: options.timeout ?? 120_000,
  });
  if (r.error !== undefined) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder; remove it with the returned function. */
export function tempDir(prefix = 'counterpoise-cli-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** No line of the text looks like a stack frame. */
export function hasStack(text: string): boolean {
  return /^\s+at .+\(.*:\d+:\d+\)$/m.test(text) || /^\s+at .+:\d+:\d+$/m.test(text);
}
