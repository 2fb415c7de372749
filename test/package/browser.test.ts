import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the core runs in a browser bundle', () => {
  it('dist/index.js bundles for the browser with no Node built-in, and runs', async () => {
    const entry = join(root, 'dist', 'index.js');
    expect(existsSync(entry), 'run `npm run build` first').toBe(true);
    const result = await build({
      stdin: {
        contents: `import { resolveScenario, runSimulation, sweep, summarizePoints } from ${JSON.stringify(entry)};
          const s = resolveScenario({ meta: { id: 'b' }, states: [
            { id: 'A', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.6 },
            { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } }],
            system: { lambda: '0.4 + 0.01 * tick' } });
          globalThis.__result = runSimulation(s, { seed: 1, ticks: 5 }).records.length;
          // Experiments in the browser: designs, derived seeds, points applied, summaries.
          const runs = [...sweep(s, { type: 'lhs', samples: 3, parameters: { 'system.lambda': { min: 0, max: 1 } } }, { replicates: 2, ticks: 3 })];
          globalThis.__sweep = [runs.length, summarizePoints(runs).length > 0];`,
        resolveDir: root,
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0].text;
    // No Node built-in reached the bundle (esbuild would fail on `node:` imports for the browser).
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|url|os|worker_threads)["']\)/);
    // And it runs without Node's globals.
    const sandbox: Record<string, unknown> = {};
    new Function('globalThis', code)(sandbox);
    expect(sandbox.__result).toBe(5);
    expect(sandbox.__sweep).toEqual([6, true]);
  });
});
