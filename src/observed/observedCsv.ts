import type { ObservedRow } from './ObservedRow.js';

/** The columns of the observed-record CSV, in order. */
export const OBSERVED_CSV_COLUMNS = [
  'ccode', 'stateId', 'year', 'category', 'HE', 'HI', 'SE', 'IE', 'II',
  'buildup', 'mainThreatCcode', 'mainThreat', 'alliancesJoined', 'igosJoined',
] as const;

/**
 * The observed record as CSV that R (`read.csv`) and pandas (`read_csv`) read with their defaults:
 * a header row, `\n` line ends, a final newline; flags as `0`/`1`; a missing value (no measured
 * build-up, no main threat) as `NA`; the alliances and IGOs joined as `;`-separated lists (empty
 * if none). The build-up index is written with up to 6 decimals. No field needs quoting (COW
 * abbreviations and IGO short names hold no comma, quote or line end; checked, else it throws).
 *
 * @throws Error if a text field holds a comma, a quote or a line end.
 */
export function observedCsv(rows: readonly ObservedRow[]): string {
  const lines = [OBSERVED_CSV_COLUMNS.join(',')];
  const flag = (b: boolean): string => (b ? '1' : '0');
  const text = (s: string): string => {
    if (/[",\r\n]/.test(s)) throw new Error(`observedCsv: field "${s}" would need quoting`);
    return s;
  };
  for (const r of rows) {
    lines.push([
      String(r.ccode), text(r.stateId), String(r.year), r.category,
      flag(r.HE), flag(r.HI), flag(r.SE), flag(r.IE), flag(r.II),
      r.buildup === undefined ? 'NA' : String(Number(r.buildup.toFixed(6))),
      r.mainThreatCcode === undefined ? 'NA' : String(r.mainThreatCcode),
      r.mainThreat === undefined ? 'NA' : text(r.mainThreat),
      r.alliancesJoined.join(';'),
      r.igosJoined.map(text).join(';'),
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}
