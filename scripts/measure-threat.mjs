#!/usr/bin/env node
// The threat measures of issue #13 on bundled scenarios, for a build of the package (model notes
// N31–N33): per scenario and seed, the whole span of the scenario at its own ticks per year.
//
//   node scripts/measure-threat.mjs [--dist DIR] [--seeds 20] [--scenarios era-1890-1914,era-1991-2010]
//
// Prints, per scenario: the mean over runs of the mean threat toward each state's main threat
// (mean over ticks and states), the highest T toward a main threat in any run, the share of runs in
// which some state's T crosses T*, the share of hard-balancing acts (HI, HE) and of NONE among all
// choices, and the state most often named as main threat (state-ticks).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = { dist: path.join(here, '..', 'dist'), seeds: 20, scenarios: ['era-1890-1914', 'era-1945-1991', 'era-1991-2010'] };
const argv = process.argv.slice(2);
for (let k = 0; k < argv.length; k++) {
  if (argv[k] === '--dist') args.dist = path.resolve(argv[++k]);
  else if (argv[k] === '--seeds') args.seeds = Number(argv[++k]);
  else if (argv[k] === '--scenarios') args.scenarios = argv[++k].split(',');
  else throw new Error(`unknown argument ${argv[k]}`);
}
const lib = await import(pathToFileURL(path.join(args.dist, 'index.js')).href);
const node = await import(pathToFileURL(path.join(args.dist, 'node.js')).href);

for (const name of args.scenarios) {
  const scenario = node.loadScenario(name);
  const tStar = scenario.parameters.tStar;
  // An era's span is in its name (era-1890-1914: 24 years); other scenarios run 30 years.
  const span = /^era-(\d{4})-(\d{4})$/.exec(name);
  const years = span ? Number(span[2]) - Number(span[1]) : 30;
  const ticks = Math.round(years * (scenario.meta.ticksPerYear ?? 1));
  let meanT = 0; let maxT = 0; let crossing = 0; let hard = 0; let none = 0; let acts = 0;
  const mainCount = new Map();
  for (let seed = 1; seed <= args.seeds; seed++) {
    const sim = lib.createSimulation(scenario, { seed, collectEvents: false });
    let runT = 0; let runMax = 0;
    for (let t = 0; t < ticks; t++) {
      const r = sim.step();
      runT += r.meanThreat;
      // The world of the tick just run: states enter and leave (model note N43), so indices change.
      const { scratch: s, world: w } = sim.internals;
      const ids = w.ids;
      for (let i = 0; i < w.n; i++) {
        if (s.tMain[i] > runMax) runMax = s.tMain[i];
        const j = ids[s.target[i]];
        mainCount.set(j, (mainCount.get(j) ?? 0) + 1);
      }
      hard += r.actions.HI + r.actions.HE;
      none += r.actions.NONE;
      for (const v of Object.values(r.actions)) acts += v;
    }
    meanT += runT / ticks;
    if (runMax > maxT) maxT = runMax;
    if (runMax > tStar) crossing++;
  }
  const top = [...mainCount.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3)
    .map(([id, c]) => `${id} ${(100 * c / [...mainCount.values()].reduce((a, b) => a + b, 0)).toFixed(0)} %`).join(', ');
  console.log(`${name} (${args.seeds} seeds × ${ticks} ticks): mean T toward the main threat ${(meanT / args.seeds).toFixed(3)}; `
    + `highest ${maxT.toFixed(3)}; runs crossing T* = ${tStar}: ${crossing}/${args.seeds}; hard ${(100 * hard / acts).toFixed(1)} %, `
    + `NONE ${(100 * none / acts).toFixed(1)} % of choices; main threats: ${top}`);
}
