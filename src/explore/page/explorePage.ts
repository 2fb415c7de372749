/**
 * The explorer page (bundled for the browser as dist/explore/page.js and inlined in the HTML that
 * `counterpoise explore` writes): starts the core in a Web Worker made from the inline worker
 * source, and draws the controls, sliders and views from the worker's frames. Typechecked with
 * tsconfig.page.json (DOM types).
 */
import { FAMILIES, type Family } from '../../decision/options.js';
import type { TickRecord } from '../../metrics/TickRecord.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { FAMILY_COLORS, OPTION_LABELS } from '../../report/strategyLabels.js';
import { drawMap } from './drawMap.js';
import { drawNetwork } from './drawNetwork.js';
import { exportButtons } from '../exportButtons.js';
import type { PackedScenario } from '../renderExploreHtml.js';
import type { ExploreDataTables } from '../worker/ExploreLibraries.js';
import {
  PARAMETER_SLIDERS, SYSTEM_SLIDERS, type ExploreEnsemble, type ExploreFrame, type ExploreReply, type ExploreRequest, type ExploreScenarioInfo, type ExploreSetting,
} from '../ExploreMessages.js';

const SVG = 'http://www.w3.org/2000/svg';

/** What the page shows, kept for the views and read by the browser tests (`window.__explore`). */
interface PageState {
  info: ExploreScenarioInfo | null;
  frame: ExploreFrame | null;
  records: TickRecord[];
  events: ExploreFrame['events'];
  playing: boolean;
  explanation: { state: string; tick: number; lines: string[] } | null;
  issues: string[];
  ensemble: ExploreEnsemble | null;
  /** Replies received, by type (tests wait on them). */
  replies: Record<string, number>;
}

const state: PageState = { info: null, frame: null, records: [], events: [], playing: false, explanation: null, issues: [], ensemble: null, replies: {} };
(window as unknown as { __explore: PageState }).__explore = state;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  return el as T;
}

function svgEl(name: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

// ---- the worker, and the texts of its chunks, which it runs only when it needs them ----
const workerSource = byId('cp-worker').textContent ?? '';
const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
const send = (request: ExploreRequest): void => worker.postMessage(request);
send({ type: 'chunks', sources: { math: byId('cp-chunk-math').textContent ?? '', scenario: byId('cp-chunk-scenario').textContent ?? '' } });

// ---- packed data (the picker's scenarios, the COW tables): gzip + base64, unpacked when used ----
async function unpack(packed: string): Promise<string> {
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}
const library = JSON.parse(byId('cp-library').textContent ?? '[]') as PackedScenario[];
const packedData = JSON.parse(byId('cp-data').textContent ?? 'null') as ExploreDataTables | null;
let tables: Promise<ExploreDataTables> | null = null;
/** The COW tables of a page built with --with-data, unpacked once (null without). */
function dataTables(): Promise<ExploreDataTables | null> {
  if (packedData === null) return Promise.resolve(null);
  tables ??= Promise.all(Object.entries(packedData).map(async ([k, v]) => [k, await unpack(v as string)] as const))
    .then((entries) => Object.fromEntries(entries) as ExploreDataTables);
  return tables;
}

// ---- the URL holds the scenario, the seed, the speed and the sliders moved: #scenario=…&seed=…&lambda=… ----
const hashSettings = new Map<string, number>();
function readHash(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}
function writeHash(): void {
  const q = new URLSearchParams();
  if (state.info !== null) q.set('scenario', state.info.id);
  q.set('seed', String(seed()));
  q.set('speed', String(speed()));
  for (const [k, v] of hashSettings) q.set(k, String(v));
  try {
    history.replaceState(null, '', `#${q.toString()}`);
  } catch {
    location.hash = q.toString();
  }
}

// ---- controls ----
const playButton = byId<HTMLButtonElement>('play');
const stepButton = byId<HTMLButtonElement>('step');
const resetButton = byId<HTMLButtonElement>('reset');
const speedInput = byId<HTMLInputElement>('speed');
const seedInput = byId<HTMLInputElement>('seed');
const fileInput = byId<HTMLInputElement>('file');
const statusLine = byId('status');

const speed = (): number => Number(speedInput.value);
const seed = (): number => {
  const s = Math.trunc(Number(seedInput.value));
  return Number.isFinite(s) && s >= 0 ? s : 0;
};

function setPlaying(playing: boolean): void {
  state.playing = playing;
  playButton.textContent = playing ? '❚❚ Pause' : '▶ Play';
  playButton.setAttribute('aria-label', playing ? 'Pause (space)' : 'Play (space)');
  playButton.setAttribute('aria-pressed', String(playing));
}

function togglePlay(): void {
  if (state.playing) send({ type: 'pause' });
  else send({ type: 'play', ticksPerSecond: speed() });
  setPlaying(!state.playing);
}

function reset(): void {
  state.records = [];
  state.events = [];
  state.explanation = null;
  setPlaying(false);
  send({ type: 'reset', seed: seed() });
}

playButton.addEventListener('click', togglePlay);
stepButton.addEventListener('click', () => { setPlaying(false); send({ type: 'step', ticks: 1 }); });
resetButton.addEventListener('click', reset);
seedInput.addEventListener('change', () => { reset(); writeHash(); });
speedInput.addEventListener('input', () => {
  byId('speed-value').textContent = `${speed()} ticks/s`;
  if (state.playing) send({ type: 'play', ticksPerSecond: speed() });
  writeHash();
});

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  if (target !== null && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
  if (event.key === ' ' && target?.tagName !== 'BUTTON') { event.preventDefault(); togglePlay(); }
  else if (event.key === 'ArrowRight' || event.key === '.') { event.preventDefault(); setPlaying(false); send({ type: 'step', ticks: 1 }); }
  else if (event.key === 'r' || event.key === 'R') { event.preventDefault(); reset(); }
});

// ---- a scenario file dropped on the page, or chosen ----
async function loadFile(file: File): Promise<void> {
  setPlaying(false);
  const text = await file.text();
  if (packedData !== null) statusLine.textContent = `Reading ${file.name} with the COW tables…`;
  send({ type: 'load-file', name: file.name, text, seed: seed(), tables: await dataTables() });
}
fileInput.addEventListener('change', () => { const f = fileInput.files?.[0]; if (f !== undefined) void loadFile(f); });
document.addEventListener('dragover', (event) => { event.preventDefault(); document.body.classList.add('dragging'); });
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  const f = event.dataTransfer?.files[0];
  if (f !== undefined) void loadFile(f);
});

// ---- sliders ----
const sliderNotes = new Map<string, HTMLElement>();
const sliderInputs = new Map<string, HTMLInputElement>();

function slider(setting: ExploreSetting, label: string, value: number, min: number, max: number, step: number, disabledNote: string): HTMLElement {
  const id = `slider-${setting.kind}-${setting.key}`;
  const row = document.createElement('div');
  row.className = 'slider';
  const lab = document.createElement('label');
  lab.htmlFor = id;
  lab.textContent = label;
  const input = document.createElement('input');
  Object.assign(input, { type: 'range', id, min: String(min), max: String(max), step: String(step), value: String(value) });
  input.dataset.setting = `${setting.kind}.${setting.key}`;
  const out = document.createElement('output');
  out.htmlFor.add(id);
  out.textContent = value.toFixed(2);
  const note = document.createElement('span');
  note.className = 'note';
  note.id = `${id}-note`;
  note.setAttribute('role', 'status');
  input.setAttribute('aria-describedby', note.id);
  if (disabledNote !== '') { input.disabled = true; note.textContent = disabledNote; }
  input.addEventListener('input', () => {
    out.textContent = Number(input.value).toFixed(2);
    send({ type: 'set', setting, value: Number(input.value) });
  });
  sliderNotes.set(`${setting.kind}.${setting.key}`, note);
  sliderInputs.set(`${setting.kind}.${setting.key}`, input);
  row.append(lab, input, out, note);
  return row;
}

function buildSliders(info: ExploreScenarioInfo): void {
  const box = byId('sliders');
  box.replaceChildren();
  sliderNotes.clear();
  sliderInputs.clear();
  const h = document.createElement('h2');
  h.textContent = 'Conditions and parameters';
  box.append(h);
  for (const s of SYSTEM_SLIDERS) {
    const fixed = info.expressionFields.includes(s.key) ? 'follows the scenario\'s expression of time' : '';
    box.append(slider({ kind: 'system', key: s.key }, s.label, info.system[s.key], 0, 1, 0.01, fixed));
  }
  for (const p of PARAMETER_SLIDERS) box.append(slider({ kind: 'parameter', key: p.key }, p.label, info.parameters[p.key], p.min, p.max, p.step, ''));
}

// ---- views ----
const W = 560;
const H = 180;
const PAD = { left: 36, right: 8, top: 8, bottom: 22 };

/** Draws lines over ticks into an SVG: one per series, y from 0 to `ymax`. */
function lineChart(svg: SVGSVGElement, series: { name: string; color: string; values: number[]; dash?: string }[], ymax: number, yLabel: string): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const n = Math.max(...series.map((s) => s.values.length), 1);
  const x = (i: number): number => PAD.left + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number): number => H - PAD.bottom - (ymax <= 0 ? 0 : (v / ymax) * (H - PAD.top - PAD.bottom));
  svg.append(svgEl('line', { x1: PAD.left, y1: y(0), x2: W - PAD.right, y2: y(0), stroke: '#888' }));
  svg.append(svgEl('line', { x1: PAD.left, y1: y(0), x2: PAD.left, y2: y(ymax), stroke: '#888' }));
  const yl = svgEl('text', { x: 2, y: PAD.top + 10, 'font-size': 11, fill: '#444' });
  yl.textContent = `${yLabel} ${ymax.toFixed(ymax < 2 ? 2 : 0)}`;
  svg.append(yl);
  const xl = svgEl('text', { x: W - PAD.right, y: H - 4, 'font-size': 11, fill: '#444', 'text-anchor': 'end' });
  xl.textContent = `tick ${Math.max(n - 1, 0)}`;
  svg.append(xl);
  const stride = Math.max(1, Math.ceil(n / 600));
  for (const s of series) {
    let d = '';
    for (let i = 0; i < s.values.length; i += stride) d += `${d === '' ? 'M' : 'L'}${x(i).toFixed(1)},${y(s.values[i]).toFixed(1)}`;
    if (s.values.length > 0) d += `L${x(s.values.length - 1).toFixed(1)},${y(s.values[s.values.length - 1]).toFixed(1)}`;
    const path = svgEl('path', { d, fill: 'none', stroke: s.color, 'stroke-width': 2, 'data-series': s.name });
    if (s.dash !== undefined) path.setAttribute('stroke-dasharray', s.dash);
    svg.append(path);
  }
}

const DASH: Record<Family, string | undefined> = { accommodate: '2 3', hard: undefined, soft: '6 3', institutional: '1 0' };

function drawFamilies(): void {
  const info = state.info;
  if (info === null) return;
  lineChart(byId('families-chart') as unknown as SVGSVGElement,
    FAMILIES.map((f) => ({ name: f, color: FAMILY_COLORS[f], values: state.records.map((r) => r.families[f]), dash: DASH[f] })),
    info.states.length, 'states');
}

function drawCon(): void {
  lineChart(byId('con-chart') as unknown as SVGSVGElement, [{ name: 'CON', color: '#0072B2', values: state.records.map((r) => r.con) },
    { name: 'mean threat', color: '#D55E00', values: state.records.map((r) => r.meanThreat), dash: '6 3' }], 1, '');
}

function drawStates(): void {
  const { info, frame } = state;
  if (info === null || frame === null) return;
  const list = byId('states');
  if (list.childElementCount !== info.states.length) {
    list.replaceChildren(...info.states.map((s) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'state';
      b.dataset.state = s.id;
      b.addEventListener('click', () => explainState(s.id));
      b.innerHTML = '<span class="id"></span><span class="bar"><span class="fill"></span></span><span class="what"></span>';
      (b.querySelector('.id') as HTMLElement).textContent = s.id;
      li.append(b);
      return li;
    }));
  }
  const max = Math.max(...frame.shares, 1e-9);
  info.states.forEach((s, i) => {
    const b = list.children[i].firstElementChild as HTMLElement;
    const fam = frame.families[i];
    const fill = b.querySelector('.fill') as HTMLElement;
    fill.style.width = `${(100 * frame.shares[i]) / max}%`;
    fill.style.background = fam === null ? '#bbb' : FAMILY_COLORS[fam];
    const action = frame.actions[i];
    const what = action === null ? '' : `${OPTION_LABELS[action]}${frame.mainThreats[i] === null ? '' : ` · threat ${frame.mainThreats[i]}`}`;
    (b.querySelector('.what') as HTMLElement).textContent = `${(100 * frame.shares[i]).toFixed(1)}% ${what}`;
    b.setAttribute('aria-label', `${s.name}: ${(100 * frame.shares[i]).toFixed(1)}% of capabilities${action === null ? '' : `, chose ${OPTION_LABELS[action]}`}; explain its decision`);
  });
}

/** A light-to-dark blue ramp (readable for every colour vision): 0 white, 1 dark blue. */
function heat(t: number): string {
  const v = Math.max(0, Math.min(1, t));
  const lerp = (a: number, b: number): number => Math.round(a + (b - a) * v);
  return `rgb(${lerp(247, 8)},${lerp(251, 48)},${lerp(255, 107)})`;
}

function drawThreat(): void {
  const { info, frame } = state;
  if (info === null || frame === null) return;
  const svg = byId('threat-chart') as unknown as SVGSVGElement;
  const n = info.states.length;
  const cell = Math.max(6, Math.min(28, Math.floor(420 / n)));
  const left = 44;
  const top = 44;
  if (svg.getAttribute('data-n') !== String(n)) {
    svg.replaceChildren();
    svg.setAttribute('data-n', String(n));
    svg.setAttribute('viewBox', `0 0 ${left + n * cell + 4} ${top + n * cell + 4}`);
    svg.setAttribute('width', String(left + n * cell + 4));
    svg.setAttribute('height', String(top + n * cell + 4));
    const fs = Math.min(11, cell);
    info.states.forEach((s, i) => {
      const row = svgEl('text', { x: left - 3, y: top + i * cell + cell * 0.75, 'font-size': fs, 'text-anchor': 'end' });
      row.textContent = s.id;
      const col = svgEl('text', { x: 0, y: 0, 'font-size': fs, transform: `translate(${left + i * cell + cell * 0.75},${top - 3}) rotate(-90)` });
      col.textContent = s.id;
      svg.append(row, col);
    });
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const r = svgEl('rect', { x: left + j * cell, y: top + i * cell, width: cell - 1, height: cell - 1, 'data-cell': `${i},${j}` });
        r.append(svgEl('title', {}));
        svg.append(r);
      }
    }
  }
  const rects = svg.querySelectorAll('rect');
  const top1 = Math.max(...frame.threat, 1e-9);
  byId('threat-max').textContent = top1.toFixed(3);
  for (let k = 0; k < rects.length; k++) {
    const t = frame.threat[k] ?? 0;
    rects[k].setAttribute('fill', heat(t / top1));
    const i = Math.floor(k / n);
    const j = k % n;
    (rects[k].firstChild as SVGElement).textContent = `threat to ${info.states[i].id} from ${info.states[j].id}: ${t.toFixed(3)}`;
  }
}

function drawEvents(): void {
  const info = state.info;
  if (info === null) return;
  const list = byId('events');
  const tick = state.frame?.tick ?? 0;
  const scheduled = info.events.map((e) => `<li class="${e.tick !== null && e.tick < tick ? 'fired' : 'pending'}">${e.tick === null ? 'when its condition holds' : `tick ${e.tick}`}: ${escapeHtml(e.label)}</li>`);
  byId('scheduled').innerHTML = scheduled.join('');
  const recent = state.events.slice(-40).reverse();
  list.innerHTML = recent.map((e) => `<li class="${e.scenario ? 'scenario' : 'model'}">tick ${e.tick}: ${escapeHtml(e.text)}</li>`).join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

let drawPending = false;
function draw(): void {
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => {
    drawPending = false;
    const frame = state.frame;
    if (frame === null) return;
    byId('tick').textContent = String(frame.tick);
    byId('year').textContent = frame.year.toFixed(1);
    drawFamilies();
    drawCon();
    drawStates();
    drawThreat();
    drawEvents();
    if (state.info !== null) {
      drawMap(byId('map-chart') as unknown as SVGSVGElement, state.info, frame, explainState);
      drawNetwork(byId('network-chart') as unknown as SVGSVGElement, state.info, frame, explainState);
    }
    document.body.dataset.tick = String(frame.tick);
  });
}

/** Moves the sliders the URL names (once, for the scenario built into the page), before the first tick. */
let hashApplied = false;
function applyHash(info: ExploreScenarioInfo): void {
  if (hashApplied) { hashSettings.clear(); writeHash(); return; }
  hashApplied = true;
  const q = readHash();
  const named = q.get('scenario');
  if (named !== null && named !== info.id) statusLine.textContent += ` (the link names ${named}; this page holds ${info.id})`;
  for (const [key, input] of sliderInputs) {
    const text = q.get(key.split('.')[1]);
    if (text === null || input.disabled || !Number.isFinite(Number(text))) continue;
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }
}

// ---- export: the ticks as CSV, any view as SVG ----
function download(name: string, type: string, content: string | Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

/** A PNG is the view at this many pixels per unit of its viewBox (crisp on high-density screens). */
const PNG_SCALE = 2;

/** A view's SVG as a standalone document, sized by its viewBox. */
function standaloneSvg(view: string): { text: string; width: number; height: number } {
  const svg = byId(`${view}-chart`) as unknown as SVGSVGElement;
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const rect = svg.getBoundingClientRect();
  const width = box.length === 4 && box[2] > 0 ? box[2] : Math.max(1, Math.round(rect.width));
  const height = box.length === 4 && box[3] > 0 ? box[3] : Math.max(1, Math.round(rect.height));
  const clone = svg.cloneNode(true) as Element;
  clone.setAttribute('xmlns', SVG);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

/**
 * Rasterises a view in the page, offline: its SVG drawn as an image on a canvas (white behind,
 * the page's font), PNG_SCALE pixels per viewBox unit, downloaded as `<scenario>-<view>-tick<N>.png`.
 */
async function exportPng(view: string): Promise<void> {
  const { width, height } = standaloneSvg(view);
  const svg = (byId(`${view}-chart`) as unknown as SVGSVGElement).cloneNode(true) as Element;
  svg.setAttribute('xmlns', SVG);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('font-family', getComputedStyle(document.body).fontFamily);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round(height * PNG_SCALE);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const png = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (png === null) throw new Error('the canvas gave no PNG');
  download(`${state.info?.id ?? 'scenario'}-${view}-tick${state.frame?.tick ?? 0}.png`, 'image/png', png);
}
byId('export-csv').addEventListener('click', () => send({ type: 'export-csv' }));
// Each view's SVG button (id export-<view>, beside #<view>-chart).
document.addEventListener('click', (event) => {
  const id = (event.target as HTMLElement | null)?.id ?? '';
  const match = /^export-(png-)?(map|network|families|con|threat|ensemble)$/.exec(id);
  if (match === null) return;
  const view = match[2];
  if (match[1] !== undefined) {
    exportPng(view).catch((error: unknown) => { statusLine.textContent = `Error: PNG export failed: ${error instanceof Error ? error.message : String(error)}`; });
    return;
  }
  download(`${state.info?.id ?? 'scenario'}-${view}-tick${state.frame?.tick ?? 0}.svg`, 'image/svg+xml', standaloneSvg(view).text);
});

/** A view's figure: its caption, what goes between caption and chart, the chart and its SVG and PNG export buttons. */
function viewFigure(view: string, caption: string, controls = ''): HTMLElement {
  const figure = document.createElement('figure');
  figure.id = `view-${view}`;
  figure.innerHTML = `<figcaption id="${view}-h">${caption}</figcaption>${controls}`
    + `<svg id="${view}-chart" role="img" aria-labelledby="${view}-h"></svg>`
    + exportButtons(view);
  return figure;
}

// The world map, first of the views, and the network.
byId('view-families').before(viewFigure('map', 'Map: each state sized by its capability share, coloured by the family of its last choice, an arrow to its main threat — click a state to see why'));
byId('view-families').before(viewFigure('network', 'Alliances (solid), ententes (dashed, wider = stronger) and institutions (squares, dotted to members)'));

// ---- ensemble mode: N seeds in the worker, means with 95 % bands ----
byId('view-explain').before(viewFigure('ensemble', 'Ensemble: states choosing each family, mean over seeds with its 95 % band',
  '<label for="ens-seeds">Seeds</label> <input type="number" id="ens-seeds" min="1" max="1000" value="20"> '
  + '<label for="ens-ticks">Ticks</label> <input type="number" id="ens-ticks" min="1" max="100000" value="100"> '
  + '<button type="button" id="ens-run">Run ensemble</button> <span id="ens-status" role="status"></span>'));
byId('ens-run').addEventListener('click', () => {
  const seeds = Math.trunc(Number(byId<HTMLInputElement>('ens-seeds').value));
  const ticks = Math.trunc(Number(byId<HTMLInputElement>('ens-ticks').value));
  if (state.playing) { send({ type: 'pause' }); setPlaying(false); }
  byId('ens-status').textContent = `running ${seeds} seeds × ${ticks} ticks…`;
  send({ type: 'ensemble', seed: seed(), seeds, ticks });
});

function drawEnsemble(bands: ExploreEnsemble): void {
  const svg = byId('ensemble-chart') as unknown as SVGSVGElement;
  const info = state.info;
  const ymax = info?.states.length ?? 1;
  lineChart(svg, FAMILIES.map((f) => ({ name: f, color: FAMILY_COLORS[f], values: bands.families[f].mean, dash: DASH[f] })), ymax, 'states');
  const n = bands.ticks;
  const x = (i: number): number => PAD.left + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number): number => H - PAD.bottom - (v / ymax) * (H - PAD.top - PAD.bottom);
  const stride = Math.max(1, Math.ceil(n / 600));
  for (const f of FAMILIES) {
    const { low, high } = bands.families[f];
    const up: string[] = [];
    const down: string[] = [];
    for (let i = 0; i < n; i += stride) { up.push(`${x(i).toFixed(1)},${y(high[i]).toFixed(1)}`); down.push(`${x(i).toFixed(1)},${y(low[i]).toFixed(1)}`); }
    svg.insertBefore(svgEl('polygon', { points: [...up, ...down.reverse()].join(' '), fill: FAMILY_COLORS[f], 'fill-opacity': 0.22, stroke: 'none', 'data-band': f }), svg.firstChild);
  }
  byId('ens-status').textContent = `${bands.seeds.length} seeds (${bands.seeds[0]}–${bands.seeds[bands.seeds.length - 1]}), ${n} ticks`;
}

// ---- why: the explanation of one state's decision ----
function explainState(id: string): void {
  const frame = state.frame;
  const out = byId('explanation');
  if (frame === null || frame.tick === 0) {
    out.textContent = `Step the run first: ${id} has not decided anything yet.`;
    return;
  }
  out.textContent = `Explaining ${id} at tick ${frame.tick - 1}…`;
  send({ type: 'explain', state: id, tick: frame.tick - 1 });
}

// ---- replies ----
worker.onmessage = (event: MessageEvent<ExploreReply>) => {
  const reply = event.data;
  state.replies[reply.type] = (state.replies[reply.type] ?? 0) + 1;
  switch (reply.type) {
    case 'loaded': {
      state.info = reply.info;
      state.records = [];
      state.events = [];
      state.issues = [];
      byId('issues').hidden = true;
      byId('title').textContent = reply.info.title;
      document.title = `${reply.info.title} — counterpoise explorer`;
      byId('states').replaceChildren();
      buildSliders(reply.info);
      state.frame = reply.frame;
      statusLine.textContent = `Loaded ${reply.info.id}: ${reply.info.states.length} states.`;
      if ([...picker.options].some((o) => o.value === reply.info.id)) picker.value = reply.info.id;
      applyHash(reply.info);
      document.body.dataset.ready = 'true';
      draw();
      return;
    }
    case 'frame':
      if (reply.frame.tick === 0) { state.records = []; state.events = []; }
      state.frame = reply.frame;
      state.records.push(...reply.frame.records);
      state.events.push(...reply.frame.events);
      if (!reply.playing && state.playing && reply.frame.records.length > 0) setPlaying(false);
      draw();
      return;
    case 'issues': {
      state.issues = reply.lines;
      byId('issue-list').textContent = reply.lines.join('\n');
      byId('issue-file').textContent = reply.file;
      byId('issues').hidden = false;
      statusLine.textContent = `${reply.file} has ${reply.lines.length} problem${reply.lines.length === 1 ? '' : 's'}; the run shown is unchanged.`;
      return;
    }
    case 'set': {
      const key = `${reply.setting.kind}.${reply.setting.key}`;
      const note = sliderNotes.get(key);
      const input = sliderInputs.get(key);
      if (note === undefined || input === undefined || Number(input.value) !== reply.value) return;
      note.textContent = reply.applied ? '' : `not applied: ${reply.note}`;
      if (reply.applied) { hashSettings.set(reply.setting.key, reply.value); writeHash(); }
      input.setAttribute('aria-invalid', String(!reply.applied));
      return;
    }
    case 'explained':
      state.explanation = { state: reply.state, tick: reply.tick, lines: reply.lines };
      byId('explanation').textContent = reply.lines.join('\n');
      return;
    case 'ensemble':
      state.ensemble = reply.bands;
      drawEnsemble(reply.bands);
      return;
    case 'csv':
      download(reply.name, 'text/csv', reply.text);
      return;
    case 'error':
      statusLine.textContent = `Error: ${reply.message}`;
      return;
  }
};

// ---- start: the scenario built into the page ----
const embedded = JSON.parse(byId('cp-scenario').textContent ?? 'null') as { scenario: ResolvedScenario; seed: number };
const startHash = readHash();
seedInput.value = startHash.get('seed') ?? String(embedded.seed);
if (startHash.get('speed') !== null) speedInput.value = startHash.get('speed') as string;
byId('speed-value').textContent = `${speed()} ticks/s`;

// ---- the scenario picker: the page's own scenario, then the bundled ones (unpacked when picked) ----
const picker = byId<HTMLSelectElement>('scenario-pick');
picker.replaceChildren(...[{ id: embedded.scenario.meta.id, title: embedded.scenario.meta.title }, ...library].map((c) => {
  const option = document.createElement('option');
  option.value = c.id;
  option.textContent = `${c.title} (${c.id})`;
  return option;
}));
async function pickScenario(id: string): Promise<void> {
  const packed = library.find((x) => x.id === id);
  if (state.playing) { send({ type: 'pause' }); setPlaying(false); }
  statusLine.textContent = `Loading ${id}…`;
  const scenario = packed === undefined ? embedded.scenario : JSON.parse(await unpack(packed.packed)) as ResolvedScenario;
  send({ type: 'load', scenario, seed: seed() });
}
picker.addEventListener('change', () => {
  pickScenario(picker.value).catch((error: unknown) => { statusLine.textContent = `Error: ${error instanceof Error ? error.message : String(error)}`; });
});

// ---- start: the scenario the link names when the page carries it, else the page's own ----
const named = startHash.get('scenario');
if (named !== null && library.some((x) => x.id === named)) picker.value = named;
void pickScenario(picker.value);
