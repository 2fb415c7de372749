import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAdmissible } from '../../src/decision/checkAdmissible.js';
import { defaultParameters } from '../../src/model/defaultParameters.js';
import { admissibleSlacks } from '../../src/calibration/admissibleSlacks.js';
import { CHOICE_RULE_PARAMETERS } from '../../src/calibration/parameterSpace.js';
import { FC_SEED } from '../properties/fcSettings.js';

const COUPLED = new Set(['C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
const linear = CHOICE_RULE_PARAMETERS.filter((n) => n !== 'mu' && n !== 'tStar');

const values = fc.record(Object.fromEntries(linear.map((n) => [n, fc.double({ min: 0, max: 8, noNaN: true })])));

/** The property: the slacks are all ≥ 0 exactly when checkAdmissible finds no C2–C8 violation. */
const agrees = (slacks: typeof admissibleSlacks) => fc.property(values, fc.integer({ min: 0, max: linear.length }), (v, keep) => {
  // Many draws keep most parameters at their defaults, so that admissible points occur.
  const p = { ...defaultParameters(), ...Object.fromEntries(Object.entries(v).slice(0, keep)) };
  const ok = slacks(p).every((s) => s >= -1e-12);
  const coupled = checkAdmissible(p).filter((x) => COUPLED.has(x.constraint));
  return ok === (coupled.length === 0);
});

describe('admissibleSlacks', () => {
  it('all slacks ≥ 0 exactly when checkAdmissible finds no C2–C8 violation', () => {
    fc.assert(agrees(admissibleSlacks), { seed: FC_SEED, numRuns: 500 });
  });

  it('broken variant: slacks without C8 (c_A ≥ c_A2) disagree with checkAdmissible, and the property catches it', () => {
    const withoutC8 = (p: Parameters<typeof admissibleSlacks>[0]): number[] => admissibleSlacks(p).slice(0, -1);
    expect(fc.check(agrees(withoutC8), { seed: FC_SEED, numRuns: 2000 }).failed).toBe(true);
  });

  it('the defaults are admissible and C3\'s hard–soft gap is binding there', () => {
    const s = admissibleSlacks(defaultParameters());
    expect(Math.min(...s)).toBeGreaterThanOrEqual(-1e-12);
    expect(s.some((x) => Math.abs(x) < 1e-9)).toBe(true);
  });
});
