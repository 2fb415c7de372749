import { capabilitySharesChart } from './charts/capabilitySharesChart.js';
import { legitimacyRestraintChart } from './charts/legitimacyRestraintChart.js';
import { membershipTimelineChart } from './charts/membershipTimelineChart.js';
import { strategyFamiliesChart } from './charts/strategyFamiliesChart.js';
import { strategyOptionsChart } from './charts/strategyOptionsChart.js';
import { threatMatrixChart } from './charts/threatMatrixChart.js';
import { describeRun } from './describeRun.js';
import { formatYear } from './formatYear.js';
import { dualTrackStates } from './membershipSpells.js';
import type { ReportDocument } from './ReportChart.js';
import type { RunReportInput } from './RunReportInput.js';

/**
 * Builds the report of one run: its text (scenario, parameters, summary) and its charts —
 * strategy families and options over time, capability shares and CON, the threat matrix at the
 * recorded ticks, the membership timeline (alliances and institutions, inclusive or exclusive of
 * each state's main threat, dual-track states first) and the legitimacy and restraint of the
 * most-targeted states. Pure and browser-safe: render it with `renderReportHtml`.
 */
export function buildRunReport(input: RunReportInput): ReportDocument {
  const { scenario, summary, tables } = input;
  const yearsPerTick = 1 / scenario.ticksPerYear;
  const step = input.binTicks ?? 1;
  const dual = dualTrackStates(tables.memberships, input.stateOrder, step);
  const summaryLines = describeRun(summary, input.events, { startYear: scenario.startYear, yearsPerTick })
    .map((l) => `${capitalise(l.label)}: ${l.text}.`);
  summaryLines.push(dual.length === 0
    ? 'Dual track: no state was inside an institution with its main threat and in one without it at the same time.'
    : `Dual track (inside an institution with its main threat and in one without it, at once): ${dual.map((d) => `${d.state} in ${d.ticks} tick${d.ticks === 1 ? '' : 's'}`).join(', ')}.`);
  if (step > 1) {
    summaryLines.push(`Charts: the ${input.ticks} ticks are drawn in ${Math.ceil(input.ticks / step)} bins of ${step} ticks (sums of choices, means of `
      + 'shares, legitimacy, restraint and threat; a membership held at any tick of a bin counts for the bin; tick counts are bins × width).');
  }
  const charts = [
    strategyFamiliesChart(input.records),
    strategyOptionsChart(input.records, yearsPerTick * step),
    capabilitySharesChart(tables.states, input.records),
    ...(tables.threats.length > 0 ? [threatMatrixChart(tables.threats, input.stateOrder)] : []),
    membershipTimelineChart(tables.memberships, input.stateOrder, scenario.startYear, yearsPerTick, 12, step),
    legitimacyRestraintChart(tables.states, 3, step),
  ];
  return {
    title: scenario.title === '' ? scenario.id : scenario.title,
    subtitle: `Scenario ${scenario.id} · seed ${input.seed} · ${input.ticks} ticks (${formatYear(summary.firstYear)}–${formatYear(summary.lastYear)})`,
    description: scenario.description,
    sources: [...scenario.sources],
    parameters: [
      ['scenario', scenario.id],
      ['seed', String(input.seed)],
      ['ticks', String(input.ticks)],
      ['years', `${formatYear(summary.firstYear)}–${formatYear(summary.lastYear)} (${scenario.ticksPerYear} tick${scenario.ticksPerYear === 1 ? '' : 's'} a year)`],
      ['states', String(input.stateOrder.length)],
      ['threat perception', 'Walt\'s balance of threat (model §5.2)'],
    ],
    summary: summaryLines,
    charts,
    files: input.files,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
