import { observedCoverage } from '../../observed/codeObservedBehaviour.js';
import { codeObservedBehaviour } from '../../observed/codeObservedBehaviour.js';
import type { ObservedRow } from '../../observed/ObservedRow.js';
import { bundledObservedSources } from '../observedBehaviour.js';

let observedCache: { rows: ObservedRow[]; lastYear: number } | null = null;

/** The observed record 1816–2012 from the bundled data (coded once per process). @internal */
export function observedRecord(): { rows: ObservedRow[]; lastYear: number } {
  if (observedCache === null) {
    const sources = bundledObservedSources();
    const { lastYear } = observedCoverage(sources);
    observedCache = { rows: codeObservedBehaviour(sources), lastYear };
  }
  return observedCache;
}
