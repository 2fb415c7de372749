/**
 * Names of the COW files shipped in the package's `data/` folder (see `data/README.md` for
 * what each holds, its version, source and citation). The table parsers use them as the
 * default `file` label in error messages; the Node loader uses them to find the files.
 */
export const COW_FILES = {
  /** National Material Capabilities v6.0, abridged, 1816–2016. */
  nmcV6: 'cow_nmc_v6.0_abridged.csv',
  /** National Material Capabilities v7.0 (via peacesciencer), 1816–2022. */
  nmcV7: 'cow_nmc_v7.0_from_peacesciencer.csv',
  /** Major-power spells, v2016. */
  majors: 'cow_majors2016.csv',
  /** State-system membership spells, v2016. */
  states: 'cow_states2016.csv',
  /** Formal Alliances v4.1, one row per alliance-member spell. */
  alliances: 'cow_alliance_v4.1_by_member.csv',
  /** Metadata of the 47 curated IGOs of IGO v3. */
  igos: 'cow_igo_v3_selected_igos.csv',
  /** Membership spells of states in the 47 curated IGOs, IGO v3. */
  igoMemberships: 'cow_igo_v3_membership_spells.csv',
  /** Per state-year counts of memberships in all 534 IGOs, IGO v3. */
  igoCounts: 'cow_igo_v3_state_year_counts.csv',
  /** Trade v4.0, national totals, 1870–2014. */
  trade: 'cow_trade_v4.0_national.csv',
} as const;

/** Key of one of the bundled COW files in {@link COW_FILES}. */
export type CowFileKey = keyof typeof COW_FILES;
