import { AFFINITY_PROPERTIES } from './affinityProperties.js';
import { CHOICE_PROPERTIES } from './choiceProperties.js';
import type { InternalProperty, TheoryProperty } from './defineProperty.js';
import { EFFECT_PROPERTIES } from './effectProperties.js';
import { FORM_PROPERTIES } from './formProperties.js';
import { GREAT_POWER_PROPERTIES } from './greatPowerProperties.js';
import { INSTITUTION_PROPERTIES } from './institutionProperties.js';
import { SYSTEM_PROPERTIES } from './systemProperties.js';
import { STRICT_CHOICE_PROPERTIES } from './strictChoiceProperties.js';
import { STRICT_EFFECT_PROPERTIES } from './strictEffectProperties.js';
import { THREAT_PROPERTIES } from './threatProperties.js';
import { V2_PROPERTIES } from './v2Properties.js';

/** Every property with its internal entry point, in THEORY §6 order. @internal */
export const INTERNAL_PROPERTIES: readonly InternalProperty[] = [
  ...FORM_PROPERTIES, ...CHOICE_PROPERTIES, ...STRICT_CHOICE_PROPERTIES, ...THREAT_PROPERTIES, ...EFFECT_PROPERTIES,
  ...STRICT_EFFECT_PROPERTIES, ...INSTITUTION_PROPERTIES, ...V2_PROPERTIES, ...AFFINITY_PROPERTIES, ...GREAT_POWER_PROPERTIES, ...SYSTEM_PROPERTIES,
];

/**
 * The 40 properties of THEORY §6 — F1–F4, P1–P16, M1–M5, E1–E12, S1–S3 — in THEORY's order, each
 * with its statement, source, type and a `check(model, settings)` that runs it with fast-check; after
 * the choice and effect families, their strict forms P17–P20 and E13–E14 (a nonzero coefficient
 * has its effect, at its exact rate); then the institution properties from E15 on (model §5.9:
 * a dual track needs an institution with the power; a candidate is never a member; consensus veto,
 * majority, no club admits its target; exit leaves no duplicates; a veto holder's block is decisive, E22; a hold lasts as long as the grievance, E23); then the properties of the reference model
 * v2: P21–P23 (beliefs from behaviour, the spiral, power shifts: model §5.2, §5.7), P24 (affinity, note N54)
 * and P25 (note N57: every great power in view — the main threat is the largest of them, and an inclusive
 * position needs a shared membership), 60 in all.
 *
 * @example
 * const p5 = THEORY_PROPERTIES.find((p) => p.id === 'P5');
 * p5?.check({ parameters: { dS: 0.5 } }); // { id: 'P5', status: 'holds', holds: true, … }
 */
export const THEORY_PROPERTIES: readonly TheoryProperty[] = INTERNAL_PROPERTIES;

/** The ids of {@link THEORY_PROPERTIES}, in order. */
export const PROPERTY_IDS: readonly string[] = THEORY_PROPERTIES.map((p) => p.id);

/** The internal entry of a property by id. @internal */
export function internalProperty(id: string): InternalProperty {
  const p = INTERNAL_PROPERTIES.find((q) => q.id === id);
  if (p === undefined) throw new RangeError(`no property "${id}" (model §6 has ${PROPERTY_IDS.join(', ')})`);
  return p;
}
