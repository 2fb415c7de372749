import type { TopLevelSpec } from 'vega-lite';

/**
 * A Vega-Lite specification as plain JSON data (https://vega.github.io/vega-lite/). The report's
 * builders check their specs against vega-lite's own types; the public API hands them out as
 * plain objects, so using them needs no vega-lite types.
 */
export interface VegaLiteSpec {
  readonly [key: string]: unknown;
}

/** The Vega-Lite schema the specs are written for (an identifier only: nothing is fetched). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Checks a spec against vega-lite's types and returns it as plain data. @internal */
export function vegaLite(spec: TopLevelSpec): VegaLiteSpec {
  return { $schema: VEGA_LITE_SCHEMA, ...spec } as unknown as VegaLiteSpec;
}
