import type { MembershipRelation, MembershipRow } from './RunTables.js';

/** An unbroken run of ticks in which a state held one membership with one relation to its main threat. */
export interface MembershipSpell {
  state: string;
  kind: 'institution' | 'alliance';
  group: string;
  relation: MembershipRelation;
  /** Extra text that must also stay the same for the spell to go on (e.g. the list of allies). */
  detail: string;
  /** First tick of the spell. */
  fromTick: number;
  /** Last tick of the spell (included). */
  toTick: number;
}

/**
 * Joins per-tick membership rows into spells: consecutive ticks with the same state, group,
 * relation and detail (rows `step` ticks apart: a binned report's rows are one bin apart). A change
 * of main threat that flips the relation starts a new spell. Spells come sorted
 * by state (in `stateOrder`), kind, group and start.
 */
export function membershipSpells(
  rows: readonly (MembershipRow & { detail?: string })[], stateOrder: readonly string[], step = 1,
): MembershipSpell[] {
  const open = new Map<string, MembershipSpell>();
  const done: MembershipSpell[] = [];
  for (const r of rows) {
    const key = `${r.state}\u0000${r.kind}\u0000${r.group}`;
    const detail = r.detail ?? '';
    const spell = open.get(key);
    if (spell !== undefined && spell.toTick === r.tick - step && spell.relation === r.relation && spell.detail === detail) {
      spell.toTick = r.tick;
      continue;
    }
    if (spell !== undefined) done.push(spell);
    open.set(key, { state: r.state, kind: r.kind, group: r.group, relation: r.relation, detail, fromTick: r.tick, toTick: r.tick });
  }
  done.push(...open.values());
  const rank = new Map(stateOrder.map((s, k) => [s, k]));
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return done.sort((a, b) => (rank.get(a.state) ?? Infinity) - (rank.get(b.state) ?? Infinity) || cmp(a.state, b.state)
    || cmp(a.kind, b.kind) || cmp(a.group, b.group) || a.fromTick - b.fromTick);
}

/**
 * The dual-track states: those that, in at least one tick, were members both of an institution
 * that includes their main threat and of one that excludes it (He 2008's inclusive and exclusive
 * institutional balancing pursued at once). Returned in `stateOrder`, with the ticks it held (each
 * row counts for `step` ticks: for binned rows, the count is that of the bins times their width).
 */
export function dualTrackStates(rows: readonly MembershipRow[], stateOrder: readonly string[], step = 1): { state: string; ticks: number }[] {
  const seen = new Map<string, { inclusive: boolean; exclusive: boolean }>();
  const count = new Map<string, number>();
  let tick = Number.NaN;
  const flush = (): void => {
    for (const [state, s] of seen) if (s.inclusive && s.exclusive) count.set(state, (count.get(state) ?? 0) + step);
    seen.clear();
  };
  for (const r of rows) {
    if (r.tick !== tick) { flush(); tick = r.tick; }
    if (r.kind !== 'institution' || r.relation === 'none') continue;
    const s = seen.get(r.state) ?? { inclusive: false, exclusive: false };
    s[r.relation] = true;
    seen.set(r.state, s);
  }
  flush();
  return stateOrder.filter((s) => count.has(s)).map((state) => ({ state, ticks: count.get(state) ?? 0 }));
}
