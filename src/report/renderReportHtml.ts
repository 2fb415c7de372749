import type { ReportDocument } from './ReportChart.js';

/** The source text of the three browser libraries the report embeds (their minified builds). */
export interface ReportLibraries {
  /** vega's `build/vega.min.js`. */
  vega: string;
  /** vega-lite's `build/vega-lite.min.js`. */
  vegaLite: string;
  /** vega-embed's `build/vega-embed.min.js`. */
  vegaEmbed: string;
}

/** Options of {@link renderReportHtml}. */
export interface RenderReportOptions {
  libraries: ReportLibraries;
  /** For charts exported as files, the path of each file relative to the HTML file, by chart id. */
  figureFiles?: Record<string, string[]>;
  /** A line for the page's footer (e.g. the generator and its version). */
  generator?: string;
}

/** Escapes text for HTML element content and attribute values. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Makes a script's source safe inside an inline `<script>` element: `</script` and `<!--` can only
 * occur in string literals, template literals or regular expressions, where `<\/` and `<\!` mean
 * the same thing.
 */
function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The script that draws every chart and marks its container when done (`data-rendered`). */
const BOOT = `(function () {
  var specs = JSON.parse(document.getElementById('report-specs').textContent);
  window.__counterpoiseViews = {};
  specs.forEach(function (chart) {
    var el = document.getElementById('chart-' + chart.id);
    vegaEmbed(el, chart.spec, {
      renderer: 'svg',
      actions: { export: true, source: false, compiled: false, editor: false }
    }).then(function (result) {
      window.__counterpoiseViews[chart.id] = result.view;
      el.setAttribute('data-rendered', 'true');
    }).catch(function (error) {
      el.setAttribute('data-rendered', 'error');
      el.textContent = 'This chart could not be drawn: ' + (error && error.message ? error.message : String(error));
      console.error(error);
    });
  });
})();`;

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #222;
  max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 36px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.subtitle { color: #555; margin: 0 0 18px; }
table.parameters { border-collapse: collapse; margin: 8px 0; }
table.parameters th { text-align: left; font-weight: 600; padding: 2px 16px 2px 0; color: #444; }
table.parameters td { padding: 2px 0; font-variant-numeric: tabular-nums; }
ul.summary li { margin: 3px 0; }
figure { margin: 16px 0 28px; }
figcaption { color: #444; font-size: 0.93em; max-width: 820px; margin-top: 6px; }
.chart { overflow-x: auto; }
.files code, .figure-files code { font-size: 0.9em; }
.figure-files { font-size: 0.85em; color: #666; }
footer { margin-top: 40px; color: #888; font-size: 0.85em; }
`;

/**
 * Renders a report as one self-contained HTML page: the text, the charts' specs and data inline
 * as JSON, and vega, vega-lite and vega-embed inline, so the page opens offline from a file. Each
 * chart's container gets `data-rendered="true"` once drawn (or `"error"` with a message in its
 * place). Pure: the same document and libraries give the same bytes.
 */
export function renderReportHtml(doc: ReportDocument, options: RenderReportOptions): string {
  const { libraries } = options;
  const specs = doc.charts.map((c) => ({ id: c.id, spec: c.spec }));
  const specJson = JSON.stringify(specs).replace(/</g, '\\u003c');
  const parts: string[] = [];
  parts.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">', `<title>${esc(doc.title)}</title>`,
    `<style>${STYLE}</style>`, '</head>', '<body>');
  parts.push(`<header><h1>${esc(doc.title)}</h1><p class="subtitle">${esc(doc.subtitle)}</p></header>`);
  if (doc.description !== '' || doc.sources.length > 0) {
    parts.push('<section id="scenario"><h2>The scenario</h2>');
    if (doc.description !== '') parts.push(...doc.description.split(/\n\s*\n/).map((p) => `<p>${esc(p.trim())}</p>`));
    if (doc.sources.length > 0) {
      parts.push('<p><strong>Sources</strong></p><ul class="sources">', ...doc.sources.map((s) => `<li>${esc(s)}</li>`), '</ul>');
    }
    parts.push('</section>');
  }
  parts.push('<section id="parameters"><h2>Parameters</h2><table class="parameters"><tbody>',
    ...doc.parameters.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`), '</tbody></table></section>');
  parts.push('<section id="summary"><h2>Summary</h2><ul class="summary">', ...doc.summary.map((s) => `<li>${esc(s)}</li>`), '</ul></section>');
  for (const chart of doc.charts) {
    const files = options.figureFiles?.[chart.id] ?? [];
    parts.push(`<section id="${esc(chart.id)}"><h2>${esc(chart.title)}</h2><figure>`,
      `<div class="chart" id="chart-${esc(chart.id)}" data-chart="${esc(chart.id)}" role="img" aria-label="${esc(chart.title)}"></div>`,
      `<figcaption>${esc(chart.caption)}</figcaption>`,
      ...(files.length > 0 ? [`<p class="figure-files">For papers: ${files.map((f) => `<a href="${esc(f)}"><code>${esc(f)}</code></a>`).join(', ')}</p>`] : []),
      '</figure></section>');
  }
  if (doc.files.length > 0) {
    parts.push('<section id="files" class="files"><h2>Data files</h2><ul>',
      ...doc.files.map((f) => `<li><code>${esc(f.name)}</code> — ${esc(f.description)}</li>`), '</ul></section>');
  }
  if (options.generator !== undefined) parts.push(`<footer>${esc(options.generator)}</footer>`);
  parts.push(`<script type="application/json" id="report-specs">${specJson}</script>`);
  parts.push(`<script>${inlineScript(libraries.vega)}</script>`);
  parts.push(`<script>${inlineScript(libraries.vegaLite)}</script>`);
  parts.push(`<script>${inlineScript(libraries.vegaEmbed)}</script>`);
  parts.push(`<script>${BOOT}</script>`);
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}
