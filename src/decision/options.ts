/**
 * The action menu of THEORY §5.3: nine options in four families.
 *
 * The numeric order of {@link OPTIONS} is the order used by every typed array in the engine
 * (utilities, probabilities, action counts), so it is part of the output format.
 */

/** The nine options of THEORY §5.3, in engine order. */
export const OPTIONS = ['NONE', 'BAND', 'HI', 'HE', 'SE', 'SS', 'SL', 'II', 'IE'] as const;

/** One option code of THEORY §5.3. */
export type Option = (typeof OPTIONS)[number];

/** Number of options on the menu (9). */
export const OPTION_COUNT = OPTIONS.length;

/** Engine index of each option (`OPTION_INDEX.HI === 2`). */
export const OPTION_INDEX: Readonly<Record<Option, number>> = Object.freeze({
  NONE: 0, BAND: 1, HI: 2, HE: 3, SE: 4, SS: 5, SL: 6, II: 7, IE: 8,
});

/** The four strategy families of THEORY §5.3. */
export const FAMILIES = ['accommodate', 'hard', 'soft', 'institutional'] as const;

/** One strategy family. */
export type Family = (typeof FAMILIES)[number];

/** The family of each option (THEORY §5.3 table; §2.2 splits Paul's instruments into soft and institutional). */
export const FAMILY_OF: Readonly<Record<Option, Family>> = Object.freeze({
  NONE: 'accommodate', BAND: 'accommodate',
  HI: 'hard', HE: 'hard',
  SE: 'soft', SS: 'soft', SL: 'soft',
  II: 'institutional', IE: 'institutional',
});

/** Family index per option index, for the engine's counters (0 accommodate, 1 hard, 2 soft, 3 institutional). */
export const FAMILY_INDEX_OF_OPTION: readonly number[] = OPTIONS.map((o) => FAMILIES.indexOf(FAMILY_OF[o]));

/** A record with one number per option. */
export type OptionRecord = Record<Option, number>;

/** A record with one number per family. */
export type FamilyRecord = Record<Family, number>;

/** Turns a per-option array in engine order into a record. */
export function toOptionRecord(values: ArrayLike<number>): OptionRecord {
  return {
    NONE: values[0], BAND: values[1], HI: values[2], HE: values[3], SE: values[4],
    SS: values[5], SL: values[6], II: values[7], IE: values[8],
  };
}

/** Whether an option is a balancing act aimed at the target (every option except NONE and BAND). */
export function isBalancing(option: Option): boolean {
  return option !== 'NONE' && option !== 'BAND';
}
