// Scaling workload: 50 states, 5 institutions, 2,000 ticks.
import { generateScenario } from '../lib/generateWorld.mjs';

export const workload = {
  name: 'states-50',
  description: '50 states, 5 institutions, 2,000 ticks',
  states: 50,
  institutions: 5,
  ticks: 2000,
  warmup: 200,
  runSeed: 42,
  targetMsPerTick: null,
  identityTicks: 1000,
  scenario: () => generateScenario({
    id: 'bench-50', seed: 20240650, states: 50, institutions: 5, majors: 4, tradePartners: 4, alliances: 12,
  }),
};
