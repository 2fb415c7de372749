import fc from 'fast-check';
import { OPTION_INDEX } from '../../decision/options.js';
import type { PerceptionView } from '../../perception/PerceptionModel.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { threatInputs, toPerceptionView } from '../arbitraries/perceptionView.js';
import { stateId } from '../arbitraries/scenarioInput.js';
import type { Harness } from '../runtime/Harness.js';
import type { ModelRuntime } from '../runtime/ModelRuntime.js';
import { defineProperty, expectThat, fmt, tolerance, type InternalProperty } from './defineProperty.js';
import { effectApplies, perceived, situation } from './effectProperties.js';
import { threatModelApplies } from './threatProperties.js';

const NONE = OPTION_INDEX.NONE;
const HI = OPTION_INDEX.HI;
/** Rounding allowed between the engine's bulk update and its patched entries (a few ulps of values ≤ 1). */
const ULPS = 1e-12;

/** Column j of ahat: â_mj for every m. */
const column = (h: Harness, j: number): number[] => {
  const n = h.world.n;
  return Array.from({ length: n }, (_, m) => h.world.ahat[m * n + j]);
};

/**
 * Checks the increment an act adds to a belief: `armed − idle` is exactly `e` unless the belief
 * reaches 1 (then it is 1), never negative. @internal
 */
function expectIncrement(armed: number, idle: number, e: number, what: string): void {
  expectThat(armed >= idle - ULPS, `${what} fell from ${fmt(idle)} to ${fmt(armed)}`);
  if (idle + e < 1 - ULPS) {
    expectThat(Math.abs(armed - idle - e) <= ULPS, `${what} rose by ${fmt(armed - idle)}, expected ${fmt(e)} (from ${fmt(idle)})`);
  } else {
    expectThat(Math.abs(armed - 1) <= ULPS, `${what} is ${fmt(armed)}, expected 1 (${fmt(idle)} + ${fmt(e)} clipped)`);
  }
}

/** P21: beliefs from behaviour (model §5.7, N31). */
export const P21 = defineProperty({
  id: 'P21', family: 'effect', type: 'theory', tag: 'T/D', cite: 'Jervis 1976',
  title: 'arming is evidence of intent, and evidence decays to the prior with the stated half-life',
  statement: 'Beliefs from behaviour (model §5.7, N31). One arming act (HI) of j raises every other state m\'s â_mj by exactly '
    + 'ε_arm·G_mj — by ε_arm + ε_H for the state j armed against — up to 1, so strictly when that is > 0 and â_mj < 1. Without '
    + 'new evidence the raise decays by η_b a year: after Y years it is (1 − η_b)^Y of what it was, halving every '
    + 'ln 2/−ln(1 − η_b) years, whatever the tick length',
  source: 'the security dilemma: arming next door is read as arming that could be turned on you (Jervis 1976, ch. 3; Jervis 1978) [A]; '
    + 'perceived intent "a belief updated from evidence with memory (a half-life in years)" (issue #13) [D]',
  method: 'A drawn world at 1, 2, 4 or 12 ticks a year, after the perceive phase of tick 0, everyone idle; j\'s ideology raised to at '
    + 'least ε_reass (so that the prior, less reassurance, is ≥ 0 and no belief is clipped at 0). Two runs of the update phase: j '
    + 'arms (HI, against its main threat) or stays idle. For every m ≠ j the increment of â_mj is ε_arm·G_mj (ε_arm + ε_H for j\'s '
    + 'target) to 10⁻¹², or the belief is 1, and it is positive when that is above 10⁻¹². Then both runs stay idle for Y ∈ [1, 6] years of update phases, and the difference of '
    + 'the two â_mj must be the increment times (1 − η_b)^Y (relative 10⁻⁹).',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    situation: situation(rt), who: fc.nat(), ticksPerYear: fc.constantFrom(1, 2, 4, 12), years: fc.integer({ min: 1, max: 6 }),
  }),
  predicate: (rt, { situation: c, who, ticksPerYear, years }) => {
    const scenario = resolveScenario({ ...c.world, meta: { ...c.world.meta, ticksPerYear } });
    const p = c.parameters;
    const n = scenario.states.length;
    const j = who % n;
    const run = (arm: boolean): { now: number[]; later: number[]; h: Harness } => {
      const h = perceived(rt, scenario, p, c.seed);
      const s = h.scratch;
      h.world.ideo[j] = Math.max(h.world.ideo[j], p.epsReass);
      for (let k = 0; k < n; k++) s.action[k] = NONE;
      if (arm) s.action[j] = HI;
      h.run('update');
      const now = column(h, j);
      s.action[j] = NONE;
      for (let t = 0; t < years * ticksPerYear; t++) h.run('update');
      return { now, later: column(h, j), h };
    };
    const armed = run(true);
    const idle = run(false);
    const w = armed.h.world;
    const target = armed.h.scratch.target[j];
    const keep = (1 - p.etaB) ** years;
    for (let m = 0; m < n; m++) {
      if (m === j) continue;
      const g = w.proximity[m * n + j];
      const e = m === target ? p.epsArm + p.epsH : p.epsArm * g;
      const who2 = `${stateId(m)}'s â toward ${stateId(j)}${m === target ? ' (the state it armed against)' : ` (G = ${fmt(g)})`}`;
      expectIncrement(armed.now[m], idle.now[m], e, `after ${stateId(j)} armed, ${who2}`);
      if (e > ULPS && idle.now[m] < 1 - ULPS) expectThat(armed.now[m] > idle.now[m], `${who2} did not rise after ${stateId(j)} armed (ε = ${fmt(e)})`);
      const d0 = armed.now[m] - idle.now[m];
      const dY = armed.later[m] - idle.later[m];
      const expected = d0 * keep;
      expectThat(Math.abs(dY - expected) <= tolerance(dY, expected),
        `${years} years (${years * ticksPerYear} ticks) after ${stateId(j)} armed, ${who2} is ${fmt(dY)} above the idle run, expected `
        + `${fmt(d0)}·(1 − η_b)^${years} = ${fmt(expected)} (η_b = ${fmt(p.etaB)}: half-life ${fmt(Math.LN2 / -Math.log1p(-p.etaB))} years)`);
    }
  },
});

/** P22: the spiral of the security dilemma (model §5.7, N31). */
export const P22 = defineProperty({
  id: 'P22', family: 'effect', type: 'theory', tag: 'T', cite: 'Jervis 1976',
  title: 'two states that arm against each other raise each other\'s threat (the spiral)',
  statement: 'The spiral (model §5.7, N31). When a and b arm against each other (HI, each the other\'s target), each one\'s â toward the '
    + 'other rises by exactly ε_arm + ε_H (up to 1) over the same world without the arming, and each one\'s T toward the other at '
    + 'the next perception does not fall; with ε_arm > 0 it rises strictly wherever the belief was below 1 and the threat at full '
    + 'intent is positive',
  source: 'the spiral model: "the drive for security will also produce aggressive actions if the state either requires a very high '
    + 'sense of security or feels menaced by the very existence of strong others" — each side\'s arming is read as hostile intent by '
    + 'the other (Jervis 1976, ch. 3) [A]',
  method: 'A drawn world after the perceive phase of tick 0; two distinct states a and b made each other\'s main threat (their '
    + 'ideologies raised to at least ε_reass, as in P21); everyone else idle. Run 1: a and b take HI; run 2: both idle. Then the update phase and the next tick\'s perceive phase. Checks, both '
    + 'ways: the increment of â is ε_arm + ε_H to 10⁻¹² (or â is 1); T does not fall; and with ε_arm > 0, â below 1 in run 2 and '
    + 'the threat at full intent (the threat model on the same view with every â = 1) positive, T rises strictly.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ situation: situation(rt), who: fc.nat(), other: fc.nat() }),
  predicate: (rt, { situation: c, who, other }) => {
    const scenario = resolveScenario(c.world);
    const p = c.parameters;
    const n = scenario.states.length;
    const a = who % n;
    const b = (a + 1 + (other % (n - 1))) % n;
    const run = (arming: boolean): Harness => {
      const h = perceived(rt, scenario, p, c.seed);
      const s = h.scratch;
      // The prior less reassurance ≥ 0, so that no belief is clipped at 0 (P21).
      for (const k of [a, b]) h.world.ideo[k] = Math.max(h.world.ideo[k], p.epsReass);
      for (let k = 0; k < n; k++) s.action[k] = NONE;
      s.target[a] = b;
      s.target[b] = a;
      if (arming) { s.action[a] = HI; s.action[b] = HI; }
      h.run('update');
      h.world.tick++;
      h.draw();
      h.run('perceive');
      return h;
    };
    const armed = run(true);
    const idle = run(false);
    const full = new Float64Array(n * n);
    const view: PerceptionView = { ...idle.ctx.view, ahat: new Float64Array(n * n).fill(1) };
    rt.perception.threatMatrix(view, full);
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const xy = x * n + y;
      const who2 = `${stateId(x)} toward ${stateId(y)}`;
      expectIncrement(armed.world.ahat[xy], idle.world.ahat[xy], p.epsArm + p.epsH, `â of ${who2} after both armed`);
      const t1 = armed.scratch.threat[xy];
      const t0 = idle.scratch.threat[xy];
      expectThat(t1 >= t0 - tolerance(t0, t1), `T of ${who2} fell from ${fmt(t0)} to ${fmt(t1)} after both armed`);
      if (p.epsArm > 0 && idle.world.ahat[xy] < 1 && full[xy] > 0) {
        expectThat(t1 > t0, `T of ${who2} did not rise after both armed (${fmt(t0)} → ${fmt(t1)}; ε_arm = ${fmt(p.epsArm)}, `
          + `â ${fmt(idle.world.ahat[xy])} → ${fmt(armed.world.ahat[xy])}, threat at full intent ${fmt(full[xy])})`);
      }
    }
  },
});

/** The threat matrix of a view with the shares of `shiftWindow` years ago. */
function threatsWithPast(rt: ModelRuntime, view: PerceptionView, cincPast: Float64Array): Float64Array {
  const out = new Float64Array(view.n * view.n);
  rt.perception.threatMatrix({ ...view, cincPast }, out);
  return out;
}

/** P23: power shifts (model §5.2, N32). */
export const P23 = defineProperty({
  id: 'P23', family: 'threat', type: 'theory', tag: 'T', cite: 'Organski & Kugler 1980',
  title: 'a rising power is more threatening than the same power not rising, and still no threat without intent',
  statement: 'Power shifts (model §5.2, N32). With the same shares now, a j whose share rose over the last W years is at least as '
    + 'threatening to i as a j that did not rise, and strictly more when w_Δ > 0, w_P > 0 and â_ij > 0; a rise changes only the '
    + 'threats toward the riser, j\'s decline changes no threat but j\'s own (the others rose relative to j), every T stays in [0, 1], and T_ij = 0 when â_ij = 0, however fast j rose (M2)',
  source: 'power transition: a rising power is most threatening to those it is overtaking (Organski & Kugler 1980, ch. 1) [A]; '
    + 'states "will not balance against those that are rising in power but do not display offensive intentions" (Walt) [A: Wikipedia]',
  method: 'Draws parameters, threat inputs, a pair (i, j) and u ∈ (0, 1). The shares W years ago are today\'s (flat), today\'s with '
    + 'j\'s scaled by 1 − u (j rose), or by 1 + 3u (j declined), renormalised. Checks every T in [0, 1]; T_ij(rose) ≥ T_ij(flat), '
    + 'strictly when w_Δ > 0, w_P > 0 and â_ij > 0; T_kl(rose) = T_kl(flat) for every l ≠ j and T_kl(declined) = '
    + 'T_kl(flat) for every k ≠ j (relative 10⁻⁹: renormalising the shares rounds); and '
    + 'T_ij(rose) = 0 exactly when â_ij is set to 0.',
  applies: threatModelApplies,
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), inputs: threatInputs(), pick: fc.nat(), u: gridNumber(0.001, 0.999, 998) }),
  predicate: (rt, { parameters: p, inputs: x, pick, u }) => {
    const n = x.cinc.length;
    const i = pick % n;
    const j = (i + 1 + (Math.floor(pick / n) % (n - 1))) % n;
    const view = toPerceptionView(x, p);
    const past = (factor: number): Float64Array => {
      const c = Float64Array.from(view.cinc);
      c[j] *= factor;
      const total = c.reduce((s, v) => s + v, 0);
      return c.map((v) => v / total);
    };
    const flat = threatsWithPast(rt, view, view.cinc);
    const rose = threatsWithPast(rt, view, past(1 - u));
    const declined = threatsWithPast(rt, view, past(1 + 3 * u));
    const ij = i * n + j;
    for (let k = 0; k < n; k++) {
      for (let l = 0; l < n; l++) {
        if (k === l) continue;
        const kl = k * n + l;
        expectThat(rose[kl] >= 0 && rose[kl] <= 1, `T_${k}${l} = ${fmt(rose[kl])} is outside [0, 1] after state ${j} rose`);
        const same = (a: number, b: number): boolean => Math.abs(a - b) <= tolerance(a, b);
        if (l !== j) expectThat(same(rose[kl], flat[kl]), `T_${k}${l} changed (${fmt(flat[kl])} → ${fmt(rose[kl])}) when state ${j}, not ${l}, rose`);
        if (k !== j) expectThat(same(declined[kl], flat[kl]), `T_${k}${l} changed (${fmt(flat[kl])} → ${fmt(declined[kl])}) when state ${j} declined`);
      }
    }
    const what = `T_ij (i = ${i}, j = ${j}) when j's share of the pair rose (past shares with j's scaled by ${fmt(1 - u)})`;
    expectThat(rose[ij] >= flat[ij] - tolerance(flat[ij], rose[ij]), `${what} fell from ${fmt(flat[ij])} to ${fmt(rose[ij])}`);
    if (p.wShift > 0 && p.wP > 0 && x.ahat[ij] > 0) {
      expectThat(rose[ij] > flat[ij], `${what} is ${fmt(rose[ij])}, not above ${fmt(flat[ij])} (w_Δ = ${fmt(p.wShift)}, w_P = ${fmt(p.wP)}, â_ij = ${fmt(x.ahat[ij])})`);
    }
    const noIntent: PerceptionView = { ...view, ahat: Float64Array.from(x.ahat, (v, k) => (k === ij ? 0 : v)) };
    const t = threatsWithPast(rt, noIntent, past(1 - u));
    expectThat(t[ij] === 0, `â_ij = 0 but T_ij = ${fmt(t[ij])} after j rose (M2)`);
  },
});

/** P21–P23, the properties of the reference model v2 (issue #13), in order. @internal */
export const V2_PROPERTIES: readonly InternalProperty[] = [P21, P22, P23];
