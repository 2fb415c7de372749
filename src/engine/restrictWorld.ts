import type { ResolvedScenario, ResolvedState } from '../model/ResolvedScenario.js';
import { addInstitution, compareIds, createWorld, setStatus } from './createWorld.js';
import { rebuildRelations } from './rebuildRelations.js';
import { matrixCapacity } from './remapMatrix.js';
import { createScratch, type Scratch } from './Scratch.js';
import type { World } from './World.js';
import { carryCincRing } from '../perception/powerShift.js';

/** What a state that left the system keeps, to be restored if it enters again (occupation, re-entry). @internal */
export interface StashedState {
  major: number; mil: number; eco: number; pop: number; growthMil: number; growthEco: number; growthPop: number;
  off: number; nuc: number; rev: number; ideo: number; leg: number; legBase: number; dom: number;
}

/**
 * The scenario restricted to the states in the system (model note N43): their states, the dyads and
 * perceptions between them, the institutions with the members in the system. Not branded: only
 * `createWorld` reads it.
 * @internal
 */
export function restrictScenario(scenario: ResolvedScenario, active: ReadonlySet<string>): ResolvedScenario {
  const keep = (st: ResolvedState): boolean => active.has(st.id);
  return {
    ...scenario,
    states: scenario.states.filter(keep),
    dyads: scenario.dyads.filter((d) => active.has(d.between[0]) && active.has(d.between[1])),
    perceptions: scenario.perceptions.filter((p) => active.has(p.from) && active.has(p.to)),
    institutions: scenario.institutions.map((q) => ({
      ...q, members: q.members.filter((m) => active.has(m)), statuses: q.statuses.filter((h) => active.has(h.state)),
    })),
  };
}

/**
 * Builds the world of a new set of states in the system from the world before (model note N43),
 * between two ticks. States that stay keep everything: capabilities, attributes, beliefs about each
 * other, trade and its baseline, alliances, ententes, memberships, their soft-balancing windows.
 * States that enter start from the scenario's values, with the prior beliefs, the scenario's dyads
 * with the others, and no memberships: data-driven memberships and alliances reach them through
 * the scenario's events. States that re-enter (after an occupation) start from the values they had
 * when they left (`stash`), with the scenario's trade but without alliances or ententes.
 * States that leave are stashed and take their alliances, ententes, trade and memberships with
 * them; a club founded against a state that left keeps going, as a club without a target.
 * @internal
 */
export function restrictWorld(
  scenario: ResolvedScenario, old: World, oldScratch: Scratch, active: ReadonlySet<string>, stash: Map<string, StashedState>,
  episodeWindow: number, entMin: number, threatMatrix: boolean,
): { world: World; scratch: Scratch } {
  // The live institutions are carried over from the old world below, not taken from the scenario.
  const restricted = { ...restrictScenario(scenario, active), institutions: [] };
  const states = [...restricted.states].sort((a, b) => compareIds(a.id, b.id)); // createWorld's order
  const n = states.length;
  const on = old.n;
  const oldIndex = new Map(old.ids.map((id, i) => [id, i]));
  // Stash the leavers.
  for (let i = 0; i < on; i++) {
    if (active.has(old.ids[i])) continue;
    stash.set(old.ids[i], {
      major: old.major[i], mil: old.mil[i], eco: old.eco[i], pop: old.pop[i], growthMil: old.growthMil[i], growthEco: old.growthEco[i],
      growthPop: old.growthPop[i], off: old.off[i], nuc: old.nuc[i], rev: old.rev[i], ideo: old.ideo[i], leg: old.leg[i],
      legBase: old.legBase[i], dom: old.dom[i],
    });
  }
  const from = Int32Array.from(states, (st) => oldIndex.get(st.id) ?? -1); // new index → old index, −1 for an entering state
  const reentering = Uint8Array.from(states, (st, i) => (from[i] < 0 && stash.has(st.id) ? 1 : 0));
  // Pairs of states that stay keep their relations, moved within the old world's buffers (no
  // allocation while they are large enough); pairs with an entering state start from the scenario.
  const relations = rebuildRelations(restricted, states, old, from, reentering, Math.max(n, matrixCapacity(old.ahat)));
  const w = createWorld(restricted, old, { relations });
  for (let i = 0; i < n; i++) {
    const o = from[i];
    if (o >= 0) {
      w.major[i] = old.major[o]; w.mil[i] = old.mil[o]; w.eco[i] = old.eco[o]; w.pop[i] = old.pop[o];
      w.growthMil[i] = old.growthMil[o]; w.growthEco[i] = old.growthEco[o]; w.growthPop[i] = old.growthPop[o];
      w.off[i] = old.off[o]; w.nuc[i] = old.nuc[o]; w.rev[i] = old.rev[o]; w.ideo[i] = old.ideo[o];
      w.leg[i] = old.leg[o]; w.legBase[i] = old.legBase[o]; w.dom[i] = old.dom[o];
    } else if (reentering[i] === 1) {
      const src = stash.get(w.ids[i]) as StashedState;
      w.major[i] = src.major; w.mil[i] = src.mil; w.eco[i] = src.eco; w.pop[i] = src.pop;
      w.growthMil[i] = src.growthMil; w.growthEco[i] = src.growthEco; w.growthPop[i] = src.growthPop;
      w.off[i] = src.off; w.nuc[i] = src.nuc; w.rev[i] = src.rev; w.ideo[i] = src.ideo;
      w.leg[i] = src.leg; w.legBase[i] = src.legBase; w.dom[i] = src.dom;
      stash.delete(w.ids[i]);
    }
  }
  // Affinity (N54), when it is on (its arrays are empty when off), is carried for the pairs that
  // stay, by runs of consecutive old indices (native copies); pairs with an entering state keep
  // createWorld's seed. The diagonal keeps createWorld's value.
  if (w.affinity.length > 0 && old.affinity.length > 0) {
    for (let i = 0; i < n; i++) {
      const a = from[i];
      if (a < 0) continue;
      const diagonal = w.affinity[i * n + i];
      for (let j = 0; j < n;) {
        if (from[j] < 0) { j++; continue; }
        let end = j + 1;
        while (end < n && from[end] === from[end - 1] + 1) end++;
        const src = a * on + from[j];
        w.affinity.set(old.affinity.subarray(src, src + end - j), i * n + j);
        j = end;
      }
      w.affinity[i * n + i] = diagonal;
    }
  }
  // The floors, the system conditions, the last major war, public goods, the tick, the versions and
  // the unit (N30) came over in createWorld's literal (no writes after construction: see there).
  // Live institutions, in their slot order, with the members that stay.
  const to = new Int32Array(on).fill(-1);
  for (let i = 0; i < n; i++) if (from[i] >= 0) to[from[i]] = i;
  for (let q = 0; q < old.instSlots; q++) {
    if (old.instAlive[q] === 0) continue;
    const against = old.instAgainst[q] >= 0 ? to[old.instAgainst[q]] : -1;
    const slot = addInstitution(w, old.instIds[q], old.instNames[q], old.instKind[q], old.instRule[q], old.instStrictness[q],
      old.instStrength[q], old.instBase[q], against);
    for (let o = 0; o < on; o++) {
      if (old.status[q * on + o] === 0 || to[o] < 0) continue;
      setStatus(w, slot, to[o], old.status[q * on + o]);
      w.appliedTick[slot * n + to[o]] = old.appliedTick[q * on + o]; // a chosen candidacy keeps its date (N59)
    }
    for (let o = 0; o < on; o++) if (old.vetoHolder[q * on + o] === 1 && to[o] >= 0) w.vetoHolder[slot * n + to[o]] = 1;
  }
  w.membershipVersion = old.membershipVersion + 1;
  // Alliances the model formed (N29), renumbered; a common target that left the system is gone (−1),
  // so the threat that made the alliance has faded (lapseAlliances).
  for (let k = 0; k < old.formedPairs.length; k++) {
    const key = old.formedPairs[k];
    const a = to[(key / on) | 0];
    const b = to[key % on];
    if (a < 0 || b < 0) continue;
    const t = old.formedTarget[k];
    w.formedPairs.push(Math.min(a, b) * n + Math.max(a, b));
    w.formedTarget.push(t >= 0 ? to[t] : -1);
    w.formedFaded.push(old.formedFaded[k]);
  }

  // The dual-track memory (model §5.9) of the old list, read before the new scratch takes over its buffers.
  const dualCount = oldScratch.dualActiveCount;
  const dualPair = oldScratch.dualActive.slice(0, dualCount);
  const dualInclTick = Float64Array.from(dualPair, (op) => oldScratch.dualInclTick[op]);
  const dualExclTick = Float64Array.from(dualPair, (op) => oldScratch.dualExclTick[op]);
  const dualInclVenue = Int32Array.from(dualPair, (op) => oldScratch.dualInclVenue[op]);
  const dualExclVenue = Int32Array.from(dualPair, (op) => oldScratch.dualExclVenue[op]);
  const s = createScratch(w, episodeWindow, entMin, threatMatrix, oldScratch);
  // Soft-balancing windows of the states that stay, their targets renumbered (a target that left: none).
  const K = episodeWindow;
  for (let i = 0; i < n; i++) {
    const o = from[i];
    if (o < 0) continue;
    for (let k = 0; k < K; k++) {
      const t = oldScratch.episodeRing[o * K + k];
      s.episodeRing[i * K + k] = t >= 0 ? to[t] : -1;
    }
    const e = oldScratch.episodeTarget[o];
    s.episodeTarget[i] = e >= 0 ? to[e] : -1;
  }
  // The within-a-year memory of N28 (pressure in force, the last soft, alliance and founding acts),
  // renumbered; what concerned a state that left is dropped.
  const tpy = w.ticksPerYear;
  for (let slot = 0; slot < tpy; slot++) {
    for (let j = 0; j < n; j++) {
      const o = from[j];
      if (o < 0) continue;
      s.pressRing[slot * n + j] = oldScratch.pressRing[slot * on + o];
      s.pressDomRing[slot * n + j] = oldScratch.pressDomRing[slot * on + o];
    }
  }
  for (let i = 0; i < n; i++) {
    const o = from[i];
    if (o < 0) continue;
    const renumber = (t: number): number => (t >= 0 ? to[t] : -1);
    s.lastPressTick[i] = oldScratch.lastPressTick[o]; s.lastPressTarget[i] = renumber(oldScratch.lastPressTarget[o]);
    s.lastAllyTick[i] = oldScratch.lastAllyTick[o]; s.lastAllyTarget[i] = renumber(oldScratch.lastAllyTarget[o]);
    s.lastFoundTick[i] = oldScratch.lastFoundTick[o]; s.lastFoundTarget[i] = renumber(oldScratch.lastFoundTarget[o]);
    s.lastSoftTick[i] = oldScratch.lastSoftTick[o]; s.lastSoftTarget[i] = renumber(oldScratch.lastSoftTarget[o]); // grievances for holds (N61)
  }
  // The dual-track memory of the pairs whose two states stay, renumbered, in the old list's order.
  for (let a = 0; a < dualCount; a++) {
    const op = dualPair[a];
    const i = to[Math.floor(op / on)];
    const g = to[op % on];
    if (i < 0 || g < 0) continue;
    const pair = i * n + g;
    s.dualInclTick[pair] = dualInclTick[a]; s.dualInclVenue[pair] = dualInclVenue[a];
    s.dualExclTick[pair] = dualExclTick[a]; s.dualExclVenue[pair] = dualExclVenue[a];
    s.dualListed[pair] = 1;
    s.dualActive[s.dualActiveCount++] = pair;
  }
  // The yearly shares of the power shift (N32), renumbered; a state that enters has no history.
  carryCincRing(oldScratch, on, s, from);
  for (let i = 0; i < s.action.length; i++) s.action[i] = -1;
  return { world: w, scratch: s };
}
