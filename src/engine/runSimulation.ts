import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import type { TickRecord } from '../metrics/TickRecord.js';
import { createSimulation, type SimulationOptions } from './Simulation.js';
import type { SimulationEvent } from './SimulationEvent.js';
import type { WorldSnapshot } from './WorldSnapshot.js';

/** Options of {@link runSimulation}. */
export interface RunOptions extends SimulationOptions {
  /** Number of ticks to run. */
  ticks: number;
  /** Called after every tick with its record (e.g. to stream it to disk). */
  onTick?: (record: TickRecord) => void;
}

/** The outcome of {@link runSimulation}. */
export interface SimulationResult {
  scenarioId: string;
  seed: number | string;
  ticks: number;
  /** One record per tick. */
  records: TickRecord[];
  /** Events of the run (empty when `collectEvents` is false). */
  events: SimulationEvent[];
  /** The world after the last tick. */
  final: WorldSnapshot;
}

/**
 * Runs a resolved scenario for a number of ticks and returns every tick's record.
 *
 * @example
 * const result = runSimulation(resolveScenario(input), { seed: 42, ticks: 100 });
 * result.records[99].families.soft;
 */
export function runSimulation(scenario: ResolvedScenario, options: RunOptions): SimulationResult {
  const { ticks, onTick, ...simOptions } = options;
  const sim = createSimulation(scenario, simOptions);
  if (!(Number.isInteger(ticks) && ticks >= 0)) throw new RangeError(`ticks must be a whole number ≥ 0 (got ${ticks})`);
  const records: TickRecord[] = [];
  for (let t = 0; t < ticks; t++) {
    const record = sim.step();
    records.push(record);
    onTick?.(record);
  }
  return { scenarioId: scenario.meta.id, seed: sim.seed, ticks, records, events: [...sim.events], final: sim.world };
}
