import { Z_A, Z_ALLY, Z_CON, Z_D, Z_DISP, Z_DT, Z_G, Z_IDEO, Z_LAM, Z_NEWCLUB, Z_NU, Z_R, Z_RHOE, Z_RHOI, Z_SIZE, Z_T, Z_THETA } from '../decision/DecisionContext.js';
import type { DecisionContext } from '../decision/DecisionContext.js';
import { OPTIONS, OPTION_COUNT } from '../decision/options.js';
import { utilityTerms } from '../decision/utilityTerms.js';
import { dyadDefence } from '../perception/PerceptionModel.js';
import { aggregatePower } from '../perception/powerShift.js';
import { DRAW_CHOICE, DRAWS_PER_TICK } from '../random/StateStreams.js';
import { positionVenues } from '../metrics/greatPowerPositions.js';
import type { DecisionExplanation, GreatPowerExplanation, PartnerExplanation, ThreatExplanation } from './DecisionExplanation.js';
import { PROC_APPLIED } from '../institutions/applicationPhase.js';

import type { TickContext } from './TickContext.js';

/**
 * Builds the explanation of state i's decision in the tick just run, from the engine's buffers
 * (which still hold that tick's threats, contexts, utilities and probabilities) and i's beliefs as
 * they were when it decided. Allocates; never on the hot path.
 * @internal
 */
export function explainDecision(ctx: TickContext, i: number, beliefs: Float64Array): DecisionExplanation {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const threatOf = (j: number): ThreatExplanation => {
    return {
      state: w.ids[j],
      threat: s.threat[i * n + j],
      intent: beliefs[j],
      power: aggregatePower(s.cinc[i], s.cinc[j], s.cincPast[i], s.cincPast[j], p.wShift),
      proximity: w.proximity[i * n + j],
      offence: w.off[j] * (1 - dyadDefence(w.theta, p.thetaNuc, w.nuc[i], w.nuc[j])),
    };
  };
  const j = s.target[i];
  const ranked = [...Array(n).keys()].filter((k) => k !== i && k !== j)
    .sort((a, b) => s.threat[i * n + b] - s.threat[i * n + a] || a - b);
  const others = ranked.slice(0, 4);
  // Every great power, from the tick's per-great-power row (note N57), in the order of the ranking.
  const rankOf = new Map<number, number>([[j, 1], ...ranked.map((k, r): [number, number] => [k, r + 2])]);
  const G = s.gpCount;
  const greatPowers: GreatPowerExplanation[] = [];
  for (let g = 0; g < G; g++) {
    const k = s.gpStates[g];
    if (k === i) continue;
    greatPowers.push({ ...threatOf(k), threat: s.gpThreat[i * G + g], rank: rankOf.get(k) ?? n, main: k === j, ...positionVenues(w, i, k) });
  }
  greatPowers.sort((a, b) => a.rank - b.rank);
  const zb = i * Z_SIZE;
  const z = (k: number): number => s.z[zb + k];
  const ob = i * OPTION_COUNT;
  const available = Object.fromEntries(OPTIONS.map((o, a) => [o, s.mask[ob + a] === 1])) as Record<(typeof OPTIONS)[number], boolean>;
  const context: DecisionContext = {
    T: z(Z_T), D: z(Z_D), Dt: z(Z_DT), theta: z(Z_THETA), nu: z(Z_NU), ideo: z(Z_IDEO), lam: z(Z_LAM), r: z(Z_R),
    disp: z(Z_DISP), A: z(Z_A), rhoI: z(Z_RHOI), rhoE: z(Z_RHOE), con: z(Z_CON), allyT: z(Z_ALLY) === 1, G: z(Z_G),
    newClub: z(Z_NEWCLUB) === 1, available,
  };
  const terms = utilityTerms(context, p);
  const T = context.T;
  return {
    tick: ctx.tick,
    year: ctx.year,
    state: w.ids[i],
    mainThreat: threatOf(j),
    otherThreats: others.map(threatOf),
    greatPowers,
    context: {
      ...context,
      P3: (context.theta + context.nu + (1 - context.ideo)) / 3,
      X: T > p.tStar ? (T - p.tStar) / (1 - p.tStar) : 0,
    },
    options: OPTIONS.map((option, a) => ({
      option,
      available: s.mask[ob + a] === 1,
      utility: s.util[ob + a],
      terms: terms[option],
      probability: s.prob[ob + a],
    })),
    chosen: OPTIONS[s.action[i]],
    draw: s.draws[i * DRAWS_PER_TICK + DRAW_CHOICE],
    venue: s.venueUsed[i] >= 0 && (OPTIONS[s.action[i]] === 'II' || OPTIONS[s.action[i]] === 'IE') ? w.instIds[s.venueUsed[i]] : null,
    partner: partnerOf(ctx, i),
    votes: Array.from({ length: s.voteCount }, (_, k) => k)
      .filter((k) => s.voteVoter[k] === i || s.voteCandidate[k] === i)
      .map((k) => ({
        institution: w.instIds[s.voteInst[k]], rule: w.instRule[s.voteInst[k]], candidate: w.ids[s.voteCandidate[k]], voter: w.ids[s.voteVoter[k]],
        vote: s.voteBlock[k] === 1 ? 'block' as const : s.voteBlock[k] === 2 ? 'hold' as const : 'admit' as const,
        veto: w.vetoHolder[s.voteInst[k] * w.n + s.voteVoter[k]] === 1,
      })),
    application: applicationOf(ctx, i),
    perception: ctx.perception.name,
    policy: ctx.policy?.name ?? 'logit',
  };
}

/** The partner of i's act in the tick just run (model §5.5), read from the alignment and institutional phases' buffers and the world after the tick. */
function partnerOf(ctx: TickContext, i: number): PartnerExplanation | null {
  const { world: w, scratch: s, params: p } = ctx;
  const n = w.n;
  const option = OPTIONS[s.action[i]];
  if (option === 'HE' || option === 'SE') {
    const k = s.partner[i];
    if (k < 0) return null;
    return option === 'HE'
      ? { kind: 'ally', states: [w.ids[k]], inForce: w.ally[i * n + k] === 1 }
      : { kind: 'entente', states: [w.ids[k]], inForce: w.ent[i * n + k] >= p.entMin };
  }
  const q = s.venueUsed[i];
  if (option === 'IE' && q >= 0) {
    const states: string[] = [];
    for (let k = 0; k < n; k++) if (k !== i && w.member[q * n + k] === 1) states.push(w.ids[k]);
    return { kind: 'club', states, inForce: w.instAlive[q] === 1 };
  }
  return null;
}

/** The institution i applied to in the tick (the scratch's procedure log), or null. */
function applicationOf(ctx: TickContext, i: number): string | null {
  const s = ctx.scratch;
  for (let k = 0; k < s.procCount; k++) if (s.procState[k] === i && s.procKind[k] === PROC_APPLIED) return ctx.world.instIds[s.procInst[k]];
  return null;
}
