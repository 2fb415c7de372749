import type { Family } from '../../decision/options.js';
import { FAMILY_COLORS } from '../../report/strategyLabels.js';
import type { ExploreFrame, ExploreScenarioInfo } from '../ExploreMessages.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 560;
const H = 420;

function el(name: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/**
 * The network of alliances, ententes and institutions: states on a circle (in the scenario's order,
 * coloured by the family of their last choice), formal alliances as solid dark lines, ententes as
 * dashed lines as wide as their level, institutions as squares on an inner circle linked by dotted
 * lines to their members. A fixed layout (no simulation), so the same frame draws the same picture.
 * Redrawn on each frame.
 */
export function drawNetwork(svg: SVGSVGElement, info: ExploreScenarioInfo, frame: ExploreFrame, onClick: (id: string) => void): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const n = info.states.length;
  const cx = W / 2;
  const cy = H / 2;
  const R = Math.min(W, H) / 2 - 36;
  const pos = new Map<string, [number, number]>();
  info.states.forEach((s, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    pos.set(s.id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]);
  });
  const m = frame.institutions.length;
  const ipos = frame.institutions.map((_, k) => {
    const a = -Math.PI / 2 + (2 * Math.PI * (k + 0.5)) / Math.max(m, 1);
    return [cx + R * 0.45 * Math.cos(a), cy + R * 0.45 * Math.sin(a)] as [number, number];
  });
  const line = (p: [number, number], q: [number, number], attrs: Record<string, string | number>): SVGElement =>
    el('line', { x1: p[0].toFixed(1), y1: p[1].toFixed(1), x2: q[0].toFixed(1), y2: q[1].toFixed(1), ...attrs });
  frame.institutions.forEach((q, k) => {
    for (const member of q.members) {
      const p = pos.get(member);
      if (p !== undefined) svg.append(line(ipos[k], p, { stroke: '#0072B2', 'stroke-dasharray': '1 3', 'stroke-width': 1, 'data-membership': `${q.id}:${member}` }));
    }
  });
  for (const e of frame.ententes) {
    const p = pos.get(e.between[0]);
    const q = pos.get(e.between[1]);
    if (p !== undefined && q !== undefined) svg.append(line(p, q, { stroke: '#E69F00', 'stroke-dasharray': '6 3', 'stroke-width': (1 + 3 * e.level).toFixed(1), 'data-entente': e.between.join('-') }));
  }
  for (const [a, b] of frame.alliances) {
    const p = pos.get(a);
    const q = pos.get(b);
    if (p !== undefined && q !== undefined) svg.append(line(p, q, { stroke: '#222', 'stroke-width': 2.5, 'data-alliance': `${a}-${b}` }));
  }
  frame.institutions.forEach((q, k) => {
    const [x, y] = ipos[k];
    const box = el('rect', { x: (x - 5).toFixed(1), y: (y - 5).toFixed(1), width: 10, height: 10, fill: '#fff', stroke: '#0072B2', 'stroke-width': 1.5, 'data-institution': q.id });
    const t = el('title', {});
    t.textContent = `${q.id}: ${q.members.join(', ')}`;
    box.append(t);
    const label = el('text', { x: (x + 7).toFixed(1), y: (y + 3).toFixed(1), 'font-size': 9, fill: '#0072B2' });
    label.textContent = q.id.length > 14 ? `${q.id.slice(0, 13)}…` : q.id;
    svg.append(box, label);
  });
  info.states.forEach((s, i) => {
    const [x, y] = pos.get(s.id) as [number, number];
    const fam: Family | null = frame.families[i];
    const c = el('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 7, fill: fam === null ? '#bbb' : FAMILY_COLORS[fam], stroke: '#222', 'data-node': s.id, tabindex: 0, role: 'button' });
    c.setAttribute('aria-label', `${s.name}: explain its decision`);
    c.addEventListener('click', () => onClick(s.id));
    c.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter') onClick(s.id); });
    const out = x >= cx ? 1 : -1;
    const label = el('text', { x: (x + out * 10).toFixed(1), y: (y + 4).toFixed(1), 'font-size': 10, 'text-anchor': out > 0 ? 'start' : 'end' });
    label.textContent = s.id;
    svg.append(c, label);
  });
}
