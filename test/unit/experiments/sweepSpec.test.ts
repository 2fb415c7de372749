import { describe, expect, it } from 'vitest';
import { ExperimentError } from '../../../src/experiments/ExperimentError.js';
import { parseSweepSpec } from '../../../src/experiments/sweepSpec.js';

describe('sweep specifications', () => {
  it('fill defaults', () => {
    const spec = parseSweepSpec({ scenario: 'concert-of-europe', ticks: 50, replicates: 10, design: { type: 'grid', parameters: { 'system.lambda': { values: [0.2] } } } });
    expect(spec).toMatchObject({ baseSeed: 0, allowInadmissible: false, ticks: 50 });
  });

  it('name every problem by its field', () => {
    try {
      parseSweepSpec({ scenario: '', ticks: 1.5, design: { type: 'lhs', samples: 5, parameters: { 'system.nu': { min: 0 } } }, colour: 'red' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ExperimentError);
      const e = error as ExperimentError;
      expect(e.code).toBe('spec');
      expect(e.issues.map((i) => i.path)).toEqual(['scenario', 'ticks', 'design.parameters.system.nu.max', '(spec)']);
      expect(e.issues[3].message).toBe('unknown field "colour"');
    }
  });
});
