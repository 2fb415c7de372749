import { writeLogit, writeUtilities } from '../../decision/utilities.js';
import { PHASES, type Phase } from '../../engine/phases.js';
import type { TickContext } from '../../engine/TickContext.js';
import { writeCincShares } from '../../metrics/cincShares.js';
import { concentration } from '../../metrics/concentration.js';
import { StateStreams } from '../../random/StateStreams.js';

/** The random streams of a run, as the engine uses them (THEORY §5.8). @internal */
export interface Streams {
  drawTick(out: Float64Array): void;
}

/**
 * The library's own pieces that the properties exercise: the §5.4 utilities and logit, the tick's
 * phases (§5.8), the measures (§3) and the random streams. The kit runs against {@link LIBRARY};
 * its own tests swap single pieces for deliberately broken variants to show that every property
 * can fail. Not part of the public API.
 * @internal
 */
export interface Library {
  readonly writeUtilities: typeof writeUtilities;
  readonly writeLogit: typeof writeLogit;
  readonly phases: readonly Phase[];
  readonly writeCincShares: typeof writeCincShares;
  readonly concentration: typeof concentration;
  readonly createStreams: (seed: number | string, ids: readonly string[]) => Streams;
}

/** The library as shipped. @internal */
export const LIBRARY: Library = {
  writeUtilities,
  writeLogit,
  phases: PHASES,
  writeCincShares,
  concentration,
  createStreams: (seed, ids) => new StateStreams(seed, ids),
};

/** The names of the tick's phases, in order. @internal */
export type PhaseName = 'perceive' | 'decide' | 'economy' | 'alignment' | 'institutional-acts' | 'application' | 'restraint'
  | 'aggression' | 'accession' | 'update' | 'institutions' | 'affinity' | 'record';

/**
 * A copy of `lib` with one phase replaced, e.g. by a wrapper that calls the original and then
 * corrupts its output. @internal
 */
export function withPhase(lib: Library, name: PhaseName, run: (ctx: TickContext, original: (ctx: TickContext) => void) => void): Library {
  const original = lib.phases.find((p) => p.name === name);
  if (original === undefined) throw new Error(`no phase "${name}"`);
  return {
    ...lib,
    phases: lib.phases.map((p) => (p.name === name ? { ...p, run: (ctx: TickContext) => run(ctx, original.run) } : p)),
  };
}

/** The phase `name` of `lib`. @internal */
export function phaseOf(lib: Library, name: PhaseName): (ctx: TickContext) => void {
  const phase = lib.phases.find((p) => p.name === name);
  if (phase === undefined) throw new Error(`no phase "${name}"`);
  return phase.run;
}
