import { describe, expect, it } from 'vitest';
import { compileDesign, expandDesign } from '../../../src/experiments/design.js';
import { ExperimentError } from '../../../src/experiments/ExperimentError.js';

const issuesOf = (f: () => unknown) => {
  try { f(); } catch (error) { if (error instanceof ExperimentError) return error.issues; throw error; }
  throw new Error('expected an ExperimentError');
};

describe('expandDesign: grid (full factorial)', () => {
  it('runs every combination, the first parameter slowest, levels listed or evenly spaced', () => {
    const points = expandDesign({ type: 'grid', parameters: {
      'system.lambda': { values: [0.2, 0.8] }, 'parameters.mu': { min: 0.5, max: 1.5, levels: 3 },
    } });
    expect(points.map((p) => [p.index, p.values['system.lambda'], p.values['parameters.mu']])).toEqual([
      [0, 0.2, 0.5], [1, 0.2, 1], [2, 0.2, 1.5], [3, 0.8, 0.5], [4, 0.8, 1], [5, 0.8, 1.5],
    ]);
  });

  it('spaces levels without binary noise, endpoints exact', () => {
    const points = expandDesign({ type: 'grid', parameters: { 'system.nu': { min: 0.1, max: 0.7, levels: 7 } } });
    expect(points.map((p) => p.values['system.nu'])).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('has one point, with no values, when it has no parameters (an ensemble)', () => {
    expect(expandDesign({ type: 'grid', parameters: {} })).toEqual([{ index: 0, values: {} }]);
    expect(expandDesign({ type: 'grid' })).toEqual([{ index: 0, values: {} }]);
  });

  it('names output columns by canonical path: parameters.lambda is system.lambda', () => {
    const d = compileDesign({ type: 'grid', parameters: { 'parameters.lambda': { values: [0.5] }, 'states.TUR.nuclear': { values: [true, false] } } });
    expect(d.parameters).toEqual([{ path: 'system.lambda', valueType: 'number' }, { path: 'states.TUR.nuclear', valueType: 'boolean' }]);
    expect(d.point(1).values).toEqual({ 'system.lambda': 0.5, 'states.TUR.nuclear': false });
  });

  it('is pure: the same design gives the same points, and point(i) needs no expansion', () => {
    const design = { type: 'grid', parameters: { 'system.theta': { min: 0, max: 1, levels: 11 }, 'parameters.tStar': { values: [0.3, 0.6] } } } as const;
    expect(expandDesign(design)).toEqual(expandDesign(design));
    const c = compileDesign(design);
    expect(c.size).toBe(22);
    expect(c.point(13)).toEqual(expandDesign(design)[13]);
    expect(() => c.point(22)).toThrow(RangeError);
  });
});

describe('expandDesign: Latin hypercube', () => {
  const design = { type: 'lhs', samples: 10, seed: 3, parameters: { 'system.lambda': { min: 0, max: 1 }, 'parameters.mu': { min: 0.5, max: 2.5 } } } as const;

  it('uses every stratum of every parameter exactly once', () => {
    const points = expandDesign(design);
    expect(points).toHaveLength(10);
    const strata = (path: string, min: number, max: number) =>
      points.map((p) => Math.floor(((p.values[path] as number) - min) / ((max - min) / 10))).sort((a, b) => a - b);
    expect(strata('system.lambda', 0, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(strata('parameters.mu', 0.5, 2.5)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('is reproducible from its seed, and another seed gives another sample', () => {
    expect(expandDesign(design)).toEqual(expandDesign(design));
    expect(expandDesign({ ...design, seed: 4 })).not.toEqual(expandDesign(design));
    // Without a seed in the design, the sweep's base seed (options.seed) decides.
    const { seed: _, ...unseeded } = design;
    expect(expandDesign(unseeded, { seed: 3 })).toEqual(expandDesign(design));
  });

  it('adding a parameter leaves the other parameters\' columns as they were', () => {
    const more = expandDesign({ ...design, parameters: { ...design.parameters, 'system.theta': { min: 0, max: 1 } } });
    const before = expandDesign(design);
    expect(more.map((p) => p.values['system.lambda'])).toEqual(before.map((p) => p.values['system.lambda']));
  });

  it('centred: each value is its stratum\'s midpoint', () => {
    const points = expandDesign({ ...design, centered: true });
    const lambdas = points.map((p) => p.values['system.lambda'] as number).sort((a, b) => a - b);
    expect(lambdas.map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]);
  });
});

describe('expandDesign: one at a time', () => {
  it('gives the baseline, then each parameter through its levels with the others at baseline', () => {
    const points = expandDesign({ type: 'oat', parameters: {
      'system.lambda': { values: [0.2, 0.5, 0.8], baseline: 0.5 },
      'parameters.mu': { values: [0.5, 2] },
    } }, { baseline: { 'parameters.mu': 1 } });
    expect(points.map((p) => p.values)).toEqual([
      { 'system.lambda': 0.5, 'parameters.mu': 1 },
      { 'system.lambda': 0.2, 'parameters.mu': 1 },
      { 'system.lambda': 0.8, 'parameters.mu': 1 }, // 0.5 is the baseline: not repeated
      { 'system.lambda': 0.5, 'parameters.mu': 0.5 },
      { 'system.lambda': 0.5, 'parameters.mu': 2 },
    ]);
  });

  it('needs a baseline for every parameter', () => {
    const issues = issuesOf(() => expandDesign({ type: 'oat', parameters: { 'system.nu': { values: [0, 1] } } }));
    expect(issues[0].path).toBe('design.parameters.system.nu.baseline');
  });
});

describe('expandDesign: errors name the field', () => {
  it('reports unknown paths, malformed levels and repeated levels, every one at once', () => {
    const issues = issuesOf(() => expandDesign({ type: 'grid', parameters: {
      'system.gravity': { values: [1] },
      'states.TUR': { values: [1] },
      'parameters.mu': { min: 1, max: 0.5, levels: 3 },
    } }));
    expect(issues.map((i) => i.path)).toEqual(['design.parameters.parameters.mu.max']);
    const paths = issuesOf(() => expandDesign({ type: 'grid', parameters: {
      'system.gravity': { values: [1] }, 'states.TUR': { values: [1] }, 'parameters.nope': { values: [1] },
    } })).map((i) => i.path);
    expect(paths).toEqual(['design.parameters.system.gravity', 'design.parameters.states.TUR', 'design.parameters.parameters.nope']);
    expect(issuesOf(() => expandDesign({ type: 'grid', parameters: { 'system.nu': { values: [0.1, 0.1] } } }))[0].message).toMatch(/repeat/);
    expect(issuesOf(() => expandDesign({ type: 'grid', parameters: { 'system.nu': { values: [0.1], min: 0 } } }))[0].message).toMatch(/either values or min/);
    expect(issuesOf(() => expandDesign({ type: 'lhs', samples: 0, parameters: {} })).map((i) => i.path)).toEqual(['design.samples', 'design.parameters']);
    expect(issuesOf(() => expandDesign({ type: 'grid', parameters: { 'system.lambda': { values: [0.5] }, 'parameters.lambda': { values: [0.6] } } }))[0].message).toMatch(/twice/);
  });
});
