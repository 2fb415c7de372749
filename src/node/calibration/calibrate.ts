import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, stringify } from 'yaml';
import { CalibrationError, type CalibrationIssue } from '../../calibration/CalibrationError.js';
import { fitParameters, resolveEstimated, type EstimateRequest, type FitResult } from '../../calibration/fitParameters.js';
import { describeInterval, type ProfileInterval } from '../../calibration/profileLikelihood.js';
import {
  calibrationFolds, planCalibrationUnits, runCalibrationUnit, unitKey,
  type CalibrationUnit, type CalibrationUnitContext, type CalibrationUnitResult,
} from '../../calibration/calibrationUnits.js';
import type { OosRow } from '../../calibration/crossValidate.js';
import type { ObservedTrace } from '../../calibration/ObservedTrace.js';
import { defaultParameters } from '../../model/defaultParameters.js';
import { packageVersion } from '../packageVersion.js';
import { ERAS, loadEraTraces } from './loadEraTraces.js';

/** A calibration request (`counterpoise calibrate <spec>`; docs/validation.md, "Estimation"). */
export interface CalibrationSpec {
  /** The bundled eras to fit on (default: all seven). */
  eras?: readonly string[];
  /** Parameters to estimate, names or { name, lower, upper } (default: DEFAULT_ESTIMATED). */
  estimate?: readonly (string | EstimateRequest)[];
  /** Seed of the drives along the record (default 0). */
  seed?: number;
  /** Threat perception of the drives (default walt). */
  perception?: 'walt' | 'power';
  /** Profile-likelihood intervals (default true; they take most of the time). */
  intervals?: boolean;
  /**
   * Also cross-validate (default false): each era held out in turn and the forward split at 1945,
   * against the baselines of docs/validation.md ("Out of sample"); needs two eras or more.
   */
  crossValidate?: boolean;
}

/** What {@link calibrate} returns. */
export interface CalibrationReport {
  readonly spec: Required<Pick<CalibrationSpec, 'eras' | 'seed' | 'perception' | 'intervals' | 'crossValidate'>> & Pick<CalibrationSpec, 'estimate'>;
  readonly fit: FitResult;
  /** Profile intervals per estimated parameter (empty when `intervals` is false). */
  readonly intervals: readonly ProfileInterval[];
  /** Out-of-sample scores per fold and held-out era (empty unless `crossValidate`). */
  readonly crossValidation: readonly OosRow[];
  /** State-years scored per era, and those the model could not take (left out). */
  readonly rows: readonly { readonly era: string; readonly scored: number; readonly impossible: number }[];
  /** Seconds taken: driving the eras, fitting, the units after the fit (intervals and folds). */
  readonly seconds: { readonly trace: number; readonly fit: number; readonly intervals: number };
  /** Provenance of the fit: library version, data versions, eras, seed. */
  readonly provenance: Record<string, unknown>;
}

const SPEC_KEYS = new Set(['eras', 'estimate', 'seed', 'perception', 'intervals', 'crossValidate']);

/** Checks a parsed spec (from YAML or JSON); throws CalibrationError with every problem's field path. */
export function checkCalibrationSpec(raw: unknown, file?: string): CalibrationSpec {
  const issues: CalibrationIssue[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new CalibrationError([{ path: [], message: 'the spec must be a mapping (eras, estimate, seed, perception, intervals)' }], file);
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!SPEC_KEYS.has(key)) issues.push({ path: [key], message: `unknown field (expected one of ${[...SPEC_KEYS].join(', ')})` });
  if (r.eras !== undefined) {
    if (!Array.isArray(r.eras) || r.eras.length === 0) issues.push({ path: ['eras'], message: 'a non-empty list of bundled era scenarios' });
    else r.eras.forEach((e, i) => {
      if (typeof e !== 'string') issues.push({ path: ['eras', i], message: 'an era name' });
      else if (!(ERAS as readonly string[]).includes(e)) issues.push({ path: ['eras', i], message: `"${e}" is not an era with data (${ERAS.join(', ')})` });
    });
  }
  if (r.estimate !== undefined) {
    if (!Array.isArray(r.estimate)) issues.push({ path: ['estimate'], message: 'a list of parameter names or { name, lower, upper }' });
    else r.estimate.forEach((e, i) => {
      if (typeof e === 'string') return;
      if (e === null || typeof e !== 'object' || typeof (e as { name?: unknown }).name !== 'string') issues.push({ path: ['estimate', i], message: 'a parameter name or { name, lower, upper }' });
      else for (const f of ['lower', 'upper'] as const) {
        const v = (e as Record<string, unknown>)[f];
        if (v !== undefined && typeof v !== 'number') issues.push({ path: ['estimate', i, f], message: 'a number' });
      }
    });
  }
  if (r.seed !== undefined && !(typeof r.seed === 'number' && Number.isInteger(r.seed))) issues.push({ path: ['seed'], message: 'a whole number' });
  if (r.perception !== undefined && r.perception !== 'walt' && r.perception !== 'power') issues.push({ path: ['perception'], message: 'walt or power' });
  if (r.intervals !== undefined && typeof r.intervals !== 'boolean') issues.push({ path: ['intervals'], message: 'true or false' });
  if (r.crossValidate !== undefined && typeof r.crossValidate !== 'boolean') issues.push({ path: ['crossValidate'], message: 'true or false' });
  else if (r.crossValidate === true && Array.isArray(r.eras) && r.eras.length === 1) issues.push({ path: ['crossValidate'], message: 'cross-validation needs two eras or more: with one, a fold leaves nothing to fit' });
  // The parameters and their bounds, checked before any era is driven.
  if (Array.isArray(r.estimate) && !issues.some((i) => i.path[0] === 'estimate')) {
    try {
      resolveEstimated(r.estimate as (string | EstimateRequest)[], defaultParameters());
    } catch (error) {
      if (!(error instanceof CalibrationError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new CalibrationError(issues.sort((a, b) => String(a.path[0]).localeCompare(String(b.path[0]))), file);
  return r as CalibrationSpec;
}

/** Reads and checks a calibration spec file (YAML or JSON). */
export function loadCalibrationSpec(file: string): CalibrationSpec {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (error) {
    throw new CalibrationError([{ path: [], message: `cannot read the spec: ${(error as Error).message}` }], file);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new CalibrationError([{ path: [], message: `not valid YAML/JSON: ${e.message.split('\n')[0]}` }], `${file}:${e.linePos?.[0].line ?? 1}:${e.linePos?.[0].col ?? 1}`);
  }
  try { return checkCalibrationSpec(doc.toJS(), file); } catch (error) {
    if (!(error instanceof CalibrationError)) throw error;
    // Each problem at its file:line:column (the nearest node of its path that exists).
    const at = (path: readonly (string | number)[]): string => {
      // A field name: the position of its key.
      const last = path[path.length - 1];
      const parent = doc.getIn(path.slice(0, -1), true);
      if (typeof last === 'string' && isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
        const range = pair !== undefined && isScalar(pair.key) ? pair.key.range : undefined;
        if (range !== undefined && range !== null) {
          const pos = lines.linePos(range[0]);
          return `${file}:${pos.line}:${pos.col}`;
        }
      }
      for (let k = path.length; k >= 0; k--) {
        const node = doc.getIn(path.slice(0, k), true) as { range?: [number, number, number] } | undefined;
        if (node !== undefined && node !== null && typeof node === 'object' && node.range !== undefined) {
          const pos = lines.linePos(node.range[0]);
          return `${file}:${pos.line}:${pos.col}`;
        }
      }
      return `${file}:1:1`;
    };
    throw new CalibrationError(error.issues.map((i) => ({ ...i, message: i.message, location: at(i.path) })), file);
  }
}

/** A checked spec with every default filled in. @internal */
export function resolveCalibrationSpec(specIn: CalibrationSpec, file?: string): CalibrationReport['spec'] {
  const checked = checkCalibrationSpec(specIn, file);
  return {
    eras: checked.eras ?? [...ERAS], seed: checked.seed ?? 0, perception: checked.perception ?? 'walt',
    intervals: checked.intervals ?? true, crossValidate: checked.crossValidate ?? false,
    ...(checked.estimate === undefined ? {} : { estimate: checked.estimate }),
  };
}

/** The state of a calibration once the eras are driven and the choice rule fitted: what the units need. @internal */
export interface FittedCalibration {
  readonly spec: CalibrationReport['spec'];
  readonly context: CalibrationUnitContext;
  readonly units: readonly CalibrationUnit[];
  readonly seconds: { readonly trace: number; readonly fit: number };
}

/** Drives the eras and fits (the part of a calibration every unit depends on). @internal */
export function fitCalibration(spec: CalibrationReport['spec'], onProgress?: (line: string) => void, file?: string): FittedCalibration {
  const base = defaultParameters();
  const t0 = Date.now();
  onProgress?.(`calibrate: driving ${spec.eras.length} era(s) along the observed record (${spec.perception} perception, seed ${spec.seed})`);
  const traces = loadEraTraces(spec.eras, { seed: spec.seed, perception: spec.perception });
  let walt: readonly ObservedTrace[] = [];
  let power: readonly ObservedTrace[] = [];
  if (spec.crossValidate) {
    onProgress?.(`calibrate: driving the ${spec.eras.length} era(s) with the ${spec.perception === 'walt' ? 'power-only' : 'Walt'} perception too (cross-validation baseline)`);
    const other = loadEraTraces(spec.eras, { seed: spec.seed, perception: spec.perception === 'walt' ? 'power' : 'walt' });
    walt = spec.perception === 'walt' ? traces : other;
    power = spec.perception === 'walt' ? other : traces;
  }
  const t1 = Date.now();
  let fit: FitResult;
  try {
    fit = fitParameters(traces, { base, ...(spec.estimate === undefined ? {} : { estimate: spec.estimate }), ...(onProgress === undefined ? {} : { onProgress }) });
  } catch (error) {
    if (error instanceof CalibrationError) throw new CalibrationError(error.issues, file);
    throw error;
  }
  const t2 = Date.now();
  const folds = spec.crossValidate ? calibrationFolds(spec.eras, (e) => traces[spec.eras.indexOf(e)].firstYear) : [];
  const context: CalibrationUnitContext = { traces, walt, power, base, ...(spec.estimate === undefined ? {} : { estimate: spec.estimate }), fit };
  return { spec, context, units: planCalibrationUnits(fit, spec.intervals, folds), seconds: { trace: (t1 - t0) / 1000, fit: (t2 - t1) / 1000 } };
}

/** The report from the fit and every unit's result (in the order of `fitted.units`). @internal */
export function assembleCalibrationReport(fitted: FittedCalibration, results: readonly CalibrationUnitResult[], unitSeconds: number): CalibrationReport {
  const { spec, context: { fit, traces } } = fitted;
  const intervals: ProfileInterval[] = [];
  const crossValidation: OosRow[] = [];
  for (const r of results) {
    if (r.kind === 'profile') intervals.push(r.interval);
    else crossValidation.push(...r.rows);
  }
  const rows = traces.map((t) => {
    let scored = 0;
    for (let r = 0; r < t.rows; r++) scored += t.possible[r];
    return { era: t.era, scored, impossible: t.rows - scored };
  });
  const provenance = {
    library: `counterpoise ${packageVersion()}`,
    method: 'maximum likelihood along the observed history inside the admissible set (log-barrier Newton); 95 % profile-likelihood intervals',
    data: {
      capabilities: 'COW National Material Capabilities v6.0 (the eras\' own NMC version where they use v7.0)',
      alliances: 'COW Formal Alliances v4.1', igo: 'COW IGO v3', states: 'COW State System Membership v2016',
      observed: 'docs/validation.md coding rules, 1816–2012',
    },
    eras: spec.eras, seed: spec.seed, perception: spec.perception,
    ...(spec.crossValidate ? { folds: fitted.units.filter((u) => u.kind === 'fold').map((u) => (u.kind === 'fold' ? u.fold.name : '')) } : {}),
    estimated: fit.space.map((p) => p.name), logLikelihood: fit.logLikelihood, startLogLikelihood: fit.startLogLikelihood,
    stateYears: fit.rows, converged: fit.converged,
  };
  return { spec, fit, intervals, crossValidation, rows, seconds: { ...fitted.seconds, intervals: unitSeconds }, provenance };
}

/**
 * Estimates the choice rule from the observed record (docs/validation.md, "Estimation"): drives
 * the eras along the data, maximises the likelihood inside the admissible set, and (unless
 * `intervals` is false) computes profile-likelihood intervals, reporting parameters the record does
 * not bound as not identified; with `crossValidate`, also the out-of-sample folds. Runs in this
 * thread; `calibrateInWorkers` (counterpoise/node) runs the intervals and folds on worker threads,
 * checkpointed and resumable, with the same result.
 *
 * @throws CalibrationError for a spec naming an unknown parameter, one outside the choice rule, a
 *   bound outside the admissible set, an era without data, or cross-validation over one era.
 */
export function calibrate(specIn: CalibrationSpec, onProgress?: (line: string) => void, file?: string): CalibrationReport {
  const fitted = fitCalibration(resolveCalibrationSpec(specIn, file), onProgress, file);
  const t0 = Date.now();
  const results = fitted.units.map((unit, k) => {
    const result = runCalibrationUnit(unit, fitted.context);
    onProgress?.(`calibrate: ${k + 1}/${fitted.units.length} ${unitKey(unit)} done`);
    return result;
  });
  return assembleCalibrationReport(fitted, results, (Date.now() - t0) / 1000);
}

/**
 * The fitted parameters as a parameter file a scenario can use (`parameters: { from: fitted.yaml }`):
 * `parameters:` holds the estimates (everything else keeps its default), `provenance:` how they were
 * obtained, `intervals:` each estimate's profile interval or "not identified". Parameters the record
 * does not identify are still written (the scenario needs a value), and marked so under intervals.
 */
export function parameterFileText(report: CalibrationReport): string {
  const parameters = Object.fromEntries(Object.entries(report.fit.estimates).map(([k, v]) => [k, Number(v.toPrecision(6))]));
  const intervals = Object.fromEntries(report.intervals.map((p) => [p.name, describeInterval(p)]));
  const header = [
    '# Fitted model parameters, written by `counterpoise calibrate` (docs/validation.md, "Estimation").',
    '# Use in a scenario: parameters: { from: <this file> }. Parameters not listed keep their defaults.',
    '# A parameter marked "not identified" under intervals is not bounded by the record: its value is',
    '# where the search stopped, not an estimate.',
  ].join('\n');
  const crossValidation = report.crossValidation.map((r) => ({
    fold: r.fold, era: r.era, stateYears: r.n,
    logLoss: Object.fromEntries(Object.entries(r.scores).map(([m, s]) => [m, Number(s.logLoss.toPrecision(6))])),
    brier: Object.fromEntries(Object.entries(r.scores).map(([m, s]) => [m, Number(s.brier.toPrecision(6))])),
  }));
  return `${header}\n${stringify({ parameters, intervals, ...(crossValidation.length > 0 ? { crossValidation } : {}), provenance: report.provenance })}`;
}

/** Writes {@link parameterFileText} to `file` (temporary name, then renamed). */
export function writeParameterFile(file: string, report: CalibrationReport): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, parameterFileText(report));
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
