import type { ObservedTrace } from '../../calibration/ObservedTrace.js';
import { traceObservedHistory } from '../../calibration/traceObservedHistory.js';
import { loadCalibrationScenario, type CalibrationScenario } from './calibrationScenario.js';
import { observedRecord } from './observedRecord.js';

/** The seven bundled era scenarios, in time order: the eras the likelihood is driven through. */
export const ERAS = [
  'era-1815-1853', 'era-1853-1890', 'era-1890-1914', 'era-1919-1939', 'era-1945-1991', 'era-1991-2010', 'era-2010-today',
] as const;

/** Options of {@link loadEraTraces}. */
export interface EraTraceOptions {
  /** Seed of the drives (default 0). */
  seed?: number;
  /** Threat perception of the drives (default 'walt'). */
  perception?: 'walt' | 'power';
}


/**
 * Drives each named bundled era along the observed history (`traceObservedHistory`) and returns
 * its trace: the state-years from the era's start to the year before its `history.until` (the
 * next era's start), and no later than the last year of the observed record (2012).
 *
 * @throws ScenarioError for an unknown era or one that does not follow the data; RangeError for an
 *   era that starts after the observed record ends (no data to score).
 */
export function loadEraTraces(eras: readonly string[], options: EraTraceOptions = {}): ObservedTrace[] {
  return eras.map((era) => traceEra(loadCalibrationScenario(era), options));
}

/** The trace of one era already loaded with `loadCalibrationScenario` (as {@link loadEraTraces}). */
export function traceEra(c: CalibrationScenario, options: EraTraceOptions = {}): ObservedTrace {
  const { rows, lastYear } = observedRecord();
  const last = Math.min(c.until - 1, lastYear);
  if (last < c.scenario.meta.startYear) {
    throw new RangeError(`era ${c.name} starts in ${c.scenario.meta.startYear}, after the observed record ends (${lastYear}): no data to score`);
  }
  return traceObservedHistory(c.scenario, c.ccode, rows, {
    era: c.name, lastYear: last, seed: options.seed ?? 0, perception: options.perception ?? 'walt',
  });
}
