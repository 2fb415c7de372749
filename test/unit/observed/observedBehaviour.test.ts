/**
 * The coding rules of the observed record on hand-checked rows of the bundled COW data
 * (docs/validation.md, "Coding the observed record").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { statesForYear } from '../../../src/data/statesForYear.js';
import { loadStatesTable } from '../../../src/node/bundledData.js';
import { observedBehaviour } from '../../../src/node/observedBehaviour.js';
import type { ObservedRow } from '../../../src/observed/ObservedRow.js';

let rows: ObservedRow[];
beforeAll(() => {
  rows = observedBehaviour();
});

/** The row of a state-year, by COW abbreviation. */
function row(stateId: string, year: number): ObservedRow {
  const found = rows.find((r) => r.stateId === stateId && r.year === year);
  if (found === undefined) throw new Error(`no row ${stateId} ${year}`);
  return found;
}

describe('observedBehaviour: the bundled record coded per state-year', () => {
  it('covers every system member in every year 1816–2012, sorted by year then COW code, one row each', () => {
    expect(rows[0].year).toBe(1816);
    expect(rows[rows.length - 1].year).toBe(2012);
    for (const year of [1816, 1900, 1950, 2012]) {
      expect(rows.filter((r) => r.year === year).map((r) => r.ccode)).toEqual(statesForYear(loadStatesTable(), year).map((m) => m.ccode));
    }
    const keys = rows.map((r) => r.year * 10_000 + r.ccode);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.filter((r) => r.year === 2012)).toHaveLength(195);
  });

  it('HE: both members of the Anglo-Japanese alliance (COW 77, defence) in its start year 1902', () => {
    for (const id of ['UKG', 'JPN']) {
      expect(row(id, 1902)).toMatchObject({ HE: true, category: 'HE', alliancesJoined: [77] });
      expect(row(id, 1903).HE).toBe(false);
    }
  });

  it('HE: the founding members of NATO (COW 227) in 1949, Türkiye in its member start year 1951', () => {
    for (const id of ['USA', 'CAN', 'UKG', 'FRN', 'NTH', 'BEL', 'LUX', 'ITA', 'POR', 'NOR', 'DEN', 'ICE']) {
      expect(row(id, 1949), id).toMatchObject({ HE: true, category: 'HE' });
      expect(row(id, 1949).alliancesJoined, id).toContain(227);
    }
    expect(row('TUR', 1951)).toMatchObject({ HE: true, category: 'HE', alliancesJoined: [227] });
  });

  it('HE is not coded for alliances already in force in 1816 (left-censored), nor for a state re-coded in the same alliance', () => {
    // Alliance 1 (UK–Portugal, 1386) and the Quadruple Alliance members in 1816 are left-censored.
    expect(row('UKG', 1816).alliancesJoined).not.toContain(1);
    expect(row('POR', 1816).alliancesJoined).not.toContain(1);
    expect(rows.filter((r) => r.year === 1816).every((r) => !r.alliancesJoined.some((id) => id <= 6))).toBe(true);
  });

  it('SE: the Anglo-French-Russian entente spells of 1907 (COW 83: entente, no defence) code UK and France SE', () => {
    for (const id of ['UKG', 'FRN']) {
      expect(row(id, 1907), id).toMatchObject({ SE: true, HE: false });
      expect(row(id, 1907).alliancesJoined).toContain(83);
    }
  });

  it('SE: the Nazi–Soviet pact (COW 180: neutrality, non-aggression) is SE for both, below their defence pacts of 1939', () => {
    expect(row('GMY', 1939)).toMatchObject({ SE: true, HE: true, category: 'HE' });
    expect(row('RUS', 1939)).toMatchObject({ SE: true, HE: true, category: 'HE' });
    expect(row('GMY', 1939).alliancesJoined).toEqual(expect.arrayContaining([175, 180]));
  });

  it('HI: the US build-up of 1941 (mean share growth +232 %) and Germany 1934 (+81 %), above the +23 % threshold', () => {
    expect(row('USA', 1941).buildup).toBeCloseTo(2.3216, 3);
    expect(row('USA', 1941)).toMatchObject({ HI: true, category: 'HI' });
    expect(row('GMY', 1934).buildup).toBeCloseTo(0.8085, 3);
    expect(row('GMY', 1934).HI).toBe(true);
    // Below the threshold: Germany 1936 is above (+42 %), the UK in 1902 is not (−12 %).
    expect(row('UKG', 1902)).toMatchObject({ HI: false });
    expect(row('UKG', 1902).buildup).toBeLessThan(0);
  });

  it('HI cannot be measured in 1816 (no year before) nor in a state\'s first year', () => {
    expect(rows.filter((r) => r.year === 1816).every((r) => r.buildup === undefined && !r.HI)).toBe(true);
    expect(row('GFR', 1955).buildup).toBeUndefined();
  });

  it('IE: Türkiye and Greece join NATO (the IGO) in 1952; their main threat, the USSR, is not a member', () => {
    for (const id of ['TUR', 'GRC']) {
      expect(row(id, 1952), id).toMatchObject({ igosJoined: ['NATO'], mainThreat: 'RUS', mainThreatCcode: 365, IE: true, II: false, category: 'IE' });
    }
    expect(row('SPN', 1982)).toMatchObject({ igosJoined: ['NATO'], mainThreat: 'RUS', IE: true, category: 'IE' });
  });

  it('II: the US joins the UN in 1945 with its main threat, the USSR, a founding member', () => {
    expect(row('USA', 1945).igosJoined).toContain('UN');
    expect(row('USA', 1945)).toMatchObject({ mainThreat: 'RUS', II: true });
  });

  it('an IGO join is not a spell restored after a gap of one year (France 1944) or on return to the system (the Netherlands, Norway 1945)', () => {
    // France is out of the system 1942–1943: its ITU, UPU, PCA and League spells resume in 1944.
    expect(row('FRN', 1944).igosJoined).toEqual([]);
    // Occupied 1940–1945, the Netherlands and Norway resume their ITU membership in 1945, but join the UN.
    for (const id of ['NTH', 'NOR']) {
      expect(row(id, 1945).igosJoined, id).not.toContain('ITU');
      expect(row(id, 1945).igosJoined, id).toContain('UN');
    }
    // No IGO join is coded in 1816, when the data begin.
    expect(rows.filter((r) => r.year === 1816).every((r) => r.igosJoined.length === 0)).toBe(true);
  });

  it('main threat: the most capable proximate major without a defence pact (the USSR for Poland in 1999, not distant China)', () => {
    expect(row('POL', 1999).mainThreat).toBe('RUS');
    // Germany's threat in 1902 is the UK (proximate, unallied), the UK's is Germany.
    expect(row('UKG', 1902).mainThreat).toBe('GMY');
    // The US has no proximate major: its threat is the most capable unallied major anywhere.
    expect(row('USA', 1960).mainThreat).toBe('RUS');
    // A defence partner is never the main threat: the Netherlands' in 1960 is the USSR, not its NATO allies.
    expect(row('NTH', 1960).mainThreat).toBe('RUS');
    // The UK's in 1950 is not the USSR, bound to it by the Anglo-Soviet treaty of 1941–42 (COW 193, a defence pact
    // in COW to 1955), nor its NATO allies: no proximate major is left, so it is the strongest distant one.
    expect(row('UKG', 1950).mainThreat).toBe('CHN');
    expect(row('UKG', 1957).mainThreat).toBe('RUS'); // the pact (COW 193) ends in 1955; alliances of the year before count
  });

  it('precedence HE > HI > SE > IE > II, with every flag kept (West Germany 1955: HE, IE and II; Germany 1934: HI over SE)', () => {
    expect(row('GFR', 1955)).toMatchObject({ HE: true, IE: true, II: true, category: 'HE' });
    expect(row('GMY', 1934)).toMatchObject({ HI: true, SE: true, category: 'HI' });
    const order = ['HE', 'HI', 'SE', 'IE', 'II'] as const;
    for (const r of rows) {
      const first = order.find((a) => r[a]);
      expect(r.category).toBe(first ?? 'NONE');
    }
  });

  it('a span codes only its years, and a span outside 1816–2012 or reversed is a RangeError naming the field', () => {
    const span = observedBehaviour({ from: 1945, to: 1946 });
    expect(new Set(span.map((r) => r.year))).toEqual(new Set([1945, 1946]));
    expect(span).toEqual(rows.filter((r) => r.year === 1945 || r.year === 1946));
    expect(() => observedBehaviour({ from: 1800 })).toThrow(/^from: 1800 is outside .*1816–2012/);
    expect(() => observedBehaviour({ to: 2014 })).toThrow(/^to: 2014 is outside/);
    expect(() => observedBehaviour({ from: 1950, to: 1940 })).toThrow(/from: 1950 is after to: 1940/);
  });
});
