/**
 * The world as typed arrays (THEORY §5.1): the engine's internal, mutable representation.
 *
 * States are held in canonical order (sorted by id), whatever their order in the scenario, so every
 * reduction and tie-break runs in an order that does not depend on the input (THEORY §6 S1).
 * Matrices are row-major n×n (`m[i * n + j]`). Institutions live in slots; `instAlive` marks live ones.
 * @internal
 */
export interface World {
  n: number;
  /** State ids in canonical order. */
  ids: string[];
  names: string[];
  /** Canonical index → index in the scenario's `states`. */
  inputIndex: Int32Array;
  /** FNV-1a hash of each id (tie-breaks by identity). */
  idHash: Uint32Array;
  major: Uint8Array;
  mil: Float64Array;
  eco: Float64Array;
  pop: Float64Array;
  growthMil: Float64Array;
  growthEco: Float64Array;
  growthPop: Float64Array;
  /**
   * mil, eco, pop, trade and the floors are the scenario's values × 2^−capabilityExponent: 0 unless
   * the engine rescaled them to keep them bounded (boundCapabilities; exact, shares unchanged).
   */
  capabilityExponent: number;
  /** Floors of mil, eco and pop (CAPABILITY_FLOOR × the initial totals). */
  floorMil: number;
  floorEco: number;
  floorPop: number;
  off: Float64Array;
  nuc: Uint8Array;
  rev: Float64Array;
  ideo: Float64Array;
  leg: Float64Array;
  legBase: Float64Array;
  dom: Float64Array;
  /** G_ij = exp(−d_ij/d0). */
  proximity: Float64Array;
  /** ahat_ij. */
  ahat: Float64Array;
  /**
   * Affinity a_ij ∈ [−1, 1] (symmetric, model note N54), n×n; empty (length 0) when the scenario has
   * no `affinity` section (affinity off: every a_ij is 0 and no phase reads or moves it).
   */
  affinity: Float64Array;
  /** The seed of each a_ij (blocs, pairs), toward which affinity decays; empty when affinity is off. */
  affinitySeed: Float64Array;
  /** X_ij (symmetric). */
  trade: Float64Array;
  /** The scenario's X_ij, toward which trade recovers after sanctions. */
  tradeBase: Float64Array;
  /** ally_ij ∈ {0,1} (symmetric). */
  ally: Uint8Array;
  /** ent_ij ∈ [0,1] (symmetric). */
  ent: Float64Array;
  /**
   * The pairs i < j (as i·n + j) with ent_ij > 0, in no particular order: the only ones the
   * entente decay visits. Whoever raises an entente from 0 adds its pair (alignment phase).
   */
  entPairs: number[];
  /** Formal alliances of each state (row sums of `ally`), kept in step with it. */
  allyCount: Int32Array;
  /** Each state's formal allies in increasing index order, kept in step with `ally` by setAlliance. */
  allies: number[][];
  /** Allied pairs in force. */
  allianceCount: number;
  /** Bumped whenever an alliance forms or ends (caches key on it). */
  allianceVersion: number;
  /** Pairs i < j (as i·n + j) that trade now or in the scenario: the only ones sanctions and recovery touch. */
  tradePairs: number[];

  instCapacity: number;
  instSlots: number;
  instAlive: Uint8Array;
  instIds: string[];
  instNames: string[];
  instKind: string[];
  instRule: string[];
  instStrictness: Float64Array;
  instStrength: Float64Array;
  /** Baseline strength: the scenario's for scenario institutions, 0 for clubs founded in the run. */
  instBase: Float64Array;
  /** Canonical index of the target a club was founded against, −1 for scenario institutions. */
  instAgainst: Int32Array;
  /** member[q * n + i] ∈ {0,1}. */
  member: Uint8Array;
  /**
   * status[q * n + i]: 0 none, 1 member, 2 candidate, 3 observer or dialogue partner, 4 associate
   * (model §5.11; codes in institutions/MembershipStatus). member[k] === 1 exactly when status[k] === 1.
   */
  status: Uint8Array;
  /** Holders of a status other than member, per slot (0 for most institutions: loops skip them). */
  statusCount: Int32Array;
  /**
   * appliedTick[q * n + i]: the tick at which i applied to q by its own choice (model §5.12, note
   * N59), −1 for every other status (a candidacy given as an input never lapses). Reset by setStatus.
   */
  appliedTick: Int32Array;
  /**
   * vetoHolder[q * n + i] ∈ {0,1}: i holds a veto in q (`vetoMembers`, model §5.12, note N60): its block
   * is decisive under any rule. Read only while i is a member; cleared when q dissolves.
   */
  vetoHolder: Uint8Array;
  memberCount: Int32Array;
  /** Slots of dissolved institutions, reused by new ones (so long runs do not grow the slot arrays). */
  instFree: number[];
  /** Bumped whenever a membership or an institution's life changes (caches key on it). */
  membershipVersion: number;

  lambda: number;
  nu: number;
  theta: number;
  /** Year of the last major war; −Infinity when none is remembered. */
  lastMajorWar: number;
  publicGoods: number;
  /** Completed ticks. */
  tick: number;
  startYear: number;
  ticksPerYear: number;
  /** Bumped by every `set-parameter` change (the engine then converts the rates again, N28). */
  parameterVersion: number;
  /**
   * Alliances the model formed (model note N29), as parallel lists: the pair i < k (as i·n + k),
   * the common target they were formed against, and the ticks in a row the shared threat has been
   * faded. Alliances from the scenario or from events are inputs and are not listed.
   */
  formedPairs: number[];
  formedTarget: number[];
  formedFaded: number[];
  /** Input alliances with a data end date: the pair (i·n + k) and the tick before which it ends, in tick order. */
  inputEnds: { pair: number; tick: number }[];
}
