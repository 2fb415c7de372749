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
  // Alea's state per stream (Baagoe's generator, as seedrandom implements it): s0, s1, s2 and the carry c,
  // in typed arrays so that a tick's draws are one tight loop, not a call per uniform through a closure.
  private readonly s0: Float64Array;
  private readonly s1: Float64Array;
  private readonly s2: Float64Array;
  private readonly c: Float64Array;

  /**
   * @param seed the run seed.
   * @param ids the state ids, in the engine's order.
   */
  constructor(seed: number | string, ids: readonly string[]) {
    const n = ids.length;
    this.s0 = new Float64Array(n);
    this.s1 = new Float64Array(n);
    this.s2 = new Float64Array(n);
    this.c = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // seedrandom seeds the generator (Baagoe's Mash of the key); its state is read once and stepped here.
      const prng = seedrandom.alea(`counterpoise:${String(seed)}:${ids[i]}`, { state: true }) as unknown as { state(): AleaState };
      const st = prng.state();
      this.s0[i] = st.s0;
      this.s1[i] = st.s1;
      this.s2[i] = st.s2;
      this.c[i] = st.c;
    }
  }

  /**
   * Fills `out[i * DRAWS_PER_TICK + k]` with this tick's uniforms in [0, 1). No allocation. Each is
   * Alea's next value, t = 2091639·s0 + c·2⁻³², then (s0, s1, s2, c) ← (s1, s2, t − ⌊t⌋, ⌊t⌋) and the
   * uniform is the new s2: seedrandom's `alea()` step, the same IEEE operations (so the same numbers).
   */
  drawTick(out: Float64Array): void {
    const { s0: S0, s1: S1, s2: S2, c: C } = this;
    for (let i = 0; i < S0.length; i++) {
      let s0 = S0[i];
      let s1 = S1[i];
      let s2 = S2[i];
      let c = C[i];
      const base = i * DRAWS_PER_TICK;
      for (let k = 0; k < DRAWS_PER_TICK; k++) {
        const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
        s0 = s1;
        s1 = s2;
        c = t | 0;
        s2 = t - c;
        out[base + k] = s2;
      }
      S0[i] = s0;
      S1[i] = s1;
      S2[i] = s2;
      C[i] = c;
    }
  }
}

/** Alea's state as seedrandom's `state()` returns it. */
interface AleaState { c: number; s0: number; s1: number; s2: number }
