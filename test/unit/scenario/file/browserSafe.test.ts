import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

describe('parseScenario is browser-safe', () => {
  it('bundles from the sources for the browser with no Node built-in, and parses a file with data from a provider', async () => {
    const states = readFileSync(join(root, 'data', 'cow_states2016.csv'), 'utf8');
    const result = await build({
      stdin: {
        contents: `import { parseScenario } from ${JSON.stringify(join(root, 'src', 'index.ts'))};
          import { parseStatesTable } from ${JSON.stringify(join(root, 'src', 'data', 'parseStatesTable.ts'))};
          const table = parseStatesTable(globalThis.statesCsv);
          const s = parseScenario('meta: { id: b, startYear: 1816 }\\nstates:\\n'
            + '  - { id: UKG, capabilities: { mil: 2, eco: 2, pop: 2 } }\\n  - { id: FRN, capabilities: { mil: 1, eco: 1, pop: 1 } }\\n',
            'yaml', { data: { states: () => table } });
          globalThis.__names = s.states.map((x) => x.name);`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0].text;
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|url|os|worker_threads)["']\)/);
    const sandbox: Record<string, unknown> = { statesCsv: states };
    new Function('globalThis', code)(sandbox);
    expect(sandbox.__names).toEqual(['United Kingdom', 'France']);
  });
});
