import { describe, expect, it } from 'vitest';
import { decidePhase } from '../../../src/decision/decidePhase.js';
import { FAMILY_INDEX_OF_OPTION, OPTION_COUNT } from '../../../src/decision/options.js';
import { restraintPhase } from '../../../src/effects/restraintPhase.js';
import { updatePhase } from '../../../src/effects/updatePhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { perceivePhase } from '../../../src/perception/perceivePhase.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

/**
 * The existential range is reachable (issue #13 item 5; docs/model-notes.md N33): R, a revisionist
 * (prior intent 0.3, revisionism 0.8, offensive posture 0.8) between two neighbours N1 and N2 of twice
 * its capabilities, grows 10 % a year and arms against N1 every year; F is far away. Everyone else
 * is held idle, so the run is deterministic. The neighbours' choice probabilities come from the
 * decide phase of each year.
 */
function world(parameters: Record<string, number>): ScenarioInput {
  return {
    meta: { id: 'existential', startYear: 1900 },
    states: [
      { id: 'R', capabilities: { mil: 4, eco: 4, pop: 4 }, ideology: 0.3, revisionism: 0.8, offensive: 0.8, location: { lat: 50, lon: 12 } },
      { id: 'N1', capabilities: { mil: 8, eco: 8, pop: 8 }, ideology: 0.1, location: { lat: 50, lon: 8 } },
      { id: 'N2', capabilities: { mil: 8, eco: 8, pop: 8 }, ideology: 0.1, location: { lat: 47, lon: 14 } },
      { id: 'F', capabilities: { mil: 8, eco: 8, pop: 8 }, ideology: 0.1, location: { lat: -40, lon: -120 } },
    ],
    parameters,
  };
}

const YEARS = 10;
interface Year { T: number; target: string; hard: number; otherFamilies: number[] }

/** Per year and neighbour: T toward its main threat, the main threat, p(hard) and p of the other families. */
function run(parameters: Record<string, number> = {}): Record<'N1' | 'N2', Year[]> {
  const ctx = perceivedContext(world(parameters));
  const r = ctx.index('R');
  const out: Record<'N1' | 'N2', Year[]> = { N1: [], N2: [] };
  for (let year = 0; year <= YEARS; year++) {
    const level = 4 * 1.1 ** year;
    ctx.world.mil[r] = level; ctx.world.eco[r] = level; ctx.world.pop[r] = level;
    ctx.tick = year;
    if (year > 0) perceivePhase(ctx);
    decidePhase(ctx);
    for (const id of ['N1', 'N2'] as const) {
      const i = ctx.index(id);
      const family = [0, 0, 0, 0];
      for (let a = 0; a < OPTION_COUNT; a++) family[FAMILY_INDEX_OF_OPTION[a]] += ctx.scratch.prob[i * OPTION_COUNT + a];
      out[id].push({ T: ctx.scratch.tMain[i], target: ctx.world.ids[ctx.scratch.target[i]], hard: family[1], otherFamilies: [family[0], family[2], family[3]] });
    }
    everyoneIdle(ctx);
    setAction(ctx, 'R', 'HI', 'N1');
    restraintPhase(ctx);
    updatePhase(ctx);
  }
  return out;
}

describe('the existential range is reachable (N33)', () => {
  const tStar = 0.6; // the default T*
  it(`a proximate, rising, revisionist power that arms pushes both neighbours above T* within ${YEARS} years`, () => {
    const years = run();
    for (const id of ['N1', 'N2'] as const) {
      expect(years[id][0].T).toBeLessThan(tStar);
      expect(years[id][YEARS].T).toBeGreaterThan(tStar);
      expect(years[id][YEARS].target).toBe('R');
    }
  });

  it('once above T*, hard balancing dominates the neighbours\' choices (P3 at work)', () => {
    const years = run();
    let checked = 0;
    for (const id of ['N1', 'N2'] as const) {
      for (const y of years[id]) {
        if (!(y.T > tStar)) continue;
        checked++;
        expect(y.hard).toBeGreaterThan(0.5);
        for (const p of y.otherFamilies) expect(y.hard).toBeGreaterThan(p);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('without arming evidence and power shifts (ε_arm = 0, w_Δ = 0) the bystanding neighbour stays below T*', () => {
    const years = run({ epsArm: 0, wShift: 0 });
    for (const y of years.N2) expect(y.T).toBeLessThan(tStar);
  });
});
