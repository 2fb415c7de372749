import * as z from 'zod';
import { MAX_GROWTH } from '../model/capabilityLimits.js';
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

/** A number in [0, 1] with a description (the domain of most state, dyad and institution fields). @internal */
export const unit = (description: string) => z.number().min(0).max(1).describe(description);
/** A number, or a mathjs expression of `year` and `tick` evaluated before every tick (see expressions). @internal */
export const expr = (num: z.ZodNumber, description: string) =>
  z.union([num, z.string().min(1)]).describe(`${description}; a number or an expression of year and tick`);
/** A reference to a state or institution by its id: a non-empty string without white space. @internal */
export const idSchema = z.string().min(1).regex(/^\S*$/, 'must not contain white space');
const id = idSchema;

/**
 * The id of a state or institution where it is defined: an {@link idSchema} that also contains no
 * control, zero-width or bidirectional-formatting characters (which make two ids that look alike
 * differ, or reorder the text around them), no `;` (it separates the ids of the `members` column of
 * the events table) and no `*` (in a sweep's parameter path `states.*.<field>` stands for every
 * state). A `.` is allowed: `parseParameterPath` reads the field from the end of the path, so
 * `states.U.S..nuclear` names the state `U.S.`. @internal
 */
export const definedIdSchema = idSchema
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'must not contain control characters')
  .regex(/^[^\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]*$/,
    'must not contain invisible characters (zero-width, soft hyphen or bidirectional formatting)')
  .regex(/^[^;]*$/, 'must not contain ";" (it separates ids in the members column of the events table)')
  .regex(/^[^*]*$/, 'must not contain "*" (in a sweep parameter path, * stands for every state or institution)');

/**
 * A scenario id (`meta.id`): a safe file name, since the output folder is `out/<meta.id>` — 1 to 64
 * letters, digits, `.`, `_` and `-`, starting with a letter or digit (so never `.`, `..` or a path).
 * @internal
 */
export const scenarioIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  'must be a safe file name: letters, digits, ., _ and - (starting with a letter or digit, at most 64 characters)');

const THREE = ['mil', 'eco', 'pop'] as const;
const SIX = ['milex', 'milper', 'irst', 'pec', 'tpop', 'upop'] as const;

/**
 * The fields of capabilities (THEORY §3, §5.1): either the three components mil, eco, pop (> 0,
 * any units; trade is in the unit of eco), or the six COW NMC components (≥ 0), grouped into mil,
 * eco and pop as shares within the scenario. One object with every field optional and a check
 * ({@link checkCapabilities}) that exactly one complete set is given, so a wrong value is reported
 * at its own field. The file schema reuses them beside its data reference.
 * @internal
 */
export const capabilitiesShape = {
  mil: z.number().positive().optional().describe('military capability (> 0)'),
  eco: z.number().positive().optional().describe('economic capability (> 0); trade is in the same unit'),
  pop: z.number().positive().optional().describe('demographic capability (> 0)'),
  milex: z.number().min(0).optional().describe('COW: military expenditure'),
  milper: z.number().min(0).optional().describe('COW: military personnel'),
  irst: z.number().min(0).optional().describe('COW: iron and steel production'),
  pec: z.number().min(0).optional().describe('COW: primary energy consumption'),
  tpop: z.number().min(0).optional().describe('COW: total population'),
  upop: z.number().min(0).optional().describe('COW: urban population'),
};

/** The check that exactly one complete set of capability components is given. @internal */
export function checkCapabilities(
  c: { readonly [K in (typeof THREE)[number] | (typeof SIX)[number]]?: number },
  ctx: z.RefinementCtx,
): void {
  const three = THREE.filter((k) => c[k] !== undefined);
  const six = SIX.filter((k) => c[k] !== undefined);
  if (three.length > 0 && six.length > 0) {
    ctx.addIssue({ code: 'custom', message: 'give either mil/eco/pop or the six COW components, not both' });
  } else if (three.length > 0) {
    for (const k of THREE) if (c[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${k} is required with ${three.join(', ')}` });
  } else if (six.length > 0) {
    for (const k of SIX) if (c[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${k} is required with the other COW components` });
  } else {
    ctx.addIssue({ code: 'custom', message: 'capabilities need mil, eco and pop (or the six COW components milex, milper, irst, pec, tpop, upop)' });
  }
}

const capabilitiesSchema = z.strictObject(capabilitiesShape).superRefine(checkCapabilities).describe('mil/eco/pop, or the six COW components');

/** A growth rate per tick: > −1, and at most 2^64 so that rescaling keeps capabilities finite (capabilityLimits). */
const growthRate = z.number().gt(-1).lte(MAX_GROWTH, { message: 'a growth rate must be at most 2^64 (about 1.8e19) per tick' });

const growth = z.strictObject({
  mil: expr(growthRate, 'growth of mil per tick').default(0),
  eco: expr(growthRate, 'growth of eco per tick').default(0),
  pop: expr(growthRate, 'growth of pop per tick').default(0),
}).describe('per-tick growth rate of each capability component (0.01 = 1% a tick)');

/** One state (THEORY §5.1). @internal */
export const stateSchema = z.strictObject({
  id: definedIdSchema.describe('unique identifier, e.g. a COW abbreviation (UKG, TUR)'),
  name: z.string().optional().describe('display name'),
  major: z.boolean().default(false).describe('a great power (COW major); CON is computed over majors'),
  capabilities: capabilitiesSchema,
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
  spells: z.array(z.strictObject({
    from: z.number().nullable().optional().describe('decimal year the state enters the system (absent or null: before the start)'),
    to: z.number().nullable().optional().describe('decimal year the state leaves it (absent or null: never during the run)'),
    into: id.optional()
      .describe('the state of the scenario that absorbs this one when the spell ends (needs to; the absorber must be in the system then; model note N46)'),
  })).min(1).optional()
    .describe('when the state is in the system (model note N43): it enters at the first tick whose year is at or after from, and leaves at the first tick at or after to; default: throughout'),
});

const dyadSchema = z.strictObject({
  between: z.tuple([id, id]).describe('the two states, by id'),
  distance: z.number().min(0).optional().describe('d_ij in km (overrides locations)'),
  trade: z.number().min(0).optional().describe('X_ij: bilateral trade, in the unit of eco'),
  alliance: z.boolean().optional().describe('ally_ij: a formal alliance in force at the start'),
  allianceEnds: z.number().finite().optional().describe('decimal year at which the alliance (an input) ends, e.g. 1890.25; needs alliance: true (model note N29)'),
  entente: unit('ent_ij: initial entente level').optional(),
});

const perceptionSchema = z.strictObject({
  from: id.describe('the perceiving state i'),
  to: id.describe('the perceived state j'),
  intent: unit('ahat_ij: initial perceived aggressive intent (default: ideo_j)'),
});

/** One institution (THEORY §2.6, §5.1). @internal */
export const institutionSchema = z.strictObject({
  id: definedIdSchema.describe('unique identifier, e.g. NATO'),
  name: z.string().optional().describe('display name (default: the id)'),
  members: z.array(id).describe('member state ids'),
  strength: unit('s_q: strength, also its baseline').default(0.5),
  kind: z.enum(['security', 'economic', 'political', 'general']).default('general').describe('what the institution is about'),
  decisionRule: z.enum(['consensus', 'majority', 'weighted']).default('consensus').describe('how members decide'),
  strictness: unit('normative strictness / conditionality of membership').default(0),
  statuses: z.array(z.strictObject({
    state: id.describe('a state that is not a full member'),
    status: z.enum(['candidate', 'observer', 'associate']).describe('candidate (applied, not admitted), observer or dialogue partner, associate (model §5.11)'),
  })).default([]).describe('states holding a status short of membership (model §5.11): they are never members (M_q) and have a reduced voice'),
  vetoMembers: z.array(id).default([])
    .describe('members whose block is decisive under any rule (model §5.12, note N60), e.g. the permanent members of the UN Security Council; the others vote by decisionRule'),
});

const systemSchema = z.strictObject({
  lambda: expr(z.number().min(0).max(1), 'λ: importance of international legitimacy').optional(),
  nu: expr(z.number().min(0).max(1), 'ν: territorial-integrity norm').optional(),
  theta: expr(z.number().min(0).max(1), 'θ: conventional defensive advantage').optional(),
  lastMajorWar: z.number().nullable().optional().describe('year of the last major war, or null'),
}).describe('system conditions (model §5.1); any may be an expression of year and tick');

/**
 * The parameters section's schema; `withFrom` adds the file form's `from` (a parameter file,
 * e.g. the output of `counterpoise calibrate`, read by loadScenario).
 * @internal
 */
export function buildParametersSchema(withFrom = false): z.ZodType<ParameterOverrides> {
  const defaults = defaultParameters();
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(defaults)) {
    if (typeof value === 'number') shape[key] = z.number().optional();
  }
  shape.conOver = z.enum(['majors', 'all']).optional();
  const omega: Record<string, z.ZodType> = {};
  for (const key of CONDITION_KEYS) omega[key] = z.number().optional();
  shape.omega = z.strictObject(omega).optional();
  if (withFrom) {
    shape.from = z.string().min(1).optional()
      .describe('a parameter file (YAML; its `parameters:` mapping), relative to the scenario file, e.g. the output of counterpoise calibrate; keys written here override it');
  }
  const schema = z.strictObject(shape).describe('overrides of the model parameters (model §5.2–5.7); see defaultParameters()');
  return schema as unknown as z.ZodType<ParameterOverrides>;
}

const pair = z.tuple([id, id]);
const changeSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('set-state'), state: id,
    field: z.enum(['offensive', 'revisionism', 'ideology', 'legitimacy', 'legitimacyBaseline', 'domesticSupport', 'nuclear', 'major',
      'mil', 'eco', 'pop', 'growth.mil', 'growth.eco', 'growth.pop']),
    value: z.union([z.number(), z.boolean()]),
  }),
  z.strictObject({ type: z.literal('set-system'), field: z.enum(['lambda', 'nu', 'theta']), value: z.number().min(0).max(1) }),
  z.strictObject({ type: z.literal('set-parameter'), key: z.string().min(1), value: z.number() }),
  z.strictObject({ type: z.literal('join'), institution: id, state: id }),
  z.strictObject({ type: z.literal('leave'), institution: id, state: id }),
  z.strictObject({
    type: z.literal('set-status'), institution: id, state: id,
    status: z.enum(['member', 'candidate', 'observer', 'associate', 'suspended', 'none']).describe('the new status (model §5.11, §5.13); member is join, none is leave'),
  }).describe('a state\'s status in an institution changes (model §5.11)'),
  z.strictObject({
    type: z.literal('found-institution'), institution: definedIdSchema, name: z.string().optional(), members: z.array(id).min(2),
    strength: z.number().min(0).max(1).optional(), kind: z.enum(['security', 'economic', 'political', 'general']).optional(),
    decisionRule: z.enum(['consensus', 'majority', 'weighted']).optional(), strictness: z.number().min(0).max(1).optional(),
    vetoMembers: z.array(id).optional().describe('founding members whose block is decisive under any rule (model §5.12, note N60)'),
  }),
  z.strictObject({ type: z.literal('dissolve-institution'), institution: id }),
  z.strictObject({ type: z.literal('set-institution'), institution: id, field: z.enum(['strength', 'strictness']), value: z.number().min(0).max(1) }),
  z.strictObject({ type: z.literal('alliance'), between: pair, inForce: z.boolean() }),
  z.strictObject({ type: z.literal('set-trade'), between: pair, value: z.number().min(0) }),
  z.strictObject({ type: z.literal('set-intent'), from: id, to: id, value: z.number().min(0).max(1) }),
  z.strictObject({
    type: z.literal('sanction'), sender: id.describe('the sanctioning state'), target: id.describe('the sanctioned state'),
  }).describe('one sanctions act of the model by sender on target (model §5.5): eco losses and the trade cut'),
  z.strictObject({ type: z.literal('war-ends'), year: z.number().optional() }),
]);

const eventSchema = z.strictObject({
  label: z.string().optional().describe('what happened, for the events table'),
  source: z.string().optional().describe('citation for the event'),
  at: z.union([
    z.strictObject({ year: z.number() }),
    z.strictObject({ tick: z.number().int().min(0) }),
  ]).optional().describe('when: at the first tick of this year, or before this tick'),
  when: z.string().min(1).optional().describe('or: a condition on the previous tick\'s measures (an expression)'),
  once: z.boolean().default(true).describe('a conditional event fires only the first time (default true)'),
  changes: z.array(changeSchema).min(1).describe('the world changes applied together'),
});

const yearlyShares = (description: string) => z.array(z.number().positive()).min(1).describe(description);

/**
 * Exogenous paths (issue #12 items 1 and 6; model notes N40–N43): values per calendar year that
 * the engine follows, interpolated linearly within a year for sub-year ticks. Row k of every
 * array is the year `firstYear + k`; every array has the same length, so the table covers
 * `firstYear … firstYear + length − 1`. The model's own effects act as deviations from the path
 * that decay with `halfLife` (years). A file fills this section from the COW data
 * (`follow: yearly`); `notes` lists every value that is not a plain data value (interpolated,
 * projected beyond the data's end).
 * @internal
 */
export const pathsSchema = z.strictObject({
  firstYear: z.number().int().describe('calendar year of row 0 of every yearly array'),
  halfLife: z.number().positive().default(5)
    .describe('half-life in years of the model\'s deviations from a path (arming, sanctions, war): dev ← 1 + (dev − 1)·2^(−Δt/halfLife)'),
  capabilities: z.array(z.strictObject({
    state: id.describe('the state that follows the path'),
    mil: yearlyShares('mil share per year'),
    eco: yearlyShares('eco share per year'),
    pop: yearlyShares('pop share per year'),
  })).default([]).describe('capability paths: shares per year (NMC grouped as the data notes say)'),
  trade: z.array(z.strictObject({
    state: id.describe('the state whose trade follows the path'),
    share: yearlyShares('the state\'s share of world trade per year, s_i = τ_i / Σ_world τ'),
  })).default([]).describe('trade paths: X_ij = s_i·s_j for two states that both have one (the proportional proxy, N26)'),
  notes: z.array(z.strictObject({
    path: z.string().describe('what the note is about, e.g. states[2].capabilities.eco'),
    kind: z.enum(['interpolated', 'projected', 'override', 'smallest']).describe('how the values were made'),
    years: z.array(z.number().int()).describe('the years concerned'),
    message: z.string(),
  })).default([]).describe('every value that is not a plain data value: interpolated, projected or overridden'),
}).describe('exogenous yearly paths the engine follows (capabilities, trade)');

/** An affinity a_ij ∈ [−1, 1] (model note N54). */
const affinityValue = z.number().min(-1).max(1);

/**
 * Affinity (model note N54): the persistent alignment a_ij ∈ [−1, 1] of pairs of states, stated by
 * hand as blocs (every pair of members) and pairs. A scenario without this section has no affinity
 * (a_ij = 0 throughout, the model as before). Later entries override earlier ones: seeds drawn from
 * data first, then blocs in order, then pairs.
 * @internal
 */
export const affinitySchema = z.strictObject({
  blocs: z.array(z.strictObject({
    name: z.string().min(1).describe('the bloc\'s name, e.g. CSTO (for messages only)'),
    members: z.array(id).min(2).describe('member state ids; every pair of members gets the bloc\'s affinity'),
    affinity: affinityValue.describe('a_ij of every pair of members, in [−1, 1]'),
  })).default([]).describe('blocs: groups of states aligned with each other'),
  pairs: z.array(z.strictObject({
    between: z.tuple([id, id]).describe('the two states, by id'),
    affinity: affinityValue.describe('a_ij of the pair, in [−1, 1] (negative: estranged)'),
  })).default([]).describe('friendships and enmities of single pairs (override blocs)'),
  fromData: z.array(z.strictObject({
    between: z.tuple([id, id]).describe('the two states, by id'),
    affinity: affinityValue.describe('a_ij drawn from data, in [−1, 1]'),
  })).default([]).describe('seeds drawn from data (a file\'s affinity.seed writes them); blocs and pairs override them'),
}).describe('affinity (model note N54): persistent alignment of pairs of states, seeded here; lowers perceived threat and governs partners');

const metaSchema = z.strictObject({
  id: scenarioIdSchema.describe('scenario id, used in seeds and output file names (out/<id>): letters, digits, ., _ and -'),
  title: z.string().default('').describe('one-line title'),
  description: z.string().default('').describe('what the scenario covers, its span and the events that bound it'),
  startYear: z.number().int().default(0).describe('calendar year of tick 0'),
  ticksPerYear: z.number().int().positive().default(1).describe('ticks per calendar year'),
  sources: z.array(z.string()).default([]).describe('citations for the numbers in this scenario'),
});

/** The zod schema of a scenario object. */
export const scenarioSchema = z.strictObject({
  meta: metaSchema.describe('scenario metadata'),
  states: z.array(stateSchema).min(2, 'a scenario needs at least two states').describe('the states (agents)'),
  dyads: z.array(dyadSchema).default([]).describe('pairwise data: distance, trade, alliance, entente'),
  perceptions: z.array(perceptionSchema).default([]).describe('initial perceived intents that differ from the prior ideo_j'),
  institutions: z.array(institutionSchema).default([]).describe('institutions at the start'),
  system: systemSchema.default({}),
  parameters: buildParametersSchema().default({}),
  events: z.array(eventSchema).default([]).describe('scheduled and conditional world changes'),
  paths: pathsSchema.optional(),
  affinity: affinitySchema.optional(),
});

/** A scenario as a user writes it (optional fields may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario after schema defaults are filled, before cross-checks and derivation. */
export type ParsedScenario = z.output<typeof scenarioSchema>;
/** One state as written in a scenario. */
export type StateInput = z.input<typeof stateSchema>;
/** One institution as written in a scenario. */
export type InstitutionInput = z.input<typeof institutionSchema>;
/** One scheduled or conditional event as written in a scenario. */
export type EventInput = z.input<typeof eventSchema>;
/** One dyad as written in a scenario. */
export type DyadInput = z.input<typeof dyadSchema>;
