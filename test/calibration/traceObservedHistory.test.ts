import { describe, expect, it } from 'vitest';
import { Z_SIZE, Z_T } from '../../src/decision/DecisionContext.js';
import { OPTION_COUNT } from '../../src/decision/options.js';
import { CATEGORIES, CATEGORY_OF_OPTION } from '../../src/calibration/categories.js';
import { traceObservedHistory } from '../../src/calibration/traceObservedHistory.js';
import { loadCalibrationScenario } from '../../src/node/calibration/calibrationScenario.js';
import { loadEraTraces } from '../../src/node/calibration/loadEraTraces.js';
import { observedBehaviour } from '../../src/node/observedBehaviour.js';

describe('the drive along the observed history (era-1890-1914)', () => {
  const era = loadCalibrationScenario('era-1890-1914');
  const observed = observedBehaviour({ from: 1890, to: 1913 });
  const trace = traceObservedHistory(era.scenario, era.ccode, observed, { lastYear: 1913, era: era.name });

  it('prepares the era with one tick per year, alliances and memberships observed', () => {
    expect(era.scenario.meta.ticksPerYear).toBe(1);
    expect(era.until).toBe(1914);
    expect(era.ccode.size).toBe(era.scenario.states.length);
  });

  it('scores every observed state-year of the era\'s states, with the observed category', () => {
    const codes = new Set(era.ccode.values());
    const mine = observed.filter((r) => codes.has(r.ccode));
    expect(trace.rows).toBe(mine.length);
    const byKey = new Map(mine.map((r) => [`${r.ccode}:${r.year}`, r.category]));
    for (let r = 0; r < trace.rows; r++) {
      const id = trace.stateIds[trace.state[r]];
      expect(CATEGORIES[trace.category[r]]).toBe(byKey.get(`${era.ccode.get(id)}:${trace.year[r]}`));
    }
  });

  it('marks a row impossible exactly when every option of its category is masked', () => {
    let impossible = 0;
    for (let r = 0; r < trace.rows; r++) {
      const c = trace.category[r];
      let open = c === 0;
      for (let a = 1; a < OPTION_COUNT; a++) if (CATEGORY_OF_OPTION[a] === c && trace.mask[r * OPTION_COUNT + a] === 1) open = true;
      expect(trace.possible[r]).toBe(open ? 1 : 0);
      impossible += 1 - trace.possible[r];
    }
    expect(impossible).toBeLessThan(trace.rows / 10);
  });

  it('is deterministic', () => {
    const again = traceObservedHistory(era.scenario, era.ccode, observed, { lastYear: 1913, era: era.name });
    expect(Buffer.from(again.z.buffer).equals(Buffer.from(trace.z.buffer))).toBe(true);
  });

  it('updates beliefs from the observed acts: another record gives the same first year and other threats later', () => {
    const quiet = observed.map((r) => ({ ...r, category: 'NONE' as const }));
    const other = traceObservedHistory(era.scenario, era.ccode, quiet, { lastYear: 1913, era: era.name });
    expect(other.rows).toBe(trace.rows);
    let firstYearSame = true;
    let laterDiffers = false;
    for (let r = 0; r < trace.rows; r++) {
      const same = other.z[r * Z_SIZE + Z_T] === trace.z[r * Z_SIZE + Z_T];
      if (trace.year[r] === 1890 && !same) firstYearSame = false;
      if (trace.year[r] > 1891 && !same) laterDiffers = true;
    }
    expect(firstYearSame).toBe(true);
    expect(laterDiffers).toBe(true);
  });
});

describe('loadCalibrationScenario', () => {
  it('keeps the scenario\'s own membership for institutions whose observed memberships collide with its events, and says which', () => {
    const era = loadCalibrationScenario('era-1991-2010');
    expect(era.membershipsNotObserved).toEqual(['WPACT', 'EU']);
    expect(era.scenario.meta.ticksPerYear).toBe(1);
  });
});

describe('loadEraTraces', () => {
  it('names an era that does not exist', () => {
    expect(() => loadEraTraces(['era-1700-1750'])).toThrow(/era-1700-1750/);
  });
});
