import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../src/index.js';
import { analyzeSensitivity, runRows } from '../../../src/experiments/analyzeSensitivity.js';
import { compileDesign, type Design } from '../../../src/experiments/design.js';
import { ExperimentError } from '../../../src/experiments/ExperimentError.js';
import { planSweep } from '../../../src/experiments/planSweep.js';
import { sweep } from '../../../src/experiments/sweep.js';
import { randomWorld } from '../../support/randomWorld.js';

const sobol: Design = { type: 'sobol', samples: 8, parameters: { 'system.lambda': { min: 0, max: 1 }, 'parameters.nu': { min: 0.2, max: 0.6 } } };
const morris: Design = { type: 'morris', trajectories: 4, parameters: { 'system.lambda': { min: 0, max: 1 }, 'system.theta': { min: 0, max: 1 }, 'system.nu': { min: 0, max: 1 } } };

function issuesOf(f: () => unknown): string[] {
  try { f(); } catch (error) {
    if (error instanceof ExperimentError) return error.issues.map((i) => `${i.path}  ${i.message}`);
    throw error;
  }
  return [];
}

describe('sobol and morris designs', () => {
  it('sobol: N(2D + 2) points in the ranges, canonical paths, A … AB_j … BA_j … B per sample', () => {
    const d = compileDesign(sobol, { seed: 3 });
    expect(d.type).toBe('sobol');
    expect(d.parameters.map((p) => p.path)).toEqual(['system.lambda', 'system.nu']);
    expect(d.size).toBe(8 * 6);
    const [A, AB1, AB2, BA1, BA2, B] = Array.from({ length: 6 }, (_, k) => d.point(6 + k).values);
    expect(AB1).toEqual({ 'system.lambda': B['system.lambda'], 'system.nu': A['system.nu'] });
    expect(AB2).toEqual({ 'system.lambda': A['system.lambda'], 'system.nu': B['system.nu'] });
    expect(BA1).toEqual({ 'system.lambda': A['system.lambda'], 'system.nu': B['system.nu'] });
    expect(BA2).toEqual({ 'system.lambda': B['system.lambda'], 'system.nu': A['system.nu'] });
    for (let i = 0; i < d.size; i++) {
      const v = d.point(i).values;
      expect(v['system.nu']).toBeGreaterThanOrEqual(0.2);
      expect(v['system.nu']).toBeLessThan(0.6);
    }
    expect(compileDesign({ ...sobol, secondOrder: false }).size).toBe(8 * 4);
    // The design's own seed wins over the sweep's; the sweep's base seed is the default.
    expect(compileDesign(sobol, { seed: 3 }).point(0)).toEqual(compileDesign({ ...sobol, seed: 3 }, { seed: 99 }).point(0));
    expect(compileDesign(sobol, { seed: 3 }).point(0)).not.toEqual(compileDesign(sobol, { seed: 4 }).point(0));
  });

  it('morris: r(D + 1) points; the normalised form records what the analysis needs', () => {
    const d = compileDesign(morris, { seed: 1 });
    expect(d.size).toBe(4 * 4);
    expect(d.normalized).toEqual({
      type: 'morris', trajectories: 4, levels: 4, seed: 1,
      parameters: [['system.lambda', { min: 0, max: 1 }], ['system.theta', { min: 0, max: 1 }], ['system.nu', { min: 0, max: 1 }]],
    });
  });

  it('bad designs are refused with the field path', () => {
    expect(issuesOf(() => compileDesign({ ...sobol, samples: 12 }))).toEqual([expect.stringMatching(/^design\.samples {2}must be a power of two/)]);
    expect(issuesOf(() => compileDesign({ type: 'sobol', samples: 4, parameters: {} }))).toEqual([expect.stringMatching(/^design\.parameters {2}a Sobol' design needs at least one parameter/)]);
    expect(issuesOf(() => compileDesign({ ...morris, levels: 5 }))).toEqual([expect.stringMatching(/^design\.levels {2}must be even/)]);
    expect(issuesOf(() => compileDesign({ ...morris, parameters: { 'system.lambda': { min: 1, max: 0 } } }))).toEqual([expect.stringMatching(/^design\.parameters\.system\.lambda\.max {2}max must be greater than min/)]);
  });
});

describe('analyzeSensitivity: indices of every summary measure of a sweep', () => {
  const scenario = resolveScenario(randomWorld(5, { states: 5, institutions: 1 }));
  const options = { replicates: 2, ticks: 8, baseSeed: 11 };

  it('sobol: S1, ST per parameter and S2 per pair, for every metric of the runs table', () => {
    const plan = planSweep(scenario, sobol, options);
    const rows = runRows(sweep(scenario, sobol, options));
    expect(rows).toHaveLength(8 * 6 * 2);
    const a = analyzeSensitivity(plan.design.normalized, rows, { resamples: 50 });
    expect(a.method).toBe('sobol');
    expect(a.parameters).toEqual(['system.lambda', 'system.nu']);
    expect(a.points).toBe(48);
    const metrics = Object.keys(rows[0]).filter((k) => k !== 'point');
    expect(new Set(a.rows.map((r) => r.metric))).toEqual(new Set(metrics));
    expect(a.rows.filter((r) => r.metric === metrics[0]).map((r) => `${r.index}:${r.parameter}:${r.with}`)).toEqual([
      'S1:system.lambda:null', 'S1:system.nu:null', 'ST:system.lambda:null', 'ST:system.nu:null', 'S2:system.lambda:system.nu',
    ]);
    for (const r of a.rows) {
      if (a.constant.includes(r.metric)) expect(r.estimate).toBeNaN();
      else {
        expect(Number.isFinite(r.estimate)).toBe(true);
        expect(r.ciLow).toBeCloseTo(r.estimate - r.conf, 12);
      }
    }
    // Same input, same table (seeded bootstrap).
    expect(analyzeSensitivity(plan.design.normalized, rows, { resamples: 50 })).toEqual(a);
  });

  it('morris: μ, μ*, σ per parameter; μ* is the mean |effect| of the point means', () => {
    const plan = planSweep(scenario, morris, options);
    const rows = runRows(sweep(scenario, morris, options));
    const a = analyzeSensitivity(plan.design.normalized, rows, { metrics: ['aggressions'] });
    expect(a.rows.map((r) => r.index)).toEqual(['mu', 'mu', 'mu', 'muStar', 'muStar', 'muStar', 'sigma', 'sigma', 'sigma']);
    // Recompute μ* of the first parameter by hand from the point means.
    const mean = (p: number) => rows.filter((r) => r.point === p).reduce((s, r) => s + r.aggressions, 0) / 2;
    const effects: number[] = [];
    for (let t = 0; t < 4; t++) {
      for (let m = 1; m <= 3; m++) {
        const before = plan.design.point(t * 4 + m - 1).values['system.lambda'] as number;
        const after = plan.design.point(t * 4 + m).values['system.lambda'] as number;
        if (Math.abs(after - before) > 0.1) effects.push((mean(t * 4 + m) - mean(t * 4 + m - 1)) / (after - before));
      }
    }
    expect(effects).toHaveLength(4);
    const muStar = a.rows.find((r) => r.index === 'muStar' && r.parameter === 'system.lambda')?.estimate;
    expect(muStar).toBeCloseTo(effects.reduce((s, x) => s + Math.abs(x), 0) / 4, 10);
  });

  it('refuses other designs and incomplete runs, naming what is wrong', () => {
    expect(issuesOf(() => analyzeSensitivity({ type: 'grid', parameters: [] }, []))).toEqual([expect.stringMatching(/^design\.type {2}a sensitivity analysis needs a sobol or morris design \(got grid\)/)]);
    const plan = planSweep(scenario, morris, options);
    const rows = runRows(sweep(scenario, morris, options)).filter((r) => r.point !== 3);
    expect(issuesOf(() => analyzeSensitivity(plan.design.normalized, rows))).toEqual([expect.stringMatching(/^runs {2}no run of point 3/)]);
  });
});
