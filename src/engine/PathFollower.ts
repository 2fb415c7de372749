import type { ResolvedPaths } from '../model/ResolvedScenario.js';
import type { World } from './World.js';
import { fdlibmPow } from '../model/fdlibmPow.js';

/**
 * Makes the world follow the scenario's exogenous yearly paths (model notes N40–N42), before every
 * tick and outside the tick's hot path. Everything is precomputed when the simulation is created:
 * per tick the follower only interpolates between two rows of flat typed arrays and writes the
 * results; it allocates nothing.
 *
 * Capabilities. For a state i that follows a path, each component c ∈ {mil, eco, pop} is
 * `c_i = path_i(t) · dev_i`, where dev_i is the model's own deviation from the path: the ratio of
 * the component now (after the last tick's arming, sanctions, bandwagoning…) to the path value the
 * follower set before that tick. Before each tick the deviation decays toward 1,
 * `dev ← 1 + (dev − 1)·2^(−Δt/halfLife)` with Δt = 1/ticksPerYear years, and the component is set
 * to the new path value times it. With no model effects dev stays exactly 1, so at every data year
 * the component equals the data's share exactly.
 *
 * Trade. For two states that both follow a trade path, the baseline X⁰_ij (toward which sanctioned
 * trade recovers, N6) becomes s_i(t)·s_j(t); trade itself keeps its deviation from the baseline as
 * a ratio (X_ij ← X_ij·X⁰_new/X⁰_old, exactly X⁰_new when it was at its baseline). A baseline set
 * from outside the follower between two ticks — a scenario's `set-trade` event, such as a documented
 * sanction (model note N47) — is kept as a ratio to the proxy, X⁰_ij = r_ij·s_i(t)·s_j(t) with
 * r_ij = (the value set)/(the proxy it replaced), so the override persists while the proxy moves
 * (r_ij = 1, and the product is skipped, for every pair no event touched).
 *
 * Interpolation: the value at year y + f (0 ≤ f < 1) is row(y) + (row(y+1) − row(y))·f, exactly
 * row(y) at f = 0. After the table's last year the last row holds.
 * @internal
 */
export class PathFollower {
  private readonly rows: number;
  private readonly firstYear: number;
  private readonly capIds: readonly string[];
  private readonly tradeIds: readonly string[];
  /** World index of each state with a capability path (−1 while it is not in the system). */
  private readonly capState: Int32Array;
  /** Flat [state k][year] rows of the capability paths. */
  private readonly mil: Float64Array;
  private readonly eco: Float64Array;
  private readonly pop: Float64Array;
  /** The path values set before the last tick, per followed state (the denominators of dev). */
  private readonly lastMil: Float64Array;
  private readonly lastEco: Float64Array;
  private readonly lastPop: Float64Array;
  /** World index of each state with a trade path (−1 while it is not in the system), and its rows. */
  private readonly tradeState: Int32Array;
  private readonly tradeShare: Float64Array;
  /** This tick's trade shares s_i(t) by world index. */
  private shareNow: Float64Array;
  /** Pairs (i·n + j, i < j) whose two states both follow a trade path. */
  private tradePairs: Int32Array;
  /** Per pair of `tradePairs`: the baseline the follower set last (NaN before the first tick), and the override ratio r_ij (N47). */
  private baseSet: Float64Array;
  private baseRatio: Float64Array;
  private readonly keep: number;

  constructor(paths: ResolvedPaths, w: World, index: ReadonlyMap<string, number>) {
    this.firstYear = paths.firstYear;
    this.rows = paths.lastYear - paths.firstYear + 1;
    const R = this.rows;
    const caps = paths.capabilities;
    this.capIds = caps.map((c) => c.state);
    this.capState = new Int32Array(caps.length).fill(-1);
    this.mil = new Float64Array(caps.length * R);
    this.eco = new Float64Array(caps.length * R);
    this.pop = new Float64Array(caps.length * R);
    caps.forEach((c, k) => { this.mil.set(c.mil, k * R); this.eco.set(c.eco, k * R); this.pop.set(c.pop, k * R); });
    this.lastMil = new Float64Array(caps.length);
    this.lastEco = new Float64Array(caps.length);
    this.lastPop = new Float64Array(caps.length);
    this.tradeIds = paths.trade.map((t) => t.state);
    this.tradeState = new Int32Array(paths.trade.length).fill(-1);
    this.tradeShare = new Float64Array(paths.trade.length * R);
    paths.trade.forEach((t, k) => this.tradeShare.set(t.share, k * R));
    this.shareNow = new Float64Array(0);
    this.tradePairs = new Int32Array(0);
    this.baseSet = new Float64Array(0);
    this.baseRatio = new Float64Array(0);
    this.keep = fdlibmPow(2, -1 / (paths.halfLife * w.ticksPerYear));
    this.bind(w, index);
  }

  /**
   * Binds the follower to a world (at the start, and whenever states enter or leave: N43). A state
   * that (re)enters starts on its path: its deviation is measured against its values now, so the
   * next tick sets it to the path exactly (dev = 1). Pairs of trade followers the world did not
   * list as trading are added to its trade pairs (sanctions and recovery visit them).
   */
  bind(w: World, index: ReadonlyMap<string, number>): void {
    this.capIds.forEach((id, k) => {
      const i = index.get(id) ?? -1;
      if (i >= 0 && this.capState[k] < 0) {
        this.lastMil[k] = w.mil[i];
        this.lastEco[k] = w.eco[i];
        this.lastPop[k] = w.pop[i];
      }
      this.capState[k] = i;
    });
    this.tradeIds.forEach((id, k) => { this.tradeState[k] = index.get(id) ?? -1; });
    // The override ratios (N47) survive a rebuild of the world: carry them over by the pair's ids.
    const carried = new Map<string, number>();
    const oldN = this.shareNow.length;
    this.tradePairs.forEach((key, p) => {
      if (this.baseRatio[p] === 1) return;
      const i = (key / oldN) | 0;
      carried.set(`${this.idAt(i)}\u0000${this.idAt(key - i * oldN)}`, this.baseRatio[p]);
    });
    const n = w.n;
    this.shareNow = new Float64Array(n);
    const followers = [...this.tradeState].filter((i) => i >= 0).sort((a, b) => a - b);
    const pairs: number[] = [];
    const known = new Set(w.tradePairs);
    for (let a = 0; a < followers.length; a++) {
      for (let b = a + 1; b < followers.length; b++) {
        const key = followers[a] * n + followers[b];
        pairs.push(key);
        if (!known.has(key)) w.tradePairs.push(key);
      }
    }
    this.tradePairs = Int32Array.from(pairs);
    this.baseSet = new Float64Array(pairs.length).fill(Number.NaN);
    this.baseRatio = new Float64Array(pairs.length).fill(1);
    this.worldIds = w.ids;
    if (carried.size > 0) {
      pairs.forEach((key, p) => {
        const i = (key / n) | 0;
        const r = carried.get(`${w.ids[i]}\u0000${w.ids[key - i * n]}`) ?? carried.get(`${w.ids[key - i * n]}\u0000${w.ids[i]}`);
        if (r !== undefined) this.baseRatio[p] = r;
      });
    }
  }

  /** The ids of the world the follower was last bound to (for carrying override ratios across a rebuild). */
  private worldIds: readonly string[] = [];

  private idAt(i: number): string {
    return this.worldIds[i] ?? '';
  }

  /** Moves every followed quantity to its path value for tick `w.tick`, keeping the model's deviations. */
  beforeTick(w: World): void {
    const R = this.rows;
    const t = w.tick;
    const tpy = w.ticksPerYear;
    const whole = Math.floor(t / tpy);
    let row = w.startYear + whole - this.firstYear;
    let f = (t - whole * tpy) / tpy;
    if (row >= R - 1) { row = R - 1; f = 0; }
    const keep = this.keep;
    for (let k = 0; k < this.capState.length; k++) {
      const i = this.capState[k];
      if (i < 0) continue;
      const at = k * R + row;
      follow(this.mil, this.lastMil, w.mil, k, i, at, f, keep);
      follow(this.eco, this.lastEco, w.eco, k, i, at, f, keep);
      follow(this.pop, this.lastPop, w.pop, k, i, at, f, keep);
    }
    if (this.tradePairs.length === 0) return;
    const share = this.shareNow;
    for (let k = 0; k < this.tradeState.length; k++) {
      const i = this.tradeState[k];
      if (i < 0) continue;
      const at = k * R + row;
      const a = this.tradeShare[at];
      share[i] = f === 0 ? a : a + (this.tradeShare[at + 1] - a) * f;
    }
    const n = w.n;
    const { trade, tradeBase } = w;
    for (let p = 0; p < this.tradePairs.length; p++) {
      const key = this.tradePairs[p];
      const i = (key / n) | 0;
      const j = key - i * n;
      const old = tradeBase[key];
      const set = this.baseSet[p];
      // A baseline changed from outside since the last tick (a set-trade event) becomes a ratio to the proxy (N47).
      if (old !== set && set > 0) this.baseRatio[p] *= old / set;
      const r = this.baseRatio[p];
      const next = r === 1 ? share[i] * share[j] : share[i] * share[j] * r;
      this.baseSet[p] = next;
      const x = trade[key];
      // Trade keeps its deviation from the baseline as a ratio (exactly the new baseline when it was at the old one).
      const nx = x === old || old === 0 ? next : x * (next / old);
      tradeBase[key] = next;
      tradeBase[j * n + i] = next;
      trade[key] = nx;
      trade[j * n + i] = nx;
    }
  }
}

/**
 * One component of one followed state: the path value at row `at` plus `f` of a year, times the
 * decayed deviation of the component from the value set before the last tick.
 */
function follow(path: Float64Array, last: Float64Array, now: Float64Array, k: number, i: number, at: number, f: number,
  keep: number): void {
  const a = path[at];
  const target = f === 0 ? a : a + (path[at + 1] - a) * f;
  const prev = last[k];
  const cur = now[i];
  // dev = cur/prev, exactly 1 (and skipped) when nothing moved the state off its path.
  now[i] = cur === prev ? target : target * (1 + (cur / prev - 1) * keep);
  last[k] = target;
}
