import { closeTo } from '../effects/affinityGate.js';
import { OPTION_INDEX } from '../decision/options.js';
import { setStatus } from '../engine/createWorld.js';
import type { TickContext } from '../engine/TickContext.js';
import { STATUS_ASSOCIATE, STATUS_CANDIDATE, STATUS_MEMBER, STATUS_NONE, STATUS_OBSERVER } from './MembershipStatus.js';

const II = OPTION_INDEX.II;
const IE = OPTION_INDEX.IE;

/** Procedure-log kinds (Scratch.procKind). @internal */
export const PROC_APPLIED = 0;
/** @internal */
export const PROC_ADMITTED = 1;
/** @internal */
export const PROC_LAPSED = 2;

/**
 * Applying as a choice (model §5.12, note N59), right after the institutional acts of phase 4b.
 * A state i whose act is II or IE against its main threat j, with T_ij ≥ T_min (a threat to bind or
 * exclude, not friction), applies to one institution when it is neither a member nor a candidate of
 * a *suitable* one — for II an institution that holds j as a member, for IE one that does not.
 * The institution it applies to is the best *eligible* one: live, suitable, not a club founded
 * against i, and i holds no status in it or only an observer's or associate's (not a member, a
 * candidate or a suspended member). For II the best is the strongest (largest s_q); for IE the one
 * with the largest s_q·shared_q(j) > 0 (the ρE score of §5.2: a club whose members fear j), ties by
 * s_q; further ties by the lowest slot. i becomes q's candidate; the yearly vote (accessionPhase)
 * decides. Applying costs nothing beyond the act's own κ_II or κ_IE and uses no random draw.
 * Logs each application for the record and emits an `application` event. Mutates the world.
 * @internal
 */
export function applicationPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  s.procCount = 0;
  s.applications = 0;
  for (let i = 0; i < n; i++) {
    const a = s.action[i];
    if (a !== II && a !== IE) continue;
    const j = s.target[i];
    if (j < 0 || j === i || !(s.tMain[i] >= p.tMin)) continue;
    if (a === IE && closeTo(w, p, i, j)) continue; // N54: a state close to j does not join a club that shuts j out
    const q = applicationTarget(ctx, i, j, a === II);
    if (q < 0) continue;
    setStatus(w, q, i, STATUS_CANDIDATE);
    w.appliedTick[q * n + i] = ctx.tick;
    s.applications++;
    logProcedure(ctx, q, i, PROC_APPLIED);
    ctx.events?.push({ tick: ctx.tick, type: 'application', institution: w.instIds[q], state: w.ids[i], target: w.ids[j], act: a === II ? 'II' : 'IE' });
  }
}

/**
 * The institution i applies to for an II (`inclusive`) or IE act against j, or −1 when i is already
 * a member or candidate of a suitable institution or none is eligible (see {@link applicationPhase}).
 * @internal
 */
export function applicationTarget(ctx: TickContext, i: number, j: number, inclusive: boolean): number {
  const { world: w, scratch: s } = ctx;
  const n = w.n;
  let best = -1;
  let bestScore = 0;
  let bestStrength = 0;
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0) continue;
    const base = q * n;
    if ((w.member[base + j] === 1) !== inclusive) continue; // not suitable
    const st = w.status[base + i];
    if (st === STATUS_MEMBER || st === STATUS_CANDIDATE) return -1; // already in, or already applied
    if (st !== STATUS_NONE && st !== STATUS_OBSERVER && st !== STATUS_ASSOCIATE) continue; // suspended
    if (w.instAgainst[q] === i) continue; // a club never takes an application from its target (E9, E21)
    const sq = w.instStrength[q];
    let score = sq;
    if (!inclusive) {
      // shared_q(j) = Σ_m cinc_m·T_mj / Σ_m cinc_m over q's members (THEORY §5.2), as perception
      // prepared it for i's target j; a club founded this tick has none yet, so it is computed here.
      if (s.instFoundTick[q] === ctx.tick) {
        const T = s.targetThreat;
        const tb = s.targetSlot[j] * n;
        let num = 0;
        let den = 0;
        for (let m = 0; m < n; m++) if (w.member[base + m] === 1) { num += s.cinc[m] * T[tb + m]; den += s.cinc[m]; }
        score = den > 0 ? sq * (num / den) : 0;
      } else score = sq * s.shared[base + j];
      if (!(score > 0)) continue;
    }
    if (best < 0 || score > bestScore || (score === bestScore && sq > bestStrength)) { best = q; bestScore = score; bestStrength = sq; }
  }
  return best;
}

/** Appends (q, i, kind) to the tick's procedure log, growing it when full. @internal */
export function logProcedure(ctx: TickContext, q: number, i: number, kind: number): void {
  const s = ctx.scratch;
  const k = s.procCount;
  if (k === s.procInst.length) {
    const grow = <T extends Int32Array | Uint8Array>(a: T): T => { const b = new (a.constructor as new (len: number) => T)(2 * a.length + 4); b.set(a); return b; };
    s.procInst = grow(s.procInst); s.procState = grow(s.procState); s.procKind = grow(s.procKind);
  }
  s.procInst[k] = q; s.procState[k] = i; s.procKind[k] = kind;
  s.procCount = k + 1;
}
