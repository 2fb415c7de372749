import { describe, expect, it } from 'vitest';
import { alliancesForYear } from '../../../../src/data/alliancesForYear.js';
import { loadAllianceTable } from '../../../../src/node/bundledData.js';
import { bundledDataProvider } from '../../../../src/node/bundledDataProvider.js';
import type { AlliancesProvenance, CapabilitiesProvenance, DataProvenance } from '../../../../src/scenario/file/DataProvenance.js';
import { parseScenarioWithProvenance } from '../../../../src/scenario/file/parseScenario.js';

const load = (lines: string[]) => parseScenarioWithProvenance(lines.join('\n'), 'yaml', { file: 'p.yaml', data: bundledDataProvider });
const ofKind = <K extends DataProvenance['kind']>(list: readonly DataProvenance[], kind: K) =>
  list.filter((p): p is Extract<DataProvenance, { kind: K }> => p.kind === kind);

describe('parseScenarioWithProvenance: what each data reference became', () => {
  // 1816: the Quadruple Alliance (defence) joins UKG, AUH, RUS; UKG–SWD share only an entente (COW alliance 2).
  const ids = ['UKG', 'AUH', 'RUS', 'SWD'];
  const lines = ['meta: { id: t, startYear: 1816 }', 'states:',
    ...ids.map((id) => `  - { id: ${id}, major: { source: cow }, capabilities: { source: nmc${id === 'SWD' ? ', mil: 0.01' : ''} } }`),
    'alliances: { source: cow, ententeLevel: 0.4 }', 'dyads:', '  - { between: [RUS, AUH], alliance: false }'];
  const { scenario, provenance } = load(lines);

  it('names the COW alliances behind each allied pair, as alliancesForYear gives them, and marks the values the file overrides', () => {
    const [alliances] = ofKind(provenance, 'alliances') as AlliancesProvenance[];
    expect(alliances).toMatchObject({ reference: 'alliances', file: 'cow_alliance_v4.1_by_member.csv', year: 1816, obligations: ['defense'] });
    const pairs = alliancesForYear(loadAllianceTable(), 1816, { obligations: ['defense'], among: [200, 300, 365, 380] });
    const ukgRus = pairs.filter((p) => p.ccodeA === 200 && p.ccodeB === 365).map((p) => p.allianceId);
    expect(ukgRus.length).toBeGreaterThan(0);
    expect(alliances.pairs).toContainEqual({ between: ['UKG', 'RUS'], value: 'alliance', allianceIds: [...new Set(ukgRus)].sort((a, b) => a - b) });
    const ukgSwd = alliances.pairs.find((p) => p.between.join() === 'UKG,SWD');
    expect(ukgSwd).toMatchObject({ value: 'entente' });
    expect(ukgSwd?.allianceIds.length).toBeGreaterThan(0);
    // The file's dyad sets alliance: false for RUS–AUH: the data's value is marked as overridden.
    expect(alliances.pairs.find((p) => p.between.join() === 'AUH,RUS')).toMatchObject({ value: 'alliance', overriddenBy: 'dyads[0]' });
    expect(scenario.dyads.find((d) => d.between.join() === 'RUS,AUH')?.alliance).toBe(false);
  });

  it('gives each state\'s COW identity, NMC file, year and values (overrides named), and its major-power status', () => {
    expect(ofKind(provenance, 'cow-identity').map((p) => [p.state, p.ccode])).toEqual([['UKG', 200], ['AUH', 300], ['RUS', 365], ['SWD', 380]]);
    const caps = ofKind(provenance, 'capabilities') as CapabilitiesProvenance[];
    expect(caps.map((c) => c.state)).toEqual(ids);
    caps.forEach((c, i) => {
      expect(c).toMatchObject({ reference: `states[${i}].capabilities`, year: 1816, file: expect.stringMatching(/nmc/i) });
      expect(c.values).toEqual(scenario.states[i].capabilities);
    });
    expect(caps[3].overridden).toEqual(['mil']);
    expect(caps[3].values.mil).toBe(0.01);
    expect(ofKind(provenance, 'major').map((m) => [m.state, m.major])).toEqual([['UKG', true], ['AUH', true], ['RUS', true], ['SWD', false]]);
  });

  it('a file without data references has no provenance', () => {
    expect(load(['meta: { id: t, startYear: 1816 }', 'states:', '  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }', '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }']).provenance).toEqual([]);
  });
});
