import type { ModelParameters } from '../model/ModelParameters.js';
import { crossValidate, standardFolds, type Fold, type OosRow } from './crossValidate.js';
import type { EstimateRequest, FitResult } from './fitParameters.js';
import type { ObservedTrace } from './ObservedTrace.js';
import { profileLikelihood, type ProfileInterval } from './profileLikelihood.js';

/**
 * One independent piece of a calibration after the fit (`counterpoise calibrate`): the profile
 * interval of one parameter, or one fold of the cross-validation. Units depend only on the traces,
 * the held parameters and the fit, never on each other, so they run in any order, in any worker,
 * and a checkpoint can hold any subset of them.
 */
export type CalibrationUnit =
  | { readonly kind: 'profile'; readonly name: string }
  | { readonly kind: 'fold'; readonly fold: Fold };

/** What one {@link CalibrationUnit} gives. */
export type CalibrationUnitResult =
  | { readonly kind: 'profile'; readonly interval: ProfileInterval }
  | { readonly kind: 'fold'; readonly rows: readonly OosRow[] };

/** Everything a unit reads (a worker thread is sent it once, as a structured clone). */
export interface CalibrationUnitContext {
  /** The traces the fit was made on (the spec's perception). */
  readonly traces: readonly ObservedTrace[];
  /** For folds: the eras driven with the Walt and with the power-only perception, in the same order. */
  readonly walt: readonly ObservedTrace[];
  readonly power: readonly ObservedTrace[];
  readonly base: ModelParameters;
  readonly estimate?: readonly (string | EstimateRequest)[];
  /** The fit on every era of the spec (profiles start from it). */
  readonly fit: FitResult;
}

/** A stable name of a unit (the key of its result in a checkpoint). */
export function unitKey(unit: CalibrationUnit): string {
  return unit.kind === 'profile' ? `profile ${unit.name}` : `fold ${unit.fold.name}`;
}

/**
 * The folds of a calibration over `eras` (docs/validation.md, "Out of sample"): each era held out
 * in turn (when there are two eras or more), and the forward split at 1945 when eras lie on both
 * sides of it. Folds that would leave nothing to fit or to score are not made.
 */
export function calibrationFolds(eras: readonly string[], startOf: (era: string) => number): Fold[] {
  if (eras.length < 2) return [];
  return standardFolds(eras, startOf).filter((f) => f.train.length > 0 && f.test.length > 0);
}

/** The units after a fit: one profile per estimated parameter (when `intervals`), then one per fold. */
export function planCalibrationUnits(fit: FitResult, intervals: boolean, folds: readonly Fold[]): CalibrationUnit[] {
  const units: CalibrationUnit[] = [];
  if (intervals) for (const p of fit.space) units.push({ kind: 'profile', name: p.name });
  for (const fold of folds) units.push({ kind: 'fold', fold });
  return units;
}

/** Runs one unit (deterministic: the same context and unit give the same result in any thread). */
export function runCalibrationUnit(unit: CalibrationUnit, ctx: CalibrationUnitContext): CalibrationUnitResult {
  if (unit.kind === 'profile') {
    const [interval] = profileLikelihood(ctx.traces, ctx.fit, ctx.base, { only: [unit.name] });
    return { kind: 'profile', interval };
  }
  const rows = crossValidate(ctx.walt, ctx.power, [unit.fold], { base: ctx.base, ...(ctx.estimate === undefined ? {} : { estimate: ctx.estimate }) });
  return { kind: 'fold', rows };
}
