import * as z from 'zod';
import { designSchema } from './design.js';
import { ExperimentError } from './ExperimentError.js';

/**
 * A sweep specification: what a design file (YAML or JSON) holds — the scenario, the design, the
 * replicates and ticks, the seeds, the tables and formats. Run one with `runSweepFromSpec` (Node) or
 * `node examples/sweep.mjs run <file>`; every field is documented in docs/experiments.md.
 */
export const sweepSpecSchema = z.strictObject({
  scenario: z.string().min(1).describe('a bundled scenario name (concert-of-europe) or a scenario file path, relative to this file'),
  ticks: z.number().int().min(1).describe('ticks per run'),
  replicates: z.number().int().min(1).optional().describe('runs per design point, with derived seeds (default 1)'),
  seeds: z.array(z.number().int().min(0)).min(1).optional().describe('explicit run seeds instead of replicates (the same for every point)'),
  baseSeed: z.union([z.number(), z.string()]).default(0).describe('base seed of the derived run seeds'),
  design: designSchema.optional().describe('the design (default: the scenario as it is — an ensemble)'),
  tables: z.strictObject({
    ticks: z.boolean().default(true).describe('write the ticks table'),
    events: z.boolean().default(true).describe('write the events table'),
  }).optional().describe('which optional tables to write (runs and summary are always written)'),
  formats: z.array(z.enum(['csv', 'ndjson', 'arrow'])).min(1).optional().describe('output formats (default csv, ndjson and arrow)'),
  allowInadmissible: z.boolean().default(false).describe('accept points whose parameters violate C2–C8 of model §5.4'),
  out: z.string().min(1).optional().describe('output directory (default: out/<spec file name>), relative to the working directory'),
});

/** A sweep specification as written (see {@link sweepSpecSchema}). */
export type SweepSpec = z.input<typeof sweepSpecSchema>;
/** A sweep specification with defaults filled. */
export type ParsedSweepSpec = z.output<typeof sweepSpecSchema>;

/**
 * Validates a sweep specification (an object read from YAML or JSON).
 * @throws ExperimentError (code `spec`) listing every problem with its field path (`design.parameters.system.lambda.levels`).
 */
export function parseSweepSpec(value: unknown): ParsedSweepSpec {
  const parsed = sweepSpecSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ExperimentError('spec', parsed.error.issues.map((i) => ({
    path: i.path.map((k, n) => (typeof k === 'number' ? `[${k}]` : `${n === 0 ? '' : '.'}${String(k)}`)).join('') || '(spec)',
    message: i.code === 'unrecognized_keys' ? `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message,
  })));
}
