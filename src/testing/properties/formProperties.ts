import fc from 'fast-check';
import { OPTIONS, OPTION_COUNT, type Option, type OptionRecord } from '../../decision/options.js';
import { decisionContext } from '../arbitraries/decisionContext.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { menuOf, type ModelRuntime } from '../runtime/ModelRuntime.js';
import { defineProperty, expectClose, expectThat, fmt, tolerance, Violation, type InternalProperty } from './defineProperty.js';

const NEEDS_UTILITIES = (rt: ModelRuntime): string | null => (rt.decision === 'policy'
  ? 'a property of the logit over utilities V_a; the model gives a policy (probabilities only)'
  : null);

function availableOptions(menu: Readonly<Record<Option, boolean>>): Option[] {
  return OPTIONS.filter((o) => menu[o]);
}

/** F1: interiority and masks. */
export const F1 = defineProperty({
  id: 'F1', family: 'choice', type: 'form', tag: 'F', cite: 'GHP',
  title: 'probabilities sum to 1, lie in (0,1) over available options, masked options get 0',
  statement: 'Over available options the p_a sum to 1 and each lies in (0,1); masked options get exactly 0',
  source: 'regular QRE "interiority" [A: GHP]',
  method: 'Draws parameters and a context with a random menu (§5.3 masks); checks the model\'s probabilities: masked options exactly 0, '
    + 'available ones > 0 and < 1 (a probability may round to 1 only when all others together are below 2⁻⁵³), sum 1 ± 1e-12.',
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), ctx: decisionContext({ menu: 'random' }) }),
  predicate: (rt, { parameters, ctx }) => {
    const p = rt.probabilities(ctx, parameters);
    const menu = menuOf(ctx);
    let sum = 0;
    for (const o of OPTIONS) {
      const v = p[o];
      sum += v;
      if (!menu[o]) expectThat(v === 0, `masked option ${o} has probability ${fmt(v)}, not 0`);
      else {
        expectThat(v > 0, `available option ${o} has probability ${fmt(v)} (interiority needs > 0)`);
        let others = 0;
        for (const b of OPTIONS) if (b !== o) others += p[b];
        expectThat(v < 1 || others < Number.EPSILON, `available option ${o} has probability ${fmt(v)} while the others sum to ${fmt(others)}`);
      }
    }
    expectThat(Math.abs(sum - 1) <= 1e-12, `probabilities sum to ${fmt(sum)}`);
  },
});

/** F2: responsiveness. */
export const F2 = defineProperty({
  id: 'F2', family: 'choice', type: 'form', tag: 'F', cite: 'GHP',
  title: 'raising V_a raises p_a and lowers every other p_b',
  statement: 'Raising V_a raises p_a and lowers every other p_b',
  source: 'regular QRE "responsiveness, monotonicity" [A: GHP]',
  method: 'Draws parameters, a context with a random menu, an available option a and δ ∈ [0.01, 5]; raises V_a by δ and applies the logit: '
    + 'p_a must not fall and every other p_b must not rise, strictly where the probabilities are not at the edge of binary64 (1e-9 < p_a < 1 − 1e-9).',
  applies: NEEDS_UTILITIES,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), ctx: decisionContext({ menu: 'random' }), pick: fc.nat(), delta: gridNumber(0.01, 5, 499),
  }),
  predicate: (rt, { parameters, ctx, pick, delta }) => {
    const v = rt.utilities(ctx, parameters) as OptionRecord;
    const menu = menuOf(ctx);
    const avail = availableOptions(menu);
    fc.pre(avail.length >= 2);
    const a = avail[pick % avail.length];
    const before = rt.logit(v, menu, parameters.mu);
    const after = rt.logit({ ...v, [a]: v[a] + delta }, menu, parameters.mu);
    const interior = before[a] > 1e-9 && before[a] < 1 - 1e-9;
    expectThat(after[a] >= before[a] && (!interior || after[a] > before[a]),
      `raising V_${a} by ${fmt(delta)} moved p_${a} from ${fmt(before[a])} to ${fmt(after[a])}`);
    for (const b of avail) {
      if (b === a) continue;
      const strict = interior && before[b] > 1e-9;
      expectThat(after[b] <= before[b] && (!strict || after[b] < before[b]),
        `raising V_${a} by ${fmt(delta)} moved p_${b} from ${fmt(before[b])} to ${fmt(after[b])}`);
    }
  },
});

/** F3: shift and order invariance, μ limits. */
export const F3 = defineProperty({
  id: 'F3', family: 'choice', type: 'form', tag: 'F', cite: 'McKelvey & Palfrey 1995',
  title: 'invariant to a common shift and to option order; μ→0 gives argmax, μ→∞ uniform',
  statement: 'Invariant to adding a constant to all V and to the order of options; as μ→0 the rule tends to argmax, as μ→∞ to uniform',
  source: 'logit form (McKelvey & Palfrey 1995)',
  method: 'Draws parameters, a context with a random menu, a constant c ∈ [−50, 50] and a permutation of the nine options. Checks that '
    + 'V + c gives the same probabilities (1e-12), that the logit over permuted arrays gives the permuted probabilities (1e-12), that the '
    + 'mass on the maximal options rises as μ falls through gap/5, gap/20, gap/60 and ends within 1e-9 of 1 split equally among ties, and '
    + 'that at μ = 10¹²·(1 + range) every available option has 1/m within 1e-9.',
  applies: NEEDS_UTILITIES,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), ctx: decisionContext({ menu: 'random' }), shift: gridNumber(-50, 50, 1000),
    order: fc.shuffledSubarray([...OPTIONS.keys()], { minLength: OPTION_COUNT, maxLength: OPTION_COUNT }),
  }),
  predicate: (rt, { parameters, ctx, shift, order }) => {
    const mu = parameters.mu;
    const v = rt.utilities(ctx, parameters) as OptionRecord;
    const menu = menuOf(ctx);
    const p = rt.logit(v, menu, mu);
    // A common shift.
    const shifted = {} as OptionRecord;
    for (const o of OPTIONS) shifted[o] = v[o] + shift;
    const ps = rt.logit(shifted, menu, mu);
    for (const o of OPTIONS) {
      expectThat(Math.abs(ps[o] - p[o]) <= 1e-12, `adding ${fmt(shift)} to every V moved p_${o} from ${fmt(p[o])} to ${fmt(ps[o])}`);
    }
    // The order of options: run the library logit on permuted arrays.
    const vs = new Float64Array(OPTION_COUNT);
    const mask = new Uint8Array(OPTION_COUNT);
    const out = new Float64Array(OPTION_COUNT);
    order.forEach((k, slot) => { vs[slot] = v[OPTIONS[k]]; mask[slot] = menu[OPTIONS[k]] ? 1 : 0; });
    rt.lib.writeLogit(vs, mask, mu, out, 0);
    order.forEach((k, slot) => {
      const o = OPTIONS[k];
      expectThat(Math.abs(out[slot] - p[o]) <= 1e-12, `with the options in the order ${order.map((i) => OPTIONS[i]).join(',')}, p_${o} is ${fmt(out[slot])} instead of ${fmt(p[o])}`);
    });
    // μ → 0: argmax (ties share equally).
    const avail = availableOptions(menu);
    const vmax = Math.max(...avail.map((o) => v[o]));
    const top = avail.filter((o) => v[o] >= vmax - tolerance(vmax, 0, 1e-12));
    const rest = avail.filter((o) => !top.includes(o));
    if (rest.length > 0) {
      const gap = vmax - Math.max(...rest.map((o) => v[o]));
      let mass = -Infinity;
      for (const divisor of [5, 20, 60]) {
        const q = rt.logit(v, menu, gap / divisor);
        const m = top.reduce((s, o) => s + q[o], 0);
        expectThat(m >= mass - 1e-12, `the probability of the best options fell from ${fmt(mass)} to ${fmt(m)} as μ fell to gap/${divisor}`);
        mass = m;
        if (divisor === 60) {
          for (const o of top) {
            expectClose(q[o], 1 / top.length, `p_${o} at μ = gap/60 = ${fmt(gap / 60)} (argmax limit, ${top.length} tied)`, 1e-9);
          }
        }
      }
    }
    // μ → ∞: uniform over the available options.
    const range = vmax - Math.min(...avail.map((o) => v[o]));
    const big = rt.logit(v, menu, 1e12 * (1 + range));
    for (const o of avail) {
      if (Math.abs(big[o] - 1 / avail.length) > 1e-9) throw new Violation(`at μ = ${fmt(1e12 * (1 + range))}, p_${o} = ${fmt(big[o])}, not 1/${avail.length}`);
    }
  },
});

/** F4: independence of irrelevant alternatives. */
export const F4 = defineProperty({
  id: 'F4', family: 'choice', type: 'form', tag: 'F', cite: 'MNL',
  title: 'masking or adding an option leaves every other ratio p_a/p_b unchanged (IIA)',
  statement: 'Masking or adding an option leaves the ratio p_a/p_b of any other pair unchanged (IIA), so pairwise properties do not depend on the menu',
  source: 'MNL',
  method: 'Draws parameters, a context with a random menu and an option c ≠ NONE; toggles c\'s availability and compares log(p_a/p_b) for '
    + 'every other pair available in both menus (relative tolerance 1e-9).',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), ctx: decisionContext({ menu: 'random' }), toggle: fc.constantFrom(...OPTIONS.filter((o) => o !== 'NONE')),
  }),
  predicate: (rt, { parameters, ctx, toggle }) => {
    const menu = menuOf(ctx);
    const other = { ...ctx, available: { ...menu, [toggle]: !menu[toggle] } };
    const p1 = rt.probabilities(ctx, parameters);
    const p2 = rt.probabilities(other, parameters);
    const both = availableOptions(menu).filter((o) => o !== toggle && p1[o] > 0 && p2[o] > 0);
    for (const a of both) {
      for (const b of both) {
        if (b <= a) continue;
        const r1 = Math.log(p1[a]) - Math.log(p1[b]);
        const r2 = Math.log(p2[a]) - Math.log(p2[b]);
        expectClose(r2, r1, `log(p_${a}/p_${b}) after ${menu[toggle] ? 'masking' : 'adding'} ${toggle}`);
      }
    }
  },
});

/** F1–F4 in order. @internal */
export const FORM_PROPERTIES: readonly InternalProperty[] = [F1, F2, F3, F4];
