import fc from 'fast-check';
import { Z_DT, Z_SIZE, Z_T } from '../../decision/DecisionContext.js';
import { OPTIONS, OPTION_INDEX } from '../../decision/options.js';
import { dissolveInstitution } from '../../engine/createWorld.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { defineProperty, expectThat, fmt, type InternalProperty } from './defineProperty.js';
import { effectApplies, perceived, setActions, situation } from './effectProperties.js';

// Strict forms of the effect properties (issue #13 item 7). E1 and E2 ask only that restraint rises
// with pressure and with each condition, and is positive when one condition is: a sanction whose
// pressure ignores the target's dependence, or a condition computed at half its value, passes both.
// These properties pin the pressure of a sanction, the seven conditions, Ω and R to §5.5–§5.6.

/** E13: the pressure of a sanction. */
export const E13 = defineProperty({
  id: 'E13', family: 'effect', type: 'theory', tag: 'T/D', cite: 'Oneal; §5.5',
  title: 'a sanction presses its target in proportion to the target\'s dependence on the sender',
  statement: 'Sanction pressure is leverage. The pressure of i\'s sanction on j is proportional to Dt = min(1, W_ji/W_sat): '
    + 'exactly w_SS·s·Dt without coordinating entente partners, 0 when j does not depend on i, and scaled by u when Dt is',
  source: 'π_SS = s·Dt (§5.5) [D]; "Dt: the target\'s dependence on i (leverage)", W_ji for i\'s leverage over j (§3) [A: Oneal]',
  method: 'A small random world after perception; one drawn state sanctions its main threat (SS), the others act as drawn from their '
    + 'menus; institutional acts and the restraint phase run. Checks that the sanctioner\'s pressure is w_SS·s·Dt when none of its '
    + 'entente partners presses the same target (relative tolerance 10⁻¹²); then multiplies every sanctioner\'s Dt by u ∈ (0, 1), '
    + 'reruns the phase and checks that each sanctioner\'s pressure is multiplied by u, and with Dt = 0 that it is 0. A pressure '
    + 'that drops Dt keeps its value and fails.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ situation: situation(rt), who: fc.nat(), u: gridNumber(0.001, 0.999, 998) }),
  predicate: (rt, { situation: c, who, u }) => {
    const h = perceived(rt, resolveScenario(c.world), c.parameters, c.seed);
    const { world: w, scratch: s, ctx } = h;
    const n = w.n;
    const p = ctx.params;
    setActions(h, c.picks);
    s.action[who % n] = OPTION_INDEX.SS;
    h.run('institutional-acts', 'restraint');
    const sanctioners = [...Array(n).keys()].filter((i) => s.action[i] === OPTION_INDEX.SS);
    const before = sanctioners.map((i) => s.pressureOut[i]);
    const dt = sanctioners.map((i) => s.z[i * Z_SIZE + Z_DT]);
    // Entente partners pressing the same target multiply the pressure by 1 + ε_coord·partners; without any, it is exact.
    sanctioners.forEach((i, k) => {
      if (s.entPartners[i] > 0) return;
      const expected = p.wSS * p.s * dt[k];
      expectThat(Math.abs(before[k] - expected) <= 1e-12 * (1 + expected),
        `${w.ids[i]}'s sanction on ${w.ids[s.target[i]]} presses with ${fmt(before[k])}, expected w_SS·s·Dt = ${fmt(expected)} (Dt = ${fmt(dt[k])})`);
    });
    for (const scale of [u, 0]) {
      sanctioners.forEach((i, k) => { s.z[i * Z_SIZE + Z_DT] = dt[k] * scale; });
      h.run('restraint');
      sanctioners.forEach((i, k) => {
        const expected = before[k] * scale;
        expectThat(Math.abs(s.pressureOut[i] - expected) <= 1e-12 * (1 + before[k]),
          `with Dt ${fmt(dt[k])} → ${fmt(dt[k] * scale)}, ${w.ids[i]}'s sanction presses with ${fmt(s.pressureOut[i])}, expected ${fmt(expected)}`);
      });
    }
  },
});

/** E14: Paul's seven conditions, Ω and R as §5.6 computes them. */
export const E14 = defineProperty({
  id: 'E14', family: 'effect', type: 'theory', tag: 'T', cite: 'S1; Oneal',
  title: 'pressure, Paul\'s conditions, Ω and R are §5.5–§5.6\'s: c6 is the mean weak-link dependence',
  statement: 'Each act\'s pressure π_a (with the entente coordination bonus), legitimacy denial and accommodation are §5.5\'s; each '
    + 'of Paul\'s conditions c1…c7 lies in [0, 1] and is computed as §5.6 defines it — in particular c6 = mean over pairs i ≠ j of '
    + 'min(1, min(W_ij, W_ji)/W_sat), with W_ij = X_ij/eco_i — and Press_j, Ω_j = Σ_c ω_c·c_c / Σ_c ω_c and '
    + 'R_j = 1 − exp(−k_R·Ω_j·(1 − ideo_j)·Press_j) follow from them',
  source: 'seven conditions and "not all of them need to be present" [S1]; the weak link min(W_ij, W_ji) for dyadic "high '
    + 'interdependence" (§3) [A: Oneal]; §5.6',
  method: 'A small random world (trade on some dyads; in half the draws its first institution dissolved before perception, its slot keeping its strength) after perception, drawn actions, institutional acts and the restraint phase. '
    + 'Recomputes, independently of the phase and from the world, the actions and the perceived threats: each state\'s pressure '
    + '(π_SL = w_SL·λ·cinc_i, π_SS = w_SS·s·Dt, π_SE = w_SE·ε_E·cinc_i, π_II/IE = w·s_q·cinc_i/Σ_{m∈M_q} cinc_m, times '
    + '1 + ε_coord·#entente partners at ≥ ent_min pressing the same target), the denial and accommodation queued for phase 7, '
    + 'c1 = 1 − mean main threat, c2 = λ, '
    + 'c3 = min(1, exp(−(t − t_war)/τ_W)) (0 without a war), c4 = mean live s_q × share of unordered pairs sharing a live '
    + 'institution, c5 = mean θ_ij over ordered pairs (θ, raised by θ_nuc on nuclear pairs), c6 from the trade and economies of '
    + 'every unordered pair, c7_j = the pressure-weighted mean dom_i of j\'s balancers and c7 their mean over pressed targets; '
    + 'Press_j as the sum of the pressures on j; then Ω_j and R_j. Each agrees with the phase to a relative 10⁻¹², and every '
    + 'c_k ∈ [0, 1]. E1 and E2 hold for a c6 at half its value; this does not.',
  applies: effectApplies,
  // Half the draws dissolve the first institution before perception: its slot keeps its strength,
  // which c4 must not count (a mutant reading every slot survived the property without this).
  arbitrary: (rt) => fc.tuple(situation(rt), fc.boolean()).map(([c, dissolve]) => ({ ...c, dissolve })),
  predicate: (rt, c) => {
    const h = perceived(rt, resolveScenario(c.world), c.parameters, c.seed, (hh) => {
      if (c.dissolve && hh.world.instSlots > 0 && hh.world.instAlive[0] === 1) dissolveInstitution(hh.world, 0);
    });
    const { world: w, scratch: s, ctx } = h;
    const n = w.n;
    const p = ctx.params;
    setActions(h, c.picks);
    h.run('institutional-acts', 'restraint');
    const close = (actual: number, expected: number, what: string): void => {
      expectThat(Math.abs(actual - expected) <= 1e-12 * (1 + Math.abs(expected)), `${what} = ${fmt(actual)}, expected ${fmt(expected)}`);
    };
    s.conditions.forEach((v, k) => expectThat(v >= 0 && v <= 1, `c${k + 1} = ${fmt(v)} is outside [0, 1]`));
    let threat = 0;
    for (let i = 0; i < n; i++) threat += s.z[i * Z_SIZE + Z_T];
    const pairs = (n * (n - 1)) / 2;
    let strength = 0;
    let alive = 0;
    for (let q = 0; q < w.instSlots; q++) if (w.instAlive[q] === 1) { strength += w.instStrength[q]; alive++; }
    let sharing = 0;
    let dependence = 0;
    let theta = 0;
    const thetaNuclear = 1 - (1 - w.theta) * (1 - p.thetaNuc);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let shared = false;
        for (let q = 0; q < w.instSlots; q++) if (w.instAlive[q] === 1 && w.member[q * n + i] === 1 && w.member[q * n + j] === 1) shared = true;
        if (shared) sharing++;
        const wij = w.trade[i * n + j] / w.eco[i];
        const wji = w.trade[j * n + i] / w.eco[j];
        dependence += Math.min(1, Math.min(wij, wji) / p.wSat);
        theta += 2 * (w.nuc[i] === 1 && w.nuc[j] === 1 ? thetaNuclear : w.theta);
      }
    }
    // Each state's pressure, legitimacy denial and accommodation (§5.5), from its action, target and venue.
    const press = new Float64Array(n);
    const pressDom = new Float64Array(n);
    const denial = new Float64Array(n);
    const accommodation = new Float64Array(n);
    const pressing = (a: number): boolean => a === OPTION_INDEX.SE || a === OPTION_INDEX.SS || a === OPTION_INDEX.SL
      || a === OPTION_INDEX.II || a === OPTION_INDEX.IE;
    for (let i = 0; i < n; i++) {
      const a = s.action[i];
      const j = s.target[i];
      const wi = s.cinc[i];
      let pi = 0;
      if (a === OPTION_INDEX.SL) {
        pi = p.wSL * w.lambda * wi;
        denial[j] += p.alphaL * w.lambda * wi * w.leg[j];
      } else if (a === OPTION_INDEX.SS) pi = p.wSS * p.s * s.z[i * Z_SIZE + Z_DT];
      else if (a === OPTION_INDEX.SE) pi = p.wSE * p.epsE * wi;
      else if (a === OPTION_INDEX.II || a === OPTION_INDEX.IE) {
        const q = s.venueUsed[i];
        let clubShare = 0;
        if (q >= 0) for (let m = 0; m < n; m++) if (w.member[q * n + m] === 1) clubShare += s.cinc[m];
        if (q >= 0 && clubShare > 0) {
          pi = (a === OPTION_INDEX.II ? p.wII : p.wIE) * w.instStrength[q] * (wi / clubShare);
          if (a === OPTION_INDEX.IE) denial[j] += p.alphaE * w.lambda * w.instStrength[q] * clubShare * w.leg[j];
        }
      } else if (a === OPTION_INDEX.BAND) accommodation[j] += p.alphaB * wi * (1 - w.leg[j]);
      let partners = 0;
      for (let k = 0; k < n; k++) {
        const e = w.ent[i * n + k];
        if (k !== i && e > 0 && e >= p.entMin && s.target[k] === j && pressing(s.action[k])) partners++;
      }
      if (pi > 0) pi *= 1 + p.epsCoord * partners;
      close(s.pressureOut[i], pi, `the pressure of ${w.ids[i]} (${OPTIONS[a]}) on ${w.ids[j]}`);
      press[j] += pi;
      pressDom[j] += pi * w.dom[i];
    }
    for (let j = 0; j < n; j++) {
      close(s.denial[j], denial[j], `the legitimacy denial queued against ${w.ids[j]}`);
      close(s.accommodation[j], accommodation[j], `the accommodation queued for ${w.ids[j]}`);
    }
    let c7sum = 0;
    let pressed = 0;
    for (let j = 0; j < n; j++) if (press[j] > 0) { c7sum += pressDom[j] / press[j]; pressed++; }
    const expected = [
      1 - threat / n,
      w.lambda,
      w.lastMajorWar === -Infinity ? 0 : Math.min(1, Math.exp(-(ctx.year - w.lastMajorWar) / p.tauW)),
      alive > 0 ? (strength / alive) * (sharing / pairs) : 0,
      theta / (n * (n - 1)),
      dependence / pairs,
      pressed > 0 ? c7sum / pressed : 0,
    ];
    expected.forEach((x, k) => close(s.conditions[k], x, k === 5 ? 'c6 (the mean weak-link dependence)' : `c${k + 1}`));
    const om = p.omega;
    const weights = [om.lowThreat, om.legitimacy, om.aftermath, om.institutions, om.defence, om.interdependence, om.domesticSupport];
    const wsum = weights.reduce((t, x) => t + x, 0);
    for (let j = 0; j < n; j++) {
      close(s.press[j], press[j], `Press_${w.ids[j]}`);
      const c7 = press[j] > 0 ? pressDom[j] / press[j] : 0;
      const omega = weights.reduce((t, x, k) => t + x * (k === 6 ? c7 : expected[k]), 0) / wsum;
      close(s.omega[j], omega, `Ω_${w.ids[j]}`);
      close(s.restraint[j], -Math.expm1(-p.kR * omega * (1 - w.ideo[j]) * press[j]), `R_${w.ids[j]}`);
    }
  },
});

/** E13–E14 in order. @internal */
export const STRICT_EFFECT_PROPERTIES: readonly InternalProperty[] = [E13, E14];
