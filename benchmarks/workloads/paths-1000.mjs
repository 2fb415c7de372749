// Workload: states-1000 with history in motion (issue 12): every state's capabilities (and a tenth of the
// states' trade shares) follow yearly paths (4 ticks a year, interpolated), and 10 states enter and leave mid-run.
// Same size, ticks and target as states-1000: following the data must not cost the hot path.
import { generateScenario } from '../lib/generateWorld.mjs';
import { withPaths } from '../lib/withPaths.mjs';

export const workload = {
  name: 'paths-1000',
  description: '1,000 states, 40 institutions, 100 ticks, capability paths, trade paths for a tenth, 10 states entering and leaving',
  states: 1000,
  institutions: 40,
  ticks: 100,
  warmup: 10,
  runSeed: 42,
  targetMsPerTick: 10,
  scenario: () => withPaths(generateScenario({
    id: 'bench-paths-1000', seed: 20240602, states: 1000, institutions: 40, majors: 8, tradePartners: 5, alliances: 250,
  }), { ticks: 100, seed: 7 }),
};
