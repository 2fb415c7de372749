import seedrandom from 'seedrandom';

/** The uniforms each state draws every tick, in this fixed order (THEORY §5.8 step 2, §6 S2). */
export const DRAW_CHOICE = 0;
/** Tie-break among equally threatening targets (THEORY §5.2). */
export const DRAW_TIE = 1;
/** Consent of a requested alliance partner (THEORY §5.5 HE). */
export const DRAW_CONSENT = 2;
/** Acceptance of an invitation to a new exclusive club (THEORY §5.5 IE). */
export const DRAW_JOIN = 3;
/** Whether a revisionist state aggresses (THEORY §5.6). */
export const DRAW_AGGRESSION = 4;
/** Number of uniforms a state draws per tick. */
export const DRAWS_PER_TICK = 5;

/**
 * One random stream per state, keyed by (run seed, state id): the only users of seedrandom.
 *
 * Every state draws exactly {@link DRAWS_PER_TICK} uniforms per tick, used or not, so the draws of
 * state i at tick t are a function of (seed, id_i, t) alone (THEORY §5.8, S2): adding a state or
 * reordering the scenario file changes no other state's draws. Never uses `Math.random`.
 */
export class StateStreams {
  private readonly streams: (() => number)[];

  /**
   * @param seed the run seed.
   * @param ids the state ids, in the engine's order.
   */
  constructor(seed: number | string, ids: readonly string[]) {
    this.streams = ids.map((id) => seedrandom.alea(`counterpoise:${String(seed)}:${id}`));
  }

  /** Fills `out[i * DRAWS_PER_TICK + k]` with this tick's uniforms in [0, 1). No allocation. */
  drawTick(out: Float64Array): void {
    const streams = this.streams;
    for (let i = 0; i < streams.length; i++) {
      const next = streams[i];
      const base = i * DRAWS_PER_TICK;
      for (let k = 0; k < DRAWS_PER_TICK; k++) out[base + k] = next();
    }
  }
}
