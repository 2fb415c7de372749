/**
 * The era scenarios (scenarios/era-*.yaml, docs/scenarios.md "Era conventions"): checks beyond
 * the generic ones of bundled.test.ts, each tied to a convention the files state.
 *
 * - span and tick: two ticks a year; the start year of each era; every scheduled event fires
 *   inside the era's own length in ticks (the run `npm run eras` makes).
 * - agents: each file's states are exactly those of the mechanical rule (majors of the span;
 *   CINC >= 0.01 at the start; states entering with CINC >= 0.01) less the exclusions each file
 *   documents — so no state was added or left out by hand.
 * - absorptions, nil capability dimensions and the 1870 trade event: the numbers in the files are the ones the bundled COW
 *   data give (capabilitiesForYear, the proportional trade proxy), as scripts/era-values.mjs prints.
 * - nuclear tests and NATO's accession pairs as documented.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runSimulation, type WorldChange } from '../../src/index.js';
import {
  capabilitiesForYear, loadMajorsTable, loadNmcTable, loadScenario, loadStatesTable, loadTradeTable, proportionalTrade,
  statesForYear, tradeForYear,
} from '../../src/node/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The eras as scripts/eras.mjs runs them, the NMC version, and the states each file documents as excluded. */
const ERAS = [
  { name: 'era-1815-1853', start: 1816, end: 1853, nmc: '6.0', excluded: ['BEL'] },
  { name: 'era-1853-1890', start: 1853, end: 1890, nmc: '6.0', excluded: ['SIC'] },
  { name: 'era-1890-1914', start: 1890, end: 1914, nmc: '6.0', excluded: [] },
  { name: 'era-1919-1939', start: 1919, end: 1939, nmc: '6.0', excluded: [] },
  // Germany (255) left the system on 8 May 1945 and comes back in 1990 by absorbing the GDR, after the last tick.
  { name: 'era-1945-1991', start: 1945, end: 1991, nmc: '6.0', excluded: ['GMY', 'TAW', 'BNG'] },
  { name: 'era-1991-2010', start: 1991, end: 2010, nmc: '7.0', excluded: [] },
  { name: 'era-2010-today', start: 2010, end: 2026, nmc: '7.0', excluded: [] },
] as const;

interface FileState { id: string; cow?: string | number }
const fileStates = (name: string): FileState[] =>
  (parse(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8')) as { states: FileState[] }).states;
const cowCode = (s: FileState): string => String(s.cow ?? s.id);

describe.each(ERAS)('era scenario $name', (era) => {
  const scenario = loadScenario(era.name);
  const ticks = (era.end - era.start) * 2;

  it('has two ticks a year, starts in its first year and fires every event inside its own length', () => {
    expect(scenario.meta.ticksPerYear).toBe(2);
    expect(scenario.meta.startYear).toBe(era.start);
    for (const e of scenario.events) expect(e.tick, `"${e.label}"`).not.toBeNull();
    for (const e of scenario.events) expect(e.tick as number, `"${e.label}" fires after the era's last tick`).toBeLessThan(ticks);
  });

  it('holds exactly the states of the era rule, less the documented exclusions', () => {
    const nmc = loadNmcTable(era.nmc);
    const cinc = (year: number): Map<string, number> =>
      new Map(nmc.rows.filter((r) => r.year === year).map((r) => [r.stateabb, r.cinc ?? 0]));
    const rule = new Set<string>();
    for (const m of loadMajorsTable().rows) if (m.styear <= era.end - 1 && m.endyear >= era.start) rule.add(m.stateabb);
    for (const [abb, c] of cinc(era.start)) if (c >= 0.01) rule.add(abb);
    for (const s of loadStatesTable().rows) {
      if (s.styear > era.start && s.styear < era.end && (cinc(s.styear).get(s.stateabb) ?? 0) >= 0.01) rule.add(s.stateabb);
    }
    for (const x of era.excluded) {
      expect(rule.has(x), `${x} is documented as excluded but the rule does not select it`).toBe(true);
      rule.delete(x);
    }
    expect(fileStates(era.name).map(cowCode).sort()).toEqual([...rule].sort());
  });
});

describe('era-1853-1890: unifications and trade from 1870', () => {
  const scenario = loadScenario('era-1853-1890');
  const nmc = loadNmcTable('6.0');
  // Since issue 12 the era follows NMC year by year: the unifications reach the run through the
  // capability paths of COW's own codes (325, 255), no longer by hand-written set-state events.
  it.each([
    ['ITA', 325, 1860], ['ITA', 325, 1861], ['GMY', 255, 1866], ['GMY', 255, 1867], ['GMY', 255, 1871], ['GMY', 255, 1889],
  ] as const)('the capability path of %s is its NMC v6.0 values (COW code %s) in %s', (id, ccode, year) => {
    const paths = scenario.paths;
    expect(paths, 'era-1853-1890 follows the data').not.toBeNull();
    const path = paths?.capabilities.find((p) => p.state === id);
    const expected = capabilitiesForYear(nmc, year).states.find((s) => s.ccode === ccode);
    const row = year - (paths?.firstYear ?? 0);
    for (const dim of ['mil', 'eco', 'pop'] as const) {
      expect(path?.[dim][row], `${id}.${dim} ${year}`).toBeCloseTo(expected?.[dim] as number, 12);
    }
  });

  it('sets no capability by hand: no event changes mil, eco or pop', () => {
    for (const e of scenario.events) {
      for (const c of e.changes as WorldChange[]) {
        if (c.type === 'set-state') expect(['mil', 'eco', 'pop'], `"${e.label}"`).not.toContain(c.field);
      }
    }
  });

  it('sets every pair to the proportional proxy of the 1870 totals (shares of world trade, N26)', () => {
    const event = scenario.events.find((e) => e.label.startsWith('COW trade data begin'));
    const codes = fileStates('era-1853-1890').map(cowCode);
    const ids = fileStates('era-1853-1890').map((s) => s.id);
    const table = loadTradeTable();
    const rows = tradeForYear(table, 1870, codes, { system: statesForYear(loadStatesTable(), 1870) });
    const flows = proportionalTrade(rows.map((r) => ({ ccode: r.ccode, tau: r.tau as number })));
    // The loader's unit (model note N26): a share of the whole system's trade that year.
    const world = tradeForYear(table, 1870).reduce((sum, r) => sum + (r.tau ?? 0), 0);
    const given = new Map<string, number>();
    for (const c of (event?.changes ?? []) as WorldChange[]) if (c.type === 'set-trade') given.set(c.between.join('|'), c.value);
    expect(given.size).toBe((ids.length * (ids.length - 1)) / 2);
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        expect(given.get(`${ids[a]}|${ids[b]}`), `${ids[a]}-${ids[b]}`).toBeCloseTo((flows.flows[a][b] * flows.totalTau) / (world * world), 14);
      }
    }
    expect(scenario.dyads.every((d) => d.trade === 0)).toBe(true); // no trade before 1870
  });
});

describe('nil capability dimensions (era conventions (e))', () => {
  it.each([
    ['era-1815-1853', 'SIC', 'eco', 1816],
    ['era-1815-1853', 'POR', 'eco', 1816],
    ['era-1815-1853', 'SWD', 'mil', 1816],
  ] as const)('%s: %s.%s is the smallest positive share of the dimension among the states in %s', (name, id, dim, year) => {
    const codes = new Set(fileStates(name).map(cowCode));
    const shares = capabilitiesForYear(loadNmcTable('6.0'), year).states
      .filter((s) => codes.has(s.stateabb)).map((s) => s[dim]).filter((v): v is number => v !== undefined && v > 0);
    const own = capabilitiesForYear(loadNmcTable('6.0'), year).states.find((s) => s.stateabb === id)?.[dim];
    expect(own === undefined || own === 0, `${id}.${dim} is nil in NMC ${year}`).toBe(true);
    const state = loadScenario(name).states.find((s) => s.id === id);
    expect(state?.capabilities[dim]).toBe(Math.min(...shares));
  });
});

describe('documented changes at the end of each era', () => {
  const final = (name: string, end: number, start: number) => runSimulation(loadScenario(name), { seed: 1, ticks: (end - start) * 2 }).final;
  const nuclear = (name: string, end: number, start: number): string[] =>
    final(name, end, start).states.filter((s) => s.nuclear).map((s) => s.id).sort();

  it('nuclear states follow the first tests (CTBTO; SIPRI)', () => {
    expect(nuclear('era-1919-1939', 1939, 1919)).toEqual([]);
    expect(nuclear('era-1945-1991', 1991, 1945)).toEqual(['CHN', 'FRN', 'IND', 'RUS', 'UKG', 'USA']);
    expect(nuclear('era-1991-2010', 2010, 1991)).toEqual(['CHN', 'FRN', 'IND', 'PAK', 'PRK', 'RUS', 'UKG', 'USA']);
  });

  it('era-1991-2010: Poland joins NATO with a defence pair with every member; the Warsaw Pact is gone', () => {
    const f = final('era-1991-2010', 2010, 1991);
    const nato = f.institutions.find((q) => q.id === 'NATO')?.members ?? [];
    expect(nato).toContain('POL');
    const allied = new Set(f.alliances.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
    for (const m of nato) if (m !== 'POL') expect(allied.has(m < 'POL' ? `${m}|POL` : `POL|${m}`), `POL-${m}`).toBe(true);
    expect(f.institutions.some((q) => q.id === 'WPACT')).toBe(false);
  });

  it('era-1919-1939: the League without the US, Japan, Germany and Italy, with the Soviet Union', () => {
    const lon = final('era-1919-1939', 1939, 1919).institutions.find((q) => q.id === 'LON')?.members ?? [];
    expect(lon).toContain('RUS');
    for (const id of ['USA', 'JPN', 'GMY', 'ITA']) expect(lon).not.toContain(id);
  });
});

describe('statuses and procedures with cited dates (issue 14 item 6)', () => {
  /** The institutions of a file: those at the start and those founded by events. */
  const institutions = (name: string) => {
    const s = loadScenario(name);
    const founded = s.events.flatMap((e) => e.changes.flatMap((c) => (c.type === 'found-institution' ? [c] : [])));
    return [
      ...s.institutions.map((q) => ({ id: q.id, rule: q.decisionRule, veto: q.vetoMembers })),
      ...founded.map((c) => ({ id: c.institution, rule: c.decisionRule ?? 'consensus', veto: c.vetoMembers ?? [] })),
    ];
  };
  /** The file's dated changes, with the year the file writes (the resolved events carry ticks). */
  const changes = (name: string): { year: number; change: WorldChange }[] => {
    const raw = parse(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8')) as { events: { at: { year: number }; changes: WorldChange[] }[] };
    return raw.events.flatMap((e) => e.changes.map((c) => ({ year: e.at.year, change: c })));
  };

  it('decision rules from the founding texts: the UN by majority with the five permanent members as veto holders, the League by majority, NATO and the EC/EU by consensus', () => {
    for (const name of ['era-1945-1991', 'era-1991-2010', 'era-2010-today']) {
      const un = institutions(name).find((q) => q.id === 'UN');
      expect(un, name).toEqual({ id: 'UN', rule: 'majority', veto: ['USA', 'RUS', 'CHN', 'UKG', 'FRN'] });
      for (const id of ['NATO', 'EEC', 'EU']) for (const q of institutions(name).filter((x) => x.id === id)) expect(q.rule, `${name} ${id}`).toBe('consensus');
    }
    expect(institutions('era-1919-1939').find((q) => q.id === 'LON')?.rule).toBe('majority');
    for (const era of ERAS) expect(institutions(era.name).map((q) => q.id), era.name).not.toContain('SCO-PLUS');
  });

  it('era-1945-1991: the recorded UN and EEC admissions of the candidates are left to the vote, from their cited candidacies', () => {
    const all = changes('era-1945-1991');
    const candidacies = all.flatMap(({ year, change: c }) => (c.type === 'set-status' && c.status === 'candidate' ? [`${c.institution}:${c.state}@${Math.floor(year)}`] : []));
    expect(candidacies.sort()).toEqual(['EEC:SPN@1977', 'EEC:UKG@1961', 'UN:GDR@1966', 'UN:GFR@1973', 'UN:ITA@1947', 'UN:JPN@1952']);
    const admittedByEvent = (inst: string, state: string): boolean => all.some(({ change: c }) =>
      (c.type === 'join' || (c.type === 'set-status' && c.status === 'member')) && c.institution === inst && c.state === state);
    for (const key of candidacies) {
      const [inst, state] = key.split('@')[0].split(':');
      expect(admittedByEvent(inst, state), `${state} joins ${inst} by an event`).toBe(false);
    }
    expect(all.some(({ change: c }) => c.type === 'set-status' && c.institution === 'UN' && c.state === 'GFR' && c.status === 'observer')).toBe(true);
    // In a run, every member of the UN and the EEC is a founder, joined by an event, or admitted by a vote.
    const scenario = loadScenario('era-1945-1991');
    const result = runSimulation(scenario, { seed: 42, ticks: 92, collectEvents: true });
    for (const inst of ['UN', 'EEC']) {
      const founders = (scenario.events.flatMap((e) => e.changes).find((c) => c.type === 'found-institution' && c.institution === inst) as Extract<WorldChange, { type: 'found-institution' }>).members;
      const voted = new Set(result.events.flatMap((e) => (e.type === 'accession' && e.institution === inst && e.admitted ? [e.state] : [])));
      for (const m of result.final.institutions.find((q) => q.id === inst)?.members ?? []) {
        expect(founders.includes(m) || admittedByEvent(inst, m) || voted.has(m), `${m} in ${inst} without an event or a vote`).toBe(true);
      }
    }
  });

  it('era-1919-1939: Germany a League candidate from its application of 1926, its admission the vote\'s', () => {
    const all = changes('era-1919-1939');
    expect(all.filter(({ change: c }) => c.type === 'set-status' && c.state === 'GMY').map(({ year, change: c }) => [year, c.type === 'set-status' ? c.status : ''])).toEqual([[1926.104, 'candidate'], [1933.797, 'none']]);
    expect(all.some(({ change: c }) => c.type === 'join' && c.state === 'GMY')).toBe(false);
  });

  it('era-2010-today: Türkiye an EU candidate (Helsinki 1999), the SCO\'s observers and dialogue partners as statuses', () => {
    const s = loadScenario('era-2010-today');
    expect(s.institutions.find((q) => q.id === 'EU')?.statuses).toEqual([{ state: 'TUR', status: 'candidate' }]);
    expect(s.institutions.find((q) => q.id === 'SCO')?.statuses).toEqual(['IND', 'IRN', 'PAK'].map((state) => ({ state, status: 'observer' })));
    const observers = changes('era-2010-today').flatMap(({ change: c }) => (c.type === 'set-status' && c.institution === 'SCO' ? [c.state] : []));
    expect(observers).toEqual(['TUR', 'EGY', 'SAU']);
  });
});
