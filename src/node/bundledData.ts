/**
 * Node-only loaders for the COW files shipped in the package's `data/` folder (see
 * `data/README.md`). Each file is read and parsed on first use and cached for the life of the
 * process; the browser-safe parsers and lookups live in `src/data/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CowTable, CowYearTable } from '../data/CowTable.js';
import { COW_FILES, type CowFileKey } from '../data/cowFiles.js';
import { DataError } from '../data/DataError.js';
import { parseAllianceTable, type AllianceMemberRow } from '../data/parseAllianceTable.js';
import { parseIgoCountsTable, type IgoCountsRow } from '../data/parseIgoCountsTable.js';
import { parseIgoMembershipTable, type IgoMembershipSpellRow } from '../data/parseIgoMembershipTable.js';
import { parseIgoTable, type IgoRow } from '../data/parseIgoTable.js';
import { parseMajorsTable, type MajorSpellRow } from '../data/parseMajorsTable.js';
import { parseNmcTable, type NmcRow } from '../data/parseNmcTable.js';
import { parseStatesTable, type StateSpellRow } from '../data/parseStatesTable.js';
import { parseTradeTable, type TradeRow } from '../data/parseTradeTable.js';

/** The file whose presence marks the data folder. */
const MARKER = COW_FILES.states;

let dataDir: string | undefined;

/**
 * The absolute path of the package's `data/` folder: the first folder named `data` holding
 * `cow_states2016.csv`, walking up from this module's directory (so it works from `src/node/`,
 * from `dist/` and from an installed package).
 *
 * The module's directory comes from `import.meta.url` in ESM. When the module is bundled to
 * CommonJS, `import.meta.url` is unavailable (esbuild leaves `import.meta` empty), and
 * `__dirname` is used instead.
 *
 * @throws {@link DataError} if no such folder is found (e.g. the package was installed without it).
 */
export function bundledDataDir(): string {
  if (dataDir !== undefined) return dataDir;
  const start = moduleDirectory();
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'data');
    if (existsSync(join(candidate, MARKER))) {
      dataDir = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new DataError(`no data/ folder with ${MARKER} found in ${start} or any folder above it`, { file: MARKER });
    }
    dir = parent;
  }
}

/** Directory of this module, in ESM (`import.meta.url`) or in a CommonJS bundle (`__dirname`). */
function moduleDirectory(): string {
  const url: unknown = import.meta.url;
  if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  // In a CommonJS bundle `__dirname` is defined; in ESM, `typeof` of it is 'undefined' (no throw).
  if (typeof __dirname === 'string') return __dirname;
  throw new DataError('cannot tell where this module is (neither import.meta.url nor __dirname)', { file: MARKER });
}

/**
 * Reads one bundled COW file as text (UTF-8).
 *
 * @param key - which file (see `COW_FILES`).
 * @throws {@link DataError} if the data folder is not found; a Node error if the file cannot be read.
 */
export function readBundledCsv(key: CowFileKey): string {
  return readFileSync(join(bundledDataDir(), COW_FILES[key]), 'utf8');
}

/** Returns a function that loads a table once and then returns the cached table. */
function cached<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => {
    if (value === undefined) value = load();
    return value;
  };
}

const nmcV6 = cached(() => parseNmcTable(readBundledCsv('nmcV6'), COW_FILES.nmcV6));
const nmcV7 = cached(() => parseNmcTable(readBundledCsv('nmcV7'), COW_FILES.nmcV7));

/**
 * NMC capabilities: v6.0 (default; 1816–2016, the official COW release) or v7.0 (1816–2022, via
 * peacesciencer; use it for the present-day scenario). Parsed once, then cached.
 */
export function loadNmcTable(version: '6.0' | '7.0' = '6.0'): CowYearTable<NmcRow> {
  return version === '6.0' ? nmcV6() : nmcV7();
}

/** COW state-system membership spells v2016 (1816–2016). Parsed once, then cached. */
export const loadStatesTable: () => CowYearTable<StateSpellRow> = cached(() =>
  parseStatesTable(readBundledCsv('states'), COW_FILES.states));

/** COW major-power spells v2016 (1816–2016). Parsed once, then cached. */
export const loadMajorsTable: () => CowYearTable<MajorSpellRow> = cached(() =>
  parseMajorsTable(readBundledCsv('majors'), COW_FILES.majors));

/** COW Formal Alliances v4.1, member spells (1816–2012). Parsed once, then cached. */
export const loadAllianceTable: () => CowYearTable<AllianceMemberRow> = cached(() =>
  parseAllianceTable(readBundledCsv('alliances'), COW_FILES.alliances));

/** Metadata of the 47 curated COW IGO v3 organisations. Parsed once, then cached. */
export const loadIgoTable: () => CowTable<IgoRow> = cached(() =>
  parseIgoTable(readBundledCsv('igos'), COW_FILES.igos));

/** Membership spells in the 47 curated IGOs, COW IGO v3 (1816–2014). Parsed once, then cached. */
export const loadIgoMembershipTable: () => CowYearTable<IgoMembershipSpellRow> = cached(() =>
  parseIgoMembershipTable(readBundledCsv('igoMemberships'), COW_FILES.igoMemberships));

/** Per state-year IGO membership counts, COW IGO v3 (1816–2014). Parsed once, then cached. */
export const loadIgoCountsTable: () => CowYearTable<IgoCountsRow> = cached(() =>
  parseIgoCountsTable(readBundledCsv('igoCounts'), COW_FILES.igoCounts));

/** COW Trade v4.0 national totals (1870–2014). Parsed once, then cached. */
export const loadTradeTable: () => CowYearTable<TradeRow> = cached(() =>
  parseTradeTable(readBundledCsv('trade'), COW_FILES.trade));
