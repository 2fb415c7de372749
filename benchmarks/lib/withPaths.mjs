// Turns a generated scenario into one that follows exogenous paths (issue 12; model notes N40–N43):
// every state's capabilities and a tenth of the states' trade shares follow a yearly path (a seeded
// random walk around the start values), growth is off (the path replaces it), and a few states enter
// and leave mid-run, so
// the paths-on workloads measure the follower before every tick and the world's rebuilds.
import { mulberry32 } from './generateWorld.mjs';

export function withPaths(scenario, { ticks, ticksPerYear = 4, seed = 1, movers = 0.02, traders = 0.1 }) {
  const rand = mulberry32(seed);
  const startYear = 1900;
  const years = Math.ceil(ticks / ticksPerYear) + 2;
  const walk = (v) => {
    const out = [v];
    for (let k = 1; k < years; k++) out.push(out[k - 1] * Math.exp(0.05 * (rand() - 0.5)));
    return out;
  };
  const n = scenario.states.length;
  const moving = Math.round(n * movers);
  const states = scenario.states.map((s, i) => {
    const { growth, ...rest } = s;
    if (i >= n - moving && i % 2 === 0) {
      // Enters a third of the way into the run and leaves two thirds in.
      return { ...rest, spells: [{ from: startYear + years / 3, to: startYear + (2 * years) / 3 }] };
    }
    return rest;
  });
  return {
    ...scenario,
    meta: { ...scenario.meta, startYear, ticksPerYear },
    states,
    events: [],
    paths: {
      firstYear: startYear,
      halfLife: 5,
      capabilities: scenario.states.map((s) => ({ state: s.id, mil: walk(s.capabilities.mil), eco: walk(s.capabilities.eco), pop: walk(s.capabilities.pop) })),
      // A tenth of the states follow trade paths: every pair of them trades (the proxy), as in a
      // data-driven scenario; the rest keep the generated sparse trade, so that the world's regime
      // stays comparable with the paths-off workload.
      trade: scenario.states.filter((_, i) => i % Math.round(1 / traders) === 0).map((s) => ({ state: s.id, share: walk(0.001 + rand() / n) })),
    },
  };
}
