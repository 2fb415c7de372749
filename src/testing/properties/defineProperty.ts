import fc from 'fast-check';
import type { CheckSettings, ModelUnderTest, PropertyResult } from '../ModelUnderTest.js';
import { resolveModel, type ModelRuntime } from '../runtime/ModelRuntime.js';

/**
 * What kind of claim a property is (THEORY §6 "Types"): `theory` (T, follows from the sources),
 * `form` (F, follows from the functional form), `engineering` (E, an engineering invariant) or
 * `hypothesis` (H, a switchable hypothesis, tested with its switch on).
 */
export type PropertyType = 'theory' | 'form' | 'engineering' | 'hypothesis';

/** The four families of THEORY §6: choice (F, P), threat and measurement (M), effects (E), system (S). */
export type PropertyFamily = 'choice' | 'threat' | 'effect' | 'system';

/** One property of THEORY §6 as an executable check. */
export interface TheoryProperty {
  /** THEORY's id: F1–F4, P1–P16, M1–M5, E1–E12, S1–S3; the strict forms P17–P20 and E13–E14; E15–E20; the v2 properties P21–P23. */
  readonly id: string;
  /** The table it belongs to in THEORY §6. */
  readonly family: PropertyFamily;
  /** A short name, used in test names (e.g. `interdependence favours institutions over arms`). */
  readonly title: string;
  /** A short citation for test names (e.g. `He 2008`). */
  readonly cite: string;
  /** THEORY's testable statement. */
  readonly statement: string;
  /** The source sentence(s) it comes from, as THEORY quotes them. */
  readonly source: string;
  /** Its type (THEORY's T, F, E or H). */
  readonly type: PropertyType;
  /** THEORY's type column as written (`T`, `F`, `E`, `H`, `T/D`, `T/E`). */
  readonly tag: string;
  /** How the kit tests it: the arbitraries, the finite differences and the tolerance, in one paragraph. */
  readonly method: string;
  /**
   * Checks the property against a model (default: the library's reference model over 𝒫) with
   * `fc.check`, so the outcome is data: it never throws for a failing property.
   */
  check(model?: ModelUnderTest, settings?: CheckSettings): PropertyResult;
}

/** A {@link TheoryProperty} that can also run against a resolved model (the kit's own tests). @internal */
export interface InternalProperty extends TheoryProperty {
  checkWith(rt: ModelRuntime, settings?: CheckSettings): PropertyResult;
}

/** The specification of a property: its text and its fast-check arbitrary and predicate. @internal */
export interface PropertySpec<T> extends Omit<TheoryProperty, 'check'> {
  /** A reason why the property does not apply to the model, or null. */
  applies?: (rt: ModelRuntime) => string | null;
  /** What to draw. A `parameters` field is left out of counterexamples when the model fixes them. */
  arbitrary: (rt: ModelRuntime) => fc.Arbitrary<T>;
  /** Throws a {@link Violation} (or any error) when the property fails at `value`. */
  predicate: (rt: ModelRuntime, value: T) => void;
}

/** A failed property assertion, with a message that says what broke and by how much. @internal */
export class Violation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Violation';
  }
}

/** Default seed of the kit: reports are reproducible unless a seed is given. */
export const DEFAULT_SEED = 20261122;
/** Default number of runs per property. */
export const DEFAULT_NUM_RUNS = 100;

function plain(value: unknown, fixedParameters: boolean): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (!fixedParameters || !('parameters' in value)) return value;
  const { parameters: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** Builds an executable property from its specification. @internal */
export function defineProperty<T>(spec: PropertySpec<T>): InternalProperty {
  const { applies, arbitrary, predicate, ...info } = spec;
  const checkWith = (rt: ModelRuntime, settings: CheckSettings = {}): PropertyResult => {
    const seed = settings.seed ?? DEFAULT_SEED;
    const reason = applies?.(rt) ?? null;
    if (reason !== null) return { id: spec.id, status: 'skipped', holds: false, reason, seed, numRuns: 0 };
    const details = fc.check(fc.property(arbitrary(rt), (value) => { predicate(rt, value); }), {
      seed,
      numRuns: settings.numRuns ?? DEFAULT_NUM_RUNS,
      ...(settings.path === undefined ? {} : { path: settings.path }),
      ...(settings.endOnFailure === undefined ? {} : { endOnFailure: settings.endOnFailure }),
    });
    if (!details.failed) return { id: spec.id, status: 'holds', holds: true, seed, numRuns: details.numRuns };
    const err = details.errorInstance;
    const message = err instanceof Error ? err.message : err === null || err === undefined ? undefined : String(err);
    if (details.counterexample === null) {
      return {
        id: spec.id, status: 'error', holds: false, seed, numRuns: details.numRuns,
        error: message ?? `fast-check could not run the property (${details.numSkips} draws discarded by preconditions)`,
      };
    }
    return {
      id: spec.id, status: 'fails', holds: false, seed, numRuns: details.numRuns,
      counterexample: plain(details.counterexample[0], rt.fixedParameters !== null),
      message: message ?? 'the property returned false',
      ...(details.counterexamplePath === null ? {} : { path: details.counterexamplePath }),
    };
  };
  return {
    ...info,
    checkWith,
    check: (model?: ModelUnderTest, settings?: CheckSettings) => checkWith(resolveModel(model), settings),
  };
}

/** An absolute tolerance for comparing two computed values of the given magnitudes. @internal */
export function tolerance(a: number, b: number, relative = 1e-9): number {
  return relative * (1 + Math.abs(a) + Math.abs(b));
}

/** Short decimal rendering for messages. @internal */
export function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(10))) : String(x);
}

/** Throws a Violation when `after` is below `before` beyond rounding. @internal */
export function expectNonDecreasing(before: number, after: number, what: string): void {
  if (after === before) return;
  if (!(after >= before - tolerance(before, after))) throw new Violation(`${what} fell from ${fmt(before)} to ${fmt(after)}`);
}

/** Throws a Violation when `after` is above `before` beyond rounding. @internal */
export function expectNonIncreasing(before: number, after: number, what: string): void {
  if (after === before) return;
  if (!(after <= before + tolerance(before, after))) throw new Violation(`${what} rose from ${fmt(before)} to ${fmt(after)}`);
}

/** Throws a Violation when `actual` differs from `expected` beyond the relative tolerance. @internal */
export function expectClose(actual: number, expected: number, what: string, relative = 1e-9): void {
  if (actual === expected) return;
  if (!(Math.abs(actual - expected) <= tolerance(actual, expected, relative))) {
    throw new Violation(`${what} is ${fmt(actual)}, expected ${fmt(expected)}`);
  }
}

/** Throws a Violation with `message` unless `condition` holds. @internal */
export function expectThat(condition: boolean, message: string): void {
  if (!condition) throw new Violation(message);
}
