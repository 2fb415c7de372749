import { OPTION_INDEX } from '../decision/options.js';
import type { TickContext } from '../engine/TickContext.js';
import { boundCapabilities } from '../engine/boundCapabilities.js';
import type { World } from '../engine/World.js';
import type { ModelParameters } from '../model/ModelParameters.js';

const BAND = OPTION_INDEX.BAND;
const HI = OPTION_INDEX.HI;
const HE = OPTION_INDEX.HE;
const SS = OPTION_INDEX.SS;

/**
 * Floor of each capability component, as a share of the component's total at the start of the
 * run, so capabilities stay > 0 however long a state arms, is sanctioned or shrinks (model note N5).
 * A share of the initial total keeps S3 (scale invariance).
 */
export const CAPABILITY_FLOOR = 1e-9;

/**
 * Phase 3 of THEORY §5.8: economic and capability effects (THEORY §5.5), computed from the
 * snapshot and applied together, plus the scenario's growth rates.
 * - HI: mil_i += φ_H·eco_i·k_conv; eco_i −= φ_H·eco_i (guns vs butter, E7)
 * - HE: eco_i −= c_HE·eco_i
 * - SS: both sides lose s·X_ij in absolute terms (E6), where trade counts at most up to the smaller
 *   economy, min(X_ij, eco_i, eco_j) (model note N5); then X_ij ← (1 − s_red)·X_ij
 * - BAND: eco_i += g_B·W_ij·eco_i = g_B·X_ij
 * Then capabilities are kept bounded by {@link boundCapabilities} (exact rescaling by a power of two).
 * @internal
 */
export function economicPhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const { dMil, dEco, dPop } = s;
  for (let i = 0; i < n; i++) {
    dMil[i] = w.growthMil[i] * w.mil[i];
    dEco[i] = w.growthEco[i] * w.eco[i];
    dPop[i] = w.growthPop[i] * w.pop[i];
  }
  for (let i = 0; i < n; i++) {
    const a = s.action[i];
    if (a === HI) {
      const moved = p.phiH * w.eco[i];
      dMil[i] += moved * p.kConv;
      dEco[i] -= moved;
    } else if (a === HE) {
      dEco[i] -= p.cHE * w.eco[i];
    } else if (a === SS) {
      const j = s.target[i];
      const loss = sanctionLoss(w, p, i, j);
      dEco[i] -= loss;
      dEco[j] -= loss;
    } else if (a === BAND) {
      dEco[i] += p.gB * w.trade[i * n + s.target[i]];
    }
  }
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const mil = Math.max(w.mil[i] + dMil[i], w.floorMil);
    const eco = Math.max(w.eco[i] + dEco[i], w.floorEco);
    const pop = Math.max(w.pop[i] + dPop[i], w.floorPop);
    w.mil[i] = mil;
    w.eco[i] = eco;
    w.pop[i] = pop;
    if (mil > largest) largest = mil;
    if (eco > largest) largest = eco;
    if (pop > largest) largest = pop;
  }
  // Trade cuts after every delta was read from the snapshot (multiplication commutes, so two
  // sanctions on the same dyad give the same result in any order).
  for (let i = 0; i < n; i++) if (s.action[i] === SS) cutSanctionedTrade(w, p, i, s.target[i]);
  // Growth cannot overflow: past 2^128 everything is rescaled by a power of two (shares unchanged).
  boundCapabilities(w, largest);
}

/**
 * What one sanctions act of `sender` on `target` costs each of them (THEORY §5.5, E6):
 * s·W_ij·eco_i = s·W_ji·eco_j = s·X_ij, equal absolute losses, where trade counts at most up to the
 * smaller economy, min(X_ij, eco_i, eco_j) (model note N5).
 * @internal
 */
export function sanctionLoss(w: World, p: ModelParameters, sender: number, target: number): number {
  return p.s * Math.min(w.trade[sender * w.n + target], w.eco[sender], w.eco[target]);
}

/** The trade cut of one sanctions act: X_ij ← (1 − s_red)·X_ij, both directions (THEORY §5.5). @internal */
export function cutSanctionedTrade(w: World, p: ModelParameters, sender: number, target: number): void {
  const n = w.n;
  const keep = 1 - p.sRed;
  w.trade[sender * n + target] *= keep;
  w.trade[target * n + sender] *= keep;
}

/**
 * The whole effect of one sanctions act on its pair, alone (the `sanction` world change): both
 * lose {@link sanctionLoss} (not below the eco floor), then their trade is cut by
 * {@link cutSanctionedTrade} — what {@link economicPhase} does to the pair when `sender`
 * sanctions `target` and nothing else moves. Trade then recovers toward its baseline (N6).
 * @internal
 */
export function applySanction(w: World, p: ModelParameters, sender: number, target: number): void {
  const loss = sanctionLoss(w, p, sender, target);
  w.eco[sender] = Math.max(w.eco[sender] + -loss, w.floorEco);
  w.eco[target] = Math.max(w.eco[target] + -loss, w.floorEco);
  cutSanctionedTrade(w, p, sender, target);
}
