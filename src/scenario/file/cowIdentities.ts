import type { CowYearTable } from '../../data/CowTable.js';
import type { StateSpellRow } from '../../data/parseStatesTable.js';
import type { ScenarioIssue } from '../ScenarioError.js';

/** The Correlates of War state a scenario state stands for. */
export interface CowIdentity {
  /** COW state code, e.g. 200. */
  readonly ccode: number;
  /** COW abbreviation, e.g. `UKG`. */
  readonly stateabb: string;
  /** COW state name: of the spell covering the scenario's start year, else of the state's last spell. */
  readonly name: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Binds each state of a scenario file to its COW state (the spec of the file format): its `cow`
 * field (an abbreviation, case-insensitive, or a numeric code) when given, else its `id` when that
 * is exactly a COW abbreviation (`UKG`), else none. Data references match states by these codes.
 *
 * Reports a `cow` that names no COW state, and two states bound to the same COW state.
 *
 * @param states - the raw `states` list of the file (read defensively).
 * @param table - the COW state-system list.
 * @param startYear - the scenario's start year, to pick the name COW used then.
 * @returns one identity (or `undefined`) per state, and the issues found.
 * @internal
 */
export function cowIdentities(
  states: readonly unknown[], table: CowYearTable<StateSpellRow>, startYear: number | undefined,
): { identities: (CowIdentity | undefined)[]; failed: boolean[]; issues: ScenarioIssue[] } {
  const byAbb = new Map<string, StateSpellRow[]>();
  const byCode = new Map<number, StateSpellRow[]>();
  for (const row of table.rows) {
    const abb = row.stateabb.toUpperCase();
    byAbb.set(abb, [...(byAbb.get(abb) ?? []), row]);
    byCode.set(row.ccode, [...(byCode.get(row.ccode) ?? []), row]);
  }
  const issues: ScenarioIssue[] = [];
  const failed = states.map(() => false);
  const seen = new Map<number, number>();
  const identities = states.map((st, i): CowIdentity | undefined => {
    if (!isRecord(st)) return undefined;
    let spells: StateSpellRow[] | undefined;
    if (typeof st.cow === 'string' || (typeof st.cow === 'number' && Number.isInteger(st.cow))) {
      spells = typeof st.cow === 'number' ? byCode.get(st.cow) : byAbb.get(st.cow.toUpperCase());
      if (spells === undefined) {
        issues.push({ path: ['states', i, 'cow'], message: `unknown COW state ${JSON.stringify(st.cow)} (not in ${table.file})` });
        failed[i] = true;
        return undefined;
      }
    } else if (st.cow === undefined && typeof st.id === 'string') {
      // Exact case only: an id that merely resembles an abbreviation is not taken for one.
      spells = byAbb.get(st.id)?.filter((row) => row.stateabb === st.id);
      if (spells !== undefined && spells.length === 0) spells = undefined;
    }
    if (spells === undefined) return undefined;
    const spell = spells.find((row) => startYear !== undefined && row.styear <= startYear && startYear <= row.endyear)
      ?? spells.reduce((last, row) => (row.endyear > last.endyear ? row : last));
    const identity = { ccode: spell.ccode, stateabb: spell.stateabb, name: spell.statenme };
    const first = seen.get(identity.ccode);
    if (first !== undefined) {
      issues.push({
        path: ['states', i, st.cow === undefined ? 'id' : 'cow'],
        message: `the same COW state as states[${first}] (${identity.stateabb}, ${identity.ccode}); a COW state can be in a scenario once`,
      });
      failed[i] = true;
      return undefined;
    }
    seen.set(identity.ccode, i);
    return identity;
  });
  return { identities, failed, issues };
}
