import type { ResolvedScenario } from '../model/ResolvedScenario.js';

const BRAND = Symbol.for('counterpoise.resolvedScenario');

/** Marks an object as made by resolveScenario (non-enumerable, survives nothing but the object). @internal */
export function brandResolved<T extends object>(scenario: T): T {
  Object.defineProperty(scenario, BRAND, { value: true, enumerable: false });
  return scenario;
}

/**
 * Whether an object was made by resolveScenario: branded, or (after a structured clone, e.g. to a
 * worker thread, which drops the brand) of the resolved shape. @internal
 */
export function isResolvedScenario(value: unknown): value is ResolvedScenario {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string | symbol, unknown>;
  if (v[BRAND] === true) return true;
  const params = v.parameters as Record<string, unknown> | undefined;
  return Array.isArray(v.states) && Array.isArray(v.warnings) && typeof v.distances === 'string'
    && typeof params === 'object' && params !== null && typeof params.mu === 'number' && typeof params.omega === 'object';
}
