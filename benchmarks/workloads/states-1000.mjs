// Workload 2: a large system run briefly.
// 1,000 states, 40 institutions, 100 ticks: measures how the per-tick cost scales with n (the
// dyadic matrices are n×n = 10⁶ entries each) and the memory footprint of a large world.
import { generateScenario } from '../lib/generateWorld.mjs';

export const workload = {
  name: 'states-1000',
  description: '1,000 states, 40 institutions, 100 ticks',
  states: 1000,
  institutions: 40,
  ticks: 100,
  warmup: 10,
  runSeed: 42,
  targetMsPerTick: 10,
  scenario: () => generateScenario({
    id: 'bench-1000', seed: 20240602, states: 1000, institutions: 40, majors: 8, tradePartners: 5, alliances: 250,
  }),
};
