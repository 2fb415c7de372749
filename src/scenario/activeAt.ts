/**
 * Whether a state with these spells is in the system at `year` (no spells: always) — model note N43.
 * In its own module so that the engine does not load scenario validation (zod) to use it. @internal
 */
export function activeAt(spells: readonly { from: number | null; to: number | null }[] | undefined, year: number): boolean {
  if (spells === undefined) return true;
  return spells.some((sp) => (sp.from === null || sp.from <= year) && (sp.to === null || year < sp.to));
}
