/** One period of a run: ticks `[from, to]`, both included. */
export interface Period {
  from: number;
  to: number;
}

/** Cuts `n` ticks (indices 0…n−1) into at most `count` periods of equal length (the last may be shorter). */
export function periodBounds(n: number, count: number): Period[] {
  if (n <= 0) return [];
  const k = Math.max(1, Math.min(count, n));
  const size = Math.ceil(n / k);
  const out: Period[] = [];
  for (let from = 0; from < n; from += size) out.push({ from, to: Math.min(n, from + size) - 1 });
  return out;
}
