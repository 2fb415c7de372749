import fc from 'fast-check';
import type { DecisionContext } from '../../decision/DecisionContext.js';
import { OPTIONS, type Option } from '../../decision/options.js';
import { gridNumber } from './gridNumber.js';

/** Options of {@link decisionContext}. */
export interface DecisionContextOptions {
  /**
   * Which options are available: `full` (all nine, for pairwise log-odds) or `random` (NONE always,
   * every other option independently; the §5.3 masks). Default `full`.
   */
  menu?: 'full' | 'random';
  /**
   * `full` (default): the full model, disp = |2r − 1| (left to the model). `z`: the z-level utility
   * function of P8, with disp drawn as a separate input.
   */
  level?: 'full' | 'z';
  /** Fix the threat T (e.g. 0 for P1); drawn from [0, 1] when omitted. */
  T?: number;
}

/** A value in [0, 1] on a grid of 1000 steps. */
const unit = (): fc.Arbitrary<number> => gridNumber(0, 1, 1000);

/** A menu with NONE always available and every other option available at random. */
export function optionMenu(): fc.Arbitrary<Record<Option, boolean>> {
  return fc.tuple(...OPTIONS.map(() => fc.boolean())).map((bits) => {
    const menu = {} as Record<Option, boolean>;
    OPTIONS.forEach((o, k) => { menu[o] = o === 'NONE' || !bits[k]; });
    return menu;
  });
}

/**
 * A decision context of THEORY §5.2: the threat T and every z variable in [0, 1], the alliance
 * flag, proximity, whether IE would have to found a club, and the menu of available options.
 *
 * @example
 * fc.assert(fc.property(decisionContext(), admissibleParameters(), (ctx, p) => {
 *   const { probabilities } = strategyProbabilities(ctx, p);
 *   return Math.abs(Object.values(probabilities).reduce((s, x) => s + x, 0) - 1) < 1e-12;
 * }));
 */
export function decisionContext(options: DecisionContextOptions = {}): fc.Arbitrary<DecisionContext> {
  const menu = options.menu === 'random' ? optionMenu() : fc.constant(null);
  const disp = options.level === 'z' ? unit() : fc.constant(null);
  return fc.record({
    T: options.T === undefined ? unit() : fc.constant(options.T),
    D: unit(), Dt: unit(), theta: unit(), nu: unit(), ideo: unit(), lam: unit(), r: unit(), A: unit(),
    rhoI: unit(), rhoE: unit(), con: unit(), allyT: fc.boolean(), G: unit(), newClub: fc.boolean(),
    disp, menu,
  }).map(({ disp: d, menu: m, ...rest }) => {
    const ctx: DecisionContext = { ...rest };
    if (d !== null) ctx.disp = d;
    if (m !== null) ctx.available = m;
    return ctx;
  });
}
