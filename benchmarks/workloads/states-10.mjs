// Scaling workload: 10 states, 2 institutions, 2,000 ticks (the smallest system).
import { generateScenario } from '../lib/generateWorld.mjs';

export const workload = {
  name: 'states-10',
  description: '10 states, 2 institutions, 2,000 ticks',
  states: 10,
  institutions: 2,
  ticks: 2000,
  warmup: 200,
  runSeed: 42,
  targetMsPerTick: null,
  identityTicks: 1000,
  scenario: () => generateScenario({
    id: 'bench-10', seed: 20240610, states: 10, institutions: 2, majors: 3, revisionists: 2, tradePartners: 2, alliances: 3,
  }),
};
