import fc from 'fast-check';
import { FAMILY_INDEX_OF_OPTION, OPTIONS, OPTION_COUNT, OPTION_INDEX, type Option } from '../../decision/options.js';
import type { ModelParameters } from '../../model/ModelParameters.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import { DRAW_AGGRESSION, DRAW_CONSENT, DRAWS_PER_TICK } from '../../random/StateStreams.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import type { ScenarioInput } from '../../scenario/scenarioSchema.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { scenarioInput, stateId, type ScenarioInputOptions } from '../arbitraries/scenarioInput.js';
import { Harness } from '../runtime/Harness.js';
import type { ModelRuntime } from '../runtime/ModelRuntime.js';
import {
  defineProperty, expectClose, expectNonDecreasing, expectNonIncreasing, expectThat, fmt, tolerance, type InternalProperty,
} from './defineProperty.js';

// ---------------------------------------------------------------- helpers

/** Effects are the library's phases: they apply unless the model only replaces the decision rule. @internal */
export function effectApplies(rt: ModelRuntime): string | null {
  const s = rt.supplied;
  return (s.policy || s.utilities) && !s.perception && s.parameters === null
    ? 'a property of the library\'s effect phases, which do not involve the supplied decision rule (run with parameters or a threat model to check them there)'
    : null;
}

const unit = (): fc.Arbitrary<number> => gridNumber(0, 1, 1000);
const positive = (): fc.Arbitrary<number> => gridNumber(0.001, 1, 999);
const picks = (): fc.Arbitrary<number[]> => fc.array(fc.nat(), { minLength: 10, maxLength: 10 });

/** One drawn situation: parameters, a small world, action picks and a run seed. @internal */
export function situation(rt: ModelRuntime, world: ScenarioInputOptions = {}) {
  return fc.record({ parameters: rt.parameters(), world: scenarioInput(world), picks: picks(), seed: fc.nat(1000) });
}

/** A harness on a resolved world after the draws and the perceive phase of tick 0. @internal */
export function perceived(
  rt: ModelRuntime, scenario: ResolvedScenario, p: ModelParameters, seed: number, beforePerceive?: (h: Harness) => void,
): Harness {
  const h = new Harness(scenario, p, rt, { seed });
  h.draw();
  beforePerceive?.(h);
  h.run('perceive');
  return h;
}

/** The options available to state i after perception (§5.3 masks), as engine indices. */
function available(h: Harness, i: number): number[] {
  const out: number[] = [];
  for (let a = 0; a < OPTION_COUNT; a++) if (h.scratch.mask[i * OPTION_COUNT + a] === 1) out.push(a);
  return out;
}

/**
 * Sets every state's action as if the decide phase had drawn it, from the available options;
 * `prefer` may name an option to take whenever it is available and the pick says so (pick even).
 * @internal
 */
export function setActions(h: Harness, ks: readonly number[], prefer: readonly Option[] = []): void {
  const n = h.world.n;
  for (let i = 0; i < n; i++) {
    const avail = available(h, i);
    const k = ks[i % ks.length] + i;
    const preferred = prefer.map((o) => OPTION_INDEX[o]).filter((a) => avail.includes(a));
    h.scratch.action[i] = preferred.length > 0 && k % 2 === 0 ? preferred[(k >> 1) % preferred.length] : avail[k % avail.length];
  }
}

const isPressing = (a: number): boolean => FAMILY_INDEX_OF_OPTION[a] === 2 || FAMILY_INDEX_OF_OPTION[a] === 3;
const name = (a: number): Option => OPTIONS[a];

// ---------------------------------------------------------------- E1–E12

type Driver = 'pressure' | 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7';

/** E1: restraint. */
export const E1 = defineProperty({
  id: 'E1', family: 'effect', type: 'theory', tag: 'T', cite: 'Paul\'s seven conditions',
  title: 'restraint lies in [0,1), is 0 without pressure and rises with pressure and each condition',
  statement: 'R_j ∈ [0,1); R_j = 0 when there is no pressure; non-decreasing in pressure and in each of c1…c7',
  source: 'seven conditions [S1]',
  method: 'A small random world after perception, actions drawn from the available options, institutional acts and the restraint '
    + 'phase. Checks R_j ∈ [0, 1] (and < 1 wherever k_R·Ω_j·(1 − ideo_j)·Press_j ≤ 30, below which 1 − e^(−x) is representable), '
    + 'R_j = 0 where Press_j = 0; then raises one driver — pressure (a state turns to legitimacy denial), c1 (lower mean threat), '
    + 'c2 (λ), c3 (a more recent major war), c4 (institution strength), c5 (θ), c6 (trade on a dyad) or c7 (domestic support) — '
    + 'reruns the phase and checks that no R_j falls.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    situation: situation(rt), driver: fc.constantFrom<Driver>('pressure', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'), u: positive(), who: fc.nat(),
  }),
  predicate: (rt, { situation: c, driver, u, who }) => {
    const h = perceived(rt, resolveScenario(c.world), c.parameters, c.seed);
    const { world: w, scratch: s, ctx } = h;
    const n = w.n;
    setActions(h, c.picks);
    h.run('institutional-acts', 'restraint');
    const r0 = Array.from(s.restraint);
    for (let j = 0; j < n; j++) {
      const x = c.parameters.kR * s.omega[j] * (1 - w.ideo[j]) * s.press[j];
      expectThat(r0[j] >= 0 && r0[j] <= 1, `R_${w.ids[j]} = ${fmt(r0[j])} is outside [0, 1]`);
      expectThat(x > 30 || r0[j] < 1, `R_${w.ids[j]} = 1 although k_R·Ω·(1 − ideo)·Press = ${fmt(x)}`);
      if (s.press[j] === 0) expectThat(r0[j] === 0, `no pressure on ${w.ids[j]} but R = ${fmt(r0[j])}`);
    }
    const idle = [...Array(n).keys()].filter((i) => !isPressing(s.action[i]));
    const k = driver === 'pressure' && idle.length > 0 ? idle[who % idle.length] : who % n;
    if (driver === 'pressure') {
      fc.pre(idle.length > 0);
      s.action[k] = OPTION_INDEX.SL; // one more state denies legitimacy to its main threat
    }
    else if (driver === 'c1') s.meanThreat *= 1 - u;
    else if (driver === 'c2') w.lambda += (1 - w.lambda) * u;
    else if (driver === 'c3') w.lastMajorWar = w.lastMajorWar === -Infinity ? ctx.year - 30 * (1 - u) : w.lastMajorWar + (ctx.year - w.lastMajorWar) * u;
    else if (driver === 'c4') { for (let q = 0; q < w.instSlots; q++) w.instStrength[q] += (1 - w.instStrength[q]) * u; }
    else if (driver === 'c5') w.theta += (1 - w.theta) * u;
    else if (driver === 'c6') {
      const [a, b] = [k, (k + 1) % n];
      h.change({ type: 'set-trade', between: [w.ids[a], w.ids[b]], value: w.trade[a * n + b] + 2 * u });
    } else { for (let i = 0; i < n; i++) w.dom[i] += (1 - w.dom[i]) * u; }
    h.run('restraint');
    for (let j = 0; j < n; j++) {
      expectThat(s.restraint[j] >= r0[j] - 1e-12, `R_${w.ids[j]} fell from ${fmt(r0[j])} to ${fmt(s.restraint[j])} when ${driver} rose`);
    }
  },
});

type Condition = 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7';
const CONDITIONS: readonly Condition[] = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];

/** E2: compensatory effectiveness. */
export const E2 = defineProperty({
  id: 'E2', family: 'effect', type: 'theory', tag: 'T', cite: 'Paul 2018',
  title: 'compensatory effectiveness: one condition suffices',
  statement: 'Compensatory effectiveness. With pressure > 0 and only one condition > 0, R_j > 0',
  source: '"not all of them need to be present for soft balancing to succeed" [S1]',
  method: 'Builds a world in which six of Paul\'s conditions are exactly 0 (mean threat 1, λ = 0, no remembered war, no institutions, '
    + 'θ = 0 and no nuclear pair, no trade, no domestic support) and one is positive; every state presses its main threat with an '
    + 'available soft or institutional act. Checks that the phase computes exactly one positive condition and R_j > 0 wherever '
    + 'Press_j > 0. Pressure is read as effective pressure: k_R > 0 and ideo_j < 1 (with k_R = 0 or ideo_j = 1, §5.6 gives R_j = 0 '
    + 'whatever the conditions — that is E3\'s failure mode, not a missing condition).',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput({ minStates: 3, maxInstitutions: 0 }), picks: picks(), seed: fc.nat(1000),
    condition: fc.constantFrom(...CONDITIONS), level: positive(), years: fc.integer({ min: 0, max: 20 }),
  }),
  predicate: (rt, { parameters: p, world, picks: ks, seed, condition, level, years }) => {
    fc.pre(p.kR > 0);
    const ids = world.states.map((st) => st.id);
    const input: ScenarioInput = {
      ...world,
      states: world.states.map((st) => ({ ...st, nuclear: condition === 'c5' && (st.id === ids[0] || st.id === ids[1]), domesticSupport: condition === 'c7' ? level : 0 })),
      dyads: condition === 'c6' ? [{ between: [ids[0], ids[1]], trade: level }] : [],
      institutions: condition === 'c4' ? [{ id: 'Q', members: ids, strength: level }] : [],
      system: {
        lambda: condition === 'c2' ? level : 0,
        nu: world.system?.nu ?? 0.5,
        theta: 0,
        lastMajorWar: condition === 'c3' ? 2000 - years : null,
      },
    };
    const h = perceived(rt, resolveScenario(input), p, seed);
    const { world: w, scratch: s } = h;
    if (condition !== 'c5') w.theta = 0;
    else if (p.thetaNuc === 0) w.theta = level; // no MAD term: give θ itself the level
    s.meanThreat = condition === 'c1' ? 1 - level : 1;
    setActions(h, ks, ['SE', 'SS', 'SL', 'II', 'IE']);
    for (let i = 0; i < w.n; i++) if (!isPressing(s.action[i])) s.action[i] = OPTION_INDEX.SL;
    h.run('institutional-acts', 'restraint');
    const positiveConditions = [...s.conditions].map((v, k) => (v > 0 ? `c${k + 1}` : '')).filter((x) => x !== '');
    fc.pre(positiveConditions.length === 1 && positiveConditions[0] === condition);
    let pressed = 0;
    for (let j = 0; j < w.n; j++) {
      if (!(s.press[j] > 0) || !(w.ideo[j] < 1)) continue;
      pressed++;
      const x = p.kR * s.omega[j] * (1 - w.ideo[j]) * s.press[j];
      expectThat(s.restraint[j] > 0, `only ${condition} = ${fmt(s.conditions[CONDITIONS.indexOf(condition)])} is positive and `
        + `${w.ids[j]} is under pressure ${fmt(s.press[j])}, yet R = ${fmt(s.restraint[j])}`
        + (x > 0 && x < 1.2e-16 ? ` (k_R·Ω·(1 − ideo)·Press = ${fmt(x)} > 0: 1 − e^(−x) rounds to 0 in binary64)` : ''));
    }
    fc.pre(pressed > 0);
  },
});

/** E3: the target's expansionism. */
export const E3 = defineProperty({
  id: 'E3', family: 'effect', type: 'theory', tag: 'T', cite: 'S1',
  title: 'restraint falls with the target\'s expansionism',
  statement: 'R_j is non-increasing in the target\'s expansionism ideo_j',
  source: 'failure mode, "a function of … the ambitious nature of the threatening state" [S1]',
  method: 'A small random world after perception, drawn actions, institutional acts and restraint; raises ideo_j of one state, reruns the '
    + 'restraint phase and checks R_j does not rise.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ situation: situation(rt), who: fc.nat(), u: positive() }),
  predicate: (rt, { situation: c, who, u }) => {
    const h = perceived(rt, resolveScenario(c.world), c.parameters, c.seed);
    const { world: w, scratch: s } = h;
    setActions(h, c.picks, ['SE', 'SS', 'SL', 'II', 'IE']);
    h.run('institutional-acts', 'restraint');
    const j = who % w.n;
    const before = s.restraint[j];
    const ideo = w.ideo[j];
    w.ideo[j] = ideo + (1 - ideo) * u;
    h.run('restraint');
    expectNonIncreasing(before, s.restraint[j], `R_${w.ids[j]} as ideo rises from ${fmt(ideo)} to ${fmt(w.ideo[j])}`);
  },
});

/** The probability of aggression of state j in the current scratch, found by bisection on its uniform. */
function aggressionProbability(h: Harness, j: number): number {
  const s = h.scratch;
  const slot = j * DRAWS_PER_TICK + DRAW_AGGRESSION;
  const saved = s.draws[slot];
  const aggresses = (u: number): boolean => {
    s.draws[slot] = u;
    h.run('aggression');
    return s.aggressed[j] === 1;
  };
  let p: number;
  if (!aggresses(0)) p = 0;
  else if (aggresses(1 - Number.EPSILON)) p = 1;
  else {
    let lo = 0;
    let hi = 1 - Number.EPSILON;
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (aggresses(mid)) lo = mid;
      else hi = mid;
    }
    p = hi;
  }
  s.draws[slot] = saved;
  return p;
}

/** The victim j would pick now (−1 when it would not aggress at all). */
function victimOf(h: Harness, j: number): number {
  const s = h.scratch;
  const slot = j * DRAWS_PER_TICK + DRAW_AGGRESSION;
  const saved = s.draws[slot];
  s.draws[slot] = 0;
  h.run('aggression');
  s.draws[slot] = saved;
  return s.aggressed[j] === 1 ? s.victim[j] : -1;
}

type E4Change = 'rev' | 'R' | 'nu' | 'effCap' | 'leg';

/** E4: aggression. */
export const E4 = defineProperty({
  id: 'E4', family: 'effect', type: 'theory', tag: 'T', cite: 'Paul',
  title: 'aggression is a probability, zero without revisionism, restrained by R, ν and the victim\'s allies, enabled by legitimacy',
  statement: 'p_agg ∈ [0,1]; p_agg = 0 if rev_j = 0; non-increasing in R_j, in ν and in the victim\'s effCap; non-decreasing in leg_j',
  source: 'Paul\'s definition ("less legitimate … goals more difficult to obtain") [S1]; territorial norm (reason 3)',
  method: 'A small random world run through economy, alignment, institutional acts and restraint with drawn actions; p_agg of a state j '
    + 'is measured through the aggression phase itself, by bisection on j\'s uniform (it aggresses iff u < p_agg). Checks that '
    + 'p_agg = 0 once rev_j = 0, and the direction of p_agg when R_j, ν or leg_j rises, or when the victim\'s effCap rises through a new '
    + 'alliance (the victim held fixed: with geography a rise can move j to another victim, a different S_jv).',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    situation: situation(rt), who: fc.nat(), partner: fc.nat(), u: positive(), rev: gridNumber(0.01, 1, 99),
    change: fc.constantFrom<E4Change>('rev', 'R', 'nu', 'effCap', 'leg'),
  }),
  predicate: (rt, { situation: c, who, partner, u, rev, change }) => {
    const h = perceived(rt, resolveScenario(c.world), c.parameters, c.seed);
    const { world: w, scratch: s } = h;
    const n = w.n;
    setActions(h, c.picks, ['HE', 'SE', 'SL']);
    h.run('economy', 'alignment', 'institutional-acts', 'restraint');
    const j = who % n;
    if (w.rev[j] === 0) w.rev[j] = rev;
    const p0 = aggressionProbability(h, j);
    expectThat(p0 >= 0 && p0 <= 1, `p_agg = ${fmt(p0)} is outside [0, 1]`);
    if (change === 'rev') {
      w.rev[j] = 0;
      const p1 = aggressionProbability(h, j);
      expectThat(p1 === 0, `rev_${w.ids[j]} = 0 but p_agg = ${fmt(p1)}`);
      return;
    }
    if (change === 'R') {
      const before = s.restraint[j];
      s.restraint[j] = before + (1 - before) * u;
      expectNonIncreasing(p0, aggressionProbability(h, j), `p_agg of ${w.ids[j]} as R_j rises from ${fmt(before)} to ${fmt(s.restraint[j])}`);
    } else if (change === 'nu') {
      const before = w.nu;
      w.nu = before + (1 - before) * u;
      expectNonIncreasing(p0, aggressionProbability(h, j), `p_agg of ${w.ids[j]} as ν rises from ${fmt(before)} to ${fmt(w.nu)}`);
    } else if (change === 'leg') {
      const before = w.leg[j];
      w.leg[j] = before + (1 - before) * u;
      expectNonDecreasing(p0, aggressionProbability(h, j), `p_agg of ${w.ids[j]} as leg_j rises from ${fmt(before)} to ${fmt(w.leg[j])}`);
    } else {
      const v = victimOf(h, j);
      fc.pre(v >= 0);
      const candidates = [...Array(n).keys()].filter((k) => k !== v && w.ally[v * n + k] === 0);
      fc.pre(candidates.length > 0);
      const k = candidates[partner % candidates.length];
      h.change({ type: 'alliance', between: [w.ids[v], w.ids[k]], inForce: true });
      fc.pre(victimOf(h, j) === v);
      expectNonIncreasing(p0, aggressionProbability(h, j), `p_agg of ${w.ids[j]} against ${w.ids[v]} after ${w.ids[v]} allies with ${w.ids[k]}`);
    }
  },
});

/** E5: legitimacy denial. */
export const E5 = defineProperty({
  id: 'E5', family: 'effect', type: 'theory', tag: 'T', cite: 'S1',
  title: 'legitimacy denial never raises legitimacy, does nothing when λ = 0, keeps leg in [0,1]',
  statement: 'Legitimacy denial never raises leg_j, and its effect is 0 when λ = 0; leg stays in [0,1]',
  source: 'definition [S1]',
  method: 'Runs institutional acts, restraint and the legitimacy update twice on the same drawn world and actions, once with and once '
    + 'without the legitimacy-denying acts (SL and IE replaced by NONE); every leg_j must be no higher with them, equal when λ = 0, and in [0, 1].',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ situation: situation(rt), lambdaZero: fc.boolean() }),
  predicate: (rt, { situation: c, lambdaZero }) => {
    const scenario = resolveScenario(c.world);
    const run = (deny: boolean): Float64Array => {
      const h = perceived(rt, scenario, c.parameters, c.seed);
      setActions(h, c.picks, ['SL', 'IE']);
      if (!deny) {
        for (let i = 0; i < h.world.n; i++) {
          const a = h.scratch.action[i];
          if (a === OPTION_INDEX.SL || a === OPTION_INDEX.IE) h.scratch.action[i] = OPTION_INDEX.NONE;
        }
      }
      if (lambdaZero) h.world.lambda = 0;
      h.run('institutional-acts', 'restraint', 'update');
      return h.world.leg.slice();
    };
    const withDenial = run(true);
    const without = run(false);
    for (let j = 0; j < withDenial.length; j++) {
      const id = stateId(j);
      expectThat(withDenial[j] >= 0 && withDenial[j] <= 1, `leg_${id} = ${fmt(withDenial[j])} is outside [0, 1]`);
      expectThat(withDenial[j] <= without[j] + 1e-12, `legitimacy denial raised leg_${id} from ${fmt(without[j])} to ${fmt(withDenial[j])}`);
      if (lambdaZero) expectClose(withDenial[j], without[j], `leg_${id} with λ = 0, with and without denial`, 1e-12);
    }
  },
});

/** E6: sanctions. */
export const E6 = defineProperty({
  id: 'E6', family: 'effect', type: 'theory', tag: 'T/E', cite: 'Oneal',
  title: 'sanctions cost sender and target the same absolute amount s·X_ij',
  statement: 'Sanctions: sender and target lose the same absolute amount s·X_ij. The target\'s relative loss divided by the sender\'s relative loss equals eco_i/eco_j. Cost is 0 iff X_ij = 0 and non-decreasing in trade',
  source: 'sanction costs weighted by interdependence (§5.5) [D]; W = trade/GDP [A]',
  method: 'One state sanctions another, all others idle, against the same world with everyone idle; the losses are the differences in eco '
    + 'after the economic phase. Checks equal losses of s·min(X_ij, eco_i, eco_j) (trade counts at most up to the smaller economy, model '
    + 'note N5), the ratio of relative losses eco_i/eco_j, zero cost iff X_ij = 0 (for s > 0) and a loss no smaller at higher trade. '
    + 'Draws where a capability floor binds are discarded.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    situation: situation(rt, { minStates: 2 }), who: fc.nat(), other: fc.nat(),
    trade: fc.oneof(fc.constant(0), gridNumber(0.01, 3, 299)), more: gridNumber(0.01, 3, 299),
  }),
  predicate: (rt, { situation: c, who, other, trade, more }) => {
    const scenario = resolveScenario(c.world);
    const p = c.parameters;
    const n = scenario.states.length;
    const i = who % n;
    const j = (i + 1 + (other % (n - 1))) % n;
    const ecoAfter = (x: number, sanction: boolean): { eco: Float64Array; before: Float64Array; floor: number } => {
      const h = perceived(rt, scenario, p, c.seed);
      const { world: w, scratch: s } = h;
      h.change({ type: 'set-trade', between: [w.ids[i], w.ids[j]], value: x });
      s.action.fill(OPTION_INDEX.NONE);
      if (sanction) { s.action[i] = OPTION_INDEX.SS; s.target[i] = j; }
      const before = w.eco.slice();
      h.run('economy');
      return { eco: w.eco.slice(), before, floor: w.floorEco };
    };
    const base = ecoAfter(trade, false);
    const hit = ecoAfter(trade, true);
    const more2 = ecoAfter(trade + more, true);
    for (const r of [hit, more2]) fc.pre(r.eco[i] > 10 * r.floor && r.eco[j] > 10 * r.floor);
    const lossI = base.eco[i] - hit.eco[i];
    const lossJ = base.eco[j] - hit.eco[j];
    const [ei, ej] = [base.before[i], base.before[j]];
    const expected = p.s * Math.min(trade, ei, ej);
    const tol = 1e-12 * (1 + ei + ej);
    expectThat(Math.abs(lossI - lossJ) <= tol, `sender ${stateId(i)} loses ${fmt(lossI)}, target ${stateId(j)} loses ${fmt(lossJ)}`);
    expectThat(Math.abs(lossI - expected) <= tol, `the sanction costs ${fmt(lossI)}, not s·min(X_ij, eco_i, eco_j) = ${fmt(expected)}`);
    if (lossI > 1e-9) expectClose((lossJ / ej) / (lossI / ei), ei / ej, 'target\'s relative loss / sender\'s relative loss (expected eco_i/eco_j)', 1e-6);
    if (trade === 0) expectThat(Math.abs(lossI) <= tol && Math.abs(lossJ) <= tol, `no trade, yet the sanction costs ${fmt(lossI)} and ${fmt(lossJ)}`);
    else if (p.s > 0) expectThat(lossI > 0 && lossJ > 0, `trade ${fmt(trade)} > 0 and s = ${fmt(p.s)} > 0, yet the sanction costs ${fmt(lossI)} and ${fmt(lossJ)}`);
    const lossMore = base.before[i] - more2.eco[i] - (base.before[i] - base.eco[i]);
    expectNonDecreasing(lossI, lossMore, `the sender's loss as trade rises from ${fmt(trade)} to ${fmt(trade + more)}`);
  },
});

/** E7: guns versus butter. */
export const E7 = defineProperty({
  id: 'E7', family: 'effect', type: 'engineering', tag: 'E', cite: 'guns vs butter',
  title: 'arming moves resources without creating them and never lowers the military share',
  statement: 'HI moves resources without creating them: mil_i + eco_i does not rise when k_conv ≤ 1, and i\'s military share does not fall. i\'s CINC share can fall, because the economic-share loss may outweigh the military gain. Test the first two claims, not a rise in CINC',
  source: 'guns vs butter [D]',
  method: 'The same drawn world and actions through the economic phase with one state arming (HI) and, as counterfactual, idle; checks '
    + 'mil_i + eco_i no higher with HI (when k_conv ≤ 1) and mil_i/Σmil no lower. Draws where a capability floor binds are discarded.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ situation: situation(rt, { growth: true }), who: fc.nat() }),
  predicate: (rt, { situation: c, who }) => {
    const scenario = resolveScenario(c.world);
    const n = scenario.states.length;
    const i = who % n;
    const run = (arm: boolean): { mil: Float64Array; eco: Float64Array; floor: number } => {
      const h = perceived(rt, scenario, c.parameters, c.seed);
      setActions(h, c.picks);
      h.scratch.action[i] = arm ? OPTION_INDEX.HI : OPTION_INDEX.NONE;
      h.run('economy');
      return { mil: h.world.mil.slice(), eco: h.world.eco.slice(), floor: h.world.floorEco };
    };
    const idle = run(false);
    const arm = run(true);
    fc.pre(arm.eco[i] > 10 * arm.floor);
    if (c.parameters.kConv <= 1) {
      expectNonIncreasing(idle.mil[i] + idle.eco[i], arm.mil[i] + arm.eco[i], `mil + eco of ${stateId(i)} when it arms rather than idles`);
    }
    const share = (m: Float64Array): number => m[i] / m.reduce((a, b) => a + b, 0);
    expectNonDecreasing(share(idle.mil), share(arm.mil), `the military share of ${stateId(i)} when it arms rather than idles`);
  },
});

/** E8: provocation ordering. */
export const E8 = defineProperty({
  id: 'E8', family: 'effect', type: 'theory', tag: 'T', cite: 'S1',
  title: 'provocation ordering: hard ≥ soft ≥ institutional ≥ 0',
  statement: 'Provocation ordering: the increase in the target\'s ahat toward i from hard ≥ soft ≥ institutional ≥ 0',
  source: 'soft balancing avoids "provoking military retribution" [S1]',
  method: 'The same drawn world and other states\' actions run through institutional acts, restraint and the belief update four times: '
    + 'state i idle, and i taking a hard, a soft and an institutional option (each drawn from those available) against its main threat j. '
    + 'The increase of ahat_ji over the idle run must be ordered hard ≥ soft ≥ institutional ≥ 0. Everything the act causes in '
    + 'ahat_ji within the tick counts, including the §5.7 escalation between the two leading rivals.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ situation: situation(rt), who: fc.nat(), choice: fc.tuple(fc.nat(), fc.nat(), fc.nat()) }),
  predicate: (rt, { situation: c, who, choice }) => {
    const scenario = resolveScenario(c.world);
    const n = scenario.states.length;
    const i = who % n;
    const probe = perceived(rt, scenario, c.parameters, c.seed);
    const avail = available(probe, i);
    const j = probe.scratch.target[i];
    const family = (f: number, k: number): number => {
      const opts = avail.filter((a) => FAMILY_INDEX_OF_OPTION[a] === f);
      return opts[k % opts.length];
    };
    const run = (a: number): number => {
      const h = perceived(rt, scenario, c.parameters, c.seed);
      setActions(h, c.picks);
      h.scratch.action[i] = a;
      h.run('institutional-acts', 'restraint', 'update');
      return h.world.ahat[j * n + i];
    };
    const idle = run(OPTION_INDEX.NONE);
    const [hard, soft, inst] = [family(1, choice[0]), family(2, choice[1]), family(3, choice[2])];
    const inc = { hard: run(hard) - idle, soft: run(soft) - idle, inst: run(inst) - idle };
    // Name the §5.7 escalation when it is in play: i and j the two leading states, ideology gate shut.
    const byCinc = [...Array(n).keys()].sort((x, y) => probe.scratch.cinc[y] - probe.scratch.cinc[x] || x - y);
    const rivals = (byCinc[0] === i && byCinc[1] === j) || (byCinc[0] === j && byCinc[1] === i);
    const iota = c.parameters.iotaStar;
    const shut = iota <= 0 || Math.abs(probe.world.ideo[i] - probe.world.ideo[j]) >= iota;
    const note = rivals && shut && c.parameters.epsEsc > 0 ? ' (they are the two leading states and the ideology gate is shut: the §5.7 escalation adds ε_esc/n)' : '';
    const who2 = `${stateId(j)}'s ahat toward ${stateId(i)}`;
    expectThat(inc.hard >= inc.soft - 1e-12, `${who2} rose by ${fmt(inc.hard)} after ${name(hard)} but by ${fmt(inc.soft)} after ${name(soft)}`);
    expectThat(inc.soft >= inc.inst - 1e-12, `${who2} rose by ${fmt(inc.soft)} after ${name(soft)} but by ${fmt(inc.inst)} after ${name(inst)}${note}`);
    expectThat(inc.inst >= -1e-12, `${who2} fell by ${fmt(-inc.inst)} after ${name(inst)}`);
  },
});

/** E9: memberships. */
export const E9 = defineProperty({
  id: 'E9', family: 'effect', type: 'theory', tag: 'T/E', cite: 'He 2008; S2',
  title: 'II never changes the target\'s membership, IE never admits it, dual-track membership allowed',
  statement: 'Membership: II never adds or removes the target. IE never admits the target. Membership sets have no duplicates. A state may hold memberships that include and exclude the same target at once',
  source: 'He\'s definitions [S2]; dual track [S2]',
  method: 'A small random world with institutions after perception. (1) Only II acts (every state with II available takes it): the '
    + 'institutional-acts phase changes no membership. (2) Drawn acts, institutional ones preferred: no member is removed; the venue of '
    + 'every IE act and every club founded against j exclude j; member counts equal the member bitmaps (no duplicates). (3) Dual '
    + 'track: a state in an institution with its main threat and in one without it has both II and an exclusive venue after '
    + 'perception, and keeps both memberships through the acts phase.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ situation: situation(rt, { minStates: 3, maxInstitutions: 4 }), onlyII: fc.boolean() }),
  predicate: (rt, { situation: c, onlyII }) => {
    const h = perceived(rt, resolveScenario(c.world), c.parameters, c.seed);
    const { world: w, scratch: s } = h;
    const n = w.n;
    if (onlyII) {
      for (let i = 0; i < n; i++) s.action[i] = s.mask[i * OPTION_COUNT + OPTION_INDEX.II] === 1 ? OPTION_INDEX.II : OPTION_INDEX.NONE;
    } else setActions(h, c.picks, ['II', 'IE']);
    const slots = w.instSlots;
    const before = w.member.slice(0, slots * n);
    const alive = w.instAlive.slice(0, slots);
    // (3) dual track, read after perception.
    const dual: [number, number, number][] = [];
    for (let i = 0; i < n; i++) {
      const j = s.target[i];
      let incl = -1;
      let excl = -1;
      for (let q = 0; q < slots; q++) {
        if (alive[q] === 0 || before[q * n + i] === 0) continue;
        if (before[q * n + j] === 1) incl = q; else excl = q;
      }
      if (incl >= 0 && excl >= 0) {
        dual.push([i, incl, excl]);
        expectThat(s.mask[i * OPTION_COUNT + OPTION_INDEX.II] === 1 && s.exclusiveVenue[i] >= 0,
          `${w.ids[i]} sits in an institution with and one without its main threat ${w.ids[j]}, yet II mask = ${s.mask[i * OPTION_COUNT + OPTION_INDEX.II]}, exclusive venue = ${s.exclusiveVenue[i]}`);
      }
    }
    h.run('institutional-acts');
    for (let q = 0; q < slots; q++) {
      if (alive[q] === 0) continue;
      for (let m = 0; m < n; m++) {
        const was = before[q * n + m];
        const now = w.member[q * n + m];
        if (onlyII) expectThat(was === now, `II acts changed ${w.ids[m]}'s membership of ${w.instIds[q]} (${was} → ${now})`);
        else expectThat(now >= was, `${w.ids[m]} was removed from ${w.instIds[q]}`);
      }
    }
    for (let i = 0; i < n; i++) {
      const q = s.venueUsed[i];
      if (s.action[i] !== OPTION_INDEX.IE || q < 0) continue;
      const j = s.target[i];
      expectThat(w.member[q * n + j] === 0, `${w.ids[i]}'s exclusive venue ${w.instIds[q]} against ${w.ids[j]} admits ${w.ids[j]}`);
    }
    for (let q = 0; q < w.instSlots; q++) {
      if (w.instAlive[q] === 0) continue;
      let count = 0;
      for (let m = 0; m < n; m++) count += w.member[q * n + m];
      expectThat(count === w.memberCount[q], `${w.instIds[q]} counts ${w.memberCount[q]} members but lists ${count}`);
      const against = w.instAgainst[q];
      if (against >= 0) expectThat(w.member[q * n + against] === 0, `club ${w.instIds[q]} admits its target ${w.ids[against]}`);
    }
    for (const [i, incl, excl] of dual) {
      expectThat(w.member[incl * n + i] === 1 && w.member[excl * n + i] === 1, `${w.ids[i]} lost a dual-track membership`);
    }
  },
});

/** E10: alliances and ententes. */
export const E10 = defineProperty({
  id: 'E10', family: 'effect', type: 'theory', tag: 'T', cite: 'S1; Waltz',
  title: 'alliances are symmetric and consensual; ententes add no capability, alliances do',
  statement: 'Alliances are symmetric and need the partner\'s consent; ententes add nothing to effCap, alliances do',
  source: '"limited, informal ententes" vs formal alliances [S1]; Waltz external balancing [S2]',
  method: 'A small random world after perception, actions drawn with HE preferred and every consent uniform drawn. After the alignment '
    + 'phase: the alliance matrix is symmetric with an empty diagonal, and every new alliance joins an HE actor to its chosen partner, '
    + 'who either chose HE against the same target or consented (uniform < T_kj). Then effCap (computed by the aggression phase) is '
    + 'unchanged when every entente rises and rises for both states of a new alliance (strictly when χ > 0).',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    situation: situation(rt, { minStates: 3 }), consent: fc.array(unit(), { minLength: 10, maxLength: 10 }), pair: fc.nat(), rev: gridNumber(0.01, 1, 99),
  }),
  predicate: (rt, { situation: c, consent, pair, rev }) => {
    const h = perceived(rt, resolveScenario(c.world), c.parameters, c.seed);
    const { world: w, scratch: s } = h;
    const n = w.n;
    setActions(h, c.picks, ['HE']);
    for (let i = 0; i < n; i++) s.draws[i * DRAWS_PER_TICK + DRAW_CONSENT] = Math.min(consent[i % consent.length], 1 - Number.EPSILON);
    const before = w.ally.slice();
    h.run('alignment');
    for (let a = 0; a < n; a++) {
      expectThat(w.ally[a * n + a] === 0, `${w.ids[a]} is allied with itself`);
      for (let b = a + 1; b < n; b++) {
        expectThat(w.ally[a * n + b] === w.ally[b * n + a], `the alliance ${w.ids[a]}–${w.ids[b]} is not symmetric`);
        if (w.ally[a * n + b] === 1 && before[a * n + b] === 0) {
          const formedBy = (x: number, y: number): boolean => {
            if (s.action[x] !== OPTION_INDEX.HE || s.partner[x] !== y) return false;
            const j = s.target[x];
            const mutual = s.action[y] === OPTION_INDEX.HE && s.target[y] === j;
            return mutual || s.draws[x * DRAWS_PER_TICK + DRAW_CONSENT] < s.threat[y * n + j];
          };
          expectThat(formedBy(a, b) || formedBy(b, a), `the alliance ${w.ids[a]}–${w.ids[b]} formed without a request answered by consent`);
        }
      }
    }
    // effCap_v = cinc_v + χ·Σ_{k: ally_vk} cinc_k, computed by the aggression phase (it needs a revisionist).
    if (!w.rev.some((r) => r > 0)) w.rev[0] = rev;
    h.run('aggression');
    const cap0 = s.allyCap.slice();
    const ent = w.ent.slice();
    for (let k = 0; k < n * n; k++) if (k % (n + 1) !== 0) w.ent[k] = Math.min(1, w.ent[k] + 0.5);
    h.run('aggression');
    for (let v = 0; v < n; v++) expectThat(s.allyCap[v] === cap0[v], `raising ententes changed effCap of ${w.ids[v]} from ${fmt(cap0[v])} to ${fmt(s.allyCap[v])}`);
    w.ent.set(ent);
    const free: [number, number][] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (w.ally[a * n + b] === 0) free.push([a, b]);
    fc.pre(free.length > 0);
    const [a, b] = free[pair % free.length];
    h.change({ type: 'alliance', between: [w.ids[a], w.ids[b]], inForce: true });
    h.run('aggression');
    for (const v of [a, b]) {
      const strict = c.parameters.chi > 0;
      expectThat(strict ? s.allyCap[v] > cap0[v] : s.allyCap[v] >= cap0[v],
        `a new alliance ${w.ids[a]}–${w.ids[b]} moved effCap of ${w.ids[v]} from ${fmt(cap0[v])} to ${fmt(s.allyCap[v])} (χ = ${fmt(c.parameters.chi)})`);
    }
  },
});

/** E11: public goods. */
export const E11 = defineProperty({
  id: 'E11', family: 'effect', type: 'theory', tag: 'T', cite: 'S1; He 2022',
  title: 'public goods never fall, and accrue only under MAD and limited antagonism',
  statement: 'Public-goods increments are ≥ 0, and exactly 0 when gateMAD = 0 or antagonism ≥ ι*',
  source: 'MAD and ideology conditions [S1]; He 2022 caveats [A]',
  method: 'A small random world through a whole tick with drawn actions (institutional ones preferred); the increment of PG over the '
    + 'institutions phase must be ≥ 0, and exactly 0 when the two leading states (by CINC) are not both nuclear or their ideologies '
    + 'differ by ι* or more — the gates recomputed independently of the phase.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({ situation: situation(rt) }),
  predicate: (rt, { situation: c }) => {
    const h = perceived(rt, resolveScenario(c.world), c.parameters, c.seed);
    const { world: w, scratch: s } = h;
    setActions(h, c.picks, ['II', 'IE']);
    h.run('economy', 'alignment', 'institutional-acts', 'restraint', 'aggression', 'update');
    const before = w.publicGoods;
    h.run('institutions');
    const inc = w.publicGoods - before;
    const byCinc = [...Array(w.n).keys()].sort((x, y) => s.cinc[y] - s.cinc[x] || x - y);
    const [a, b] = byCinc;
    const mad = w.nuc[a] === 1 && w.nuc[b] === 1;
    const antagonism = Math.abs(w.ideo[a] - w.ideo[b]);
    expectThat(inc >= 0, `public goods fell by ${fmt(-inc)}`);
    if (!mad) expectThat(inc === 0, `the leading states ${w.ids[a]}, ${w.ids[b]} are not both nuclear (gateMAD = 0), yet public goods rose by ${fmt(inc)}`);
    if (antagonism >= c.parameters.iotaStar) {
      expectThat(inc === 0, `antagonism ${fmt(antagonism)} ≥ ι* = ${fmt(c.parameters.iotaStar)}, yet public goods rose by ${fmt(inc)}`);
    }
  },
});

/** E12: episode classification. */
export const E12 = defineProperty({
  id: 'E12', family: 'effect', type: 'theory', tag: 'T', cite: 'S1',
  title: 'a single act, or an act against a non-threat, is never soft balancing',
  statement: 'Episode classification: a single SS or SL act, or any act against a non-threat (T < T_min), is never counted as soft balancing',
  source: '"deliberately and consistently … for a period of time"; retributive sanctions excluded [S1]',
  method: 'Drives the record phase over 1–12 ticks with drawn actions, targets and threats (mostly soft or institutional acts against a '
    + 'steady target). At every tick, a state in an episode against j must face T ≥ T_min now and have taken at least two soft or '
    + 'institutional acts against j within the episode window; friction counts exactly the soft and institutional acts outside episodes. '
    + 'The classification is per tick, against the threat at that tick (model note N18).',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput(), seed: fc.nat(1000),
    ticks: fc.array(fc.array(fc.record({ kind: fc.nat(5), option: fc.nat(), other: fc.nat(), T: unit() }), { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 12 }),
  }),
  predicate: (rt, { parameters: p, world, seed, ticks }) => {
    const h = new Harness(resolveScenario(world), p, rt, { seed });
    const { world: w, scratch: s, ctx } = h;
    const n = w.n;
    const K = p.episodeWindow;
    const pressing = [...OPTIONS.keys()].filter(isPressing);
    const other = [...OPTIONS.keys()].filter((a) => !isPressing(a));
    const history: { action: number; target: number }[][] = [];
    ticks.forEach((row, t) => {
      ctx.tick = t;
      const now: { action: number; target: number }[] = [];
      for (let i = 0; i < n; i++) {
        const d = row[i % row.length];
        const main = (i + 1) % n;
        const target = d.kind === 4 ? (i + 1 + (d.other % (n - 1))) % n : main;
        const action = d.kind === 5 ? other[d.option % other.length] : pressing[d.option % pressing.length];
        s.action[i] = action;
        s.target[i] = target;
        s.tMain[i] = d.kind === 3 ? d.T * p.tMin : d.T;
        now.push({ action, target });
      }
      history.push(now);
      h.run('record');
      let friction = 0;
      for (let i = 0; i < n; i++) {
        const j = s.episodeTarget[i];
        if (isPressing(s.action[i]) && j < 0) friction++;
        if (j < 0) continue;
        expectThat(s.tMain[i] >= p.tMin, `tick ${t}: ${w.ids[i]} is counted in an episode against ${w.ids[j]} at T = ${fmt(s.tMain[i])} < T_min = ${fmt(p.tMin)}`);
        let acts = 0;
        for (let u = Math.max(0, t - K + 1); u <= t; u++) if (isPressing(history[u][i].action) && history[u][i].target === j) acts++;
        expectThat(acts >= 2, `tick ${t}: ${w.ids[i]} is counted in an episode against ${w.ids[j]} after ${acts} act(s) in the last ${K} ticks`);
      }
      expectThat(s.friction === friction, `tick ${t}: friction is ${s.friction}, but ${friction} soft or institutional acts are outside episodes`);
    });
  },
});

/** E1–E12 in order. @internal */
export const EFFECT_PROPERTIES: readonly InternalProperty[] = [E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12];
