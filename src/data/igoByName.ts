import type { CowTable } from './CowTable.js';
import { DataError } from './DataError.js';
import type { IgoRow } from './parseIgoTable.js';

/**
 * Looks up the metadata of one curated IGO (founding and end year, type flags, counts) by its
 * short name, e.g. to list a scenario's candidate institutions q (THEORY "Data available in
 * ../shared/data"). Whether q is inclusive or exclusive is not stored: it is computed relative to
 * each target (THEORY §2.6).
 *
 * @param table - parsed IGO metadata (`parseIgoTable`).
 * @param ioname - the IGO's short name, exactly as in the file (case-sensitive), e.g. `NATO`.
 * @returns the IGO's row.
 * @throws {@link DataError} naming the file and the name if there is no such IGO.
 */
export function igoByName(table: CowTable<IgoRow>, ioname: string): IgoRow {
  const row = table.rows.find((r) => r.ioname === ioname);
  if (row === undefined) {
    throw new DataError(`unknown IGO "${ioname}" (${table.rows.length} IGOs in the file)`, { file: table.file });
  }
  return row;
}
