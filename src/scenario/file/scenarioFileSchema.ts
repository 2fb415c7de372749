import * as z from 'zod';
import { ALLIANCE_OBLIGATIONS } from '../../data/parseAllianceTable.js';
import { IGO_STATUSES } from '../../data/parseIgoMembershipTable.js';
import {
  affinitySchema, capabilitiesShape, checkCapabilities, idSchema, institutionSchema, scenarioSchema, stateSchema, unit,
  buildParametersSchema,
} from '../scenarioSchema.js';

/**
 * The scenario FILE format (YAML or JSON): the in-memory scenario of `scenarioSchema` — every core
 * field, with the same meaning and default — plus file-only conveniences that draw values from
 * the bundled Correlates of War data (THEORY "Data available in ../shared/data" and "Notes for
 * scenario builders"). One zod schema is the source of the TypeScript types, of the runtime check
 * and of the JSON Schema shipped as `schema/scenario.schema.json`. Every field is documented in
 * docs/scenario-format.md.
 *
 * A data reference is an object with a `source` key (`nmc`, `cow`, `igo`); loading expands it
 * into plain values (`expandDataReferences`) before `resolveScenario` sees the scenario.
 */

/** A calendar year of a data reference (default: `meta.startYear`). */
const dataYear = z.number().int().describe('calendar year of the data (default: meta.startYear)');

const overrideShare = (dimension: string) => z.number().positive().optional()
  .describe(`overrides the ${dimension} share drawn from the data (> 0; cite the source in sources)`);

/**
 * Capabilities drawn from COW NMC: the six components of the year grouped into mil, eco and pop
 * exactly as `capabilitiesForYear` does — each the mean of the state's shares of two components,
 * shares of the whole state system that year, a missing component leaving the other alone
 * (THEORY "Notes for scenario builders", Capabilities [D]). The NMC version is `data.nmc`.
 */
/** `follow: yearly`: the value follows the data year by year as an exogenous path (history.until, model notes N40–N42). */
const follow = z.enum(['yearly']).optional()
  .describe('yearly: follow the data year by year from meta.startYear to history.until (an input); absent: the start year only, then the model');

export const nmcCapabilitiesReferenceSchema = z.strictObject({
  source: z.literal('nmc').describe('COW National Material Capabilities (version: data.nmc)'),
  year: dataYear.optional(),
  follow,
  mil: overrideShare('mil'),
  eco: overrideShare('eco'),
  pop: overrideShare('pop'),
  nil: z.enum(['smallest']).optional()
    .describe('smallest (needs follow: yearly): in each year where a dimension has no positive value (both components 0 or missing), the smallest positive value of that dimension among the scenario\'s states that year (coding rule "nil capability dimension", model note N45); absent: such years are interpolated (N42)'),
}).describe('capabilities drawn from COW NMC: shares of the system that year, grouped into mil, eco, pop');

/** Inline capabilities as in the core, with no `source` key (that is what tells them from a reference). */
const inlineCapabilitiesSchema = z.strictObject({
  ...capabilitiesShape,
  source: z.undefined().optional().describe('absent: the values are given inline'),
}).superRefine(checkCapabilities).describe('inline: mil/eco/pop, or the six COW components');

const capabilitiesFileSchema = z.discriminatedUnion('source', [inlineCapabilitiesSchema, nmcCapabilitiesReferenceSchema], {
  error: (issue) => (issue.code === 'invalid_union'
    ? 'unknown data source: capabilities are drawn from "nmc", or given inline without source'
    : undefined),
}).describe('inline capability components, or { source: nmc, year } to draw them from COW NMC');

/** Major-power status from the COW major-power list (v2016) for a year. */
export const majorReferenceSchema = z.strictObject({
  source: z.literal('cow').describe('COW major powers v2016'),
  year: dataYear.optional(),
  follow,
}).describe('great-power status from the COW major-power list for the year');

/** The state's spells in the system from COW State System Membership v2016 (model note N43). */
export const spellsReferenceSchema = z.strictObject({
  source: z.literal('cow').describe('COW State System Membership v2016 (cow_states2016.csv)'),
  into: idSchema.optional()
    .describe('the state of the scenario that absorbs this one when its last spell in the span ends (COW does not say who absorbed a state; model note N46)'),
}).describe('the state enters and leaves the system on its COW dates within meta.startYear–history.until');

/** A state as written in a file: the core state plus `cow` and data references. */
const fileStateSchema = stateSchema.extend({
  cow: z.union([z.string().min(1), z.number().int().nonnegative()]).optional()
    .describe('COW abbreviation (UKG) or numeric code (200) used for data lookups (default: the id, when it is a COW abbreviation)'),
  name: z.string().optional().describe('display name (default: the COW state name when the state has a COW identity, else the id)'),
  major: z.union([z.boolean(), majorReferenceSchema]).default(false)
    .describe('a great power (COW major); CON is computed over majors. true/false, or { source: cow } for the COW list'),
  capabilities: capabilitiesFileSchema,
  spells: z.union([stateSchema.shape.spells.unwrap(), spellsReferenceSchema]).optional()
    .describe('when the state is in the system: inline spells, or { source: cow } for its COW state-system spells'),
});

/** Members of one of the 47 curated COW IGOs in a year (IGO v3). */
export const igoMembersReferenceSchema = z.strictObject({
  source: z.literal('igo').describe('COW IGO v3 membership spells'),
  ioname: z.string().min(1).describe('the IGO short name exactly as in COW IGO v3 (e.g. NATO, LoN, WPact)'),
  year: dataYear.optional(),
  statuses: z.array(z.enum(IGO_STATUSES)).min(1).default(['full']).describe('which membership statuses count'),
  mode: z.enum(['initial', 'observed']).default('initial')
    .describe('initial: the members in the year, then the model\'s; observed: also every later join and leave in the data up to history.until, as scheduled events (an input)'),
}).describe('members drawn from COW IGO v3 for a year, restricted to the scenario\'s states');

/** An institution as written in a file: the core institution, members possibly from the IGO data. */
const fileInstitutionSchema = institutionSchema.extend({
  name: z.string().optional().describe('display name (default: the COW IGO name for data-drawn members, else the id)'),
  members: z.union([z.array(idSchema), igoMembersReferenceSchema])
    .describe('member state ids, or { source: igo, ioname, year } to draw them from COW IGO v3'),
  add: z.array(idSchema).optional().describe('states added to a data-drawn member list (cite in source)'),
  remove: z.array(idSchema).optional().describe('states removed from a data-drawn member list (cite in source)'),
  source: z.string().optional().describe('citation for strength, kind, rule, strictness and any add/remove'),
});

/** Which data versions references use. */
export const dataSettingsSchema = z.strictObject({
  nmc: z.enum(['6.0', '7.0']).default('6.0')
    .describe('NMC version for capability references: "6.0" (1816–2016, default) or "7.0" (1816–2022); quote it in YAML'),
}).describe('which versions of the bundled data references use');

/**
 * Initial alliances from COW Formal Alliances v4.1: pairs of the scenario's states that are members
 * of the same alliance in force in the year (THEORY "Notes for scenario builders", Alliances: which
 * obligations make `ally_ij` is a scenario choice to state [D]; entente-only pacts may seed `ent_ij`).
 */
export const alliancesReferenceSchema = z.strictObject({
  source: z.literal('cow').describe('COW Formal Alliances v4.1'),
  year: dataYear.optional(),
  obligations: z.array(z.enum(ALLIANCE_OBLIGATIONS)).min(1).default(['defense'])
    .describe('which obligations make ally_ij = 1 (default: defense pacts only)'),
  ententeLevel: unit('ent_ij given to pairs whose only obligation is entente (default: none)').optional(),
  mode: z.enum(['initial', 'observed']).default('initial')
    .describe('initial: the alliances in force in the year, then the model\'s; observed: also every later begin and end in the data up to history.until, as scheduled events (an input)'),
}).describe('initial alliances (and ententes) from COW Formal Alliances v4.1 for a year');

/**
 * Bilateral trade by THEORY's documented proxy from COW Trade v4.0 national totals:
 * `X_ij ∝ τ_i·τ_j` for the scenario's states, `τ = (imports + exports) / 2`, expressed as a share
 * of the whole system's trade that year, `X_ij = τ_i·τ_j / (Σ_world τ)²` (model note N26) (THEORY "Notes for scenario builders", Trade and
 * interdependence, steps 1–3). Every value so drawn is a proxy.
 */
export const tradeReferenceSchema = z.strictObject({
  source: z.literal('cow').describe('COW Trade v4.0 national totals (1870–2014)'),
  year: dataYear.optional(),
  rule: z.enum(['proportional']).default('proportional')
    .describe('X_ij ∝ τ_i·τ_j for the scenario\'s states, τ = (imports + exports) / 2'),
  unit: z.enum(['share']).default('share')
    .describe('X_ij as a share of the whole system\'s trade that year (like eco, a share of the system): X_ij = s_i·s_j with s_i = τ_i / Σ_world τ'),
  exclude: z.array(idSchema).default([])
    .describe('states left out of the proxy (no COW identity or no trade data); give their dyads\' trade explicitly'),
  follow,
}).describe('bilateral trade by the proportional proxy from COW national trade totals for a year');

/**
 * The span and rules of the paths that follow the data (issue 12 items 1, 6; model notes N40–N43):
 * every `follow: yearly` reference, `spells: { source: cow }` and `mode: observed` needs `until`.
 */
export const historySchema = z.strictObject({
  until: z.number().int().describe('the last year of the paths: the end of the scenario\'s span (runs beyond it hold the last year)'),
  halfLife: z.number().positive().default(5).describe('half-life in years of the model\'s deviations from a path (arming, sanctions, war)'),
  projection: z.strictObject({
    rule: z.enum(['trend', 'hold']).default('trend').describe('trend: the trailing growth rate of each share; hold: the last data value'),
    years: z.number().int().min(2).default(10).describe('the trailing window of the trend, in data years'),
  }).default({ rule: 'trend', years: 10 }).describe('how paths continue after the data\'s last year (listed in paths.notes)'),
}).describe('the span of the paths that follow the data, the decay of deviations and the projection beyond the data');

/** A source note: where one number of the file comes from. */
export const sourceNoteSchema = z.strictObject({
  field: z.string().min(1).describe('free-text path of the value, e.g. states.UKG.ideology'),
  value: z.unknown().optional().describe('the value, for the record'),
  source: z.string().min(1).describe('the citation'),
}).describe('where a number comes from');

/**
 * Affinity seeds drawn from COW Formal Alliances v4.1 (model note N54): the alliance-portfolio
 * similarity of every pair of the scenario's states with a COW identity, over the state system of
 * the year (`allianceKappa`). Written into the core's `affinity.fromData`; blocs and pairs override it.
 */
export const affinitySeedReferenceSchema = z.strictObject({
  source: z.literal('cow').describe('COW Formal Alliances v4.1 (alliance portfolios) and State System Membership v2016 (the reference set)'),
  year: dataYear.optional(),
  measure: z.enum(['kappa', 's']).default('kappa')
    .describe('kappa: Cohen\'s κ with linear weights (Häge 2011), corrected for chance agreement (default); s: Signorino & Ritter\'s S'),
  scale: z.number().min(0).max(1).default(1).describe('a_ij = scale × the measure [D] 1'),
}).describe('affinity seeds from alliance-portfolio similarity in the year');

const fileAffinitySchema = affinitySchema.extend({
  seed: affinitySeedReferenceSchema.optional(),
}).describe('affinity (model note N54): seeds from data (seed), blocs and pairs; lowers perceived threat and governs partners');

/** The zod schema of a scenario file (YAML or JSON). */
export const scenarioFileSchema = z.strictObject({
  $schema: z.string().optional().describe('the JSON Schema of the file, for editors; ignored'),
  meta: scenarioSchema.shape.meta,
  data: dataSettingsSchema.optional(),
  states: z.array(fileStateSchema).min(2, 'a scenario needs at least two states').describe('the states (agents)'),
  dyads: scenarioSchema.shape.dyads
    .describe('pairwise data: distance, trade, alliance, entente; explicit values override values drawn from alliances and trade'),
  alliances: alliancesReferenceSchema.optional(),
  trade: tradeReferenceSchema.optional(),
  history: historySchema.optional(),
  perceptions: scenarioSchema.shape.perceptions,
  institutions: z.array(fileInstitutionSchema).default([]).describe('institutions at the start'),
  system: scenarioSchema.shape.system,
  parameters: buildParametersSchema(true).default({}),
  events: scenarioSchema.shape.events,
  affinity: fileAffinitySchema.optional(),
  sources: z.array(sourceNoteSchema).default([]).describe('where each number comes from (documentation only)'),
}).describe('a counterpoise scenario file: the in-memory scenario plus references to the bundled Correlates of War data');

/** A scenario file as written (optional fields may be left out). */
export type ScenarioFileInput = z.input<typeof scenarioFileSchema>;
/** A scenario file after schema defaults are filled, before data references are expanded. */
export type ScenarioFile = z.output<typeof scenarioFileSchema>;
/** One state as written in a file. */
export type StateFileInput = z.input<typeof fileStateSchema>;
/** One institution as written in a file. */
export type InstitutionFileInput = z.input<typeof fileInstitutionSchema>;
/** `capabilities: { source: nmc, … }`. */
export type NmcCapabilitiesReference = z.output<typeof nmcCapabilitiesReferenceSchema>;
/** `major: { source: cow, … }`. */
export type MajorReference = z.output<typeof majorReferenceSchema>;
/** `members: { source: igo, … }`. */
export type IgoMembersReference = z.output<typeof igoMembersReferenceSchema>;
/** The top-level `alliances:` reference. */
export type AlliancesReference = z.output<typeof alliancesReferenceSchema>;
/** The top-level `trade:` reference. */
export type TradeReference = z.output<typeof tradeReferenceSchema>;
/** One entry of the top-level `sources:`. */
export type SourceNote = z.output<typeof sourceNoteSchema>;
