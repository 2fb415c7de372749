import fc from 'fast-check';
import { Z_NEWCLUB, Z_SIZE, type DecisionContext } from '../../decision/DecisionContext.js';
import { OPTIONS, type Option } from '../../decision/options.js';
import type { ModelParameters } from '../../model/ModelParameters.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import { decisionContext } from '../arbitraries/decisionContext.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { scenarioInput } from '../arbitraries/scenarioInput.js';
import { Harness } from '../runtime/Harness.js';
import type { ModelRuntime } from '../runtime/ModelRuntime.js';
import { HYPOTHESIS_OFF, lo } from './choiceProperties.js';
import { defineProperty, expectThat, fmt, type InternalProperty } from './defineProperty.js';

// Strict forms of the choice properties (issue #13 item 7). P13, P14, P1 and P7 are weak
// inequalities: a term whose coefficient is nonzero can vanish (or cancel against its mirror term)
// and they still hold. Where THEORY §5.4 gives a nonzero coefficient a definite effect, these
// properties test the effect strictly and at its exact rate, so that a dropped or mis-signed term fails.

/** Two points lo ≤ x1 < x2 ≤ hi at least `gap` apart. */
function apart(lo: number, hi: number, gap: number): fc.Arbitrary<[number, number]> {
  return fc.tuple(gridNumber(lo, hi - gap, 1000), gridNumber(0, 1, 1000)).map(([x, u]) => [x, x + gap + (hi - gap - x) * u]);
}

/** A threat bounded away from 0, so that a T-scaled effect is numerically resolvable. */
const threat = (): fc.Arbitrary<number> => gridNumber(0.05, 1, 950);

/**
 * Throws unless log-odds moved from `l1` to `l2` by `expected` (within rounding: 10⁻¹⁰ of the
 * log-odds' magnitudes plus 10⁻⁹ of the expected change), and — where the expected change is
 * resolvable — in its direction, strictly.
 */
function expectChange(l1: number, l2: number, expected: number, what: string, rate: string): void {
  const diff = l2 - l1;
  const tol = 1e-10 * (1 + Math.abs(l1) + Math.abs(l2)) + 1e-9 * Math.abs(expected);
  if (Math.abs(expected) > tol) {
    const ok = expected > 0 ? diff > 0 : diff < 0;
    expectThat(ok, `${what} ${diff === 0 ? 'did not move' : expected > 0 ? 'fell' : 'rose'} (change ${fmt(diff)}); expected a strict `
      + `${expected > 0 ? 'rise' : 'fall'} of ${fmt(expected)} (${rate})`);
  }
  expectThat(Math.abs(diff - expected) <= tol, `${what} changed by ${fmt(diff)}, expected ${fmt(expected)} (${rate})`);
}

/** P17: the concentration hypothesis at a nonzero coefficient. */
export const P17 = defineProperty({
  id: 'P17', family: 'choice', type: 'hypothesis', tag: 'H', cite: 'He 2008',
  title: 'with ε_C on, concentration moves IE up and II down strictly, at ε_C·T/μ each',
  statement: 'Concentration acts strictly (P13 at a nonzero coefficient). With ε_C > 0 and T > 0, log-odds(IE : NONE) rises and '
    + 'log-odds(II : NONE) falls in CON, each at exactly ε_C·T/μ per unit, so log-odds(IE : II) rises strictly, at 2ε_C·T/μ',
  source: 'He 2008 case pairing (incipient multipolarity ↔ inclusive; unipolarity ↔ exclusive) [A]; direction [M]; '
    + 'u_IE = … + ε_C·con and u_II = … − ε_C·con (§5.4)',
  method: 'Switch on: parameters from 𝒫 with ε_C > 0 (c_P at random). Draws a context with T ∈ [0.05, 1] and CON1 < CON2 at least '
    + '0.05 apart; checks that log-odds(IE : NONE), (II : NONE) and (IE : II) change by exactly +ε_C·T·ΔCON/μ, −ε_C·T·ΔCON/μ and '
    + '2ε_C·T·ΔCON/μ, strictly (tolerance 10⁻¹⁰ of the log-odds plus 10⁻⁹ of the change). P13\'s weak inequality misses a sign '
    + 'flip of either term: the two then cancel and log-odds(IE : II) is flat in CON.',
  applies: HYPOTHESIS_OFF('epsC', 'ε_C'),
  arbitrary: (rt) => fc.record({ parameters: rt.parameters({ epsC: 'on' }), ctx: decisionContext(), T: threat(), con: apart(0, 1, 0.05) }),
  predicate: (rt, { parameters: p, ctx, T, con: [c1, c2] }) => {
    const at = (c: number): DecisionContext => ({ ...ctx, T, con: c });
    const unit = (p.epsC * T * (c2 - c1)) / p.mu;
    const cases: [Option, Option, number][] = [['IE', 'NONE', unit], ['II', 'NONE', -unit], ['IE', 'II', 2 * unit]];
    for (const [b, a, expected] of cases) {
      expectChange(lo(rt, at(c1), p, b, a), lo(rt, at(c2), p, b, a), expected,
        `log-odds(${b} : ${a}) as CON rises from ${fmt(c1)} to ${fmt(c2)} at T = ${fmt(T)}`, `${b === 'IE' && a === 'II' ? '2' : ''}ε_C·T·ΔCON/μ`);
    }
  },
});

/** P18: the relative-position hypothesis at a nonzero coefficient. */
export const P18 = defineProperty({
  id: 'P18', family: 'choice', type: 'hypothesis', tag: 'H', cite: 'Feng & He 2017',
  title: 'with c_P on, relative position moves IE down and II up strictly, at c_P·T/μ each',
  statement: 'Relative position acts strictly (P14 at a nonzero coefficient). At the z level (disp held fixed), with c_P > 0 and T > 0, '
    + 'log-odds(IE : NONE) falls and log-odds(II : NONE) rises in r, each at exactly c_P·T/μ per unit, so log-odds(IE : II) falls '
    + 'strictly, at 2c_P·T/μ',
  source: 'Feng & He 2017, "disadvantageous prospects" → exclusive [A]; u_IE = … − c_P·r and u_II = … + c_P·r (§5.4 C6)',
  method: 'Switch on: parameters from 𝒫 with c_P > 0 (ε_C at random). Draws a z-level context (disp drawn separately and held), '
    + 'T ∈ [0.05, 1] and r1 < r2 at least 0.05 apart; checks that log-odds(IE : NONE), (II : NONE) and (IE : II) change by exactly '
    + '−c_P·T·Δr/μ, +c_P·T·Δr/μ and −2c_P·T·Δr/μ, strictly (tolerances as P17). P14\'s weak inequality misses a sign flip of either term.',
  applies: HYPOTHESIS_OFF('cP', 'c_P'),
  arbitrary: (rt) => fc.record({ parameters: rt.parameters({ cP: 'on' }), ctx: decisionContext({ level: 'z' }), T: threat(), r: apart(0, 1, 0.05) }),
  predicate: (rt, { parameters: p, ctx, T, r: [r1, r2] }) => {
    const at = (r: number): DecisionContext => ({ ...ctx, T, r });
    const unit = (p.cP * T * (r2 - r1)) / p.mu;
    const cases: [Option, Option, number][] = [['IE', 'NONE', -unit], ['II', 'NONE', unit], ['IE', 'II', -2 * unit]];
    for (const [b, a, expected] of cases) {
      expectChange(lo(rt, at(r1), p, b, a), lo(rt, at(r2), p, b, a), expected,
        `log-odds(${b} : ${a}) as r rises from ${fmt(r1)} to ${fmt(r2)} at T = ${fmt(T)}`, `${b === 'IE' && a === 'II' ? '2' : ''}c_P·T·Δr/μ`);
    }
  },
});

type BandVariable = 'T' | 'r' | 'A' | 'G';

/** T·(1 − r)(1 − A)·G of V_BAND. */
const bandFactor = (c: DecisionContext): number => c.T * (1 - c.r) * (1 - c.A) * c.G;

/** P19: bandwagoning. */
export const P19 = defineProperty({
  id: 'P19', family: 'choice', type: 'theory', tag: 'T', cite: 'Walt',
  title: 'bandwagoning is for the threatened, weak, isolated and near: strictly so when b > 0',
  statement: 'Bandwagoning (V_BAND = −κ_B + T·b·(1−r)(1−A)·G). log-odds(BAND : NONE) is −κ_B/μ where the threat is not near (G = 0). '
    + 'When b > 0 and the other factors are interior, it is strictly increasing in T and G and strictly decreasing in r and A, '
    + 'each at the rate b·∂(T(1−r)(1−A)G)/μ',
  source: 'Walt: states bandwagon when weak, when "no allies are available", and against proximate threats [A]; V_BAND (§5.4)',
  method: 'Draws parameters, a context, one of T, r, A, G and two values of it at least 0.05 apart. Checks log-odds(BAND : NONE) = −κ_B/μ '
    + 'at G = 0, and that moving the variable changes log-odds(BAND : NONE) by exactly b·Δ[T(1−r)(1−A)G]/μ — strictly, in the '
    + 'stated direction, whenever that change is numerically resolvable (tolerances as P17). P1 and P7 hold for a V_BAND that '
    + 'is never written (0) or whose (1 − r) is (1 + r); this does not.',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), ctx: decisionContext(), variable: fc.constantFrom<BandVariable>('T', 'r', 'A', 'G'), x: apart(0, 1, 0.05),
  }),
  predicate: (rt, { parameters: p, ctx, variable, x: [x1, x2] }) => {
    const far = lo(rt, { ...ctx, G: 0 }, p, 'BAND', 'NONE');
    const cost = -p.kappaBAND / p.mu;
    expectThat(Math.abs(far - cost) <= 1e-10 * (1 + Math.abs(far) + Math.abs(cost)),
      `at G = 0, log-odds(BAND : NONE) is ${fmt(far)}, expected −κ_B/μ = ${fmt(cost)}`);
    const c1: DecisionContext = { ...ctx, [variable]: x1 };
    const c2: DecisionContext = { ...ctx, [variable]: x2 };
    const expected = (p.b * (bandFactor(c2) - bandFactor(c1))) / p.mu;
    expectChange(lo(rt, c1, p, 'BAND', 'NONE'), lo(rt, c2, p, 'BAND', 'NONE'), expected,
      `log-odds(BAND : NONE) as ${variable} rises from ${fmt(x1)} to ${fmt(x2)}`, 'b·Δ[T(1−r)(1−A)G]/μ');
  },
});

/** P20: the cost of founding a club. */
export const P20 = defineProperty({
  id: 'P20', family: 'choice', type: 'theory', tag: 'T/D', cite: 'S2; §5.3',
  title: 'κ_create: exclusive balancing costs κ_create more exactly when no exclusive venue exists',
  statement: 'Founding a club costs more. When IE must found a club, log-odds(IE : x) is lower by exactly κ_create/μ for every x ≠ IE '
    + '(strictly when κ_create > 0) and no other log-odds changes; IE must found a club exactly when no live institution contains '
    + 'i but not its main threat',
  source: 'exclusive: "a rival is prevented from participation in new or alternative structures" [S2]; IE "creates a club if none '
    + 'exists; costs more" (§5.3), "if none, create one … cost κ_create" (§5.5) [D]',
  method: 'Two cases. (1) Draws parameters and a context; compares every log-odds(b : a) with and without newClub: −κ_create/μ when '
    + 'b = IE, +κ_create/μ when a = IE, 0 otherwise (tolerance 10⁻¹⁰ of the magnitudes), and IE strictly less likely when κ_create > 0. '
    + '(2) A small random world after the perceive phase: each state\'s packed newClub flag is 1 exactly when no live institution '
    + 'has it as a member and its main threat not.',
  arbitrary: (rt) => fc.oneof(
    fc.record({ case: fc.constant<'utility'>('utility'), parameters: rt.parameters(), ctx: decisionContext() }),
    fc.record({ case: fc.constant<'engine'>('engine'), parameters: rt.parameters(), world: scenarioInput(), seed: fc.nat(1000) }),
  ),
  predicate: (rt, value) => {
    if (value.case === 'utility') {
      const { parameters: p, ctx } = value;
      const open: DecisionContext = { ...ctx, newClub: false };
      const found: DecisionContext = { ...ctx, newClub: true };
      const k = p.kappaCreate / p.mu;
      for (const b of OPTIONS) {
        for (const a of OPTIONS) {
          if (a === b) continue;
          const expected = b === 'IE' ? -k : a === 'IE' ? k : 0;
          expectChange(lo(rt, open, p, b, a), lo(rt, found, p, b, a), expected,
            `log-odds(${b} : ${a}) when IE must found a club`, 'κ_create/μ on IE only');
        }
      }
      return;
    }
    const h = new Harness(resolveScenario(value.world), value.parameters as ModelParameters, rt, { seed: value.seed });
    h.draw();
    h.run('perceive');
    const { world: w, scratch: s } = h;
    const n = w.n;
    for (let i = 0; i < n; i++) {
      const j = s.target[i];
      let venue = false;
      for (let q = 0; q < w.instSlots; q++) if (w.instAlive[q] === 1 && w.member[q * n + i] === 1 && w.member[q * n + j] !== 1) venue = true;
      const flag = s.z[i * Z_SIZE + Z_NEWCLUB];
      expectThat(flag === (venue ? 0 : 1), `${w.ids[i]} ${venue ? 'has' : 'has no'} exclusive venue against ${w.ids[j]}, yet newClub = ${flag}`);
    }
  },
});

/** P17–P20 in order. @internal */
export const STRICT_CHOICE_PROPERTIES: readonly InternalProperty[] = [P17, P18, P19, P20];
