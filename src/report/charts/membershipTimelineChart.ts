import type { ReportChart } from '../ReportChart.js';
import type { MembershipRelation, MembershipRow } from '../RunTables.js';
import { dualTrackStates, membershipSpells } from '../membershipSpells.js';
import { vegaLite } from '../VegaLiteSpec.js';

/** Colours of a membership's relation to the member's main threat. */
const RELATION_COLORS = { inclusive: '#009E73', exclusive: '#CC79A7', none: '#BBBBBB' } as const;

/** The label of the row that gathers a state's formal alliances. */
const ALLIES = 'formal allies';

/**
 * A state's alliances in one tick as one row: group {@link ALLIES}, the partners' list as detail,
 * inclusive when one of them is its main threat. Institution rows pass through.
 */
function gatherAlliances(rows: readonly MembershipRow[]): (MembershipRow & { detail: string })[] {
  const out: (MembershipRow & { detail: string })[] = [];
  let pending: (MembershipRow & { detail: string }) | null = null;
  for (const r of rows) {
    if (r.kind !== 'alliance') {
      out.push({ ...r, detail: '' });
      continue;
    }
    if (pending !== null && pending.tick === r.tick && pending.state === r.state) {
      pending.detail += `, ${r.group}`;
      if (r.relation === 'inclusive') pending.relation = 'inclusive';
      continue;
    }
    const relation: MembershipRelation = r.relation;
    pending = { ...r, group: ALLIES, relation, detail: r.group };
    out.push(pending);
  }
  return out;
}

/**
 * The membership timeline: for each state, one bar per institution it belonged to, and one row
 * for its formal alliances, over the years it held them, coloured by whether the group included
 * the state's main threat at the time (inclusive) or shut it out (exclusive; for alliances:
 * inclusive when allied with the main threat itself). Dual-track states — members of an inclusive
 * and an exclusive institution at once — come first (most dual-track ticks first) and are marked
 * in their header. At most `maxStates` states are drawn. `step`: the ticks between rows (a binned
 * report's bin width).
 */
export function membershipTimelineChart(
  rows: readonly MembershipRow[], stateOrder: readonly string[], firstYear: number, yearsPerTick: number, maxStates = 12, step = 1,
): ReportChart {
  const spells = membershipSpells(gatherAlliances(rows), stateOrder, step);
  const dual = dualTrackStates(rows, stateOrder, step);
  const dualTicks = new Map(dual.map((d) => [d.state, d.ticks]));
  const perState = new Map<string, number>();
  for (const s of spells) perState.set(s.state, (perState.get(s.state) ?? 0) + 1);
  const rank = new Map(stateOrder.map((s, k) => [s, k]));
  // Dual-track states first, most dual-track ticks first; then the others, most memberships first;
  // ties in the scenario's order (so a scenario's focal state, listed first, leads).
  const shown = [...perState.keys()].sort((a, b) => {
    const da = dualTicks.get(a) ?? -1;
    const db = dualTicks.get(b) ?? -1;
    if (da !== db) return db - da;
    if (da < 0 && perState.get(a) !== perState.get(b)) return (perState.get(b) ?? 0) - (perState.get(a) ?? 0);
    return (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  }).slice(0, maxStates);
  const shownSet = new Set(shown);
  const header = (state: string): string =>
    dualTicks.has(state) ? `${state} — dual track (${dualTicks.get(state)} ticks)` : state;
  const values = spells.filter((s) => shownSet.has(s.state)).map((s) => ({
    state: header(s.state),
    group: s.group,
    detail: s.kind === 'alliance' ? `allied with ${s.detail}` : s.group,
    kind: s.kind,
    relation: s.relation,
    fromYear: firstYear + s.fromTick * yearsPerTick,
    toYear: firstYear + (s.toTick + step) * yearsPerTick,
    fromTick: s.fromTick,
    toTick: s.toTick + step - 1,
  }));
  const omitted = perState.size - shown.length;
  return {
    id: 'memberships',
    title: 'Alliances and institutions: who is inside with whom',
    caption: 'One panel per state; one bar per institution it belonged to, over the years it held it, and one for its '
      + 'formal alliances (pale; hover for the allies). Green: the group includes the state\'s main threat at the time '
      + '(inclusive institutional balancing binds the threat inside); pink: the group shuts the threat out (exclusive '
      + 'balancing, or alliances against it). A bar changes colour when the state\'s main threat changes. '
      + (dual.length > 0
        ? `Dual-track states, inside an inclusive and an exclusive institution at once, come first, marked in their header: ${dual.map((d) => d.state).join(', ')}.`
        : 'No state was in an inclusive and an exclusive institution at once (no dual track).')
      + (omitted > 0 ? ` ${omitted} state${omitted === 1 ? '' : 's'} with fewer memberships not shown.` : ''),
    figure: true,
    spec: vegaLite({
      data: { values },
      facet: {
        row: {
          field: 'state', type: 'nominal', title: null, sort: shown.map(header),
          header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold', labelLimit: 240 },
        },
      },
      resolve: { scale: { y: 'independent' } },
      spacing: 6,
      spec: {
        width: 560,
        height: { step: 13 },
        mark: { type: 'bar', cornerRadius: 2, height: { band: 0.8 } },
        encoding: {
          x: { field: 'fromYear', type: 'quantitative', title: 'year', axis: { format: 'd' }, scale: { nice: false, zero: false } },
          x2: { field: 'toYear' },
          y: { field: 'group', type: 'nominal', title: null, axis: { labelLimit: 180 } },
          color: {
            field: 'relation', type: 'nominal', title: 'relation to main threat',
            scale: { domain: ['inclusive', 'exclusive', 'none'], range: [RELATION_COLORS.inclusive, RELATION_COLORS.exclusive, RELATION_COLORS.none] },
          },
          opacity: { field: 'kind', type: 'ordinal', title: 'kind', sort: ['institution', 'alliance'], scale: { domain: ['institution', 'alliance'], range: [1, 0.5] } },
          tooltip: [
            { field: 'state', type: 'nominal' }, { field: 'detail', type: 'nominal', title: 'group' }, { field: 'relation', type: 'nominal' },
            { field: 'fromTick', type: 'quantitative', title: 'from tick' }, { field: 'toTick', type: 'quantitative', title: 'to tick' },
          ],
        },
      },
    }),
  };
}
