import { describe, expect, it } from 'vitest';
import { alliancesForYear } from '../../../../src/data/alliancesForYear.js';
import { capabilitiesForYear } from '../../../../src/data/capabilitiesForYear.js';
import { igoMembershipsForYear } from '../../../../src/data/igoMembershipsForYear.js';
import { tradeForYear } from '../../../../src/data/tradeForYear.js';
import {
  loadAllianceTable, loadIgoMembershipTable, loadNmcTable, loadStatesTable, loadTradeTable,
} from '../../../../src/node/bundledData.js';
import { bundledDataProvider } from '../../../../src/node/bundledDataProvider.js';
import { parseScenario } from '../../../../src/scenario/file/parseScenario.js';
import type { ScenarioDataProvider } from '../../../../src/scenario/file/ScenarioDataProvider.js';
import { ScenarioError, formatIssue } from '../../../../src/scenario/ScenarioError.js';

/** Parses the lines with the bundled data (or the provider given; `null` for none). */
const load = (lines: string[], data: ScenarioDataProvider | null = bundledDataProvider) =>
  parseScenario(lines.join('\n'), 'yaml', { file: 'd.yaml', ...(data === null ? {} : { data }) });

function problems(lines: string[], data: ScenarioDataProvider | null = bundledDataProvider): string[] {
  try {
    load(lines, data);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map(formatIssue);
    throw e;
  }
  return expect.fail('no ScenarioError');
}

const nmc = (id: string, extra = ''): string => `  - { id: ${id}, capabilities: { source: nmc${extra} } }`;

describe('capabilities: { source: nmc }', () => {
  it('UKG 1816 equals capabilitiesForYear\'s grouped shares (shares of the whole system)', () => {
    const r = load(['meta: { id: t, startYear: 1816 }', 'states:', nmc('UKG'), nmc('FRN'), nmc('RUS')]);
    const data = capabilitiesForYear(loadNmcTable('6.0'), 1816, ['UKG', 'FRN', 'RUS']);
    r.states.forEach((s, i) => {
      const c = data.states[i];
      expect(s.capabilities).toEqual({ mil: c.mil, eco: c.eco, pop: c.pop });
    });
    expect(r.states[0].components).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it('uses data.nmc and the reference\'s own year; an override replaces one dimension', () => {
    const r = load([
      'meta: { id: t, startYear: 2020 }',
      'data: { nmc: "7.0" }',
      'states:',
      nmc('USA'),
      nmc('CHN', ', year: 2019, eco: 0.3'),
    ]);
    const c2020 = capabilitiesForYear(loadNmcTable('7.0'), 2020, ['USA']).states[0];
    const c2019 = capabilitiesForYear(loadNmcTable('7.0'), 2019, ['CHN']).states[0];
    expect(r.states[0].capabilities).toEqual({ mil: c2020.mil, eco: c2020.eco, pop: c2020.pop });
    expect(r.states[1].capabilities).toEqual({ mil: c2019.mil, eco: 0.3, pop: c2019.pop });
  });

  it('a missing component leaves the other of its dimension alone, and says so in the warnings', () => {
    const r = load(['meta: { id: t, startYear: 1816 }', 'states:', nmc('UKG'), nmc('AUH')]);
    const c = capabilitiesForYear(loadNmcTable(), 1816, ['AUH']).states[0];
    expect(r.states[1].capabilities.mil).toBe(c.shares.milper);
    expect(r.warnings).toEqual([
      'states[1].capabilities: cow_nmc_v6.0_abridged.csv, year 1816, state "AUH": milex is missing, so mil is the share of milper alone (capabilitiesForYear, missing-value rule 2)',
    ]);
  });

  it('a dimension that is 0 in the data is an error at the reference, unless overridden', () => {
    const lines = ['meta: { id: t, startYear: 1816 }', 'states:', nmc('UKG'), nmc('POR')];
    expect(problems(lines)).toEqual([
      'd.yaml:4:16  states[1].capabilities  cow_nmc_v6.0_abridged.csv, year 1816, state "POR": eco is 0 (irst = 0, pec = 0), and the model needs eco > 0 (model §5.1); give eco in the reference to set it from a cited source',
    ]);
    expect(load([...lines.slice(0, 3), nmc('POR', ', eco: 0.001')]).states[1].capabilities.eco).toBe(0.001);
  });

  it('matches states by cow (abbreviation or code); name defaults to the COW name', () => {
    const r = load([
      'meta: { id: t, startYear: 1816 }',
      'states:',
      '  - { id: Prussia, cow: GMY, capabilities: { source: nmc } }',
      '  - { id: Britain, cow: 200, name: Britain, capabilities: { source: nmc } }',
      '  - { id: FRN, capabilities: { mil: 1, eco: 1, pop: 1 } }',
    ]);
    const c = capabilitiesForYear(loadNmcTable(), 1816, [255, 200]);
    expect(r.states.map((s) => s.name)).toEqual(['Germany', 'Britain', 'France']);
    expect(r.states[0].capabilities.mil).toBe(c.states[0].mil);
    expect(r.states[1].capabilities.mil).toBe(c.states[1].mil);
  });

  it('an unknown cow, a state without COW identity, and two states for one COW state are errors', () => {
    expect(problems([
      'meta: { id: t, startYear: 1816 }',
      'states:',
      '  - { id: A, cow: XYZ, capabilities: { source: nmc } }',
      '  - { id: Britain, capabilities: { source: nmc } }',
      '  - { id: UKG, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: England, cow: ukg, capabilities: { mil: 1, eco: 1, pop: 1 } }',
    ])).toEqual([
      'd.yaml:3:14  states[0].cow  unknown COW state "XYZ" (not in cow_states2016.csv)',
      'd.yaml:4:20  states[1].capabilities  state "Britain" has no COW identity (its id is not a COW abbreviation): give cow: with its COW abbreviation or code, or give its capabilities inline',
      'd.yaml:6:20  states[3].cow  the same COW state as states[2] (UKG, 200); a COW state can be in a scenario once',
    ]);
  });
});

describe('major: { source: cow }', () => {
  it('is the COW major-power list for the start year (or the reference\'s year)', () => {
    const r = load([
      'meta: { id: t, startYear: 1816 }',
      'states:',
      '  - { id: UKG, major: { source: cow }, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: USA, major: { source: cow }, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: JPN, major: { source: cow, year: 1900 }, capabilities: { mil: 1, eco: 1, pop: 1 } }',
    ]);
    expect(r.states.map((s) => s.major)).toEqual([true, false, true]);
  });
});

describe('institutions: members: { source: igo }', () => {
  const states = ['USA', 'UKG', 'FRN', 'TUR', 'RUS', 'CHN', 'MON'].map((id) => `  - { id: ${id}, capabilities: { mil: 1, eco: 1, pop: 1 } }`);

  it('NATO 2014: the scenario\'s states among the IGO\'s full members, in scenario order; name from the IGO data', () => {
    const r = load(['meta: { id: t, startYear: 2014 }', 'states:', ...states, 'institutions:', '  - { id: NATO, members: { source: igo, ioname: NATO } }']);
    const data = new Set(igoMembershipsForYear(loadIgoMembershipTable(), 'NATO', 2014).map((m) => m.stateabb));
    const expected = ['USA', 'UKG', 'FRN', 'TUR', 'RUS', 'CHN', 'MON'].filter((id) => data.has(id));
    expect(expected).toEqual(['USA', 'UKG', 'FRN', 'TUR']);
    expect(r.institutions[0]).toMatchObject({ id: 'NATO', name: 'North Atlantic Treaty Organization (NATO)', members: expected });
  });

  it('add and remove adjust a data-drawn list; problems with them point at their item', () => {
    const r = load(['meta: { id: t, startYear: 2014 }', 'states:', ...states, 'institutions:',
      '  - { id: NATO, members: { source: igo, ioname: NATO }, add: [MON], remove: [FRN], source: "a citation" }']);
    expect(r.institutions[0].members).toEqual(['USA', 'UKG', 'TUR', 'MON']);
    expect(problems(['meta: { id: t, startYear: 2014 }', 'states:', ...states, 'institutions:',
      '  - id: NATO',
      '    members: { source: igo, ioname: NATO }',
      '    add: [USA, XX]',
      '    remove: [CHN]',
      '  - { id: Q, members: [USA, UKG], add: [CHN] }',
    ])).toEqual([
      'd.yaml:13:11  institutions[0].add[0]  "USA" is already a member of NATO in 2014',
      'd.yaml:13:16  institutions[0].add[1]  unknown state "XX"',
      'd.yaml:14:14  institutions[0].remove[0]  "CHN" is not a member of NATO in 2014 in the data',
      'd.yaml:15:35  institutions[1].add  add applies only to members drawn from the data; list the members inline instead',
    ]);
  });

  it('a problem found by the core in data-drawn members points at the reference; in an added member, at add', () => {
    const lines = ['meta: { id: t, startYear: 2014 }', 'states:', ...states, 'institutions:',
      '  - id: NATO',
      '    members:',
      '      source: igo',
      '      ioname: NATO',
      '    remove: [USA, UKG, FRN]'];
    expect(problems(lines)).toEqual([
      'd.yaml:12:5  institutions[0].members  an institution needs at least two members (model §5.7); found one by an event when it should start later',
    ]);
  });

  it('unknown IGO, an IGO not yet founded, a year outside the IGO data', () => {
    expect(problems(['meta: { id: t, startYear: 1816 }', 'states:', ...states, 'institutions:',
      '  - { id: A, members: { source: igo, ioname: NATOX } }',
      '  - { id: B, members: { source: igo, ioname: NATO } }',
      '  - { id: C, members: { source: igo, ioname: NATO, year: 2020 } }',
    ])).toEqual([
      'd.yaml:11:38  institutions[0].members.ioname  cow_igo_v3_selected_igos.csv: unknown IGO "NATOX" (47 IGOs in the file)',
      'd.yaml:12:14  institutions[1].members  NATO was founded in 1949 (cow_igo_v3_selected_igos.csv), so it has no members in 1816',
      'd.yaml:13:52  institutions[2].members.year  cow_igo_v3_membership_spells.csv, year 2020: year is outside the file\'s coverage 1816–2014',
    ]);
  });
});

describe('alliances: { source: cow }', () => {
  it('alliances in force in 1816 include UKG–POR (defence pact of 1373/1386)', () => {
    const r = load(['meta: { id: t, startYear: 1816 }', 'states:',
      ...['UKG', 'POR', 'SPN', 'USA'].map((id) => `  - { id: ${id}, capabilities: { mil: 1, eco: 1, pop: 1 } }`),
      'alliances: { source: cow, obligations: [defense] }']);
    const pairs = alliancesForYear(loadAllianceTable(), 1816, { obligations: ['defense'], among: [200, 235, 230, 2] });
    expect(pairs.some((p) => p.ccodeA === 200 && p.ccodeB === 235)).toBe(true);
    expect(r.dyads.find((d) => d.between.join() === 'UKG,POR')).toEqual({ between: ['UKG', 'POR'], trade: 0, alliance: true, entente: 0 });
    expect(r.dyads.filter((d) => d.alliance).length).toBe(new Set(pairs.map((p) => `${p.ccodeA}-${p.ccodeB}`)).size);
    expect(r.dyads.some((d) => d.between.includes('USA'))).toBe(false);
  });

  it('entente-only pairs get ententeLevel; explicit dyads override field by field; states without identity are left out', () => {
    // 1816: the Quadruple Alliance (defence) joins UKG, AUH, RUS; UKG–SWD share only an entente (COW alliance 2).
    const ids = ['UKG', 'AUH', 'RUS', 'SWD', 'Other'];
    const head = ['meta: { id: t, startYear: 1816 }', 'states:', ...ids.map((id) => `  - { id: ${id}, capabilities: { mil: 1, eco: 1, pop: 1 } }`)];
    const r = load([...head, 'alliances: { source: cow, ententeLevel: 0.4 }', 'dyads:', '  - { between: [RUS, AUH], trade: 3 }']);
    const pairs = alliancesForYear(loadAllianceTable(), 1816, { among: [200, 300, 365, 380] });
    const ukgSwd = pairs.filter((p) => p.ccodeA === 200 && p.ccodeB === 380);
    expect(ukgSwd.length).toBeGreaterThan(0);
    expect(ukgSwd.every((p) => p.obligations.entente && !p.obligations.defense && !p.obligations.neutrality && !p.obligations.nonaggression)).toBe(true);
    // The pair's data end date is carried (model note N29): both spells end on 31 Oct 1822.
    expect(r.dyads).toContainEqual({ between: ['RUS', 'AUH'], trade: 3, alliance: true, allianceEnds: 1822 + 9 / 12 + 30 / 365, entente: 0 });
    expect(r.dyads).toContainEqual({ between: ['UKG', 'SWD'], trade: 0, alliance: false, entente: 0.4 });
    expect(r.dyads[0].between).toEqual(['RUS', 'AUH']); // the file's own dyads come first
    expect(r.dyads.some((d) => d.between.includes('Other'))).toBe(false);
    const withoutAlliance = load([...head, 'alliances: { source: cow }', 'dyads:', '  - { between: [RUS, AUH], alliance: false }']);
    expect(withoutAlliance.dyads[0]).toEqual({ between: ['RUS', 'AUH'], trade: 0, alliance: false, entente: 0 });
    expect(withoutAlliance.dyads.some((d) => d.entente > 0)).toBe(false); // no ententeLevel, no entente
  });

  it('a year outside the alliance data', () => {
    expect(problems(['meta: { id: t, startYear: 2014 }', 'states:', nmc('UKG'), nmc('FRN'), 'alliances:', '  source: cow']))
      .toEqual(['d.yaml:5:1  alliances  cow_alliance_v4.1_by_member.csv, year 2014: year is outside the file\'s coverage 1816–2012 (the year is meta.startYear)']);
  });
});

describe('trade: { source: cow }', () => {
  const ids = ['UKG', 'FRN', 'USA', 'GMY'];
  const head = ['meta: { id: t, startYear: 1880 }', 'states:', ...ids.map((id) => `  - { id: ${id}, capabilities: { mil: 1, eco: 1, pop: 1 } }`)];

  it('X_ij = τ_i·τ_j / (Σ_world τ)², the proportional proxy as a share of the whole system\'s trade (N26)', () => {
    const r = load([...head, 'trade: { source: cow }']);
    const rows = tradeForYear(loadTradeTable(), 1880, ids);
    let world = 0;
    for (const row of tradeForYear(loadTradeTable(), 1880)) if (row.tau !== undefined) world += row.tau;
    const tau = rows.map((row) => row.tau as number);
    expect(world).toBeGreaterThan(tau.reduce((x, y) => x + y, 0)); // the world is more than the scenario
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const d = r.dyads.find((x) => x.between[0] === ids[a] && x.between[1] === ids[b]);
        expect(d?.trade).toBeCloseTo((tau[a] * tau[b]) / world ** 2, 15);
      }
    }
  });

  it('explicit dyad trade overrides the proxy; exclude leaves a state out of it', () => {
    const r = load([...head, 'trade: { source: cow, exclude: [GMY] }', 'dyads:', '  - { between: [FRN, UKG], trade: 0.5 }']);
    expect(r.dyads[0]).toEqual({ between: ['FRN', 'UKG'], trade: 0.5, alliance: false, entente: 0 });
    expect(r.dyads.some((d) => d.between.includes('GMY'))).toBe(false);
    expect(r.dyads).toHaveLength(3);
  });

  it('a year outside the trade data (1850), a state not in the system that year, a state without COW identity', () => {
    expect(problems([...head, 'trade: { source: cow, year: 1850 }']))
      .toEqual(['d.yaml:7:23  trade.year  cow_trade_v4.0_national.csv, year 1850: year is outside the file\'s coverage 1870–2014']);
    expect(problems(['meta: { id: t, startYear: 1880 }', 'states:', nmc('UKG'), nmc('FRN'),
      '  - { id: CAN, capabilities: { mil: 1, eco: 1, pop: 1 } }', '  - { id: EU, capabilities: { mil: 1, eco: 1, pop: 1 } }', 'trade: { source: cow }']))
      .toEqual([
        'd.yaml:7:1  trade  state "EU" has no COW identity (its id is not a COW abbreviation): give it cow:, or list it in trade.exclude and give its dyads\' trade explicitly',
      ]);
    expect(problems(['meta: { id: t, startYear: 1880 }', 'states:', nmc('UKG'), nmc('FRN'),
      '  - { id: CAN, capabilities: { mil: 1, eco: 1, pop: 1 } }', 'trade: { source: cow, exclude: [XX] }']))
      .toEqual([
        'd.yaml:6:1  trade  cow_trade_v4.0_national.csv, year 1880, state "CAN": state does not exist in this year (not in the system list given)',
        'd.yaml:6:33  trade.exclude[0]  unknown state "XX"',
      ]);
  });
});

describe('data references without a data provider', () => {
  it('each reference is an error that says how to provide the data', () => {
    const message = 'data references need a data provider: use loadScenario from counterpoise/node, or pass options.data';
    expect(problems([
      'meta: { id: t, startYear: 1900 }',
      'states:',
      '  - { id: UKG, major: { source: cow }, capabilities: { source: nmc } }',
      '  - { id: FRN, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      'institutions:',
      '  - { id: Q, members: { source: igo, ioname: UPU } }',
      'alliances: { source: cow }',
      'trade: { source: cow }',
    ], null)).toEqual([
      `d.yaml:3:16  states[0].major  ${message}`,
      `d.yaml:3:40  states[0].capabilities  ${message}`,
      `d.yaml:6:14  institutions[0].members  ${message}`,
      `d.yaml:7:1  alliances  ${message}`,
      `d.yaml:8:1  trade  ${message}`,
    ]);
  });

  it('a provider without a table needed says which', () => {
    expect(problems(['meta: { id: t, startYear: 1900 }', 'states:', nmc('UKG'), nmc('FRN')], { states: loadStatesTable }))
      .toEqual([
        'd.yaml:3:16  states[0].capabilities  the data provider has no nmc() table, which this reference needs',
        'd.yaml:4:16  states[1].capabilities  the data provider has no nmc() table, which this reference needs',
      ]);
  });
});
