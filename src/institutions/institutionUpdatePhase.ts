import { dissolveInstitution } from '../engine/createWorld.js';
import type { TickContext } from '../engine/TickContext.js';

/**
 * Phase 7 of THEORY §5.8, second half: institution strength, dissolution and public goods (§5.7).
 *
 * s_q ← clip(s_q + δ_s·(sBase_q − s_q) + ε_dyn·acts_q, 0, 1): strength relaxes toward its baseline
 * (the scenario's strength; 0 for clubs founded in the run) and grows with use (model note N7;
 * with sBase_q = 0 this is THEORY's (1 − δ_s)·s_q + ε_dyn·acts_q). q dissolves when s_q < s_min or
 * |M_q| < 2.
 * Public goods (He & Feng): PG += ε_pg·Σ_q acts_q·gateMAD·gateIdeo (E11). δ_s is per year, applied
 * per tick as 1 − (1 − δ_s)^(1/ticksPerYear); ε_dyn is per act (model note N28).
 * @internal
 */
export function institutionUpdatePhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  s.dissolved = 0;
  for (let q = 0; q < w.instSlots; q++) {
    if (w.instAlive[q] === 0) continue;
    const sq = w.instStrength[q];
    const v = sq + ctx.rates.deltaS * (w.instBase[q] - sq) + p.epsDyn * s.instActs[q]; // δ_s per tick (N28)
    w.instStrength[q] = v < 0 ? 0 : v > 1 ? 1 : v;
    if (w.instStrength[q] < p.sMin || w.memberCount[q] < 2) {
      dissolveInstitution(w, q);
      s.dissolved++;
      ctx.events?.push({ tick: ctx.tick, type: 'institution-dissolved', institution: w.instIds[q] });
    }
  }
  w.publicGoods += p.epsPg * s.institutionalActs * s.gateMAD * s.gateIdeo;
}
