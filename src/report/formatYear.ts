/**
 * A year for labels: whole years as `1815`; the years of ticks within a year (several ticks a year)
 * with one decimal, `1815.5`, where the decimal is the fraction of the year gone by.
 */
export function formatYear(year: number): string {
  return Number.isInteger(year) ? String(year) : year.toFixed(1);
}
