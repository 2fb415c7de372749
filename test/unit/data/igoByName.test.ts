import { describe, expect, it } from 'vitest';
import { igoByName } from '../../../src/data/igoByName.js';
import { loadIgoTable } from '../../../src/node/bundledData.js';

describe('igoByName', () => {
  const t = loadIgoTable();

  it('returns the metadata of an IGO by its short name', () => {
    expect(igoByName(t, 'NATO')).toMatchObject({ ionum: 3700, startYear: 1949, endYear: undefined, political: true });
    expect(igoByName(t, 'WPact')).toMatchObject({ startYear: 1955, endYear: 1991 });
  });

  it('throws a DataError naming the file and the name for an unknown IGO', () => {
    expect(() => igoByName(t, 'G20')).toThrow('cow_igo_v3_selected_igos.csv: unknown IGO "G20" (47 IGOs in the file)');
  });
});
