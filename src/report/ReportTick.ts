import type { TickRecord } from '../metrics/TickRecord.js';

/** The fields of a tick record the report reads (a row of the run's ticks table). */
export type ReportTick = Pick<TickRecord, 'tick' | 'year' | 'actions' | 'families' | 'con' | 'effectivePoles'>;
