import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../src/node/loadScenario.js';
import { parseScenario } from '../../../../src/scenario/file/parseScenario.js';
import { ScenarioError } from '../../../../src/scenario/ScenarioError.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixture = join(root, 'test', 'fixtures', 'parameters', 'with-fitted.yaml');

function messages(fn: () => unknown): string[] {
  try { fn(); } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n').slice(1).map((l) => l.trim());
    throw error;
  }
  return [];
}

describe('parameters: { from: FILE }', () => {
  it('takes the parameter file\'s values, with the scenario\'s own keys on top', () => {
    const s = loadScenario(fixture);
    expect(s.parameters.kappaHI).toBe(1.90075);
    expect(s.parameters.kappaHE).toBe(2.03047);
    expect(s.parameters.kappaSE).toBe(1.6);
    expect(s.parameters.betaH).toBe(6.5); // not in the file: the default
  });

  it('names a missing file, a file with unknown parameters and a file without parameters at parameters.from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterpoise-from-'));
    try {
      const scenario = (from: string): string => {
        const file = join(dir, 's.yaml');
        writeFileSync(file, `meta: { id: s, title: s, description: s }\nstates:\n  - { id: A, capabilities: { mil: 2, eco: 1, pop: 1 } }\n  - { id: B, capabilities: { mil: 1, eco: 2, pop: 1 } }\nparameters:\n  from: ${from}\n`);
        return file;
      };
      writeFileSync(join(dir, 'bad.yaml'), 'parameters: { kappaHI: 2, betaX: 1 }\n');
      writeFileSync(join(dir, 'none.yaml'), 'estimates: { kappaHI: 2 }\n');
      expect(messages(() => loadScenario(scenario('nothere.yaml')))[0]).toMatch(/s\.yaml:6:3 {2}parameters\.from {2}parameter file "nothere\.yaml": no such file/);
      expect(messages(() => loadScenario(scenario('bad.yaml')))[0]).toMatch(/parameters\.from {2}parameter file "bad\.yaml": unknown model parameter\(s\) betaX/);
      expect(messages(() => loadScenario(scenario('none.yaml')))[0]).toMatch(/parameters\.from {2}parameter file "none\.yaml": it has no `parameters:` mapping/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parseScenario (no file system) says that loadScenario reads the file', () => {
    const text = 'meta: { id: s, title: s, description: s }\nstates:\n  - { id: A, capabilities: { mil: 2, eco: 1, pop: 1 } }\n  - { id: B, capabilities: { mil: 1, eco: 2, pop: 1 } }\nparameters: { from: fitted.yaml }\n';
    expect(messages(() => parseScenario(text, 'yaml'))[0]).toMatch(/parameters\.from {2}a parameter file \("fitted\.yaml"\) is read by loadScenario/);
  });

  it('a fitted file outside the admissible set is refused as any override is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterpoise-from-'));
    try {
      writeFileSync(join(dir, 'p.yaml'), 'parameters: { kappaHI: 0.5 }\n');
      const file = join(dir, 's.yaml');
      writeFileSync(file, 'meta: { id: s, title: s, description: s }\nstates:\n  - { id: A, capabilities: { mil: 2, eco: 1, pop: 1 } }\n  - { id: B, capabilities: { mil: 1, eco: 2, pop: 1 } }\nparameters: { from: p.yaml }\n');
      expect(messages(() => loadScenario(file)).join('\n')).toMatch(/outside the admissible set \(model §5\.4 C2\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
