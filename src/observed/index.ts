/**
 * The observed layer: the historical record coded into the model's balancing categories per
 * state-year (docs/validation.md, "Coding the observed record"). Pure functions of parsed COW
 * tables; `counterpoise/node` adds `observedBehaviour`, which reads the bundled files.
 * @packageDocumentation
 */
export { OBSERVED_ACTS, OBSERVED_PRECEDENCE, categoryOf } from './ObservedRow.js';
export type { ObservedAct, ObservedCategory, ObservedRow } from './ObservedRow.js';
export { BUILDUP_THRESHOLD, buildupIndex, buildupOf, buildupThresholdFromData } from './buildupIndex.js';
export { cowRegion, isProximate, mainThreat } from './mainThreat.js';
export type { CowRegion, ThreatCandidate } from './mainThreat.js';
export { codeObservedBehaviour, observedCoverage } from './codeObservedBehaviour.js';
export type { ObservedSources, ObservedSpan } from './codeObservedBehaviour.js';
export { observedCsv, OBSERVED_CSV_COLUMNS } from './observedCsv.js';
