import type { VegaLiteSpec } from '../../report/VegaLiteSpec.js';
import { importOptional } from '../optionalPackage.js';

/**
 * Renders a Vega-Lite spec to an SVG document in Node, with vega's headless view (no browser, no
 * native canvas: text widths are estimated). vega and vega-lite are imported on first use only, so
 * commands that draw nothing do not pay for them (and run without them: they are optional dependencies).
 *
 * @throws MissingPackageError when vega or vega-lite is not installed.
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([
    importOptional('vega', 'report', () => import('vega')),
    importOptional('vega-lite', 'report', () => import('vega-lite')),
  ]);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
