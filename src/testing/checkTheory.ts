import type { CheckSettings, ModelUnderTest, PropertyResult } from './ModelUnderTest.js';
import { DEFAULT_NUM_RUNS, DEFAULT_SEED } from './properties/defineProperty.js';
import { INTERNAL_PROPERTIES } from './properties/registry.js';
import { resolveModel } from './runtime/ModelRuntime.js';

/** Options of {@link checkTheory}. */
export interface CheckTheoryOptions {
  /** The seed of every property's run (default 20261122). */
  seed?: number;
  /** Runs per property (default 100). */
  numRuns?: number;
  /** Check only these property ids (default: all 46). */
  only?: readonly string[];
  /** Stop each property at its first counterexample, without shrinking. */
  endOnFailure?: boolean;
}

/** One failed property in a {@link TheoryReport}. */
export interface TheoryFailure {
  /** The property id. */
  id: string;
  /** THEORY's statement of the property. */
  statement: string;
  /** fast-check's shrunk counterexample (plain data). */
  counterexample: unknown;
  /** What went wrong there. */
  message: string;
  /** The seed of the run that found it. */
  seed: number;
  /** With `seed`, replays it: `THEORY_PROPERTIES.find(p => p.id === id).check(model, { seed, path })`. */
  path?: string;
}

/** What {@link checkTheory} found. */
export interface TheoryReport {
  /** The model's name. */
  model: string;
  /** The seed used. */
  seed: number;
  /** Runs per property. */
  numRuns: number;
  /** Ids of the properties that hold (no counterexample in `numRuns` runs). */
  holds: string[];
  /** The properties that fail, each with its shrunk counterexample. */
  fails: TheoryFailure[];
  /** Properties that do not apply to the model, with the reason. */
  skipped: { id: string; reason: string }[];
  /** Properties whose check could not run (e.g. every draw discarded), with the error. */
  errors: { id: string; error: string }[];
  /** Every property's full result, in THEORY's order. */
  results: PropertyResult[];
}

/**
 * Runs the theory suite of THEORY §6 against a model — the library's own (`{}`, over the whole
 * admissible set 𝒫), your parameters, your decision policy or utilities, or your threat model —
 * and reports which properties hold and, for each failure, fast-check's shrunk counterexample.
 * Properties that do not apply to what the model supplies are skipped with the reason (for
 * example the effect properties E1–E23 for a model that only replaces the decision policy).
 * Never throws for a failing property: results are data.
 *
 * @example
 * const report = checkTheory({ policy: myPolicy, parameters: defaultParameters() });
 * for (const f of report.fails) console.log(f.id, f.message, f.counterexample);
 */
export function checkTheory(model: ModelUnderTest = {}, options: CheckTheoryOptions = {}): TheoryReport {
  const rt = resolveModel(model);
  const settings: CheckSettings = {
    seed: options.seed ?? DEFAULT_SEED,
    numRuns: options.numRuns ?? DEFAULT_NUM_RUNS,
    ...(options.endOnFailure === undefined ? {} : { endOnFailure: options.endOnFailure }),
  };
  const only = options.only === undefined ? null : new Set(options.only);
  const results = INTERNAL_PROPERTIES.filter((p) => only === null || only.has(p.id)).map((p) => p.checkWith(rt, settings));
  const statement = new Map(INTERNAL_PROPERTIES.map((p) => [p.id, p.statement]));
  return {
    model: rt.name,
    seed: settings.seed as number,
    numRuns: settings.numRuns as number,
    holds: results.filter((r) => r.status === 'holds').map((r) => r.id),
    fails: results.filter((r) => r.status === 'fails').map((r) => ({
      id: r.id, statement: statement.get(r.id) ?? '', counterexample: r.counterexample, message: r.message ?? '',
      seed: r.seed, ...(r.path === undefined ? {} : { path: r.path }),
    })),
    skipped: results.filter((r) => r.status === 'skipped').map((r) => ({ id: r.id, reason: r.reason ?? '' })),
    errors: results.filter((r) => r.status === 'error').map((r) => ({ id: r.id, error: r.error ?? '' })),
    results,
  };
}
