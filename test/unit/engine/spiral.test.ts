import { describe, expect, it } from 'vitest';
import { decidePhase } from '../../../src/decision/decidePhase.js';
import { OPTION_COUNT, OPTION_INDEX } from '../../../src/decision/options.js';
import { restraintPhase } from '../../../src/effects/restraintPhase.js';
import { updatePhase } from '../../../src/effects/updatePhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { perceivePhase } from '../../../src/perception/perceivePhase.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

/**
 * The spiral model (Jervis 1976) as a test world (docs/model-notes.md N31): two neighbours of equal
 * power with a small prior (ideology 0.05) arm against each other every year. The provocation
 * ladder and the escalation are set to 0 in both runs, so that the arming evidence is the only
 * channel from one's acts to the other's beliefs; the runs differ only in ε_arm.
 */
function spiralWorld(epsArm: number): ScenarioInput {
  return {
    meta: { id: 'spiral', startYear: 1900 },
    states: [
      { id: 'A', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.05, offensive: 0.5, location: { lat: 50, lon: 10 } },
      { id: 'B', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.05, offensive: 0.5, location: { lat: 50, lon: 14 } },
    ],
    parameters: { epsArm, epsH: 0, epsS: 0, epsI: 0, epsEsc: 0 },
  };
}

const YEARS = 10;

/** Each year: perceive, the choice probabilities, then both arm against each other; T and p(HI) by year. */
function armRace(epsArm: number): { T: number[][]; pHI: number[][] } {
  const ctx = perceivedContext(spiralWorld(epsArm));
  const [a, b] = [ctx.index('A'), ctx.index('B')];
  const T: number[][] = [];
  const pHI: number[][] = [];
  for (let year = 0; year <= YEARS; year++) {
    if (year > 0) perceivePhase(ctx);
    decidePhase(ctx);
    T.push([ctx.scratch.tMain[a], ctx.scratch.tMain[b]]);
    pHI.push([ctx.scratch.prob[a * OPTION_COUNT + OPTION_INDEX.HI], ctx.scratch.prob[b * OPTION_COUNT + OPTION_INDEX.HI]]);
    everyoneIdle(ctx);
    setAction(ctx, 'A', 'HI', 'B');
    setAction(ctx, 'B', 'HI', 'A');
    restraintPhase(ctx);
    updatePhase(ctx);
  }
  return { T, pHI };
}

describe('the security dilemma (N31): two neighbours that arm against each other', () => {
  it('raise each other\'s threat year by year, and each makes the other likelier to arm (the spiral)', () => {
    const { T, pHI } = armRace(0.1);
    for (let year = 1; year <= YEARS; year++) {
      for (const side of [0, 1]) {
        expect(T[year][side]).toBeGreaterThan(T[year - 1][side]);
        expect(pHI[year][side]).toBeGreaterThan(pHI[year - 1][side]);
      }
    }
    expect(T[YEARS][0]).toBeGreaterThan(5 * T[0][0]);
  });

  it('do not when the arming evidence is switched off (ε_arm = 0): threat and p(HI) stay where they were', () => {
    const { T, pHI } = armRace(0);
    for (let year = 1; year <= YEARS; year++) {
      for (const side of [0, 1]) {
        expect(T[year][side]).toBeLessThanOrEqual(T[0][side] + 1e-15);
        expect(pHI[year][side]).toBeLessThanOrEqual(pHI[0][side] + 1e-15);
      }
    }
  });
});
