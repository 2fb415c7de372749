import type { ModelParameters } from '../model/ModelParameters.js';
import { fdlibmExpm1, fdlibmLog1p } from '../model/fdlibmExpLog.js';
import { fdlibmPow } from '../model/fdlibmPow.js';

/**
 * The model parameters that are stated per year (model note N28), converted to the tick length
 * once — when the simulation is created and after a `set-parameter` change — never inside the
 * tick loop. With one tick per year every field equals its parameter exactly, so runs at
 * `ticksPerYear: 1` are unchanged by the conversion.
 * @internal
 */
export interface TickRates {
  /** Ticks per year of the world. */
  ticksPerYear: number;
  /**
   * 1/ticksPerYear: the factor on the probability of every act (any option but NONE) and of an
   * aggression in one tick (uniformisation: acts are events of a Poisson clock whose yearly rate is
   * the probability at one tick per year, N28).
   */
  actScale: number;
  /** η_b per tick: belief relaxation, 1 − (1 − η_b)^(1/tpy). */
  etaB: number;
  /** δ_E per tick: entente decay. */
  deltaE: number;
  /** ρ_X per tick: trade recovery after sanctions. */
  rhoX: number;
  /** ρ_L per tick: legitimacy's pull to its baseline. */
  rhoL: number;
  /** δ_s per tick: institution strength's pull to its baseline. */
  deltaS: number;
  /** Affinity's retention per tick toward its seed (N54): 2^(−1/(halfLife·tpy)). */
  affinityKeep: number;
  /** γ_c per tick: the pull of an alliance or entente in force on affinity (N54), 1 − (1 − γ_c)^(1/tpy). */
  affinityPull: number;
  /** Ticks in the episode window K (K is in years): K·tpy. */
  episodeTicks: number;
  /** Ticks an act's pressure stays in force (one year): tpy. */
  pressureTicks: number;
  /** Ticks the shared threat must stay faded before a formed alliance lapses (N29): ⌈L·tpy⌉, at least 1. */
  allianceLapseTicks: number;
}

/**
 * The per-tick share that compounds to the yearly share `x` ∈ [0, 1] over `ticksPerYear` ticks:
 * 1 − (1 − x)^(1/tpy). Exactly `x` at one tick per year; 1 stays 1 (a full pull each tick).
 */
export function perTickFraction(x: number, ticksPerYear: number): number {
  if (ticksPerYear === 1) return x;
  if (x >= 1) return 1;
  return -fdlibmExpm1(fdlibmLog1p(-x) / ticksPerYear);
}

/** The per-tick growth rate that compounds to the yearly rate `g` (> −1): (1 + g)^(1/tpy) − 1. Exactly `g` at one tick per year. */
export function perTickGrowth(g: number, ticksPerYear: number): number {
  if (ticksPerYear === 1) return g;
  return fdlibmExpm1(fdlibmLog1p(g) / ticksPerYear);
}

/** Converts the yearly parameters to the tick length (into `out` when given: no allocation). @internal */
export function tickRates(p: ModelParameters, ticksPerYear: number, out?: TickRates): TickRates {
  const r = out ?? ({} as TickRates);
  r.ticksPerYear = ticksPerYear;
  r.actScale = 1 / ticksPerYear;
  r.etaB = perTickFraction(p.etaB, ticksPerYear);
  r.deltaE = perTickFraction(p.deltaE, ticksPerYear);
  r.rhoX = perTickFraction(p.rhoX, ticksPerYear);
  r.rhoL = perTickFraction(p.rhoL, ticksPerYear);
  r.deltaS = perTickFraction(p.deltaS, ticksPerYear);
  r.affinityKeep = fdlibmPow(2, -1 / (p.affinityHalfLife * ticksPerYear));
  r.affinityPull = perTickFraction(p.affinityCoop, ticksPerYear);
  r.episodeTicks = Math.max(1, Math.round(p.episodeWindow * ticksPerYear));
  r.pressureTicks = ticksPerYear;
  r.allianceLapseTicks = Math.max(1, Math.ceil(p.allianceLapseYears * ticksPerYear - 1e-9));
  return r;
}
