import type { DecisionContext } from '../../decision/DecisionContext.js';
import { OPTIONS, type Option } from '../../decision/options.js';

/** Hard options (THEORY §5.3). @internal */
export const HARD: readonly Option[] = ['HI', 'HE'];
/** Soft, non-institutional options. @internal */
export const SOFT: readonly Option[] = ['SE', 'SS', 'SL'];
/** Institutional options. @internal */
export const INSTITUTIONAL: readonly Option[] = ['II', 'IE'];
/** Every option that is not hard. @internal */
export const NON_HARD: readonly Option[] = OPTIONS.filter((o) => o !== 'HI' && o !== 'HE');

/** Rung of each option on P2's threat ladder NONE < II < {SE, SS, SL, IE} < {HI, HE}; BAND is off the ladder. @internal */
const RUNG: Partial<Record<Option, number>> = { NONE: 0, II: 1, SE: 2, SS: 2, SL: 2, IE: 2, HI: 3, HE: 3 };

/** Every ordered pair a < b of P2's ladder, as [a, b]. @internal */
export const LADDER_PAIRS: readonly (readonly [Option, Option])[] = OPTIONS.flatMap((a) => OPTIONS
  .filter((b) => RUNG[a] !== undefined && RUNG[b] !== undefined && (RUNG[a] as number) < (RUNG[b] as number))
  .map((b) => [a, b] as const));

/** Options below the hard ones on the ladder (the "hard-balancing odds" of M3 are taken against these). @internal */
export const BELOW_HARD: readonly Option[] = ['NONE', 'II', 'SE', 'SS', 'SL', 'IE'];

/** The context with every option available (pairwise log-odds do not depend on the menu, F4). @internal */
export function fullMenu(ctx: DecisionContext): DecisionContext {
  const { available: _menu, ...rest } = ctx;
  return rest;
}

/** A context variable of DecisionContext that properties vary. @internal */
export type ContextVariable = 'T' | 'D' | 'Dt' | 'theta' | 'nu' | 'ideo' | 'lam' | 'r' | 'disp' | 'A' | 'rhoI' | 'rhoE' | 'con' | 'G';

/** The context with one variable set. @internal */
export function withVar(ctx: DecisionContext, key: ContextVariable, value: number): DecisionContext {
  return { ...ctx, [key]: value };
}
