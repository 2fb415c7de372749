// Scaling workload: 5,000 states, 120 institutions, 20 ticks — the largest system: n² = 25·10⁶
// entries per dyadic matrix (200 MB each as Float64), so it measures memory as much as time.
import { generateScenario } from '../lib/generateWorld.mjs';

export const workload = {
  name: 'states-5000',
  description: '5,000 states, 120 institutions, 20 ticks',
  states: 5000,
  institutions: 120,
  ticks: 20,
  warmup: 3,
  runSeed: 42,
  targetMsPerTick: null,
  identityTicks: 0, // too large for the identity check's full fingerprint (benchmarks/identity.mjs)
  scenario: () => generateScenario({
    id: 'bench-5000', seed: 20240605, states: 5000, institutions: 120, majors: 10, tradePartners: 5, alliances: 1250,
  }),
};
