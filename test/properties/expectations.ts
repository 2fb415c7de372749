import { expect } from 'vitest';
import type { ModelUnderTest, PropertyResult } from '../../src/testing/index.js';
import { internalProperty } from '../../src/testing/properties/registry.js';
import { LIBRARY, type Library } from '../../src/testing/runtime/Library.js';
import { resolveModel } from '../../src/testing/runtime/ModelRuntime.js';
import { BROKEN, HOLDS } from './fcSettings.js';
import { KNOWN_ISSUES } from './knownIssues.js';

function describeResult(r: PropertyResult): string {
  if (r.status === 'fails') {
    return `${r.id} fails: ${r.message}\ncounterexample: ${JSON.stringify(r.counterexample)}\nreplay: { seed: ${r.seed}, path: '${r.path ?? ''}' }`;
  }
  return `${r.id}: ${r.status} ${r.error ?? r.reason ?? ''}`;
}

/**
 * Runs a property against a model (default: the library's reference model over 𝒫) and fails the
 * test with fast-check's shrunk counterexample when it does not hold. A property with a reported
 * known issue (knownIssues.ts) may fail only in that issue's way: any other counterexample fails.
 */
export function expectHolds(id: string, model: ModelUnderTest = {}, lib: Library = LIBRARY): PropertyResult {
  const r = internalProperty(id).checkWith(resolveModel(model, lib), HOLDS);
  const known = KNOWN_ISSUES.find((k) => k.id === id);
  if (known !== undefined) {
    // Without the issue's cause the property must hold outright; with it, it may fail only that way.
    const clean = internalProperty(id).checkWith(resolveModel(known.withoutIssue.model, known.withoutIssue.lib), HOLDS);
    expect(clean.status, `${id} without its known issue: ${describeResult(clean)}`).toBe('holds');
    if (r.status === 'fails') expect(known.matches(r), `${id} fails in a way other than its known issue: ${describeResult(r)}`).toBe(true);
    return r;
  }
  expect(r.status, describeResult(r)).toBe('holds');
  return r;
}

/**
 * Runs a property against a deliberately broken variant — a model under test, or the library with a
 * piece replaced — and asserts that fast-check finds a counterexample.
 */
export function expectCounterexample(id: string, model: ModelUnderTest = {}, lib: Library = LIBRARY): PropertyResult {
  const r = internalProperty(id).checkWith(resolveModel(model, lib), BROKEN);
  expect(r.status, `the broken variant of ${id} was not caught: ${describeResult(r)}`).toBe('fails');
  expect(r.counterexample).toBeDefined();
  return r;
}
