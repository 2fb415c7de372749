/**
 * docs/properties.md cannot drift: it is generated from THEORY_PROPERTIES and the test files, and
 * this test fails when the file differs. Regenerate with
 *   UPDATE_PROPERTIES_TABLE=1 npx vitest run test/properties/propertiesTable.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROPERTY_IDS } from '../../src/testing/index.js';
import { propertiesTable, testFiles } from './propertiesTable.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = path.join(root, 'docs', 'properties.md');

describe('docs/properties.md', () => {
  it('lists the 40 properties of THEORY §6 in order, with the strict forms P17–P20 and E13–E14 after their families, then the institution properties (E15–E23), the v2 properties (P21–P23), affinity (P24) and P25 (more than one great power in view)', () => {
    expect(PROPERTY_IDS).toEqual([
      'F1', 'F2', 'F3', 'F4',
      ...Array.from({ length: 20 }, (_, k) => `P${k + 1}`),
      'M1', 'M2', 'M3', 'M4', 'M5',
      ...Array.from({ length: 23 }, (_, k) => `E${k + 1}`),
      'P21', 'P22', 'P23', // the reference model v2 (model notes N31, N32), after the institution properties
      'P24', // affinity (model note N54)
      'P25', // every great power in view (model note N57)
      'S1', 'S2', 'S3',
    ]);
  });

  it('every property has exactly one test and one broken-variant test, named by its id', () => {
    const tests = testFiles(root, 'test/properties');
    const broken = testFiles(root, 'test/properties/broken', 'broken');
    for (const id of PROPERTY_IDS) {
      expect(tests.get(id), `tests of ${id}`).toHaveLength(1);
      expect(broken.get(id), `broken-variant tests of ${id}`).toHaveLength(1);
    }
  });

  it('matches the registry and the tests (regenerate with UPDATE_PROPERTIES_TABLE=1)', () => {
    const expected = propertiesTable(root);
    if (process.env.UPDATE_PROPERTIES_TABLE === '1') writeFileSync(file, expected);
    const actual = readFileSync(file, 'utf8');
    expect(actual, 'docs/properties.md is out of date: UPDATE_PROPERTIES_TABLE=1 npx vitest run test/properties/propertiesTable.test.ts').toBe(expected);
  });
});
