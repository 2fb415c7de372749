import type { Command } from './Command.js';

/** A command as the top-level usage lists it; its module is loaded only when it runs (start-up time). */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** Every command, in the order the usage lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'run', summary: 'run a scenario; write its tables, a summary and optionally the report', load: async () => (await import('./commands/run.js')).runCommand },
  { name: 'sweep', summary: 'run a scenario over a design of parameter points (parallel, resumable, sharded)', load: async () => (await import('./commands/sweep.js')).sweepCommand },
  { name: 'sensitivity', summary: 'global sensitivity analysis: Sobol\' indices or Morris effects of every summary measure', load: async () => (await import('./commands/sensitivity.js')).sensitivityCommand },
  { name: 'calibrate', summary: 'estimate the choice rule from the observed record (inside the admissible set); write a parameter file', load: async () => (await import('./commands/calibrate.js')).calibrateCommand },
  { name: 'merge', summary: 'merge the output folders of a sharded sweep into one', load: async () => (await import('./commands/merge.js')).mergeCommand },
  { name: 'validate', summary: 'check a scenario file; list every problem with file:line:column', load: async () => (await import('./commands/validate.js')).validateCommand },
  { name: 'observed', summary: 'code the historical record (COW data) into observed balancing acts per state-year; write CSV', load: async () => (await import('./commands/observed.js')).observedCommand },
  { name: 'list', summary: 'list the bundled scenarios', load: async () => (await import('./commands/list.js')).listCommand },
  { name: 'explain', summary: 'explain why a state acted as it did in one tick', load: async () => (await import('./commands/explain.js')).explainCommand },
  { name: 'explore', summary: 'write the interactive explorer of a scenario: one offline HTML page', load: async () => (await import('./commands/explore.js')).exploreCommand },
  { name: 'report', summary: 'build the HTML report (and SVG figures) from a run or sweep folder', load: async () => (await import('./commands/report.js')).reportCommand },
];
