import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { codeObservedBehaviour, type ObservedSources, type ObservedSpan } from '../observed/codeObservedBehaviour.js';
import type { ObservedRow } from '../observed/ObservedRow.js';
import { observedCsv } from '../observed/observedCsv.js';
import {
  loadAllianceTable, loadIgoMembershipTable, loadMajorsTable, loadNmcTable, loadStatesTable,
} from './bundledData.js';

/** The bundled tables the observed record is coded from (NMC v6.0, the official COW release). */
export function bundledObservedSources(): ObservedSources {
  return {
    states: loadStatesTable(),
    majors: loadMajorsTable(),
    nmc: loadNmcTable('6.0'),
    alliances: loadAllianceTable(),
    igoMemberships: loadIgoMembershipTable(),
  };
}

/**
 * The observed balancing behaviour of every state-year from the bundled Correlates of War data:
 * one row per COW system member and year in `[from, to]` (default 1816–2012, the years all the
 * files cover), with its category (HE, HI, SE, IE, II or NONE), every act's flag, the build-up
 * index and the main threat. Coding rules: docs/validation.md, "Coding the observed record".
 *
 * @example
 * ```ts
 * const rows = observedBehaviour({ from: 1945, to: 1991 });
 * rows.filter((r) => r.category === 'HE').length;
 * ```
 * @throws RangeError if a year is not whole, `from > to`, or the span leaves 1816–2012.
 */
export function observedBehaviour(span: ObservedSpan = {}): ObservedRow[] {
  return codeObservedBehaviour(bundledObservedSources(), span);
}

/**
 * Writes {@link observedBehaviour} as CSV (`observedCsv`) to a file, creating its folder: written
 * under a temporary name and renamed when complete, so a failed write leaves no cut file and an
 * earlier file at that path is replaced only by a complete one.
 *
 * @returns the rows written.
 */
export function writeObservedCsv(file: string, span: ObservedSpan = {}): ObservedRow[] {
  const rows = observedBehaviour(span);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, observedCsv(rows));
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return rows;
}
