import * as z from 'zod';
import { scenarioFileSchema } from './scenarioFileSchema.js';

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from {@link scenarioFileSchema} with
 * zod's `toJSONSchema`, for editors to autocomplete and check YAML and JSON scenario files. The
 * package ships it as `schema/scenario.schema.json` (`npm run schema` regenerates it; a test fails
 * when the committed file differs from a fresh generation).
 *
 * It describes the input (defaults are `default` keywords, not requirements). What JSON Schema
 * cannot say is checked only at load: that capabilities give one complete set of components,
 * cross-references between states and institutions, data coverage, expressions.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioFileSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // `source: undefined` marks inline capabilities: in JSON Schema, "must be absent".
      if (ctx.zodSchema._zod.def.type === 'undefined') ctx.jsonSchema.not = {};
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'counterpoise scenario file',
    ...rest,
  };
}
