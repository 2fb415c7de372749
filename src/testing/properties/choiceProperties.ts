import fc from 'fast-check';
import type { DecisionContext } from '../../decision/DecisionContext.js';
import { OPTIONS, OPTION_COUNT, OPTION_INDEX, type Option } from '../../decision/options.js';
import type { ModelParameters } from '../../model/ModelParameters.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import { decisionContext } from '../arbitraries/decisionContext.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { scenarioInput } from '../arbitraries/scenarioInput.js';
import { Harness } from '../runtime/Harness.js';
import type { ModelRuntime } from '../runtime/ModelRuntime.js';
import {
  defineProperty, expectClose, expectNonDecreasing, expectNonIncreasing, expectThat, fmt, tolerance, Violation,
  type InternalProperty,
} from './defineProperty.js';
import { HARD, INSTITUTIONAL, LADDER_PAIRS, NON_HARD, SOFT, fullMenu, withVar, type ContextVariable } from './optionGroups.js';

// ---------------------------------------------------------------- helpers

/** A point in [0, 1] (grid of 1000). */
const unit = (): fc.Arbitrary<number> => gridNumber(0, 1, 1000);
/** A share u ∈ [0.001, 1] used to place a second point above a first: x2 = x1 + (hi − x1)·u. */
const step = (): fc.Arbitrary<number> => gridNumber(0.001, 1, 999);
/** Two ordered points lo ≤ x1 < x2 ≤ hi (x1 = x2 only when x1 = hi). */
function ordered(lo: number, hi: number): fc.Arbitrary<[number, number]> {
  return fc.tuple(gridNumber(lo, hi, 1000), step()).map(([x, u]) => [x, x + (hi - x) * u]);
}

/** log-odds(b : a) at a context, always over the full menu (pairwise log-odds do not depend on it, F4). @internal */
export function lo(rt: ModelRuntime, ctx: DecisionContext, p: ModelParameters, b: Option, a: Option): number {
  return rt.logOdds(fullMenu(ctx), p, b, a);
}

/** Checks that log-odds(b : a) moves in `direction` when one context variable moves from x1 to x2. */
function monotoneLogOdds(
  rt: ModelRuntime, ctx: DecisionContext, p: ModelParameters, key: ContextVariable, x1: number, x2: number,
  pairs: readonly (readonly [Option, Option])[], direction: 'up' | 'down',
): void {
  const c1 = withVar(ctx, key, x1);
  const c2 = withVar(ctx, key, x2);
  for (const [b, a] of pairs) {
    const l1 = lo(rt, c1, p, b, a);
    const l2 = lo(rt, c2, p, b, a);
    const what = `log-odds(${b} : ${a}) as ${key} rises from ${fmt(x1)} to ${fmt(x2)}`;
    if (direction === 'up') expectNonDecreasing(l1, l2, what);
    else expectNonIncreasing(l1, l2, what);
  }
}

/** Every (b, a) with b in `bs` and a in `as`, b ≠ a. */
function pairs(bs: readonly Option[], as: readonly Option[]): [Option, Option][] {
  return bs.flatMap((b) => as.filter((a) => a !== b).map((a): [Option, Option] => [b, a]));
}

/** A context with the threat drawn from (0, 1]. */
function threatened(): fc.Arbitrary<DecisionContext> {
  return decisionContext().map((c) => ({ ...c, T: 0.001 + 0.999 * c.T }));
}

/** Skips a switchable hypothesis when fixed parameters turn its switch off. @internal */
export const HYPOTHESIS_OFF = (key: 'epsC' | 'cP', symbol: string) => (rt: ModelRuntime): string | null => {
  const p = rt.fixedParameters;
  return p !== null && p[key] === 0
    ? `a switchable hypothesis whose switch is off in the supplied parameters (${symbol} = 0): it is not part of this model; set ${key} > 0 to test it`
    : null;
};

// ---------------------------------------------------------------- P1–P16

/** P1: zero threat. */
export const P1 = defineProperty({
  id: 'P1', family: 'choice', type: 'theory', tag: 'T', cite: 'S1; He 2008',
  title: 'zero threat makes NONE modal and the context irrelevant',
  statement: 'Zero threat ⇒ NONE is modal, and context is irrelevant. At T = 0, V_a = −κ_a ≤ 0 = V_NONE for every a, and ∂(log-odds)/∂z = 0',
  source: '"The common thread is the threat level" [S1]; He 2008: balancing is "countering pressures or threats"',
  method: 'Draws parameters and two contexts at T = 0 that differ in every z variable (D, Dt, θ, ν, ideo, λ, r, A, ρI, ρE, CON, ally, G; '
    + 'the menu and whether IE must found a club are held fixed, being costs and masks rather than context). Checks log-odds(a : NONE) ≤ 0 '
    + 'for every a (NONE modal) and that every log-odds(a : NONE) is the same in both contexts.',
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), ctx: decisionContext({ T: 0 }), other: decisionContext({ T: 0 }) }),
  predicate: (rt, { parameters, ctx, other }) => {
    const ctx2: DecisionContext = { ...other, newClub: ctx.newClub };
    for (const a of OPTIONS) {
      if (a === 'NONE') continue;
      const l1 = lo(rt, ctx, parameters, a, 'NONE');
      expectThat(l1 <= tolerance(l1, 0), `at T = 0, log-odds(${a} : NONE) = ${fmt(l1)} > 0: NONE is not modal`);
      const l2 = lo(rt, ctx2, parameters, a, 'NONE');
      expectClose(l2, l1, `at T = 0, log-odds(${a} : NONE) in another context`);
    }
  },
});

/** P2: threat ladder. */
export const P2 = defineProperty({
  id: 'P2', family: 'choice', type: 'theory', tag: 'T', cite: 'He 2012; Levick & Schulz; Paul',
  title: 'threat ladder: log-odds of a higher rung rise with threat',
  statement: 'Threat ladder (single crossing). For all z, log-odds(b : a) is non-decreasing in T for every ordered pair a < b in NONE < II < {SE, SS, SL, IE} < {HI, HE}. This needs C3 and C7',
  source: 'He 2012: "The higher the threat perception, the more likely … positive balancing"; Levick & Schulz: binding "when the threat level was low … soft balancing when the threats were perceived to be high" [S1]; Paul: existential threats lead to hard balancing [S1]',
  method: 'Draws parameters, a context and 0 ≤ T1 < T2 ≤ 1 (either side of T*); checks log-odds(b : a) at T2 ≥ at T1 for all 21 ordered pairs of the ladder.',
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), ctx: decisionContext(), T: ordered(0, 1) }),
  predicate: (rt, { parameters, ctx, T: [t1, t2] }) => {
    monotoneLogOdds(rt, ctx, parameters, 'T', t1, t2, LADDER_PAIRS.map(([a, b]) => [b, a] as const), 'up');
  },
});

/** P3: existential kink. */
export const P3 = defineProperty({
  id: 'P3', family: 'choice', type: 'theory', tag: 'T', cite: 'S1',
  title: 'existential kink: hard log-odds steepen by ξ/(μ(1−T*)) at T*',
  statement: 'Existential kink. For T < T*, the ξ term is zero. At T*, the slope of log-odds(H : any non-hard option) rises by ξ/(μ(1−T*)) ≥ 0 (right-minus-left finite difference ≥ 0)',
  source: '"Intense threats of the existential variety often produce hard balancing, but non-existential threats are confronted by soft balancing mechanisms" [S1]',
  method: 'Draws parameters, a context and T < T*. Checks that log-odds(H : x), H ∈ {HI, HE}, x non-hard, is the same with ξ, ξ + 1 and 0 at T; '
    + 'and that the right-minus-left derivative at T* (one-sided difference quotients with steps h and h/2, h = min(10⁻³, T*/4, '
    + '(1 − T*)/4), Richardson-extrapolated) is ≥ 0 and equals ξ/(μ(1 − T*)) within a relative 10⁻⁵.',
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), ctx: decisionContext(), below: gridNumber(0, 0.999, 999) }),
  predicate: (rt, { parameters: p, ctx, below }) => {
    const tStar = p.tStar;
    const tLow = tStar * below;
    const h = Math.min(1e-3, tStar / 4, (1 - tStar) / 4);
    const at = (t: number, q: ModelParameters, b: Option, a: Option): number => lo(rt, { ...ctx, T: t }, q, b, a);
    const expected = p.xi / (p.mu * (1 - tStar));
    for (const H of HARD) {
      for (const x of NON_HARD) {
        const base = at(tLow, p, H, x);
        expectClose(at(tLow, { ...p, xi: 0 }, H, x), base, `log-odds(${H} : ${x}) at T = ${fmt(tLow)} < T* with ξ = 0 instead of ${fmt(p.xi)}`);
        expectClose(at(tLow, { ...p, xi: p.xi + 1 }, H, x), base, `log-odds(${H} : ${x}) at T = ${fmt(tLow)} < T* with ξ + 1`);
        // One-sided derivatives at T*, by Richardson extrapolation of the difference quotients at h and h/2
        // (exact for log-odds linear on each side, as in §5.4; second-order accurate for a smooth model).
        const mid = at(tStar, p, H, x);
        const side = (dir: 1 | -1): number => {
          const d1 = (at(tStar + dir * h, p, H, x) - mid) / (dir * h);
          const d2 = (at(tStar + (dir * h) / 2, p, H, x) - mid) / ((dir * h) / 2);
          return 2 * d2 - d1;
        };
        const left = side(-1);
        const right = side(1);
        const jump = right - left;
        expectThat(jump >= -tolerance(right, left, 1e-5), `the slope of log-odds(${H} : ${x}) falls at T* = ${fmt(tStar)} (left ${fmt(left)}, right ${fmt(right)})`);
        expectClose(jump, expected, `the rise of the slope of log-odds(${H} : ${x}) at T* (expected ξ/(μ(1−T*)))`, 1e-5);
      }
    }
  },
});

/** The crossing threshold T_c(h, s; z): the zero of the log-odds(h : s) line through T = 0 and T = T* ÷ 2. */
function crossing(rt: ModelRuntime, ctx: DecisionContext, p: ModelParameters, h: Option, s: Option): number {
  const t1 = p.tStar / 2;
  const l0 = lo(rt, { ...ctx, T: 0 }, p, h, s);
  const l1 = lo(rt, { ...ctx, T: t1 }, p, h, s);
  const slope = (l1 - l0) / t1;
  if (!(slope > tolerance(l0, l1, 1e-12) / t1)) return Infinity;
  return -l0 / slope;
}

type P4Variable = 'D' | 'theta' | 'nu' | 'oneMinusIdeo' | 'lam' | 'A' | 'r';

/** P4: the threshold moves with Paul's reasons. */
export const P4 = defineProperty({
  id: 'P4', family: 'choice', type: 'theory', tag: 'T', cite: 'S1',
  title: 'the hard-balancing threshold T_c moves with Paul\'s reasons, allies and capability',
  statement: 'The hard-balancing threshold moves with Paul\'s reasons. For T < T*, T_c(H, S) is non-decreasing in D, θ, ν, (1−ideo_j) and λ. It is non-increasing in A for HE (needs C8), and non-increasing in r for HI on the weaker side (r ≤ ½); for r ≥ ½, P9 governs',
  source: 'four reasons [S1]; "lack of internal balancing capabilities or of external allies" [S1]',
  method: 'T_c(H, S; z) = (κ_H − κ_S)/(u_H − u_S) (§5.4) is computed as the zero of the log-odds(H : S) line through T = 0 and T = T*/2 '
    + '(exact for the reference model, where log-odds are linear in T below T*; +∞ when the line does not rise). S ranges over the soft '
    + 'options SE, SS, SL. Draws parameters, a context, one variable and two ordered values of it; for A only HE, for r only HI with '
    + 'r1 < r2 ≤ ½ in the full model (disp = |2r − 1|). Relative tolerance 10⁻⁶.',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), ctx: decisionContext(),
    variable: fc.constantFrom<P4Variable>('D', 'theta', 'nu', 'oneMinusIdeo', 'lam', 'A', 'r'),
    x: ordered(0, 1), xr: ordered(0, 0.5),
  }),
  predicate: (rt, { parameters: p, ctx, variable, x, xr }) => {
    const [v1, v2] = variable === 'r' ? xr : x;
    const set = (v: number): DecisionContext => (variable === 'oneMinusIdeo' ? { ...ctx, ideo: 1 - v } : withVar(ctx, variable, v));
    const hards: readonly Option[] = variable === 'A' ? ['HE'] : variable === 'r' ? ['HI'] : HARD;
    const falls = variable === 'A' || variable === 'r';
    for (const h of hards) {
      for (const s of SOFT) {
        const c1 = crossing(rt, set(v1), p, h, s);
        const c2 = crossing(rt, set(v2), p, h, s);
        const name = variable === 'oneMinusIdeo' ? '1 − ideo' : variable;
        const what = `T_c(${h}, ${s}) as ${name} rises from ${fmt(v1)} to ${fmt(v2)}`;
        if (!falls) {
          if (c1 === Infinity) expectThat(c2 === Infinity, `${what}: it fell from +∞ to ${fmt(c2)}`);
          else expectThat(c2 >= c1 - tolerance(c1, 0, 1e-6), `${what}: it fell from ${fmt(c1)} to ${fmt(c2)}`);
        } else if (c2 === Infinity) expectThat(c1 === Infinity, `${what}: it rose from ${fmt(c1)} to +∞`);
        else expectThat(c2 <= c1 + tolerance(c1 === Infinity ? 0 : c1, 0, 1e-6), `${what}: it rose from ${fmt(c1)} to ${fmt(c2)}`);
      }
    }
  },
});

/** P5: interdependence. */
export const P5 = defineProperty({
  id: 'P5', family: 'choice', type: 'theory', tag: 'T', cite: 'He 2008',
  title: 'interdependence favours institutions over arms',
  statement: 'Interdependence favours institutions over arms. For T > 0, P(HI ∪ HE) is non-increasing in D, and log-odds(II or IE : H) and (II or IE : SS) are non-decreasing in D',
  source: 'He 2008/2009 (interdependence → "more likely … institutional balancing") [A]; "cost-effective and flexible strategies over direct military balancing as the international economic system became more integrated" [S2]; Papayoanou [A]',
  method: 'Draws parameters, a context with T ∈ (0, 1] and a random menu, and D1 < D2. Checks P(HI) + P(HE) at D2 ≤ at D1 on that menu, and '
    + 'log-odds(x : y) non-decreasing for x ∈ {II, IE}, y ∈ {HI, HE, SS}.',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), ctx: decisionContext({ menu: 'random' }).map((c) => ({ ...c, T: 0.001 + 0.999 * c.T })), D: ordered(0, 1),
  }),
  predicate: (rt, { parameters: p, ctx, D: [d1, d2] }) => {
    const p1 = rt.probabilities({ ...ctx, D: d1 }, p);
    const p2 = rt.probabilities({ ...ctx, D: d2 }, p);
    expectNonIncreasing(p1.HI + p1.HE, p2.HI + p2.HE, `P(HI ∪ HE) as D rises from ${fmt(d1)} to ${fmt(d2)}`);
    monotoneLogOdds(rt, ctx, p, 'D', d1, d2, pairs(INSTITUTIONAL, [...HARD, 'SS']), 'up');
  },
});

/** P6: sanctions and interdependence. */
export const P6 = defineProperty({
  id: 'P6', family: 'choice', type: 'theory', tag: 'T/D', cite: 'Oneal',
  title: 'sanctions fall with own dependence and rise with the target\'s',
  statement: 'Sanctions and interdependence. log-odds(SS : SL) is non-increasing in own dependence D and non-decreasing in the target\'s dependence Dt',
  source: 'sanction costs scale with interdependence (§5.5) [D]; Oneal\'s dependence definition [A]',
  method: 'Draws parameters, a context, D or Dt and two ordered values; checks the direction of log-odds(SS : SL).',
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), ctx: decisionContext(), which: fc.constantFrom<'D' | 'Dt'>('D', 'Dt'), x: ordered(0, 1) }),
  predicate: (rt, { parameters, ctx, which, x: [x1, x2] }) => {
    monotoneLogOdds(rt, ctx, parameters, which, x1, x2, [['SS', 'SL']], which === 'D' ? 'down' : 'up');
  },
});

/** P7: allies. */
export const P7 = defineProperty({
  id: 'P7', family: 'choice', type: 'theory', tag: 'T', cite: 'S1; Walt',
  title: 'available allies favour formal alliances and deter bandwagoning',
  statement: 'Allies. log-odds(HE : x) is non-decreasing in A for every x ≠ HE (needs C8). P(BAND) is non-increasing in A',
  source: '"external allies willing to form formal military alliances" [S1]; Walt: "Greater probabilities of allied support increase tendencies to balance"; bandwagoning "if no allies are available" [A]',
  method: 'Draws parameters, a context with a random menu and A1 < A2; checks log-odds(HE : x) for the eight other options and P(BAND) on the menu.',
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), ctx: decisionContext({ menu: 'random' }), A: ordered(0, 1) }),
  predicate: (rt, { parameters: p, ctx, A: [a1, a2] }) => {
    monotoneLogOdds(rt, ctx, p, 'A', a1, a2, pairs(['HE'], OPTIONS), 'up');
    expectNonIncreasing(rt.probabilities({ ...ctx, A: a1 }, p).BAND, rt.probabilities({ ...ctx, A: a2 }, p).BAND,
      `P(BAND) as A rises from ${fmt(a1)} to ${fmt(a2)}`);
  },
});

/** P8: capability. */
export const P8 = defineProperty({
  id: 'P8', family: 'choice', type: 'theory', tag: 'T', cite: 'S1',
  title: 'capability favours arming over soft and institutional balancing',
  statement: 'Capability. Take the z-level utility function, with r and disp as separate inputs. There, ∂/∂r of log-odds(HI : any soft or institutional option) is ≥ 0. In the full model, where disp = |2r−1|, this holds for r ≤ ½',
  source: '"lack of internal balancing capabilities" [S1]; middle powers "lack the relative material capabilities" [S1]',
  method: 'Either the z level (disp drawn separately and held fixed, r1 < r2 in [0, 1]) or the full model (disp = |2r − 1|, r1 < r2 ≤ ½); '
    + 'checks log-odds(HI : x) non-decreasing in r for x ∈ {SE, SS, SL, II, IE}. Parameters from 𝒫 with both switches at random.',
  arbitrary: (rt) => fc.oneof(
    fc.record({ level: fc.constant<'z' | 'full'>('z'), parameters: rt.parameters(), ctx: decisionContext({ level: 'z' }), r: ordered(0, 1) }),
    fc.record({ level: fc.constant<'z' | 'full'>('full'), parameters: rt.parameters(), ctx: decisionContext(), r: ordered(0, 0.5) }),
  ),
  predicate: (rt, { parameters, ctx, r: [r1, r2] }) => {
    monotoneLogOdds(rt, ctx, parameters, 'r', r1, r2, pairs(['HI'], [...SOFT, ...INSTITUTIONAL]), 'up');
  },
});

/** P9: disparity V-shape. */
export const P9 = defineProperty({
  id: 'P9', family: 'choice', type: 'theory', tag: 'T', cite: 'He & Feng 2008',
  title: 'disparity V-shape: soft balancing against arming is lowest at parity',
  statement: 'Disparity V-shape. In the full model, log-odds(soft : HI) is non-increasing in r on [0, ½] and non-decreasing on [½, 1], so hard internal balancing is most likely at parity. This needs C5',
  source: 'He & Feng 2008: "The higher the power disparity and economic dependence, the more likely a state chooses soft balancing" [A]',
  method: 'Full model (disp = |2r − 1|). Draws parameters, a context, a side of parity and r1 < r2 on it; checks log-odds(s : HI), '
    + 's ∈ {SE, SS, SL}, non-increasing on [0, ½] and non-decreasing on [½, 1].',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), ctx: decisionContext(), side: fc.constantFrom<'weaker' | 'stronger'>('weaker', 'stronger'),
    low: ordered(0, 0.5), high: ordered(0.5, 1),
  }),
  predicate: (rt, { parameters, ctx, side, low, high }) => {
    const [r1, r2] = side === 'weaker' ? low : high;
    monotoneLogOdds(rt, ctx, parameters, 'r', r1, r2, pairs(SOFT, ['HI']), side === 'weaker' ? 'down' : 'up');
  },
});

/** P10: legitimacy. */
export const P10 = defineProperty({
  id: 'P10', family: 'choice', type: 'theory', tag: 'T', cite: 'S1; S2',
  title: 'the importance of legitimacy favours denial and institutions over arms',
  statement: 'Legitimacy. log-odds(SL : H), (II : H) and (IE : H) are non-decreasing in λ; log-odds(SL : SS) is non-decreasing in λ',
  source: 'Paul condition "importance of international legitimacy" [S1]; institutions "important sources of international legitimacy" [S1]; "gains legitimacy in contexts where military force is less preferred" [S2]',
  method: 'Draws parameters, a context and λ1 < λ2; checks the seven log-odds.',
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), ctx: decisionContext(), lam: ordered(0, 1) }),
  predicate: (rt, { parameters, ctx, lam: [l1, l2] }) => {
    monotoneLogOdds(rt, ctx, parameters, 'lam', l1, l2, [...pairs(['SL', 'II', 'IE'], HARD), ['SL', 'SS']], 'up');
  },
});

const OUTSIDE_INSTITUTIONS: readonly Option[] = ['NONE', 'BAND', 'HI', 'HE', 'SE', 'SS', 'SL'];

/** P11: institutional venues. */
export const P11 = defineProperty({
  id: 'P11', family: 'choice', type: 'theory', tag: 'T', cite: 'S1; S2',
  title: 'institutional venues: stronger venues favour institutional balancing; no shared institution, no II',
  statement: 'Institutional venues. log-odds(II : x) is non-decreasing in ρI and log-odds(IE : x) in ρE, for x outside the institutional family. II is impossible when no institution contains both i and j',
  source: 'Paul condition "flourishing of institutions" [S1]; inclusive/exclusive definitions [S2]',
  method: 'Three cases. (1) Draws parameters, a context and ρ1 < ρ2 of ρI or ρE; checks log-odds(II : x) or (IE : x) for the seven '
    + 'non-institutional x. (2) A context whose menu masks II: p_II = 0. (3) A small random world after the perceive and decide phases: '
    + 'every state whose main threat shares no live institution with it has II masked and p_II = 0.',
  arbitrary: (rt) => fc.oneof(
    fc.record({
      case: fc.constant<'venue'>('venue'), parameters: rt.parameters(), ctx: decisionContext(),
      which: fc.constantFrom<'rhoI' | 'rhoE'>('rhoI', 'rhoE'), x: ordered(0, 1),
    }),
    fc.record({ case: fc.constant<'mask'>('mask'), parameters: rt.parameters(), ctx: decisionContext({ menu: 'random' }) }),
    fc.record({ case: fc.constant<'engine'>('engine'), parameters: rt.parameters(), world: scenarioInput(), seed: fc.nat(1000) }),
  ),
  predicate: (rt, value) => {
    if (value.case === 'venue') {
      const { parameters, ctx, which, x: [x1, x2] } = value;
      monotoneLogOdds(rt, ctx, parameters, which, x1, x2, pairs([which === 'rhoI' ? 'II' : 'IE'], OUTSIDE_INSTITUTIONS), 'up');
    } else if (value.case === 'mask') {
      const { parameters, ctx } = value;
      const masked = { ...ctx, available: { ...(ctx.available ?? {}), II: false } };
      const p = rt.probabilities(masked, parameters);
      expectThat(p.II === 0, `with no shared institution (II masked), p_II = ${fmt(p.II)}`);
    } else {
      const h = new Harness(resolveScenario(value.world), value.parameters, rt, { seed: value.seed });
      h.draw();
      h.run('perceive', 'decide');
      const { world: w, scratch: s } = h;
      const n = w.n;
      for (let i = 0; i < n; i++) {
        const j = s.target[i];
        let shared = false;
        for (let q = 0; q < w.instSlots; q++) if (w.instAlive[q] === 1 && w.member[q * n + i] === 1 && w.member[q * n + j] === 1) shared = true;
        if (shared) continue;
        const k = i * OPTION_COUNT + OPTION_INDEX.II;
        expectThat(s.mask[k] === 0 && s.prob[k] === 0,
          `${w.ids[i]} shares no institution with its main threat ${w.ids[j]}, yet II has mask ${s.mask[k]} and p = ${fmt(s.prob[k])}`);
      }
    }
  },
});

/** P12: inclusive vs exclusive by threat. */
export const P12 = defineProperty({
  id: 'P12', family: 'choice', type: 'theory', tag: 'T', cite: 'Levick & Schulz',
  title: 'exclusive over inclusive institutional balancing rises with threat',
  statement: 'Inclusive vs exclusive by threat. log-odds(IE : II) is non-decreasing in T',
  source: 'Levick & Schulz [S1]; "states balance against perceived threats but bind their friends" [A]',
  method: 'Draws parameters, a context and T1 < T2; checks log-odds(IE : II).',
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), ctx: decisionContext(), T: ordered(0, 1) }),
  predicate: (rt, { parameters, ctx, T: [t1, t2] }) => {
    monotoneLogOdds(rt, ctx, parameters, 'T', t1, t2, [['IE', 'II']], 'up');
  },
});

/** P13: the He-2008-by-concentration hypothesis. */
export const P13 = defineProperty({
  id: 'P13', family: 'choice', type: 'hypothesis', tag: 'H', cite: 'He 2008',
  title: 'exclusive over inclusive rises with concentration (switch ε_C on)',
  statement: 'Exclusive vs inclusive by concentration: log-odds(IE : II) non-decreasing in CON',
  source: 'He 2008 case pairing (incipient multipolarity ↔ inclusive; unipolarity ↔ exclusive) [A]; direction [M]',
  method: 'Switch on: parameters from 𝒫 with ε_C > 0 (c_P at random). Draws a context and CON1 < CON2; checks log-odds(IE : II). '
    + 'Skipped for fixed parameters with ε_C = 0.',
  applies: HYPOTHESIS_OFF('epsC', 'ε_C'),
  arbitrary: (rt) => fc.record({ parameters: rt.parameters({ epsC: 'on' }), ctx: decisionContext(), con: ordered(0, 1) }),
  predicate: (rt, { parameters, ctx, con: [c1, c2] }) => {
    monotoneLogOdds(rt, ctx, parameters, 'con', c1, c2, [['IE', 'II']], 'up');
  },
});

/** P14: the Feng & He 2017 relative-position hypothesis. */
export const P14 = defineProperty({
  id: 'P14', family: 'choice', type: 'hypothesis', tag: 'H', cite: 'Feng & He 2017',
  title: 'exclusive over inclusive falls with relative position (switch c_P on)',
  statement: 'Exclusive vs inclusive by relative position: log-odds(IE : II) non-increasing in r',
  source: 'Feng & He 2017, "disadvantageous prospects" → exclusive [A]',
  method: 'Switch on: parameters from 𝒫 with c_P > 0 (ε_C at random). Draws a context (full model) and r1 < r2; checks log-odds(IE : II). '
    + 'Skipped for fixed parameters with c_P = 0.',
  applies: HYPOTHESIS_OFF('cP', 'c_P'),
  arbitrary: (rt) => fc.record({ parameters: rt.parameters({ cP: 'on' }), ctx: decisionContext(), r: ordered(0, 1) }),
  predicate: (rt, { parameters, ctx, r: [r1, r2] }) => {
    monotoneLogOdds(rt, ctx, parameters, 'r', r1, r2, [['IE', 'II']], 'down');
  },
});

/** P15: allies as targets. */
export const P15 = defineProperty({
  id: 'P15', family: 'choice', type: 'theory', tag: 'T', cite: 'S1',
  title: 'against an ally, soft and institutional options gain exactly T·η/μ over hard ones',
  statement: 'Allies as targets. Against an ally, log-odds(any soft or institutional option : H) exceeds that against an otherwise identical non-ally by exactly T·η/μ ≥ 0',
  source: '"it can be practised against allies" [S1]; "allies can also be targeted for soft balancing" [S1]',
  method: 'Draws parameters and a context; compares log-odds(x : H), x ∈ {SE, SS, SL, II, IE}, H ∈ {HI, HE}, with ally = true and false: '
    + 'the difference must equal T·η/μ (relative tolerance 10⁻⁹) and be ≥ 0.',
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), ctx: decisionContext() }),
  predicate: (rt, { parameters: p, ctx }) => {
    const expected = (ctx.T * p.eta) / p.mu;
    for (const [x, h] of pairs([...SOFT, ...INSTITUTIONAL], HARD)) {
      const diff = lo(rt, { ...ctx, allyT: true }, p, x, h) - lo(rt, { ...ctx, allyT: false }, p, x, h);
      expectThat(diff >= -tolerance(diff, 0), `against an ally, log-odds(${x} : ${h}) is lower by ${fmt(-diff)}`);
      expectClose(diff, expected, `the ally premium of log-odds(${x} : ${h}) (expected T·η/μ)`);
    }
  },
});

type Reason = 'D' | 'theta' | 'nu' | 'oneMinusIdeo';
const REASONS: readonly Reason[] = ['D', 'theta', 'nu', 'oneMinusIdeo'];

/** P16: additivity of Paul's reasons. */
export const P16 = defineProperty({
  id: 'P16', family: 'choice', type: 'theory', tag: 'T', cite: 'Paul',
  title: 'Paul\'s reasons combine additively',
  statement: 'Paul\'s reasons combine additively. At fixed T, for soft : hard log-odds, the cross-partials with respect to any two of {D, θ, ν, 1−ideo} are 0, and each first partial is ≥ 0',
  source: '"all four variables … producing an additive effect" [S1]',
  method: 'Draws parameters, a context, two distinct reasons x, y and steps; for log-odds(s : H), s ∈ {SE, SS, SL}, H ∈ {HI, HE}, checks '
    + 'the mixed second difference f(x+, y+) − f(x+, y) − f(x, y+) + f(x, y) = 0 and both first differences ≥ 0 (tolerance 10⁻⁹ of the magnitudes).',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), ctx: decisionContext(),
    reasons: fc.shuffledSubarray([...REASONS], { minLength: 2, maxLength: 2 }), ux: step(), uy: step(),
  }),
  predicate: (rt, { parameters: p, ctx, reasons: [rx, ry], ux, uy }) => {
    const get = (c: DecisionContext, k: Reason): number => (k === 'oneMinusIdeo' ? 1 - c.ideo : c[k]);
    const set = (c: DecisionContext, k: Reason, v: number): DecisionContext => (k === 'oneMinusIdeo' ? { ...c, ideo: 1 - v } : { ...c, [k]: v });
    const x0 = get(ctx, rx);
    const y0 = get(ctx, ry);
    const x1 = x0 + (1 - x0) * ux;
    const y1 = y0 + (1 - y0) * uy;
    const name = (k: Reason): string => (k === 'oneMinusIdeo' ? '1 − ideo' : k);
    for (const [s, h] of pairs(SOFT, HARD)) {
      const f = (x: number, y: number): number => lo(rt, set(set(ctx, rx, x), ry, y), p, s, h);
      const f00 = f(x0, y0);
      const f10 = f(x1, y0);
      const f01 = f(x0, y1);
      const f11 = f(x1, y1);
      const scale = Math.abs(f00) + Math.abs(f10) + Math.abs(f01) + Math.abs(f11);
      const cross = f11 - f10 - f01 + f00;
      if (Math.abs(cross) > 1e-9 * (1 + scale)) {
        throw new Violation(`log-odds(${s} : ${h}) is not additive in ${name(rx)} and ${name(ry)}: mixed difference ${fmt(cross)}`);
      }
      expectNonDecreasing(f00, f10, `log-odds(${s} : ${h}) as ${name(rx)} rises from ${fmt(x0)} to ${fmt(x1)}`);
      expectNonDecreasing(f00, f01, `log-odds(${s} : ${h}) as ${name(ry)} rises from ${fmt(y0)} to ${fmt(y1)}`);
    }
  },
});

/** P1–P16 in order. @internal */
export const CHOICE_PROPERTIES: readonly InternalProperty[] = [P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13, P14, P15, P16];
