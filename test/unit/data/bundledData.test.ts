// Tests src/node/bundledData.ts (kept next to the data-layer tests that use it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COW_FILES } from '../../../src/data/cowFiles.js';
import {
  bundledDataDir,
  loadAllianceTable,
  loadNmcTable,
  readBundledCsv,
} from '../../../src/node/bundledData.js';

describe('bundledData', () => {
  it('finds the package data/ folder by walking up from the module', () => {
    const dir = bundledDataDir();
    expect(dir.endsWith('data')).toBe(true);
    for (const file of Object.values(COW_FILES)) expect(existsSync(join(dir, file)), file).toBe(true);
  });

  it('reads a file as text', () => {
    expect(readBundledCsv('majors')).toBe(readFileSync(join(bundledDataDir(), 'cow_majors2016.csv'), 'utf8'));
  });

  it('parses each file once and caches it', () => {
    expect(loadNmcTable()).toBe(loadNmcTable('6.0'));
    expect(loadNmcTable('7.0')).not.toBe(loadNmcTable('6.0'));
    expect(loadAllianceTable()).toBe(loadAllianceTable());
    expect(loadNmcTable('7.0').file).toBe(COW_FILES.nmcV7);
  });
});
