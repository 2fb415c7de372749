import type { CowYearTable } from './CowTable.js';
import { CowColumns } from './CowColumns.js';
import { COW_FILES } from './cowFiles.js';
import { parseCsv } from './parseCsv.js';
import { yearSpan } from './yearSpan.js';

/** The four obligation types of COW Formal Alliances v4.1, from strongest to weakest. */
export const ALLIANCE_OBLIGATIONS = ['defense', 'neutrality', 'nonaggression', 'entente'] as const;

/** One obligation type of COW Formal Alliances v4.1. */
export type AllianceObligation = (typeof ALLIANCE_OBLIGATIONS)[number];

/**
 * One alliance-member spell of COW Formal Alliances v4.1 (`by_member` format). Field names are
 * camelCase versions of the source columns, which each field's comment names.
 *
 * Empty end dates are `undefined`: the alliance or membership was still in force at the end of
 * the data (2012; `right_censor` is 1). Obligation flags are `undefined` where the source cell is
 * blank (alliance 6 UK `nonaggression`; alliance 122 Iran and Türkiye `entente`). Classify a
 * commitment by the flags, not by `ss_type`, whose labels are inconsistent (data/README.md §5).
 */
export interface AllianceMemberRow {
  /** Alliance identifier, 1–414 (`version4id`). */
  readonly version4id: number;
  /** COW code of the member. */
  readonly ccode: number;
  /** Member name as the source writes it (`state_name`). */
  readonly stateName: string;
  /** Alliance start year (`all_st_year`; may be before 1816 for left-censored alliances, e.g. 1386). */
  readonly allianceStartYear: number;
  /** Alliance end year (`all_end_year`); `undefined` if still in force at the end of the data. */
  readonly allianceEndYear: number | undefined;
  /** Alliance-level type label as in the source (`ss_type`; informational only). */
  readonly ssType: string;
  /** Membership spell start year (`mem_st_year`). */
  readonly memberStartYear: number;
  /** Membership spell start month (`mem_st_month`). */
  readonly memberStartMonth: number;
  /** Membership spell start day (`mem_st_day`). */
  readonly memberStartDay: number;
  /** Membership spell end year (`mem_end_year`); `undefined` if still in force at the end of the data. */
  readonly memberEndYear: number | undefined;
  /** Membership spell end month (`mem_end_month`); `undefined` if still in force. */
  readonly memberEndMonth: number | undefined;
  /** Membership spell end day (`mem_end_day`); `undefined` if still in force. */
  readonly memberEndDay: number | undefined;
  /** Whether the alliance began before the data, 1816 (`left_censor`); `undefined` where the cell is blank. */
  readonly leftCensor: boolean | undefined;
  /** Whether the alliance was in force at the end of the data, 2012 (`right_censor`). */
  readonly rightCensor: boolean | undefined;
  /** Defence obligation of this member; `undefined` if blank in the source. */
  readonly defense: boolean | undefined;
  /** Neutrality obligation of this member; `undefined` if blank in the source. */
  readonly neutrality: boolean | undefined;
  /** Non-aggression obligation of this member; `undefined` if blank in the source. */
  readonly nonaggression: boolean | undefined;
  /** Entente (consultation) obligation of this member; `undefined` if blank in the source. */
  readonly entente: boolean | undefined;
}

/**
 * Parses `cow_alliance_v4.1_by_member.csv` (1,221 member spells). Coverage is from the
 * earliest membership start to the latest membership start or end year (1816–2012).
 *
 * @param text - the CSV text.
 * @param file - file name for error messages; defaults to `cow_alliance_v4.1_by_member.csv`.
 * @throws {@link DataError} if a column is absent or a cell is malformed.
 */
export function parseAllianceTable(text: string, file: string = COW_FILES.alliances): CowYearTable<AllianceMemberRow> {
  const cols = new CowColumns(parseCsv(text, { file }), file, [
    'version4id', 'ccode', 'state_name', 'all_st_year', 'all_end_year', 'ss_type',
    'mem_st_day', 'mem_st_month', 'mem_st_year', 'mem_end_day', 'mem_end_month', 'mem_end_year',
    'left_censor', 'right_censor', ...ALLIANCE_OBLIGATIONS,
  ]);
  const rows: AllianceMemberRow[] = [];
  for (let r = 0; r < cols.rowCount; r += 1) {
    rows.push({
      version4id: cols.integer(r, 'version4id'),
      ccode: cols.integer(r, 'ccode'),
      stateName: cols.text(r, 'state_name'),
      allianceStartYear: cols.integer(r, 'all_st_year'),
      allianceEndYear: cols.optionalInteger(r, 'all_end_year'),
      ssType: cols.text(r, 'ss_type'),
      memberStartYear: cols.integer(r, 'mem_st_year'),
      memberStartMonth: cols.integer(r, 'mem_st_month'),
      memberStartDay: cols.integer(r, 'mem_st_day'),
      memberEndYear: cols.optionalInteger(r, 'mem_end_year'),
      memberEndMonth: cols.optionalInteger(r, 'mem_end_month'),
      memberEndDay: cols.optionalInteger(r, 'mem_end_day'),
      leftCensor: cols.optionalFlag(r, 'left_censor'),
      rightCensor: cols.optionalFlag(r, 'right_censor'),
      defense: cols.optionalFlag(r, 'defense'),
      neutrality: cols.optionalFlag(r, 'neutrality'),
      nonaggression: cols.optionalFlag(r, 'nonaggression'),
      entente: cols.optionalFlag(r, 'entente'),
    });
  }
  const years = rows.flatMap((row) =>
    row.memberEndYear === undefined ? [row.memberStartYear] : [row.memberStartYear, row.memberEndYear]);
  return { file, rows, ...yearSpan(years, file) };
}
