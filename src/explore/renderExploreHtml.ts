import type { CowFileKey } from '../data/cowFiles.js';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import { exportButtons } from './exportButtons.js';

/** The browser bundles of the explorer (dist/explore/*.js, scripts/build-explore.mjs), as text. */
export interface ExploreBundles {
  /** The page script: controls, sliders, views. */
  page: string;
  /** The Web Worker's script: the core, run from an inline Blob. */
  worker: string;
  /** The worker's math chunk (mathjs: expressions, ensemble statistics), loaded only when needed. */
  math: string;
  /** The worker's scenario chunk (zod, yaml, the resolver: dropped files), loaded only when needed. */
  scenario: string;
}

/** A scenario the page carries for its picker: its resolved JSON, gzip-compressed and base64-encoded. */
export interface PackedScenario {
  id: string;
  title: string;
  /** base64 of the gzip of `JSON.stringify(resolvedScenario)`, unpacked by the page when picked. */
  packed: string;
}

/** Options of {@link renderExploreHtml}. */
export interface RenderExploreOptions {
  bundles: ExploreBundles;
  /** The seed the page starts with. */
  seed: number;
  /** A line for the page's footer (e.g. the generator and its version). */
  generator?: string;
  /** Other scenarios the page offers in its picker (the bundled ones), packed. */
  library?: readonly PackedScenario[];
  /**
   * The COW tables for dropped files' data references (`counterpoise explore --with-data`): the
   * CSV text of each file, gzip-compressed and base64-encoded. Without: data references are errors
   * in the page, which say how to get a page for the file.
   */
  data?: Partial<Record<CowFileKey, string>>;
}

/** JSON safe inside an inline `<script>` element. */
function json(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Makes script text safe inside an inline `<script>` element (`<\/` and `<\!` mean the same in JS strings). */
function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #222; margin: 0 auto; padding: 12px 20px 32px; max-width: 1280px; }
body.dragging { outline: 4px dashed #0072B2; outline-offset: -8px; }
h1 { font-size: 1.4em; margin: 0; } h2 { font-size: 1.05em; margin: 0 0 6px; }
#controls { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; margin: 10px 0; padding: 8px; background: #f4f4f4; border-radius: 6px; }
button { font: inherit; padding: 4px 10px; } button:focus-visible, input:focus-visible { outline: 3px solid #0072B2; outline-offset: 1px; }
#seed { width: 6em; } #scenario-pick { max-width: 22em; } .pick { white-space: nowrap; }
.layout { display: grid; grid-template-columns: 330px 1fr; gap: 16px; }
.views { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 14px; }
figure, section.panel { margin: 0; padding: 8px; border: 1px solid #ddd; border-radius: 6px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg { width: 100%; height: auto; display: block; }
#threat-chart { width: auto; max-width: 100%; }
.slider { display: grid; grid-template-columns: 1fr 3.5em; gap: 0 6px; margin: 6px 0; }
.slider label { grid-column: 1 / span 2; } .slider .note { grid-column: 1 / span 2; color: #a33c00; font-size: 0.9em; }
.legend span { margin-right: 10px; } .legend i { display: inline-block; width: 14px; height: 4px; margin-right: 4px; vertical-align: middle; }
#states { list-style: none; padding: 0; margin: 0; max-height: 420px; overflow-y: auto; }
button.state { display: grid; grid-template-columns: 4em 120px 1fr; gap: 6px; width: 100%; text-align: left; background: none; border: 0; padding: 2px; cursor: pointer; }
button.state:hover { background: #eef; } .bar { background: #eee; height: 12px; margin-top: 3px; } .fill { display: block; height: 100%; }
#explanation { white-space: pre-wrap; font-size: 12px; max-height: 520px; overflow: auto; background: #fafafa; margin: 0; }
#issues { border: 2px solid #D55E00; padding: 8px; margin: 10px 0; } #issue-list { white-space: pre-wrap; margin: 0; }
#events, #scheduled { margin: 0; padding-left: 1.2em; max-height: 200px; overflow-y: auto; font-size: 0.92em; }
#scheduled .fired { color: #777; } #events .scenario { font-weight: 600; }
footer { margin-top: 24px; color: #888; font-size: 0.85em; }
`;

const LEGEND = '<p class="legend" aria-hidden="true"><span><i style="background:#999999"></i>accommodate</span><span><i style="background:#D55E00"></i>hard</span>'
  + '<span><i style="background:#E69F00"></i>soft</span><span><i style="background:#0072B2"></i>institutional</span></p>';



/**
 * Renders the explorer as one self-contained HTML page: the resolved scenario as JSON, the core's
 * browser bundle as the text of an inline Web Worker and its two chunks (loaded by the worker only
 * when needed), the picker's other scenarios and, optionally, the COW tables (both packed), and
 * the page script, so it opens offline from a file:// URL and makes no request. Pure: the same
 * scenario, seed, bundles and packed data give the same bytes.
 */
export function renderExploreHtml(scenario: ResolvedScenario, options: RenderExploreOptions): string {
  const data = json({ scenario, seed: options.seed });
  const title = `${scenario.meta.title} — counterpoise explorer`;
  return ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">', `<title>${esc(title)}</title>`, `<style>${STYLE}</style>`,
    '</head>', '<body>',
    `<header><h1 id="title">${esc(scenario.meta.title)}</h1><p id="status" role="status" aria-live="polite">Starting the model…</p></header>`,
    '<section id="controls" aria-label="Run controls">',
    '<button type="button" id="play" aria-label="Play (space)" aria-pressed="false">▶ Play</button>',
    '<button type="button" id="step" aria-label="Step one tick (right arrow)">Step ▸</button>',
    '<button type="button" id="reset" aria-label="Reset to tick 0 (R)">↺ Reset</button>',
    '<label for="speed">Speed</label><input type="range" id="speed" min="1" max="120" step="1" value="20" aria-describedby="speed-value"> <output id="speed-value" for="speed"></output>',
    '<label for="seed">Seed</label><input type="number" id="seed" min="0" step="1" value="42">',
    '<span class="pick"><label for="scenario-pick">Scenario</label> <select id="scenario-pick"></select></span>',
    '<span class="pick"><label for="file">Scenario file (or drop one on the page)</label> <input type="file" id="file" accept=".yaml,.yml,.json"></span>',
    '<span>Tick <output id="tick">0</output>, year <output id="year"></output></span>',
    '<button type="button" id="export-csv" aria-label="Export the run\'s ticks as CSV">Export CSV</button>',
    '</section>',
    '<section id="issues" hidden role="alert"><h2>Problems in <span id="issue-file"></span></h2><pre id="issue-list"></pre></section>',
    '<div class="layout">',
    '<aside><section class="panel" id="sliders" aria-label="Conditions and parameters"></section>',
    '<section class="panel" aria-labelledby="events-h"><h2 id="events-h">Timeline</h2><p>Scenario events:</p><ul id="scheduled"></ul><p>What happened (latest first):</p><ul id="events" aria-live="off"></ul></section></aside>',
    '<main class="views">',
    `<figure id="view-families"><figcaption id="families-h">Strategy families over time (states choosing each)</figcaption>${LEGEND}<svg id="families-chart" role="img" aria-labelledby="families-h"></svg>${exportButtons('families')}</figure>`,
    `<figure id="view-con"><figcaption id="con-h">Concentration CON (solid) and mean threat (dashed)</figcaption><svg id="con-chart" role="img" aria-labelledby="con-h"></svg>${exportButtons('con')}</figure>`,
    '<figure id="view-states"><figcaption id="states-h">Capability shares and last choice — click a state to see why</figcaption><ul id="states" aria-labelledby="states-h"></ul></figure>',
    `<figure id="view-threat"><figcaption id="threat-h">Threat matrix T_ij: row i perceives column j (white 0 → dark blue the largest, T = <span id="threat-max"></span>; hover a cell for its value)</figcaption><svg id="threat-chart" role="img" aria-labelledby="threat-h"></svg>${exportButtons('threat')}</figure>`,
    '<section class="panel" id="view-explain" aria-labelledby="explain-h"><h2 id="explain-h">Why</h2><pre id="explanation" aria-live="polite">Click a state to see why it chose what it did in the last tick.</pre></section>',
    '</main>', '</div>',
    ...(options.generator === undefined ? [] : [`<footer>${esc(options.generator)} · keys: space play/pause, → step, R reset</footer>`]),
    `<script type="application/json" id="cp-scenario">${data}</script>`,
    `<script type="application/json" id="cp-library">${json(options.library ?? [])}</script>`,
    `<script type="application/json" id="cp-data">${json(options.data ?? null)}</script>`,
    `<script type="text/plain" id="cp-worker">${inlineScript(options.bundles.worker)}</script>`,
    `<script type="text/plain" id="cp-chunk-math">${inlineScript(options.bundles.math)}</script>`,
    `<script type="text/plain" id="cp-chunk-scenario">${inlineScript(options.bundles.scenario)}</script>`,
    `<script>${inlineScript(options.bundles.page)}</script>`,
    '</body>', '</html>', ''].join('\n');
}
