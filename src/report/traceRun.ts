import { createSimulation, type SimulationOptions } from '../engine/Simulation.js';
import type { SimulationResult } from '../engine/runSimulation.js';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import type { TickRecord } from '../metrics/TickRecord.js';
import { RunTrace } from './RunTrace.js';
import type { RunTables } from './RunTables.js';

/** Options of {@link traceRun}. */
export interface TraceRunOptions extends SimulationOptions {
  ticks: number;
  /** Ticks after which to record the threat matrix (default: {@link defaultThreatTicks}). */
  threatTicks?: readonly number[];
  /** Called after every tick with its record. */
  onTick?: (record: TickRecord) => void;
}

/**
 * Runs a scenario like `runSimulation` and records the report's tables as it goes ({@link RunTrace}):
 * the same records and events as `runSimulation` with the same seed, plus the states, memberships
 * and threat tables.
 */
export function traceRun(scenario: ResolvedScenario, options: TraceRunOptions): { result: SimulationResult; tables: RunTables } {
  const { ticks, threatTicks, onTick, ...simOptions } = options;
  if (!(Number.isInteger(ticks) && ticks >= 0)) throw new RangeError(`ticks must be a whole number ≥ 0 (got ${ticks})`);
  const sim = createSimulation(scenario, simOptions);
  const trace = new RunTrace({ ticks, ...(threatTicks === undefined ? {} : { threatTicks }) });
  const records: TickRecord[] = [];
  for (let t = 0; t < ticks; t++) {
    const record = sim.step();
    records.push(record);
    trace.record(sim);
    onTick?.(record);
  }
  return {
    result: { scenarioId: scenario.meta.id, seed: sim.seed, ticks, records, events: [...sim.events], final: sim.world },
    tables: trace.tables,
  };
}
