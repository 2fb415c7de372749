import { describe, expect, it } from 'vitest';
import { parseTradeTable } from '../../../src/data/parseTradeTable.js';
import { loadTradeTable } from '../../../src/node/bundledData.js';

describe('parseTradeTable', () => {
  it('parses 14,410 state-years, 1870–2014, with empty cells as missing', () => {
    const t = loadTradeTable();
    expect(t.rows.length).toBe(14410);
    expect([t.firstYear, t.lastYear]).toEqual([1870, 2014]);
    expect(t.rows.filter((r) => r.imports === undefined).length).toBe(1548);
    expect(t.rows.filter((r) => r.exports === undefined).length).toBe(821);
    expect(t.rows.filter((r) => r.altImports !== undefined).length).toBe(90);
  });

  it('reads USA 1870 and keeps an empty import cell missing (Bahamas 1965)', () => {
    const rows = loadTradeTable().rows;
    expect(rows.find((r) => r.ccode === 2 && r.year === 1870)).toMatchObject({ imports: 450, exports: 418 });
    const bhm = rows.find((r) => r.stateabb === 'BHM' && r.year === 1965);
    expect(bhm?.imports).toBeUndefined();
    expect(bhm?.exports).toBe(18.5);
  });

  it('reads -9 as missing too, and empty text cells as empty', () => {
    const header = 'ccode,statename,stateabb,year,imports,exports,alt_imports,alt_exports,source1,source2,version';
    const t = parseTradeTable(`${header}\n2,USA,USA,1870,-9,,,,,,4\n`, 'x.csv');
    expect(t.rows[0].imports).toBeUndefined();
    expect(t.rows[0].exports).toBeUndefined();
    expect(t.rows[0].source1).toBeUndefined();
  });
});
