/** Levenshtein distance between two short strings. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The names within two edits of a mistyped one (for "did you mean …?"), closest first. */
export function closestNames(typed: string, names: readonly string[]): string[] {
  return names.map((name) => ({ name, d: distance(typed.toLowerCase(), name) }))
    .filter((x) => x.d <= 2 && x.d < Math.max(typed.length, 2))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.name);
}
