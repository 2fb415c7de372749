/**
 * The observed balancing categories a state-year of the historical record is coded into
 * (docs/validation.md, "Coding the observed record"). They are the model's options that the
 * bundled Correlates of War data can show: hard external (HE), soft external (SE), hard internal
 * (HI), inclusive and exclusive institutional balancing (II, IE). Sanctions (SS), legitimacy
 * denial (SL) and bandwagoning are not observed in the bundled data: a state-year with none of the
 * five acts is `NONE`, and a likelihood must give the model's probability of SS and SL to `NONE`.
 */
export const OBSERVED_ACTS = ['HE', 'HI', 'SE', 'IE', 'II'] as const;

/** One observed balancing act. */
export type ObservedAct = (typeof OBSERVED_ACTS)[number];

/** The category of a state-year: the act of highest precedence that occurred, or `NONE`. */
export type ObservedCategory = ObservedAct | 'NONE';

/**
 * Precedence when several acts occur in one state-year, highest first: HE > HI > SE > IE > II.
 * [D] Ordered by the cost and commitment of the act: a defence obligation binds the state to
 * fight; a build-up spends its own resources on force; an entente, neutrality or non-aggression
 * pact commits it to consult or abstain; joining an IGO commits it least, and an exclusive one
 * (built without the threat) is the sharper institutional act. {@link OBSERVED_ACTS} is in this order.
 */
export const OBSERVED_PRECEDENCE: readonly ObservedAct[] = OBSERVED_ACTS;

/** One state-year of the observed record: its category, every act's flag and the evidence. */
export interface ObservedRow {
  /** COW state code. */
  readonly ccode: number;
  /** COW state abbreviation (the state's id in scenarios), e.g. `TUR`. */
  readonly stateId: string;
  /** Year. */
  readonly year: number;
  /** The act of highest precedence ({@link OBSERVED_PRECEDENCE}) that occurred, or `NONE`. */
  readonly category: ObservedCategory;
  /** Joined a defence pact this year (a new membership spell with the defence flag). */
  readonly HE: boolean;
  /** A military build-up: {@link ObservedRow.buildup} above the threshold. */
  readonly HI: boolean;
  /** Joined an entente, neutrality or non-aggression pact without a defence obligation. */
  readonly SE: boolean;
  /** Joined, as a full member, one of the 47 curated IGOs that does not include its main threat. */
  readonly IE: boolean;
  /** Joined, as a full member, one of the 47 curated IGOs that includes its main threat. */
  readonly II: boolean;
  /**
   * Build-up index: the mean of the year-on-year growth rates of the state's shares of world
   * `milex` and `milper` (0.3 = +30 %); `undefined` where either share is missing in either year
   * or was 0 the year before (then HI is false).
   */
  readonly buildup: number | undefined;
  /** COW code of the state's main threat this year; `undefined` if it is allied with every other major power. */
  readonly mainThreatCcode: number | undefined;
  /** COW abbreviation of the main threat; `undefined` as {@link ObservedRow.mainThreatCcode}. */
  readonly mainThreat: string | undefined;
  /** `version4id`s of the alliances the state joined this year (any obligation), ascending. */
  readonly alliancesJoined: readonly number[];
  /** Short names of the curated IGOs the state joined as a full member this year, sorted. */
  readonly igosJoined: readonly string[];
}

/** The category of a set of flags under {@link OBSERVED_PRECEDENCE}. */
export function categoryOf(flags: { readonly [A in ObservedAct]: boolean }): ObservedCategory {
  for (const act of OBSERVED_PRECEDENCE) if (flags[act]) return act;
  return 'NONE';
}
