import { z } from 'zod';
import { defaultParameters } from '../model/defaultParameters.js';
import { CONDITION_KEYS, type ModelParameters } from '../model/ModelParameters.js';

/** Overrides of the model parameters: any subset of {@link ModelParameters}, `omega` partially too. */
export type ParameterOverrides = Partial<Omit<ModelParameters, 'omega'>> & { omega?: Partial<ModelParameters['omega']> };

/**
 * The scenario object format: one zod schema that is the single source of the TypeScript types
 * (`ScenarioInput`, what a user writes; the schema's output, what defaults fill) and of the runtime
 * check. Files in YAML or JSON map onto it one to one. Every field is documented in
 * docs/scenario-format.md.
 */

const unit = (description: string) => z.number().min(0).max(1).describe(description);
const id = z.string().min(1).regex(/^[^\s]+$/, 'must not contain white space');

/** Three-component capabilities (THEORY §3, §5.1): military, economic, demographic; any positive units. */
const threeComponents = z.strictObject({
  mil: z.number().positive().describe('military capability (> 0)'),
  eco: z.number().positive().describe('economic capability (> 0); trade is in the same unit'),
  pop: z.number().positive().describe('demographic capability (> 0)'),
});

/** The six COW NMC components (THEORY §3); grouped into mil, eco, pop as shares within the scenario. */
const sixComponents = z.strictObject({
  milex: z.number().min(0).describe('military expenditure'),
  milper: z.number().min(0).describe('military personnel'),
  irst: z.number().min(0).describe('iron and steel production'),
  pec: z.number().min(0).describe('primary energy consumption'),
  tpop: z.number().min(0).describe('total population'),
  upop: z.number().min(0).describe('urban population'),
});

const growth = z.strictObject({
  mil: z.number().gt(-1).default(0),
  eco: z.number().gt(-1).default(0),
  pop: z.number().gt(-1).default(0),
}).describe('per-tick growth rate of each capability component (0.01 = 1% a tick)');

const stateSchema = z.strictObject({
  id: id.describe('unique identifier, e.g. a COW abbreviation (UKG, TUR)'),
  name: z.string().optional().describe('display name'),
  major: z.boolean().default(false).describe('a great power (COW major); CON is computed over majors'),
  capabilities: z.union([threeComponents, sixComponents]).describe('mil/eco/pop, or the six COW components'),
  growth: growth.optional(),
  location: z.strictObject({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  }).optional().describe('capital coordinates in degrees; distances are great-circle km'),
  offensive: unit('off_i: offensive posture (Walt)').default(0.5),
  nuclear: z.boolean().default(false).describe('nuc_i: nuclear status'),
  revisionism: unit('rev_i: true revisionism, hidden from others').default(0),
  ideology: unit('ideo_i: observable expansionist ideology').default(0),
  legitimacy: unit('leg_i: initial international legitimacy (default: the baseline)').optional(),
  legitimacyBaseline: unit('legBase_i: baseline legitimacy').default(0.8),
  domesticSupport: unit('dom_i: domestic support for balancing (Paul condition 7)').default(0.5),
});

const dyadSchema = z.strictObject({
  between: z.tuple([id, id]).describe('the two states, by id'),
  distance: z.number().min(0).optional().describe('d_ij in km (overrides locations)'),
  trade: z.number().min(0).optional().describe('X_ij: bilateral trade, in the unit of eco'),
  alliance: z.boolean().optional().describe('ally_ij: a formal alliance in force at the start'),
  entente: unit('ent_ij: initial entente level').optional(),
});

const perceptionSchema = z.strictObject({
  from: id,
  to: id,
  intent: unit('ahat_ij: initial perceived aggressive intent (default: ideo_j)'),
});

const institutionSchema = z.strictObject({
  id: id.describe('unique identifier, e.g. NATO'),
  name: z.string().optional(),
  members: z.array(id).describe('member state ids'),
  strength: unit('s_q: strength, also its baseline').default(0.5),
  kind: z.enum(['security', 'economic', 'political', 'general']).default('general'),
  decisionRule: z.enum(['consensus', 'majority', 'weighted']).default('consensus'),
  strictness: unit('normative strictness / conditionality of membership').default(0),
});

const systemSchema = z.strictObject({
  lambda: unit('λ: importance of international legitimacy').optional(),
  nu: unit('ν: territorial-integrity norm').optional(),
  theta: unit('θ: conventional defensive advantage').optional(),
  lastMajorWar: z.number().nullable().optional().describe('year of the last major war, or null'),
});

function buildParametersSchema(): z.ZodType<ParameterOverrides> {
  const defaults = defaultParameters();
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(defaults)) {
    if (typeof value === 'number') shape[key] = z.number().optional();
  }
  shape.conOver = z.enum(['majors', 'all']).optional();
  const omega: Record<string, z.ZodType> = {};
  for (const key of CONDITION_KEYS) omega[key] = z.number().optional();
  shape.omega = z.strictObject(omega).optional();
  const schema = z.strictObject(shape).describe('overrides of the model parameters (THEORY §5.2–5.7); see defaultParameters()');
  return schema as unknown as z.ZodType<ParameterOverrides>;
}

const metaSchema = z.strictObject({
  id: id.describe('scenario id, used in seeds and output file names'),
  title: z.string().default(''),
  description: z.string().default(''),
  startYear: z.number().int().default(0).describe('calendar year of tick 0'),
  ticksPerYear: z.number().int().positive().default(1),
  sources: z.array(z.string()).default([]).describe('citations for the numbers in this scenario'),
});

/** The zod schema of a scenario object. */
export const scenarioSchema = z.strictObject({
  meta: metaSchema,
  states: z.array(stateSchema).min(2, 'a scenario needs at least two states'),
  dyads: z.array(dyadSchema).default([]),
  perceptions: z.array(perceptionSchema).default([]),
  institutions: z.array(institutionSchema).default([]),
  system: systemSchema.default({}),
  parameters: buildParametersSchema().default({}),
});

/** A scenario as a user writes it (optional fields may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario after schema defaults are filled, before cross-checks and derivation. */
export type ParsedScenario = z.output<typeof scenarioSchema>;
/** One state as written in a scenario. */
export type StateInput = z.input<typeof stateSchema>;
/** One institution as written in a scenario. */
export type InstitutionInput = z.input<typeof institutionSchema>;
/** One dyad as written in a scenario. */
export type DyadInput = z.input<typeof dyadSchema>;
