import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land110m from 'world-atlas/land-110m.json' with { type: 'json' };
import type { Family } from '../../decision/options.js';
import { FAMILY_COLORS } from '../../report/strategyLabels.js';
import type { ExploreFrame, ExploreScenarioInfo } from '../ExploreMessages.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 560;
const H = 320;

function el(name: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** Positions of the states on the map (null: the scenario gives no location), for the drawn scenario. */
let positions: ([number, number] | null)[] = [];
let drawnFor: ExploreScenarioInfo | null = null;

/**
 * The world map (Natural Earth 1:110m land from world-atlas, projected with d3-geo's Natural Earth
 * projection fitted to the states' capitals): each state a circle sized by its capability share and
 * coloured by the family of its last choice, an arrow to its main threat. Clicking a state calls
 * `onClick`. Draws the land once per scenario and moves only attributes per frame.
 */
export function drawMap(svg: SVGSVGElement, info: ExploreScenarioInfo, frame: ExploreFrame, onClick: (id: string) => void): void {
  if (drawnFor !== info) {
    drawnFor = info;
    svg.replaceChildren();
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    const located = info.states.filter((s) => s.location !== undefined).map((s) => [s.location!.lon, s.location!.lat] as [number, number]);
    if (located.length === 0) {
      positions = info.states.map(() => null);
      const t = el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', fill: '#666' });
      t.textContent = 'The scenario gives no locations: nothing to map.';
      svg.append(t);
      return;
    }
    const projection = geoNaturalEarth1();
    projection.fitExtent([[40, 30], [W - 40, H - 30]], { type: 'MultiPoint', coordinates: located.length === 1 ? [...located, [located[0][0] + 10, located[0][1] + 10]] : located });
    const topology = land110m as unknown as Topology<{ land: GeometryCollection }>;
    const path = geoPath(projection);
    svg.append(el('rect', { x: 0, y: 0, width: W, height: H, fill: '#eef4f8' }));
    svg.append(el('path', { d: path(feature(topology, topology.objects.land)) ?? '', fill: '#e2e2dc', stroke: '#bbb', 'stroke-width': 0.5, 'data-land': 'true' }));
    const defs = el('defs', {});
    const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' });
    marker.append(el('path', { d: 'M0,0L10,5L0,10z', fill: '#444' }));
    defs.append(marker);
    svg.append(defs);
    positions = info.states.map((s) => (s.location === undefined ? null : projection([s.location.lon, s.location.lat])));
    const arrows = el('g', { class: 'arrows' });
    const dots = el('g', { class: 'dots' });
    info.states.forEach((s, i) => {
      const p = positions[i];
      arrows.append(el('line', { 'data-arrow': s.id, stroke: '#444', 'stroke-width': 1.2, 'marker-end': 'url(#arrow)', opacity: 0 }));
      if (p === null) return;
      const c = el('circle', { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 5, stroke: '#222', 'stroke-width': 1, 'data-state': s.id, tabindex: 0, role: 'button' });
      c.setAttribute('aria-label', `${s.name}: explain its decision`);
      c.append(el('title', {}));
      c.addEventListener('click', () => onClick(s.id));
      c.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter') onClick(s.id); });
      const label = el('text', { x: (p[0] + 8).toFixed(1), y: (p[1] + 4).toFixed(1), 'font-size': 10, fill: '#222' });
      label.textContent = s.id;
      dots.append(c, label);
    });
    svg.append(arrows, dots);
  }
  if (positions.every((p) => p === null)) return;
  const index = new Map(info.states.map((s, i) => [s.id, i]));
  info.states.forEach((s, i) => {
    const p = positions[i];
    const fam: Family | null = frame.families[i];
    const circle = svg.querySelector(`circle[data-state="${s.id}"]`);
    if (p !== null && circle !== null) {
      circle.setAttribute('r', (3 + 22 * Math.sqrt(frame.shares[i])).toFixed(1));
      circle.setAttribute('fill', fam === null ? '#bbb' : FAMILY_COLORS[fam]);
      (circle.firstChild as SVGElement).textContent = `${s.name}: ${(100 * frame.shares[i]).toFixed(1)}%${fam === null ? '' : `, ${fam}`}`;
    }
    const line = svg.querySelector(`line[data-arrow="${s.id}"]`);
    const target = frame.mainThreats[i];
    const q = target === null ? null : positions[index.get(target) ?? -1] ?? null;
    if (line === null) return;
    if (p === null || q === null) { line.setAttribute('opacity', '0'); return; }
    // From the state's edge toward the threat, stopping short of the threat's circle.
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    const len = Math.hypot(dx, dy) || 1;
    const r0 = 3 + 22 * Math.sqrt(frame.shares[i]);
    const r1 = 3 + 22 * Math.sqrt(frame.shares[index.get(target as string) ?? 0]);
    line.setAttribute('x1', (p[0] + (dx / len) * r0).toFixed(1));
    line.setAttribute('y1', (p[1] + (dy / len) * r0).toFixed(1));
    line.setAttribute('x2', (q[0] - (dx / len) * (r1 + 2)).toFixed(1));
    line.setAttribute('y2', (q[1] - (dy / len) * (r1 + 2)).toFixed(1));
    line.setAttribute('opacity', len > r0 + r1 + 4 ? '0.7' : '0');
  });
}
