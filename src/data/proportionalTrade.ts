/** A state's trade volume `τ_i` (e.g. from `tradeForYear`, once missing values are dealt with). */
export interface TradeVolume {
  /** COW state code. */
  readonly ccode: number;
  /** `τ_i = (imports_i + exports_i) / 2`, finite and ≥ 0, in any unit (the flows come out in it). */
  readonly tau: number;
}

/** Options of {@link proportionalTrade}. */
export interface ProportionalTradeOptions {
  /**
   * Optional distance discount `g(i, j) ≥ 0` multiplying each flow, e.g.
   * `(a, b) => Math.exp(-distanceKm(a, b) / d0)` [D]. Called once per unordered pair with the two
   * COW codes, in the order of the input; the result is used for both directions, so the flows
   * stay symmetric. The flows are not renormalised after discounting.
   */
  readonly discount?: (ccodeA: number, ccodeB: number) => number;
}

/** Bilateral trade proxy over a set of states. */
export interface ProportionalTrade {
  /** The states, in input order; indexes `flows`. */
  readonly ccodes: readonly number[];
  /** `flows[a][b] = X_ij` for `i = ccodes[a]`, `j = ccodes[b]`; symmetric, zero on the diagonal. */
  readonly flows: readonly (readonly number[])[];
  /** `Σ_k τ_k` over the given states (the denominator). */
  readonly totalTau: number;
}

/**
 * THEORY's documented proxy for bilateral trade from national totals ("Notes for scenario
 * builders", Trade and interdependence, step 1 [D]), since the dyadic COW trade file is not
 * available:
 *
 * `X_ij = X_ji = g(i, j) · τ_i · τ_j / Σ_k τ_k`, with `g ≡ 1` unless a discount is given,
 *
 * the sum running over the given states only, and `X_ii = 0`. Without a discount, a state's
 * trade with the others sums to `τ_i · (1 − τ_i / Σ_k τ_k)`, a little below `τ_i`. If every `τ`
 * is 0, every flow is 0. Every value built with it is a proxy and must be marked so in a
 * scenario's source notes (THEORY, same note, step 3).
 *
 * @param states - the states and their `τ` (each code at most once).
 * @param options - optional distance discount.
 * @returns the symmetric flow matrix in input order.
 * @throws RangeError if a code repeats, a `τ` is negative or not finite, or a discount is
 *   negative or not finite.
 */
export function proportionalTrade(
  states: readonly TradeVolume[],
  options: ProportionalTradeOptions = {},
): ProportionalTrade {
  const seen = new Set<number>();
  let totalTau = 0;
  for (const s of states) {
    if (seen.has(s.ccode)) throw new RangeError(`proportionalTrade: state ${s.ccode} appears twice`);
    seen.add(s.ccode);
    if (!Number.isFinite(s.tau) || s.tau < 0) {
      throw new RangeError(`proportionalTrade: tau of state ${s.ccode} must be finite and >= 0, got ${s.tau}`);
    }
    totalTau += s.tau;
  }

  const n = states.length;
  const flows: number[][] = states.map(() => new Array<number>(n).fill(0));
  if (totalTau > 0) {
    for (let a = 0; a < n; a += 1) {
      for (let b = a + 1; b < n; b += 1) {
        const g = options.discount === undefined ? 1 : options.discount(states[a].ccode, states[b].ccode);
        if (!Number.isFinite(g) || g < 0) {
          throw new RangeError(
            `proportionalTrade: discount for states ${states[a].ccode} and ${states[b].ccode} must be finite and >= 0, got ${g}`,
          );
        }
        const x = (g * states[a].tau * states[b].tau) / totalTau;
        flows[a][b] = x;
        flows[b][a] = x;
      }
    }
  }
  return { ccodes: states.map((s) => s.ccode), flows, totalTau };
}
