import type { SimulationEvent } from '../engine/SimulationEvent.js';

type Value = string | number | boolean | null | undefined;

const text = (v: Value): string => (v === null || v === undefined ? '' : String(v));

/**
 * Reads an event back from a row of the events table (the inverse of the experiments'
 * `eventCells`: tick, type, actor, partner, target, institution, members joined by `;`, majorWar,
 * label). Returns null for a row whose type is unknown.
 */
export function eventFromRow(row: Readonly<Record<string, Value>>): SimulationEvent | null {
  const tick = Number(row.tick);
  const actor = text(row.actor);
  const partner = text(row.partner);
  const target = text(row.target);
  const institution = text(row.institution);
  const members = text(row.members) === '' ? [] : text(row.members).split(';');
  switch (text(row.type)) {
    case 'alliance-formed': return { tick, type: 'alliance-formed', actor, partner, target };
    case 'alliance-lapsed': return { tick, type: 'alliance-lapsed', actor, partner, target };
    case 'club-founded': return { tick, type: 'club-founded', institution, target, members };
    case 'institution-dissolved': return { tick, type: 'institution-dissolved', institution };
    case 'aggression': return { tick, type: 'aggression', actor, target, majorWar: row.majorWar === true || row.majorWar === 'true' };
    case 'episode-start': return { tick, type: 'episode-start', actor, target };
    case 'episode-end': return { tick, type: 'episode-end', actor, target };
    case 'scenario-event': return { tick, type: 'scenario-event', label: text(row.label) };
    case 'institution-joined': return { tick, type: 'institution-joined', institution, state: actor };
    case 'institution-left': return { tick, type: 'institution-left', institution, state: actor };
    case 'accession': { const l = text(row.label); return { tick, type: 'accession', institution, state: actor, admitted: l.startsWith('admitted'), votes: l.replace(/^[^:]*: /, '') }; }
    case 'application': return { tick, type: 'application', institution, state: actor, target, act: text(row.label) === 'II' ? 'II' : 'IE' };
    case 'application-lapsed': return { tick, type: 'application-lapsed', institution, state: actor };
    case 'institution-status': return { tick, type: 'institution-status', institution, state: actor, status: text(row.label) };
    case 'institution-founded': return { tick, type: 'institution-founded', institution, members };
    case 'alliance-begun': return { tick, type: 'alliance-begun', between: [actor, partner] };
    case 'alliance-ended': return { tick, type: 'alliance-ended', between: [actor, partner] };
    case 'state-entered': return { tick, type: 'state-entered', state: actor };
    case 'state-left': return target === '' ? { tick, type: 'state-left', state: actor } : { tick, type: 'state-left', state: actor, into: target };
    default: return null;
  }
}
