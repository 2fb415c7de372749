/**
 * The model's view of the observed history of one era, recorded once by driving the world along
 * the data ({@link traceObservedHistory}): for every state-year scored, the decision context
 * (packed as the engine packs it, model §5.2) and the option mask (model §5.3) the state decided
 * with, and the category it was observed to take. The likelihood of any choice-rule parameters is
 * a pass over these arrays (`logLikelihood`). Plain typed arrays: no allocation per state-year.
 */
export interface ObservedTrace {
  /** The scenario the trace was driven through (an era's name). */
  readonly era: string;
  /** First and last year scored. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Number of state-years scored. */
  readonly rows: number;
  /** The scenario's state ids; `state` indexes them. */
  readonly stateIds: readonly string[];
  /** Per row: the state (index into stateIds). */
  readonly state: Int32Array;
  /** Per row: the year. */
  readonly year: Int32Array;
  /** Per row: the observed category (index into CATEGORIES). */
  readonly category: Uint8Array;
  /** Per row: 1 when the model can take the observed category (one of its options is unmasked), else 0. */
  readonly possible: Uint8Array;
  /** Per row: the packed context, Z_SIZE numbers. */
  readonly z: Float64Array;
  /** Per row: the option mask, OPTION_COUNT bytes. */
  readonly mask: Uint8Array;
  /** How the trace was made: perception model and seed of the drive. */
  readonly perception: 'walt' | 'power';
  readonly seed: number;
}
