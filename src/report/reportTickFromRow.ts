import { FAMILIES, OPTIONS, type Family, type Option } from '../decision/options.js';
import type { ReportTick } from './ReportTick.js';

/**
 * Reads back the fields the report needs from a flat row of the ticks table.
 * @returns null when a needed column is missing or not a number (the list of missing names is in `missing`).
 */
export function reportTickFromRow(row: Readonly<Record<string, unknown>>, missing: Set<string>): ReportTick | null {
  const num = (k: string): number => {
    const v = row[k];
    const x = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : Number.NaN;
    if (!Number.isFinite(x)) missing.add(k);
    return x;
  };
  const actions = Object.fromEntries(OPTIONS.map((o) => [o, num(`action_${o}`)])) as Record<Option, number>;
  const families = Object.fromEntries(FAMILIES.map((f) => [f, num(`family_${f}`)])) as Record<Family, number>;
  const tick: ReportTick = {
    tick: num('tick'), year: num('year'), actions, families, con: num('con'), effectivePoles: num('effectivePoles'),
  };
  return missing.size > 0 ? null : tick;
}
