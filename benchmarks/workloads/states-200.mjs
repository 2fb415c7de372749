// Workload 1: a mid-sized system run for a long time.
// 200 states, 12 institutions, 1,000 ticks: measures steady-state cost per tick and whether memory
// stays flat over a long run (clubs founded and dissolved, alliances accumulating).
import { generateScenario } from '../lib/generateWorld.mjs';

export const workload = {
  name: 'states-200',
  description: '200 states, 12 institutions, 1,000 ticks',
  states: 200,
  institutions: 12,
  ticks: 1000,
  warmup: 50,
  runSeed: 42,
  targetMsPerTick: 0.5,
  scenario: () => generateScenario({
    id: 'bench-200', seed: 20240601, states: 200, institutions: 12, majors: 5, tradePartners: 5, alliances: 50,
  }),
};
