import type { Family, Option } from '../decision/options.js';

/** A short plain-words label for each option of THEORY §5.3, for charts and the terminal. */
export const OPTION_LABELS: Readonly<Record<Option, string>> = Object.freeze({
  NONE: 'do nothing / buck-pass',
  BAND: 'bandwagon',
  HI: 'arm (internal)',
  HE: 'formal alliance',
  SE: 'limited entente',
  SS: 'economic sanctions',
  SL: 'legitimacy denial',
  II: 'inclusive institution',
  IE: 'exclusive institution',
});

/** The colour of each strategy family in every chart (colour-blind-safe, after Okabe & Ito). */
export const FAMILY_COLORS: Readonly<Record<Family, string>> = Object.freeze({
  accommodate: '#999999',
  hard: '#D55E00',
  soft: '#E69F00',
  institutional: '#0072B2',
});
