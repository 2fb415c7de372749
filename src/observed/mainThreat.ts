/**
 * The five regions of the COW state codes (COW's own numbering: 2–165 the Americas, 200–399
 * Europe, 402–626 Africa, 630–698 the Middle East, 700–990 Asia and Oceania).
 */
export type CowRegion = 'americas' | 'europe' | 'africa' | 'middle-east' | 'asia';

/** The COW region of a state code (see {@link CowRegion}). */
export function cowRegion(ccode: number): CowRegion {
  if (ccode < 200) return 'americas';
  if (ccode < 400) return 'europe';
  if (ccode < 630) return 'africa';
  if (ccode < 700) return 'middle-east';
  return 'asia';
}

/** Regions that touch by land or across a narrow sea (the Mediterranean, the Red Sea, the Bosporus). */
const ADJACENT: ReadonlySet<string> = new Set([
  'africa|europe', 'europe|middle-east', 'africa|middle-east', 'asia|middle-east', // each pair in alphabetical order
]);

/** Russia / the Soviet Union (COW 365) spans Europe and Asia; every other state is in its code's region. */
const RUSSIA = 365;

/**
 * Whether a power is proximate to a state: in the same COW region as the state or an adjacent one
 * (Europe, Africa and the Middle East touch each other, the Middle East touches Asia; the Americas
 * touch none). Russia/USSR counts as in both Europe and Asia.
 */
export function isProximate(state: number, power: number): boolean {
  const home = cowRegion(state);
  const regions: CowRegion[] = power === RUSSIA ? ['europe', 'asia'] : [cowRegion(power)];
  return regions.some((r) => r === home || ADJACENT.has([r, home].sort().join('|')));
}

/** A candidate threat: a major power with its CINC share that year. */
export interface ThreatCandidate {
  /** COW state code. */
  readonly ccode: number;
  /** COW state abbreviation. */
  readonly stateabb: string;
  /** Its published CINC that year (NMC). */
  readonly cinc: number;
}

/**
 * The main threat of a state in a year, from the data alone (never the model's beliefs): among the
 * COW major powers of the year other than the state and not bound to it by a defence pact, the
 * most capable (highest CINC) proximate one ({@link isProximate}); if no such power is proximate,
 * the most capable of them anywhere. Ties go to the lower COW code. `undefined` if the state has a
 * defence pact with every other major power.
 *
 * [D] Walt's sources of threat that the bundled data measure: aggregate power (CINC) and
 * proximity. The bundled files have no coordinates or contiguity, so proximity is the region of
 * the COW code, and it comes first: a nearby great power is the one a state must answer, and a
 * weighted score lets a distant giant win (China's population-driven CINC would be the "threat"
 * of Poland in 1999 under a halving of distant power). Only defence partners are excluded: a state
 * does not balance against a power pledged to defend it, while ententes, neutrality and
 * non-aggression pacts are often signed with the very power a state fears (the Nazi–Soviet pact
 * of 1939, the Soviet–Japanese neutrality pact of 1941). Only major powers are candidates: they
 * are the powers that can threaten most states, and the model's poles.
 *
 * @param ccode - the state.
 * @param candidates - the major powers of the year with their CINC.
 * @param defencePartner - whether the state has a defence pact with a given state code.
 */
export function mainThreat(
  ccode: number,
  candidates: readonly ThreatCandidate[],
  defencePartner: (other: number) => boolean,
): ThreatCandidate | undefined {
  const open = [...candidates]
    .filter((c) => c.ccode !== ccode && !defencePartner(c.ccode))
    .sort((a, b) => b.cinc - a.cinc || a.ccode - b.ccode);
  return open.find((c) => isProximate(ccode, c.ccode)) ?? open[0];
}
