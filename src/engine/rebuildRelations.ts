import { timesPowerOfTwo } from '../model/capabilityLimits.js';
import type { ResolvedScenario, ResolvedState } from '../model/ResolvedScenario.js';
import { proximityOf, type RelationMatrices } from './createWorld.js';
import { remapMatrix } from './remapMatrix.js';
import type { World } from './World.js';

/**
 * The relation matrices of a world rebuilt for a new set of states (model note N43), made from the
 * world before in its own buffers (remapMatrix: in place, no allocation while they hold the new
 * world; the old world's matrices are invalid afterwards). Pairs of states that stay keep their
 * proximity, beliefs, trade and its baseline, alliance and entente; pairs with an entering state
 * take the scenario's values (what createWorld gives them: the proximity from the dyad's distance
 * or the locations, the prior or stated perception, the dyad's trade, alliance and entente); a
 * state that enters again (`reentering`) has no alliances or ententes. The diagonal is the
 * scenario's (createWorld's), as for a new world.
 *
 * `scenario` holds the states in the system (restrictScenario), `states` them in canonical order,
 * `from` each one's index in the world before (−1 for an entering state).
 * @internal
 */
export function rebuildRelations(
  scenario: ResolvedScenario, states: readonly ResolvedState[], old: World, from: Int32Array, reentering: Uint8Array, capacity: number,
): RelationMatrices {
  const n = states.length;
  const on = old.n;
  const remap = <T extends Float64Array | Uint8Array>(m: T): T => remapMatrix(m, on, n, from, capacity);
  const rel: RelationMatrices = {
    proximity: remap(old.proximity), ahat: remap(old.ahat), trade: remap(old.trade), tradeBase: remap(old.tradeBase),
    ally: remap(old.ally), ent: remap(old.ent),
  };
  const { proximity, ahat, trade, tradeBase, ally, ent } = rel;
  const entering: number[] = [];
  for (let i = 0; i < n; i++) if (from[i] < 0) entering.push(i);
  // Rows and columns of the entering states, and the diagonal, start from zero as in a new world.
  for (const e of entering) {
    for (const m of [proximity, ahat, trade, tradeBase, ally, ent]) {
      m.fill(0, e * n, e * n + n);
      for (let j = 0; j < n; j++) m[j * n + e] = 0;
    }
  }
  for (let i = 0; i < n; i++) {
    const d = i * n + i;
    proximity[d] = 0; ahat[d] = 0; trade[d] = 0; tradeBase[d] = 0; ally[d] = 0; ent[d] = 0;
  }
  if (entering.length === 0 && !scenario.dyads.some((d) => d.between[0] === d.between[1])) return rel;
  const index = new Map(states.map((s, i) => [s.id, i]));
  const isNew = (i: number): boolean => from[i] < 0;
  // The scenario's dyads of pairs with an entering state (or on the diagonal), in the scenario's order.
  const exponent = -old.capabilityExponent; // the run's unit (N30)
  const stated = new Map<number, number>();
  for (const d of scenario.dyads) {
    const a = index.get(d.between[0]) as number;
    const b = index.get(d.between[1]) as number;
    if (!(isNew(a) || isNew(b) || a === b)) continue;
    if (d.distance !== undefined) { stated.set(a * n + b, d.distance); stated.set(b * n + a, d.distance); }
    trade[a * n + b] = trade[b * n + a] = exponent === 0 ? d.trade : timesPowerOfTwo(d.trade, exponent);
    tradeBase[a * n + b] = tradeBase[b * n + a] = trade[a * n + b];
    ally[a * n + b] = ally[b * n + a] = d.alliance ? 1 : 0;
    ent[a * n + b] = ent[b * n + a] = d.entente;
  }
  const d0 = scenario.parameters.d0;
  for (const e of entering) {
    for (let j = 0; j < n; j++) {
      if (j === e) continue;
      if (isNew(j) && j < e) continue; // the pair was set from j's side
      const i = Math.min(e, j);
      const k = Math.max(e, j);
      proximity[i * n + k] = proximity[k * n + i] = proximityOf(stated.get(i * n + k), states[i], states[k], d0);
      // THEORY §5.1: the prior of ahat_ij is ideo_j (the scenario's), unless the scenario states a perception (below).
      ahat[e * n + j] = states[j].ideology;
      ahat[j * n + e] = states[e].ideology;
    }
  }
  for (const pr of scenario.perceptions) {
    const a = index.get(pr.from) as number;
    const b = index.get(pr.to) as number;
    if (isNew(a) || isNew(b) || a === b) ahat[a * n + b] = pr.intent;
  }
  // A state that enters again (after an occupation) has lost its alliances and ententes.
  for (let i = 0; i < n; i++) {
    if (reentering[i] === 0) continue;
    for (let j = 0; j < n; j++) { ally[i * n + j] = ally[j * n + i] = 0; ent[i * n + j] = ent[j * n + i] = 0; }
  }
  return rel;
}
