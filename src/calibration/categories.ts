import { OPTION_COUNT, OPTION_INDEX } from '../decision/options.js';

/**
 * The categories the likelihood scores, in calibration order: the five observed acts of
 * docs/validation.md and NONE. Index 0 is NONE.
 */
export const CATEGORIES = ['NONE', 'HE', 'HI', 'SE', 'IE', 'II'] as const;

/** One category of {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];

/** Number of categories (6). */
export const CATEGORY_COUNT = CATEGORIES.length;

/**
 * The observed category of each of the model's nine options (engine order, model §5.3): HI, HE,
 * SE, II and IE are seen in the data as themselves; NONE, bandwagoning (BAND), sanctions (SS) and
 * legitimacy denial (SL) are not seen, so their probability is the probability of the NONE
 * category (docs/validation.md, "The likelihood").
 */
export const CATEGORY_OF_OPTION: Readonly<Uint8Array> = (() => {
  const c = new Uint8Array(OPTION_COUNT); // NONE, BAND, SS, SL → 0
  c[OPTION_INDEX.HE] = 1;
  c[OPTION_INDEX.HI] = 2;
  c[OPTION_INDEX.SE] = 3;
  c[OPTION_INDEX.IE] = 4;
  c[OPTION_INDEX.II] = 5;
  return c;
})();

/** The model option that stands for an observed category in the drive (NONE for NONE). */
export const OPTION_OF_CATEGORY: Readonly<Uint8Array> = Uint8Array.from(
  [OPTION_INDEX.NONE, OPTION_INDEX.HE, OPTION_INDEX.HI, OPTION_INDEX.SE, OPTION_INDEX.IE, OPTION_INDEX.II],
);

/** The index of a category name in {@link CATEGORIES}. */
export function categoryIndex(name: string): number {
  const k = (CATEGORIES as readonly string[]).indexOf(name);
  if (k < 0) throw new RangeError(`unknown observed category "${name}" (expected one of ${CATEGORIES.join(', ')})`);
  return k;
}
