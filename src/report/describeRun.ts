import { FAMILIES, type Family } from '../decision/options.js';
import type { SimulationEvent } from '../engine/SimulationEvent.js';
import type { RunSummary } from '../metrics/summarizeRun.js';
import { formatYear } from './formatYear.js';

/** One line of a run's text summary: a short label and the sentence that goes with it. */
export interface SummaryLine {
  label: string;
  text: string;
}

/** Options of {@link describeRun}. */
export interface DescribeRunOptions {
  /** The calendar year of tick 0 and years per tick, to date events. */
  startYear: number;
  yearsPerTick: number;
  /** How many events of each kind to name before "and N more" (default 5). */
  list?: number;
  /** How many states' final shares to name (default 8). */
  shares?: number;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/**
 * The short text summary of a run, shared by the terminal (`counterpoise run`) and the HTML report:
 * the final capability shares, the strategy families overall and the dominant one per period
 * (consecutive periods with the same dominant family are merged), the alliances and institutions
 * formed, and the aggression events. Pure.
 */
export function describeRun(summary: RunSummary, events: readonly SimulationEvent[], options: DescribeRunOptions): SummaryLine[] {
  const list = options.list ?? 5;
  const yearOf = (tick: number): string => formatYear(options.startYear + tick * options.yearsPerTick);
  const more = (items: string[]): string =>
    items.length <= list ? items.join('; ') : `${items.slice(0, list).join('; ')}; and ${items.length - list} more`;
  const lines: SummaryLine[] = [];

  const shares = Object.entries(summary.finalShares).sort((a, b) => b[1] - a[1]);
  const top = shares.slice(0, options.shares ?? 8);
  lines.push({
    label: 'final capability shares',
    text: top.map(([id, s]) => `${id} ${pct(s)}`).join(', ') + (shares.length > top.length ? `, ${shares.length - top.length} others` : '')
      + ` (CON ${summary.finalCon.toFixed(3)})`,
  });
  lines.push({ label: 'strategy families', text: FAMILIES.map((f) => `${f} ${pct(summary.familyShares[f])}`).join(', ') });

  const merged: { from: number; to: number; family: Family }[] = [];
  for (const p of summary.periods) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.family === p.dominantFamily) last.to = p.toYear;
    else merged.push({ from: p.fromYear, to: p.toYear, family: p.dominantFamily });
  }
  lines.push({
    label: 'dominant family by period',
    text: merged.map((m) => `${formatYear(m.from)}–${formatYear(m.to)} ${m.family}`).join(', ') || 'none (no ticks)',
  });

  const alliances = events.filter((e): e is Extract<SimulationEvent, { type: 'alliance-formed' }> => e.type === 'alliance-formed')
    .map((e) => `${e.actor}–${e.partner} against ${e.target} (${yearOf(e.tick)})`);
  lines.push({ label: 'alliances formed', text: alliances.length === 0 ? 'none' : `${alliances.length}: ${more(alliances)}` });

  const clubs = events.filter((e): e is Extract<SimulationEvent, { type: 'club-founded' }> => e.type === 'club-founded')
    .map((e) => `${e.institution} (${e.members.join(', ')}) against ${e.target} (${yearOf(e.tick)})`);
  const dissolved = events.filter((e) => e.type === 'institution-dissolved').length;
  lines.push({
    label: 'institutions founded',
    text: (clubs.length === 0 ? 'none' : `${clubs.length}: ${more(clubs)}`)
      + `; ${dissolved} dissolved; ${summary.finalInstitutions} in force at the end`,
  });

  const aggressions = events.filter((e): e is Extract<SimulationEvent, { type: 'aggression' }> => e.type === 'aggression')
    .map((e) => `${e.actor} → ${e.target}${e.majorWar ? ' (major war)' : ''} (${yearOf(e.tick)})`);
  lines.push({
    label: 'aggression events',
    text: summary.aggressions === 0 ? 'none'
      : `${summary.aggressions}, ${summary.majorWars} between great powers${aggressions.length > 0 ? `: ${more(aggressions)}` : ''}`,
  });
  return lines;
}
