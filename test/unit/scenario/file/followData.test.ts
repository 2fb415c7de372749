import { describe, expect, it } from 'vitest';
import { capabilitiesForYear } from '../../../../src/data/capabilitiesForYear.js';
import { loadNmcTable } from '../../../../src/node/bundledData.js';
import { bundledDataProvider } from '../../../../src/node/bundledDataProvider.js';
import { loadScenario } from '../../../../src/node/loadScenario.js';
import { parseScenario } from '../../../../src/scenario/file/parseScenario.js';
import { ScenarioError, formatIssue } from '../../../../src/scenario/ScenarioError.js';
import { createSimulation, runSimulation, type DecisionPolicy } from '../../../../src/index.js';
import { eventCells } from '../../../../src/experiments/tables.js';
import { eventFromRow } from '../../../../src/report/eventFromRow.js';

const load = (lines: string[]) => parseScenario(lines.join('\n'), 'yaml', { file: 'h.yaml', data: bundledDataProvider });

function problems(lines: string[]): string[] {
  try {
    load(lines);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map(formatIssue);
    throw e;
  }
  return expect.fail('no ScenarioError');
}

const idle: DecisionPolicy = { name: 'idle', probabilities: () => ({ NONE: 1 }) };
const follows = (id: string, extra = ''): string => `  - { id: ${id}, capabilities: { source: nmc, follow: yearly }${extra} }`;

describe('history in motion: scenario files that follow the data (issue 12 items 1–3, 6)', () => {
  it('a state following NMC has, with no model effects, exactly the data\'s shares at each data year', () => {
    const scenario = loadScenario('test/fixtures/paths/history.yaml');
    const sim = createSimulation(scenario, { seed: 1, policy: idle });
    const nmc = loadNmcTable('6.0');
    for (let year = 1890; year <= 1914; year++) {
      sim.step(); // the tick at the start of `year`
      const data = capabilitiesForYear(nmc, year, ['UKG', 'GMY', 'FRN', 'RUS', 'USA']);
      for (const c of data.states) {
        const s = sim.world.states.find((x) => x.id === c.stateabb)!;
        expect(s.capabilities, `${c.stateabb} ${year}`).toEqual({ mil: c.mil, eco: c.eco, pop: c.pop });
      }
      if (year < 1914) sim.step(); // mid-year: interpolated
    }
    // Britain's decline and Germany's rise reach the run (issue 12, "Why").
    const cinc = Object.fromEntries(sim.world.states.map((s) => [s.id, s.cinc]));
    expect(cinc.GMY).toBeGreaterThan(cinc.UKG);
  });

  it('states enter and leave on their COW dates; observed alliances begin and end on theirs', () => {
    const scenario = loadScenario('test/fixtures/paths/history.yaml');
    expect(scenario.states.find((s) => s.id === 'BUL')?.spells).toEqual([{ from: 1908 + (31 + 29 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 4) / 366, to: null }]);
    const run = runSimulation(scenario, { seed: 2, ticks: 40 });
    expect(run.events).toContainEqual({ tick: 38, type: 'state-entered', state: 'BUL' }); // 5 Oct 1908
    expect(run.events).toContainEqual({ tick: 8, type: 'alliance-begun', between: ['FRN', 'RUS'] }); // Franco-Russian, 1894
    expect(run.events).toContainEqual({ tick: 18, type: 'scenario-event', label: 'USA becomes a major power (COW)' }); // 13 Aug 1898

    const interwar = load([
      'meta: { id: i, startYear: 1936, ticksPerYear: 1 }',
      'history: { until: 1946 }',
      'states:',
      follows('GMY', ', spells: { source: cow }, major: { source: cow, follow: yearly }'),
      follows('ITA', ', spells: { source: cow }, major: { source: cow, follow: yearly }'),
      follows('FRN', ', spells: { source: cow }, major: { source: cow, follow: yearly }'),
      follows('AUS', ', spells: { source: cow }'),
      'alliances: { source: cow, obligations: [defense], mode: observed }',
    ]);
    const sim = createSimulation(interwar, { seed: 3 });
    const present: string[][] = [];
    for (let t = 0; t < 10; t++) { sim.step(); present.push(sim.world.states.map((s) => s.id)); }
    expect(present[2]).toEqual(['GMY', 'ITA', 'FRN', 'AUS']); // 1938: before the Anschluss (13 Mar) the tick's year is 1938.0
    expect(present[3]).toEqual(['GMY', 'ITA', 'FRN']); // 1939
    expect(present[6]).toEqual(['GMY', 'ITA', 'FRN']); // 1942: France leaves on 11 Nov 1942
    expect(present[7]).toEqual(['GMY', 'ITA']); // 1943
    expect(present[9]).toEqual(['GMY', 'ITA', 'FRN']); // 1945: France re-enters (1944)
    // The Pact of Steel (22 May 1939) is an observed input and begins on its date; it ends with Italy's armistice.
    expect(sim.events).toContainEqual({ tick: 4, type: 'alliance-begun', between: ['GMY', 'ITA'] });
    expect(sim.events.some((e) => e.type === 'alliance-ended' && e.between.join() === 'GMY,ITA')).toBe(true);
  });

  it('observed memberships: states join and leave an IGO on the data\'s years', () => {
    const s = load([
      'meta: { id: n, startYear: 1950, ticksPerYear: 1 }',
      'history: { until: 1960 }',
      'states:',
      follows('USA'), follows('UKG'), follows('FRN'), follows('TUR'),
      follows('GFR', ', spells: { source: cow }'),
      'institutions:',
      '  - { id: NATO, members: { source: igo, ioname: NATO, mode: observed }, kind: security }',
    ]);
    expect(s.institutions[0].members).toEqual(['USA', 'UKG', 'FRN']);
    expect(s.events.map((e) => [e.label, e.tick])).toEqual([['TUR joins NATO (COW IGO)', 2], ['GFR joins NATO (COW IGO)', 6]]); // West Germany enters on 5 May 1955: the first tick at or after it is 1956
    const sim = createSimulation(s, { seed: 1 });
    sim.run(6);
    expect(sim.world.institutions.find((q) => q.id === 'NATO')?.members).toEqual(['FRN', 'TUR', 'UKG', 'USA']);
    sim.step();
    expect(sim.world.institutions.find((q) => q.id === 'NATO')?.members).toEqual(['FRN', 'GFR', 'TUR', 'UKG', 'USA']);
  });

  it('beyond the data\'s end: a documented projection, listed in paths.notes and the warnings', () => {
    const trend = load(['meta: { id: p, startYear: 2010 }', 'history: { until: 2020, projection: { rule: trend, years: 5 } }', 'states:', follows('USA'), follows('CHN')]);
    const usa = trend.paths!.capabilities.find((c) => c.state === 'USA')!;
    expect(usa.mil).toHaveLength(11);
    const notes = trend.paths!.notes.filter((n) => n.kind === 'projected');
    expect(notes.map((n) => n.path)).toContain('states[0].capabilities.mil');
    expect(notes[0].years).toEqual([2017, 2018, 2019, 2020]);
    expect(trend.warnings.some((w) => /projected 2017–2020/.test(w))).toBe(true);
    // The trailing trend continues the growth rate of the last five data years.
    const g = Math.log(usa.eco[6] / usa.eco[2]) / 4;
    expect(usa.eco[10]).toBeCloseTo(usa.eco[6] * Math.exp(4 * g), 12);
    const hold = load(['meta: { id: p, startYear: 2010 }', 'history: { until: 2020, projection: { rule: hold } }', 'states:', follows('USA'), follows('CHN')]);
    const held = hold.paths!.capabilities[0];
    expect(held.mil.slice(6)).toEqual([held.mil[6], held.mil[6], held.mil[6], held.mil[6], held.mil[6]]);
  });

  it('bad input names the file, the field, the state, the year and the data file', () => {
    expect(problems(['meta: { id: b, startYear: 1936 }', 'history: { until: 1946 }', 'states:', follows('GMY'), follows('AUS')])).toEqual([
      'h.yaml:4:45  states[0].capabilities.follow  cow_nmc_v6.0_abridged.csv, year 1946, state "GMY": state does not exist in this year, which follow: yearly needs (it is in the span 1936–1946); give the state spells: { source: cow } so that it enters and leaves on its COW dates',
      'h.yaml:5:45  states[1].capabilities.follow  cow_nmc_v6.0_abridged.csv, year 1939, state "AUS": state does not exist in this year, which follow: yearly needs (it is in the span 1936–1946); give the state spells: { source: cow } so that it enters and leaves on its COW dates',
    ]);
    expect(problems(['meta: { id: b, startYear: 1936 }', 'states:', follows('GMY'), follows('ITA')])).toEqual([
      expect.stringMatching(/^h\.yaml:3:\d+ +states\[0\]\.capabilities\.follow +following the data year by year needs history: \{ until/),
    ]);
    expect(problems(['meta: { id: b, startYear: 1936 }', 'history: { until: 1946 }', 'states:', follows('GMY', ', spells: { source: cow }'),
      '  - { id: ITA, capabilities: { mil: 1, eco: 1, pop: 1 }, spells: [{ from: 1930, to: 1940 }, { from: 1945, to: 1941 }] }'])).toEqual([
      expect.stringMatching(/^h\.yaml:5:\d+ +states\[1\]\.spells\[0\]\.from +from 1930 is outside the span 1936–1946/),
      expect.stringMatching(/^h\.yaml:5:\d+ +states\[1\]\.spells\[1\]\.to +the spell ends \(1941\) before it starts \(1945\)/),
    ]);
    expect(problems(['meta: { id: b, startYear: 1936 }', 'history: { until: 1930 }', 'states:', follows('GMY'), follows('ITA')])).toEqual([
      expect.stringMatching(/^h\.yaml:2:\d+ +history\.until +history\.until 1930 is before meta\.startYear 1936/),
    ]);
  });

  it('into: a state absorbed into an agent leaves with its absorber named, and nothing else changes (N46)', () => {
    const lines = (into: string) => [
      'meta: { id: a, startYear: 1936, ticksPerYear: 1 }',
      'history: { until: 1940 }',
      'states:',
      follows('GMY'), follows('ITA'), follows('FRN'),
      follows('AUS', `, spells: { source: cow${into} }`),
    ];
    const named = load(lines(', into: GMY'));
    expect(named.states.find((s) => s.id === 'AUS')?.spells).toEqual([{ from: null, to: 1938 + (31 + 28 + 12) / 365, into: 'GMY' }]);
    const plain = load(lines(''));
    const a = runSimulation(named, { seed: 4, ticks: 5 });
    const b = runSimulation(plain, { seed: 4, ticks: 5 });
    expect(a.events).toContainEqual({ tick: 3, type: 'state-left', state: 'AUS', into: 'GMY' }); // Anschluss, 13 Mar 1938
    expect(b.events).toContainEqual({ tick: 3, type: 'state-left', state: 'AUS' });
    // The absorber's NMC row already holds the capabilities: the runs are identical but for the name.
    expect(a.records).toEqual(b.records);
    expect(a.events.filter((e) => e.type !== 'state-left')).toEqual(b.events.filter((e) => e.type !== 'state-left'));
    // Inline spells carry it too.
    const inline = load([
      'meta: { id: a, startYear: 1936, ticksPerYear: 1 }',
      'states:',
      '  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: C, capabilities: { mil: 1, eco: 1, pop: 1 }, spells: [{ to: 1938, into: A }] }',
    ]);
    expect(runSimulation(inline, { seed: 1, ticks: 3 }).events).toContainEqual({ tick: 2, type: 'state-left', state: 'C', into: 'A' });
    // The events table keeps the absorber (target column) and reads it back.
    const columns = ['tick', 'type', 'actor', 'partner', 'target', 'institution', 'members', 'majorWar', 'label'];
    for (const e of [{ tick: 3, type: 'state-left', state: 'AUS', into: 'GMY' }, { tick: 3, type: 'state-left', state: 'AUS' }] as const) {
      const cells = eventCells(e);
      expect(eventFromRow(Object.fromEntries(columns.map((c, k) => [c, cells[k]])))).toEqual(e);
    }
  });

  it('a sanctions act on followed trade persists as a ratio to the path and recovers toward it (N41, N6)', () => {
    const lines = (events: string[]) => [
      'meta: { id: s, startYear: 1890, ticksPerYear: 1 }', 'history: { until: 1900 }', 'states:',
      follows('UKG'), follows('GMY'), follows('FRN'),
      'trade: { source: cow, follow: yearly }',
      ...events,
    ];
    const base = createSimulation(load(lines([])), { seed: 1, policy: idle });
    const hit = createSimulation(load(lines(['events:', '  - { label: s, at: { year: 1892 }, changes: [{ type: sanction, sender: UKG, target: GMY }] }'])), { seed: 1, policy: idle });
    const x = (sim: typeof base): number => sim.trade('UKG', 'GMY');
    const ratios: number[] = [];
    for (let t = 0; t < 8; t++) { base.step(); hit.step(); ratios.push(x(hit) / x(base)); }
    expect(ratios[0]).toBe(1);
    expect(ratios[2]).toBeLessThan(0.85); // cut by s_red = 0.2 (and moved with the path since)
    for (let t = 3; t < 8; t++) { expect(ratios[t]).toBeGreaterThan(ratios[t - 1]); expect(ratios[t]).toBeLessThan(1); }
  });

  it('into naming a non-agent, an absent absorber, or a spell without an end is a ScenarioError at the field', () => {
    const base = ['meta: { id: a, startYear: 1936, ticksPerYear: 1 }', 'history: { until: 1946 }', 'states:'];
    const abs = (into: string) => follows('AUS', `, spells: { source: cow, into: ${into} }`);
    expect(problems([...base, follows('GMY', ', spells: { source: cow }'), follows('ITA', ', spells: { source: cow }'), abs('HUN')])).toEqual([
      'h.yaml:6:86  states[2].spells[0].into  unknown state "HUN": a state can only be absorbed into a state of the scenario (an agent); leave into out if the absorber is not one',
    ]);
    expect(problems([...base, follows('GMY', ', spells: { source: cow }'), follows('ITA', ', spells: { source: cow }'), abs('AUS')])).toEqual([
      'h.yaml:6:86  states[2].spells[0].into  a state cannot be absorbed into itself ("AUS")',
    ]);
    // France is out of the system from 11 Nov 1942 to 1944, but in it in 1938: it can absorb Austria,
    // not a state leaving in 1943.
    expect(() => load([...base, follows('GMY', ', spells: { source: cow }'), follows('ITA', ', spells: { source: cow }'),
      follows('FRN', ', spells: { source: cow }'), abs('FRN')])).not.toThrow();
    expect(problems([...base, follows('GMY', ', spells: { source: cow }'), follows('FRN', ', spells: { source: cow }'),
      '  - { id: X, capabilities: { mil: 1, eco: 1, pop: 1 }, spells: [{ to: 1943, into: FRN }] }'])).toEqual([
      expect.stringMatching(/^h\.yaml:6:\d+ +states\[2\]\.spells\[0\]\.into +the absorbing state "FRN" is not in the state system at 1943, when "X" leaves it/),
    ]);
    expect(problems([...base, follows('GMY', ', spells: { source: cow }'), follows('ITA', ', spells: { source: cow }'),
      '  - { id: X, capabilities: { mil: 1, eco: 1, pop: 1 }, spells: [{ from: 1937, into: GMY }] }'])).toEqual([
      expect.stringMatching(/^h\.yaml:6:\d+ +states\[2\]\.spells\[0\]\.into +into "GMY" needs the spell's end \(to\)/),
    ]);
    expect(problems(['meta: { id: a, startYear: 1936, ticksPerYear: 1 }', 'history: { until: 1937 }', 'states:', follows('GMY'),
      follows('ITA', ', spells: { source: cow, into: GMY }')])).toEqual([
      expect.stringMatching(/^h\.yaml:5:\d+ +states\[1\]\.spells\.into +cow_states2016\.csv, state "ITA": state does not leave the state system in 1936–1937/),
    ]);
  });

  it('nil: smallest fills each year without a positive value with the scenario\'s smallest that year (N45)', () => {
    // Guatemala: irst = pec = 0 in every year 1904–1936; Bolivia: eco positive only from 1928.
    const s = load([
      'meta: { id: n, startYear: 1904 }', 'history: { until: 1936 }', 'states:',
      follows('USA'), follows('CUB', ', spells: { source: cow }'), follows('MEX'),
      '  - { id: GUA, capabilities: { source: nmc, follow: yearly, nil: smallest } }',
      '  - { id: BOL, capabilities: { source: nmc, follow: yearly, nil: smallest } }',
    ]);
    const nmc = loadNmcTable('6.0');
    const path = (id: string) => s.paths!.capabilities.find((c) => c.state === id)!;
    for (const year of [1904, 1907, 1920, 1930, 1936]) {
      const data = capabilitiesForYear(nmc, year).states.filter((d) => ['USA', 'CUB', 'MEX', 'GUA', 'BOL'].includes(d.stateabb));
      const positive = data.map((d) => d.eco).filter((v): v is number => v !== undefined && v > 0);
      const bol = data.find((d) => d.stateabb === 'BOL')!;
      expect(path('GUA').eco[year - 1904], `GUA ${year}`).toBe(Math.min(...positive));
      expect(path('BOL').eco[year - 1904], `BOL ${year}`).toBe(bol.eco! > 0 ? bol.eco : Math.min(...positive));
    }
    expect(s.states.find((x) => x.id === 'GUA')!.capabilities.eco).toBe(path('GUA').eco[0]);
    expect(s.paths!.notes.find((n) => n.path === 'states[3].capabilities.eco')).toMatchObject({ kind: 'smallest', years: Array.from({ length: 33 }, (_, k) => 1904 + k) });
    expect(s.paths!.notes.find((n) => n.path === 'states[4].capabilities.eco')?.years).toEqual(Array.from({ length: 24 }, (_, k) => 1904 + k));
    // Without it the same file is an error: Guatemala has no eco in any year.
    expect(problems([
      'meta: { id: n, startYear: 1904 }', 'history: { until: 1936 }', 'states:', follows('USA'), follows('GUA'),
    ])).toEqual([expect.stringMatching(/states\[1\]\.capabilities\.follow .*eco has no usable value in any year of 1904–1936/)]);
  });
});
