import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, hasStack, tempDir } from './cliHarness.js';

describe('counterpoise calibrate', () => {
  it('lists every problem of a spec at its file:line:column and field path, exit 2, no stack, before driving any era', () => {
    const { dir, remove } = tempDir();
    try {
      const spec = join(dir, 'spec.yaml');
      writeFileSync(spec, [
        'eras: [era-1815-1853, era-1700-1750]',
        'estimate:',
        '  - kappaHE',
        '  - betaX',
        '  - etaB',
        '  - { name: betaH, lower: -1 }',
        'foo: 1',
      ].join('\n'));
      const r = cli(['calibrate', spec]);
      expect(r.code).toBe(2);
      expect(hasStack(r.stderr)).toBe(false);
      expect(r.stderr).not.toMatch(/driving/);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(/spec\.yaml:1:23 {2}eras\[1\] {2}"era-1700-1750" is not an era with data/),
        expect.stringMatching(/spec\.yaml:4:5 {2}estimate\[1\] {2}"betaX" is not a parameter of the model/),
        expect.stringMatching(/spec\.yaml:5:5 {2}estimate\[2\] {2}"etaB" is a model parameter outside the choice rule/),
        expect.stringMatching(/spec\.yaml:6:20 {2}estimate\[3\]\.lower {2}lower bound -1 is outside the admissible set \(model §5\.4 C1/),
        expect.stringMatching(/spec\.yaml:7:1 {2}foo {2}unknown field/),
      ]);
    } finally {
      remove();
    }
  });

  it('fits, prints the estimates, writes a parameter file with provenance and --json', () => {
    const { dir, remove } = tempDir();
    try {
      const spec = join(dir, 'spec.yaml');
      writeFileSync(spec, 'eras: [era-1890-1914, era-1919-1939]\nestimate: [kappaHI, kappaHE, kappaSE]\nintervals: false\n');
      const out = join(dir, 'fitted.yaml');
      const r = cli(['calibrate', spec, '--out', out, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/calibrate: driving 2 era\(s\)/);
      const doc = JSON.parse(r.stdout) as { estimates: Record<string, number>; logLikelihood: number; startLogLikelihood: number; converged: boolean };
      expect(Object.keys(doc.estimates)).toEqual(['kappaHI', 'kappaHE', 'kappaSE']);
      expect(doc.logLikelihood).toBeGreaterThanOrEqual(doc.startLogLikelihood);
      const file = parse(readFileSync(out, 'utf8')) as { parameters: Record<string, number>; provenance: { library: string; eras: string[]; seed: number } };
      expect(Object.keys(file.parameters)).toEqual(['kappaHI', 'kappaHE', 'kappaSE']);
      expect(file.provenance.library).toMatch(/^counterpoise \d+\.\d+\.\d+/);
      expect(file.provenance.eras).toEqual(['era-1890-1914', 'era-1919-1939']);
      expect(file.provenance.seed).toBe(0);
    } finally {
      remove();
    }
  }, 180_000);
});
