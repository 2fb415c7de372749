import { describe, expect, it } from 'vitest';
import { createSimulation, resolveScenario, type ResolvedScenario } from '../../../src/index.js';
import { applyPoint, checkPoint } from '../../../src/experiments/applyPoint.js';
import { ExperimentError } from '../../../src/experiments/ExperimentError.js';
import { parseParameterPath, readParameter } from '../../../src/experiments/parameterPath.js';

const scenario: ResolvedScenario = resolveScenario({
  meta: { id: 'paths', startYear: 2000 },
  states: [
    { id: 'TUR', capabilities: { mil: 3, eco: 4, pop: 5 }, domesticSupport: 0.4, growth: { eco: '0.01 + 0.001 * tick' } },
    { id: 'U.S.', capabilities: { mil: 9, eco: 9, pop: 4 }, major: true, nuclear: true },
    { id: 'RUS', capabilities: { mil: 6, eco: 3, pop: 3 }, major: true, ideology: 0.6 },
  ],
  institutions: [{ id: 'NATO', members: ['TUR', 'U.S.'], strength: 0.7 }, { id: 'UN', members: ['TUR', 'U.S.', 'RUS'] }],
  system: { lambda: '0.5 + 0.001 * tick', nu: 0.4 },
});

const issuesOf = (f: () => unknown) => {
  try { f(); } catch (error) { if (error instanceof ExperimentError) return error.issues; throw error; }
  throw new Error('expected an ExperimentError');
};

describe('parameter paths', () => {
  it('parse every kind, with aliases for λ, ν, θ and ids that hold dots', () => {
    expect(parseParameterPath('parameters.lambda')).toEqual({ path: 'system.lambda', target: { kind: 'system', field: 'lambda' }, valueType: 'number' });
    expect(parseParameterPath('parameters.mu').target).toEqual({ kind: 'parameter', key: 'mu' });
    expect(parseParameterPath('parameters.conOver').valueType).toBe('string');
    expect(parseParameterPath('parameters.omega.legitimacy').target).toEqual({ kind: 'omega', key: 'legitimacy' });
    expect(parseParameterPath('states.U.S..capabilities.mil').target).toEqual({ kind: 'state', state: 'U.S.', field: 'capabilities.mil' });
    expect(parseParameterPath('states.*.nuclear')).toMatchObject({ target: { kind: 'state', state: '*', field: 'nuclear' }, valueType: 'boolean' });
    expect(parseParameterPath('institutions.NATO.strength').target).toEqual({ kind: 'institution', institution: 'NATO', field: 'strength' });
  });

  it('reject unknown sections and fields with the path in the error', () => {
    for (const bad of ['sytem.lambda', 'system.gravity', 'parameters.nope', 'parameters.omega.nope', 'states.TUR', 'states.TUR.colour', 'institutions.NATO.members']) {
      expect(issuesOf(() => parseParameterPath(bad))[0].path).toBe(bad);
    }
  });

  it('read the scenario\'s current values', () => {
    expect(readParameter(scenario, 'states.TUR.domesticSupport')).toBe(0.4);
    expect(readParameter(scenario, 'states.U.S..nuclear')).toBe(true);
    expect(readParameter(scenario, 'institutions.NATO.strength')).toBe(0.7);
    expect(readParameter(scenario, 'parameters.mu')).toBe(scenario.parameters.mu);
    expect(readParameter(scenario, 'system.nu')).toBe(0.4);
  });
});

describe('applyPoint', () => {
  it('returns a new resolved scenario with each value set, and leaves the input alone', () => {
    const before = JSON.stringify(scenario);
    const s = applyPoint(scenario, {
      'parameters.nu': 0.9, 'states.TUR.domesticSupport': 0.1, 'institutions.NATO.strength': 0.2, 'parameters.mu': 0.5,
      'states.*.nuclear': false, 'parameters.omega.legitimacy': 0.3, 'states.RUS.capabilities.mil': 7,
    });
    expect(JSON.stringify(scenario)).toBe(before);
    expect(s.system.nu).toBe(0.9);
    expect(s.states.map((x) => [x.id, x.domesticSupport, x.nuclear])).toEqual([['TUR', 0.1, false], ['U.S.', 0.5, false], ['RUS', 0.5, false]]);
    expect(s.institutions.find((q) => q.id === 'NATO')?.strength).toBe(0.2);
    expect(s.parameters.mu).toBe(0.5);
    expect(s.parameters.omega.legitimacy).toBe(0.3);
    expect(s.states[2].capabilities.mil).toBe(7);
    // The engine takes it, and runs with the new values.
    const sim = createSimulation(s, { seed: 1 });
    expect(sim.world.system.nu).toBe(0.9);
    expect(sim.world.states[0].domesticSupport).toBe(0.1);
  });

  it('replaces a time-varying expression by the constant it sets', () => {
    expect(scenario.expressions.map((e) => e.path).sort()).toEqual(['states[0].growth.eco', 'system.lambda']);
    const s = applyPoint(scenario, { 'system.lambda': 0.2, 'states.TUR.growth.eco': 0 });
    expect(s.expressions).toEqual([]);
    const sim = createSimulation(s, { seed: 1 });
    sim.run(5);
    expect(sim.world.system.lambda).toBe(0.2);
  });

  it('holds values to the scenario schema\'s domain of each field, naming the path and point', () => {
    const issues = checkPoint(scenario, {
      'states.TUR.domesticSupport': 1.5, 'institutions.NATO.strength': -1, 'states.RUS.capabilities.pop': 0, 'states.TUR.growth.mil': -2,
      'states.TUR.nuclear': 1, 'parameters.conOver': 'some', 'system.theta': Number.NaN,
    }, { point: 4 });
    expect(issues.map((i) => i.path)).toEqual([
      'states.TUR.domesticSupport', 'institutions.NATO.strength', 'states.RUS.capabilities.pop', 'states.TUR.growth.mil',
      'states.TUR.nuclear', 'parameters.conOver', 'system.theta',
    ]);
    expect(issues.every((i) => i.point === 4)).toBe(true);
    expect(issues[0].message).toMatch(/1\.5/);
  });

  it('names states and institutions that do not exist', () => {
    expect(issuesOf(() => applyPoint(scenario, { 'states.FRA.ideology': 0.5, 'institutions.EU.strength': 0.5 })).map((i) => i.message))
      .toEqual(['no state "FRA" in scenario "paths"', 'no institution "EU" in scenario "paths"']);
  });

  it('checks the admissible set of THEORY §5.4 on the resulting parameters; allowInadmissible accepts C2–C8 as warnings', () => {
    const issues = issuesOf(() => applyPoint(scenario, { 'parameters.betaH': 0 }));
    expect(issues[0].path).toBe('parameters.betaH');
    expect(issues[0].message).toMatch(/C3/);
    const s = applyPoint(scenario, { 'parameters.betaH': 0 }, { allowInadmissible: true });
    expect(s.warnings.some((w) => w.startsWith('C3'))).toBe(true);
    // C1 is never accepted.
    expect(issuesOf(() => applyPoint(scenario, { 'parameters.mu': 0 }, { allowInadmissible: true }))[0]).toMatchObject({ path: 'parameters.mu' });
  });

  it('survives structuredClone (as sent to a worker thread)', () => {
    const s = structuredClone(applyPoint(scenario, { 'system.nu': 0.3 }));
    expect(createSimulation(s, { seed: 2 }).run(3)).toHaveLength(3);
  });
});
