import fc from 'fast-check';
import type { ScenarioInput } from '../../scenario/scenarioSchema.js';
import { gridNumber } from './gridNumber.js';

/** Options of {@link scenarioInput}. */
export interface ScenarioInputOptions {
  /** Fewest states (default 2, at least 2). */
  minStates?: number;
  /** Most states (default 5, at most 10). */
  maxStates?: number;
  /** Most institutions (default 3). */
  maxInstitutions?: number;
  /** Capitals with coordinates (`true`), no geography (`false`: every d_ij = 0) or either (default). */
  geography?: boolean | 'random';
  /** Per-tick growth rates: `false` (default, all 0) or small random rates. */
  growth?: boolean;
}

/** The id of the k-th state of a drawn scenario: S0, S1, … (their order is the canonical order). */
export const stateId = (k: number): string => `S${k}`;

const JITTER = 1e-3;

/**
 * A small random scenario (THEORY §5.1): 2–5 states with capabilities, postures, ideologies,
 * legitimacy and domestic support; bilateral trade, alliances and ententes on some dyads;
 * a few institutions of at least two members; the system's λ, ν, θ and post-war clock.
 *
 * The worlds are *generic*: state k's capabilities, offensive posture and ideology, and
 * institution q's strength, carry a distinct jitter of order 10⁻³ so that no two candidates tie
 * exactly in the engine's argmax choices (main threat, alliance partner, victim, venue). Exact ties
 * are broken by canonical id order (THEORY §5.2, §5.5), which relabelling (S1) legitimately changes.
 * Ideologies, hence the prior ahat, are > 0; θ < 1.
 *
 * Parameters are not part of the scenario: pair it with {@link admissibleParameters}.
 */
export function scenarioInput(options: ScenarioInputOptions = {}): fc.Arbitrary<ScenarioInput> {
  const minStates = Math.max(2, options.minStates ?? 2);
  const maxStates = Math.min(10, Math.max(minStates, options.maxStates ?? 5));
  const maxInstitutions = options.maxInstitutions ?? 3;
  const geography = options.geography ?? 'random';
  return fc.integer({ min: minStates, max: maxStates }).chain((n) => {
    const state = fc.record({
      mil: gridNumber(0.5, 10, 95), eco: gridNumber(0.5, 10, 95), pop: gridNumber(0.5, 10, 95),
      lat: gridNumber(-60, 60, 120), lon: gridNumber(-180, 180, 360),
      offensive: gridNumber(0, 0.98, 98), nuclear: fc.boolean(), major: fc.boolean(),
      revisionism: fc.oneof(fc.constant(0), gridNumber(0.01, 1, 99)),
      ideology: gridNumber(0, 0.98, 98),
      legitimacyBaseline: gridNumber(0, 1, 100), legitimacy: gridNumber(0, 1, 100),
      domesticSupport: gridNumber(0, 1, 100),
      growth: options.growth === true
        ? fc.tuple(gridNumber(-0.02, 0.02, 40), gridNumber(-0.02, 0.02, 40), gridNumber(0, 0.02, 20))
        : fc.constant<[number, number, number]>([0, 0, 0]),
    });
    const dyad = fc.record({
      trade: fc.oneof(fc.constant(0), gridNumber(0.01, 2, 199)),
      alliance: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
      entente: fc.oneof(fc.constant(0), gridNumber(0.01, 1, 99)),
    });
    const pairs = (n * (n - 1)) / 2;
    const institution = fc.record({
      members: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      strength: gridNumber(0.05, 0.95, 90),
    });
    return fc.record({
      states: fc.array(state, { minLength: n, maxLength: n }),
      dyads: fc.array(dyad, { minLength: pairs, maxLength: pairs }),
      institutions: fc.array(institution, { maxLength: maxInstitutions }),
      located: geography === 'random' ? fc.boolean() : fc.constant(geography),
      lambda: gridNumber(0, 1, 100), nu: gridNumber(0, 1, 100), theta: gridNumber(0, 0.98, 98),
      lastWar: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 30 })),
    });
  }).map((w): ScenarioInput => {
    const n = w.states.length;
    const ids = w.states.map((_, k) => stateId(k));
    const states = w.states.map((s, k) => {
      const j = (k + 1) * JITTER;
      return {
        id: ids[k],
        major: s.major,
        capabilities: { mil: s.mil + j, eco: s.eco + 1.3 * j, pop: s.pop + 1.7 * j },
        ...(w.located ? { location: { lat: s.lat, lon: s.lon } } : {}),
        offensive: s.offensive + j,
        nuclear: s.nuclear,
        revisionism: s.revisionism,
        ideology: s.ideology + j,
        legitimacyBaseline: s.legitimacyBaseline,
        legitimacy: s.legitimacy,
        domesticSupport: s.domesticSupport,
        growth: { mil: s.growth[0], eco: s.growth[1], pop: s.growth[2] },
      };
    });
    const dyads: NonNullable<ScenarioInput['dyads']> = [];
    let d = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const x = w.dyads[d++];
        if (x.trade > 0 || x.alliance || x.entente > 0) {
          dyads.push({ between: [ids[a], ids[b]], trade: x.trade, alliance: x.alliance, entente: x.entente });
        }
      }
    }
    const institutions = w.institutions
      .map((q, k) => ({ id: `I${k}`, members: ids.filter((_, i) => q.members[i]), strength: q.strength + (k + 1) * 1e-4 }))
      .filter((q) => q.members.length >= 2);
    return {
      meta: { id: 'kit-world', startYear: 2000 },
      states, dyads, institutions,
      system: { lambda: w.lambda, nu: w.nu, theta: w.theta, lastMajorWar: w.lastWar === null ? null : 2000 - w.lastWar },
    };
  });
}
