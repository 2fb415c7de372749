import type { TickContext } from '../engine/TickContext.js';
import { DRAW_CHOICE, DRAWS_PER_TICK } from '../random/StateStreams.js';
import type { DecisionContext } from './DecisionContext.js';
import {
  Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA,
} from './DecisionContext.js';
import { OPTIONS, OPTION_COUNT } from './options.js';
import { writeLogit, writeUtilities } from './utilities.js';

/**
 * Phase 2 of THEORY §5.8: every state samples an action at once, against the same snapshot, with
 * its own uniform (§5.4 logit, or a custom policy). Allocation-free on the default path.
 *
 * The logit (or the policy) gives the probabilities of one decision per year. With several ticks
 * per year, each act (every option but NONE) keeps 1/ticksPerYear of its probability and NONE takes
 * the rest (uniformisation, model note N28): the expected acts of each kind per year, and so every
 * family's share of state-years, do not depend on the tick length; the effect of one act does not
 * change.
 * @internal
 */
export function decidePhase(ctx: TickContext): void {
  const { world: w, scratch: s, params: p, policy } = ctx;
  const n = w.n;
  const counts = s.actionCounts;
  counts.fill(0);
  const scale = ctx.rates.actScale;
  for (let i = 0; i < n; i++) {
    const zb = i * Z_SIZE;
    const ob = i * OPTION_COUNT;
    writeUtilities(p, s.z, zb, s.util, ob);
    if (policy === null) writeLogit(s.util, s.mask, p.mu, s.prob, ob);
    else writePolicy(ctx, s.z, zb, s.mask, s.prob, ob);
    if (scale !== 1) {
      let acts = 0;
      for (let k = 1; k < OPTION_COUNT; k++) { s.prob[ob + k] *= scale; acts += s.prob[ob + k]; }
      s.prob[ob] = 1 - acts; // NONE (always available)
    }
    // Inverse-CDF draw over the options in engine order; masked options have probability 0.
    const u = s.draws[i * DRAWS_PER_TICK + DRAW_CHOICE];
    let last = 0;
    for (let k = 0; k < OPTION_COUNT; k++) if (s.prob[ob + k] > 0) last = k;
    let a = 0;
    let acc = s.prob[ob];
    while (a < last && !(u < acc)) { a++; acc += s.prob[ob + a]; }
    if (!(s.prob[ob + a] > 0)) a = last; // rounding at the top end
    s.action[i] = a;
    counts[a]++;
  }
}

function writePolicy(ctx: TickContext, zs: Float64Array, zb: number, mask: Uint8Array, out: Float64Array, ob: number): void {
  const policy = ctx.policy;
  if (policy === null) return;
  const available: Partial<Record<(typeof OPTIONS)[number], boolean>> = {};
  for (let a = 0; a < OPTION_COUNT; a++) available[OPTIONS[a]] = mask[ob + a] !== 0;
  const z = (k: number): number => zs[zb + k];
  const context: DecisionContext = {
    T: z(Z_T), D: z(Z_D), Dt: z(Z_DT), theta: z(Z_THETA), nu: z(Z_NU), ideo: z(Z_IDEO), lam: z(Z_LAM),
    r: z(Z_R), disp: z(Z_DISP), A: z(Z_A), rhoI: z(Z_RHOI), rhoE: z(Z_RHOE), con: z(Z_CON),
    allyT: z(Z_ALLY) === 1, G: z(Z_G), newClub: z(Z_NEWCLUB) === 1, available,
  };
  const weights = policy.probabilities(context, ctx.params);
  let sum = 0;
  for (let a = 0; a < OPTION_COUNT; a++) {
    const wa = weights[OPTIONS[a]] ?? 0;
    if (!(Number.isFinite(wa) && wa >= 0)) {
      throw new Error(`policy "${policy.name}" returned ${wa} for ${OPTIONS[a]}; probabilities must be finite and ≥ 0`);
    }
    out[ob + a] = mask[ob + a] !== 0 ? wa : 0;
    sum += out[ob + a];
  }
  if (!(sum > 0)) { // the policy put no weight on any available option: do nothing
    for (let a = 0; a < OPTION_COUNT; a++) out[ob + a] = 0;
    out[ob] = 1;
    return;
  }
  for (let a = 0; a < OPTION_COUNT; a++) out[ob + a] /= sum;
}
