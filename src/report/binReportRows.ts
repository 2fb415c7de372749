import { FAMILIES, OPTIONS, type Family, type Option } from '../decision/options.js';
import type { ReportTick } from './ReportTick.js';
import type { MembershipRow, StateTickRow } from './RunTables.js';

/**
 * The most points per series a run report draws: a longer run is drawn in bins of consecutive ticks,
 * so the report's memory and size do not grow with the run (a 100,000-tick run: 2,000 bins of 50).
 */
export const REPORT_MAX_POINTS = 2000;

/** The ticks per bin of a run of `ticks` ticks drawn in at most `maxPoints` points (1: no binning). */
export function binWidth(ticks: number, maxPoints = REPORT_MAX_POINTS): number {
  if (!(Number.isInteger(maxPoints) && maxPoints >= 1)) throw new RangeError(`maxPoints must be a whole number ≥ 1 (got ${maxPoints})`);
  return Math.max(1, Math.ceil(ticks / maxPoints));
}

/**
 * Reduces the per-tick rows of a run's report tables to one row per bin of `width` consecutive
 * ticks, as they stream in (tick order), keeping only the open bin in memory. A bin's row carries
 * the tick and year of the bin's first tick and:
 *
 * - ticks: the actions per option and per family summed over the bin, CON and effective poles averaged;
 * - states: CINC share, legitimacy, restraint and threat averaged over the bin; main threat, action
 *   and family of the bin's last tick;
 * - memberships: every membership held at some tick of the bin, with its main threat and relation at
 *   the last tick it was held.
 *
 * With `width` 1 rows pass through unchanged. Give rows in tick order; call {@link finish} at the end.
 */
export class ReportRowBinner {
  /** The bins' rows so far. */
  readonly ticks: ReportTick[] = [];
  readonly states: StateTickRow[] = [];
  readonly memberships: MembershipRow[] = [];
  private tickBin: { bin: number; first: ReportTick; actions: Record<Option, number>; families: Record<Family, number>; con: number; poles: number; n: number } | null = null;
  private stateBin = -1;
  private readonly stateSums = new Map<string, { first: StateTickRow; last: StateTickRow; cinc: number; legitimacy: number; restraint: number; threat: number; n: number }>();
  private membershipBin = -1;
  private readonly held = new Map<string, MembershipRow>();

  /**
   * @param width ticks per bin ({@link binWidth}).
   * @param stateOrder the scenario's state order (memberships of a bin come in it).
   * @param yearOf the calendar year of a tick (a membership bin's year is that of its first tick).
   */
  constructor(readonly width: number, private readonly stateOrder: readonly string[], private readonly yearOf: (tick: number) => number) {
    if (!(Number.isInteger(width) && width >= 1)) throw new RangeError(`width must be a whole number ≥ 1 (got ${width})`);
  }

  private binOf(tick: number): number {
    return Math.floor(tick / this.width);
  }

  /** Adds one tick's record. */
  addTick(r: ReportTick): void {
    if (this.width === 1) { this.ticks.push(r); return; }
    const bin = this.binOf(r.tick);
    if (this.tickBin !== null && this.tickBin.bin !== bin) this.closeTicks();
    if (this.tickBin === null) {
      this.tickBin = {
        bin, first: r, con: 0, poles: 0, n: 0,
        actions: Object.fromEntries(OPTIONS.map((o) => [o, 0])) as Record<Option, number>,
        families: Object.fromEntries(FAMILIES.map((f) => [f, 0])) as Record<Family, number>,
      };
    }
    const b = this.tickBin;
    for (const o of OPTIONS) b.actions[o] += r.actions[o];
    for (const f of FAMILIES) b.families[f] += r.families[f];
    b.con += r.con;
    b.poles += r.effectivePoles;
    b.n++;
  }

  private closeTicks(): void {
    const b = this.tickBin;
    if (b === null) return;
    this.ticks.push({ tick: b.first.tick, year: b.first.year, actions: b.actions, families: b.families, con: b.con / b.n, effectivePoles: b.poles / b.n });
    this.tickBin = null;
  }

  /** Adds one row of the states table. */
  addState(r: StateTickRow): void {
    if (this.width === 1) { this.states.push(r); return; }
    const bin = this.binOf(r.tick);
    if (bin !== this.stateBin) { this.closeStates(); this.stateBin = bin; }
    const s = this.stateSums.get(r.state);
    if (s === undefined) {
      this.stateSums.set(r.state, { first: r, last: r, cinc: r.cinc, legitimacy: r.legitimacy, restraint: r.restraint, threat: r.threat, n: 1 });
      return;
    }
    s.last = r;
    s.cinc += r.cinc;
    s.legitimacy += r.legitimacy;
    s.restraint += r.restraint;
    s.threat += r.threat;
    s.n++;
  }

  private closeStates(): void {
    for (const s of this.stateSums.values()) {
      this.states.push({
        tick: s.first.tick, year: s.first.year, state: s.first.state, cinc: s.cinc / s.n, legitimacy: s.legitimacy / s.n,
        restraint: s.restraint / s.n, mainThreat: s.last.mainThreat, threat: s.threat / s.n, action: s.last.action, family: s.last.family,
      });
    }
    this.stateSums.clear();
  }

  /** Adds one row of the memberships table. */
  addMembership(r: MembershipRow): void {
    if (this.width === 1) { this.memberships.push(r); return; }
    const bin = this.binOf(r.tick);
    if (bin !== this.membershipBin) {
      this.closeMemberships();
      this.membershipBin = bin;
    }
    this.held.set(`${r.state}\u0000${r.kind}\u0000${r.group}`, r);
  }

  private closeMemberships(): void {
    if (this.held.size === 0) return;
    const rank = new Map(this.stateOrder.map((s, k) => [s, k]));
    const rows = [...this.held.values()];
    // Stable: within a state, institutions in the order first met, then alliances by partner.
    rows.sort((a, b) => (rank.get(a.state) ?? Infinity) - (rank.get(b.state) ?? Infinity)
      || (a.state < b.state ? -1 : a.state > b.state ? 1 : 0)
      || (a.kind === b.kind ? 0 : a.kind === 'institution' ? -1 : 1)
      || (a.kind === 'alliance' ? (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) : 0));
    const tick = this.membershipBin * this.width;
    const year = this.yearOf(tick);
    for (const r of rows) this.memberships.push({ ...r, tick, year });
    this.held.clear();
  }

  /** Closes the last bins. */
  finish(): void {
    this.closeTicks();
    this.closeStates();
    this.closeMemberships();
  }
}
