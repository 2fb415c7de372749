import { expect } from 'vitest';
import type { ModelUnderTest, PropertyResult } from '../../src/testing/index.js';
import { internalProperty } from '../../src/testing/properties/registry.js';
import { LIBRARY, type Library } from '../../src/testing/runtime/Library.js';
import { resolveModel } from '../../src/testing/runtime/ModelRuntime.js';
import { BROKEN, HOLDS } from './fcSettings.js';

function describeResult(r: PropertyResult): string {
  if (r.status === 'fails') {
    return `${r.id} fails: ${r.message}\ncounterexample: ${JSON.stringify(r.counterexample)}\nreplay: { seed: ${r.seed}, path: '${r.path ?? ''}' }`;
  }
  return `${r.id}: ${r.status} ${r.error ?? r.reason ?? ''}`;
}

/**
 * Runs a property against a model (default: the library's reference model over 𝒫) and fails the
 * test with fast-check's shrunk counterexample when it does not hold.
 */
export function expectHolds(id: string, model: ModelUnderTest = {}, lib: Library = LIBRARY): PropertyResult {
  const r = internalProperty(id).checkWith(resolveModel(model, lib), HOLDS);
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
