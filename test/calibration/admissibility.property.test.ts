/**
 * Calibration never leaves the admissible set 𝒫 (model §5.4 C1–C8; issue #15 acceptance): for
 * histories simulated from arbitrary non-negative choice-rule coefficients (most of them outside 𝒫,
 * so that the unconstrained maximum usually is too) and any subset of the default estimated
 * parameters, every parameter vector at which the likelihood is evaluated, and the fit returned,
 * pass checkAdmissible. The broken variant (the same fit without the constraints C2–C8) must fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAdmissible } from '../../src/decision/checkAdmissible.js';
import { defaultParameters } from '../../src/model/defaultParameters.js';
import type { ModelParameters } from '../../src/model/ModelParameters.js';
import { fitParameters } from '../../src/calibration/fitParameters.js';
import { DEFAULT_ESTIMATED } from '../../src/calibration/parameterSpace.js';
import { syntheticTrace } from '../../src/calibration/simulateHistories.js';
import { FC_SEED } from '../properties/fcSettings.js';

const RUNS = 12;

const scenario = fc.record({
  coefficients: fc.record(Object.fromEntries(DEFAULT_ESTIMATED.map((n) => [n, fc.double({ min: 0, max: 8, noNaN: true })]))),
  estimate: fc.subarray([...DEFAULT_ESTIMATED], { minLength: 1 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

/** Fits one case; returns the first inadmissible vector met (evaluated or returned), or null. */
function firstInadmissible(c: { coefficients: Record<string, number>; estimate: string[]; seed: number }, unconstrained: boolean): string | null {
  const generating = { ...defaultParameters(), ...c.coefficients } as ModelParameters;
  const trace = syntheticTrace(400, generating, c.seed);
  let bad: string | null = null;
  const note = (p: ModelParameters): void => {
    if (bad !== null) return;
    const v = checkAdmissible(p);
    if (v.length > 0) bad = `${v[0].constraint}: ${v[0].message}`;
  };
  const fit = fitParameters([trace], { estimate: c.estimate, onEvaluate: note, unconstrained });
  note(fit.parameters);
  return bad;
}

describe('calibration stays in the admissible set', () => {
  it('every evaluated parameter vector and the fit are admissible', () => {
    fc.assert(fc.property(scenario, (c) => { expect(firstInadmissible(c, false)).toBeNull(); }), { seed: FC_SEED, numRuns: RUNS });
  }, 300_000);

  it('broken variant: without C2–C8 the fit leaves 𝒫, and the property catches it', () => {
    const result = fc.check(fc.property(scenario, (c) => firstInadmissible(c, true) === null), { seed: FC_SEED, numRuns: RUNS * 4, endOnFailure: true });
    expect(result.failed).toBe(true);
  }, 300_000);
});
