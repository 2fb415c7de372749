import fc from 'fast-check';
import { Z_DT, Z_SIZE } from '../../decision/DecisionContext.js';
import { OPTION_INDEX } from '../../decision/options.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { defineProperty, expectThat, fmt, type InternalProperty } from './defineProperty.js';
import { effectApplies, perceived, setActions, situation } from './effectProperties.js';

// Strict forms of the effect properties (issue #13 item 7). E1 and E2 ask only that restraint rises
// with pressure and with each condition, and is positive when one condition is: a sanction whose
// pressure ignores the target's dependence, or a condition computed at half its value, passes both.
// These properties pin the pressure of a sanction and the interdependence condition to §5.5–§5.6.

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

/** E14: Paul's interdependence condition c6. */
export const E14 = defineProperty({
  id: 'E14', family: 'effect', type: 'theory', tag: 'T', cite: 'S1; Oneal',
  title: 'Paul\'s conditions lie in [0, 1], and c6 is the mean weak-link dependence',
  statement: 'Each of Paul\'s conditions c1…c7 lies in [0, 1]; c6 = mean over pairs i ≠ j of min(1, min(W_ij, W_ji)/W_sat), with '
    + 'W_ij = X_ij/eco_i',
  source: 'condition "high interdependence" [S1]; the weak link min(W_ij, W_ji) for dyadic "high interdependence" (§3) [A: Oneal]; c6 (§5.6)',
  method: 'A small random world (trade on some dyads) after perception, drawn actions, institutional acts and the restraint phase. '
    + 'Checks every c_k ∈ [0, 1], and c6 against an independent computation over all unordered pairs from the world\'s trade and '
    + 'economies (relative tolerance 10⁻¹²). E1 and E2 hold for a c6 at half its value; this does not.',
  applies: effectApplies,
  arbitrary: (rt) => situation(rt),
  predicate: (rt, c) => {
    const h = perceived(rt, resolveScenario(c.world), c.parameters, c.seed);
    const { world: w, scratch: s, ctx } = h;
    const n = w.n;
    setActions(h, c.picks);
    h.run('institutional-acts', 'restraint');
    s.conditions.forEach((v, k) => expectThat(v >= 0 && v <= 1, `c${k + 1} = ${fmt(v)} is outside [0, 1]`));
    let sum = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const wij = w.trade[i * n + j] / w.eco[i];
        const wji = w.trade[j * n + i] / w.eco[j];
        sum += Math.min(1, Math.min(wij, wji) / ctx.params.wSat);
      }
    }
    const expected = sum / ((n * (n - 1)) / 2);
    expectThat(Math.abs(s.conditions[5] - expected) <= 1e-12 * (1 + expected),
      `c6 = ${fmt(s.conditions[5])}, expected the mean weak-link dependence ${fmt(expected)}`);
  },
});

/** E13–E14 in order. @internal */
export const STRICT_EFFECT_PROPERTIES: readonly InternalProperty[] = [E13, E14];
