import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAdmissible } from '../../src/decision/checkAdmissible.js';
import { defaultParameters } from '../../src/model/defaultParameters.js';
import { admissibleSlacks } from '../../src/calibration/admissibleSlacks.js';
import { CHOICE_RULE_PARAMETERS } from '../../src/calibration/parameterSpace.js';
import { FC_SEED } from '../properties/fcSettings.js';

const COUPLED = new Set(['C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
const linear = CHOICE_RULE_PARAMETERS.filter((n) => n !== 'mu' && n !== 'tStar');

describe('admissibleSlacks', () => {
  it('all slacks ≥ 0 exactly when checkAdmissible finds no C2–C8 violation', () => {
    const values = fc.record(Object.fromEntries(linear.map((n) => [n, fc.double({ min: 0, max: 8, noNaN: true })])));
    fc.assert(fc.property(values, fc.integer({ min: 0, max: linear.length }), (v, keep) => {
      // Half of the draws keep most parameters at their defaults, so that admissible points occur.
      const p = { ...defaultParameters(), ...Object.fromEntries(Object.entries(v).slice(0, keep)) };
      const ok = admissibleSlacks(p).every((s) => s >= -1e-12);
      const coupled = checkAdmissible(p).filter((x) => COUPLED.has(x.constraint));
      expect(ok).toBe(coupled.length === 0);
    }), { seed: FC_SEED, numRuns: 500 });
  });

  it('the defaults are admissible and C3\'s hard–soft gap is binding there', () => {
    const s = admissibleSlacks(defaultParameters());
    expect(Math.min(...s)).toBeGreaterThanOrEqual(-1e-12);
    expect(s.some((x) => Math.abs(x) < 1e-9)).toBe(true);
  });
});
