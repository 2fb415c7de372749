// Workload: states-200 with history in motion (issue 12): every state's capabilities (and a tenth of the
// states' trade shares) follow yearly paths (4 ticks a year, interpolated), and 2 states enter and leave mid-run.
// Same size, ticks and target as states-200: following the data must not cost the hot path.
import { generateScenario } from '../lib/generateWorld.mjs';
import { withPaths } from '../lib/withPaths.mjs';

export const workload = {
  name: 'paths-200',
  description: '200 states, 12 institutions, 1,000 ticks, capability paths, trade paths for a tenth, 2 states entering and leaving',
  states: 200,
  institutions: 12,
  ticks: 1000,
  warmup: 50,
  runSeed: 42,
  targetMsPerTick: 0.5,
  scenario: () => withPaths(generateScenario({
    id: 'bench-paths-200', seed: 20240601, states: 200, institutions: 12, majors: 5, tradePartners: 5, alliances: 50,
  }), { ticks: 1000, seed: 7 }),
};
