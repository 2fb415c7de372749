import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecisionContext } from '../../../src/decision/DecisionContext.js';
import { OPTIONS, type Option } from '../../../src/decision/options.js';
import { strategyProbabilities } from '../../../src/decision/strategyProbabilities.js';
import { defaultParameters } from '../../../src/model/defaultParameters.js';

const CTX: DecisionContext = {
  T: 0.5, D: 0.2, Dt: 0.1, theta: 0.3, nu: 0.5, ideo: 0.4, lam: 0.5, r: 0.3, A: 0.4,
  rhoI: 0.6, rhoE: 0, con: 0.3, allyT: false, G: 0.8,
};

// Hand-computed V_a for CTX with the default parameters (see utilities.test.ts for the arithmetic).
const V_HAND: Record<Option, number> = {
  NONE: 0, BAND: -0.996, HI: -1 / 24, HE: -3 + 0.5 * (6.5 - 0.1 - 0.7 / 3 - 0.25 + 0.24 - 0.12),
  SE: -0.205, SS: -0.275, SL: -0.19, II: -1 + 0.5 * 1.31, IE: -1 + 0.5 * 2.01,
};

const sum = (r: Record<Option, number>): number => OPTIONS.reduce((s, o) => s + r[o], 0);

describe('strategyProbabilities (THEORY §5.4)', () => {
  it('returns the hand-computed utilities and their logit probabilities (μ = 0.5)', () => {
    const { utilities, probabilities } = strategyProbabilities(CTX, defaultParameters());
    for (const o of OPTIONS) expect(utilities[o], o).toBeCloseTo(V_HAND[o], 12);
    const w = OPTIONS.map((o) => Math.exp(V_HAND[o] / 0.5));
    const total = w.reduce((s, x) => s + x, 0);
    OPTIONS.forEach((o, k) => expect(probabilities[o], o).toBeCloseTo(w[k] / total, 12));
    // The modal option in this context is HE (V ≈ 0.0183), just above NONE (0) and IE (0.005).
    const modal = OPTIONS.reduce((m, o) => (probabilities[o] > probabilities[m] ? o : m), 'NONE' as Option);
    expect(modal).toBe('HE');
  });

  it('log-odds are (V_a − V_b)/μ', () => {
    const p = { ...defaultParameters(), mu: 0.8 };
    const { utilities: V, probabilities: P } = strategyProbabilities(CTX, p);
    expect(Math.log(P.SL / P.II)).toBeCloseTo((V.SL - V.II) / 0.8, 12);
    expect(Math.log(P.HI / P.NONE)).toBeCloseTo((V.HI - V.NONE) / 0.8, 12);
  });

  it('masks unavailable options to exactly 0; utilities are still reported', () => {
    const { probabilities, utilities } = strategyProbabilities(
      { ...CTX, available: { HE: false, SE: false, SS: false, II: false } }, defaultParameters());
    for (const o of ['HE', 'SE', 'SS', 'II'] as const) {
      expect(probabilities[o]).toBe(0);
      expect(utilities[o]).toBeCloseTo(V_HAND[o], 12);
    }
    expect(sum(probabilities)).toBeCloseTo(1, 14);
    const w = (['NONE', 'BAND', 'HI', 'SL', 'IE'] as const).map((o) => Math.exp(V_HAND[o] / 0.5));
    expect(probabilities.HI).toBeCloseTo(w[2] / w.reduce((s, x) => s + x, 0), 12);
  });

  it('NONE stays available even when the mask says otherwise', () => {
    const { probabilities } = strategyProbabilities({ ...CTX, available: { NONE: false } }, defaultParameters());
    expect(probabilities.NONE).toBeGreaterThan(0);
    expect(sum(probabilities)).toBeCloseTo(1, 14);
  });

  it('available: true or omitted means available', () => {
    const a = strategyProbabilities({ ...CTX, available: { HI: true } }, defaultParameters()).probabilities;
    const b = strategyProbabilities(CTX, defaultParameters()).probabilities;
    expect(a).toEqual(b);
  });

  it('an alliance with the target raises log-odds(soft : hard) by exactly T·η/μ (P15)', () => {
    const p = defaultParameters();
    const off = strategyProbabilities(CTX, p).utilities;
    const on = strategyProbabilities({ ...CTX, allyT: true }, p).utilities;
    const expected = (CTX.T * p.eta) / p.mu;
    for (const s of ['SE', 'SS', 'SL', 'II', 'IE'] as const) {
      for (const h of ['HI', 'HE'] as const) {
        expect((on[s] - on[h]) / p.mu - (off[s] - off[h]) / p.mu).toBeCloseTo(expected, 12);
      }
    }
  });

  it('disp defaults to |2r − 1| and can be given separately (P8 z-level inputs)', () => {
    const p = defaultParameters();
    const implicit = strategyProbabilities({ ...CTX, r: 0.9 }, p).utilities;
    const explicit = strategyProbabilities({ ...CTX, r: 0.9, disp: 0.8 }, p).utilities;
    expect(implicit).toEqual(explicit);
    const other = strategyProbabilities({ ...CTX, r: 0.9, disp: 0 }, p).utilities;
    // soft options lose c_D·0.8·T when disp drops from 0.8 to 0
    expect(implicit.SL - other.SL).toBeCloseTo(p.cD * 0.8 * CTX.T, 12);
  });

  it('newClub: IE costs κ_create more', () => {
    const p = defaultParameters();
    const a = strategyProbabilities(CTX, p).utilities;
    const b = strategyProbabilities({ ...CTX, newClub: true }, p).utilities;
    expect(a.IE - b.IE).toBeCloseTo(p.kappaCreate, 12);
    expect(b.II).toBe(a.II);
  });

  it('F4 (IIA): masking an option leaves the ratio of any other pair unchanged', () => {
    const p = defaultParameters();
    const a = strategyProbabilities(CTX, p).probabilities;
    const b = strategyProbabilities({ ...CTX, available: { HE: false, IE: false } }, p).probabilities;
    expect(b.SL / b.HI).toBeCloseTo(a.SL / a.HI, 12);
    expect(b.NONE / b.II).toBeCloseTo(a.NONE / a.II, 12);
    expect(b.SL).toBeGreaterThan(a.SL);
  });

  it('F1 for any context and mask: sums to 1, masked exactly 0, available in (0, 1) when two or more are (fast-check)', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const ctxArb = fc.record({
      T: unit, D: unit, Dt: unit, theta: unit, nu: unit, ideo: unit, lam: unit, r: unit, A: unit,
      rhoI: unit, rhoE: unit, con: unit, allyT: fc.boolean(), G: unit, newClub: fc.boolean(),
    });
    const maskArb = fc.array(fc.boolean(), { minLength: 9, maxLength: 9 });
    const p = { ...defaultParameters(), epsC: 0.5, cP: 0.25 };
    // μ ≥ 0.5: with the default coefficients |V_a − V_b| < 12, so every exp((V_a − V_max)/μ) stays far above
    // the double rounding limit; for much smaller μ interiority can only hold up to rounding (p rounds to 1).
    fc.assert(fc.property(ctxArb, maskArb, fc.double({ min: 0.5, max: 5, noNaN: true }), (c, m, mu) => {
      const available: Partial<Record<Option, boolean>> = {};
      OPTIONS.forEach((o, k) => { available[o] = m[k]; });
      const { probabilities } = strategyProbabilities({ ...c, available }, { ...p, mu });
      let total = 0;
      const nAvailable = 1 + m.slice(1).filter((x) => x).length;
      for (const [k, o] of OPTIONS.entries()) {
        const pa = probabilities[o];
        total += pa;
        const isAvailable = o === 'NONE' || m[k];
        if (!isAvailable && pa !== 0) return false;
        if (isAvailable && nAvailable > 1 && !(pa > 0 && pa < 1)) return false;
        if (isAvailable && nAvailable === 1 && pa !== 1) return false; // only NONE left
      }
      return Math.abs(total - 1) < 1e-12;
    }), { numRuns: 300 });
  });

  it('F2: raising a context variable that raises only V_SS raises p_SS and lowers every other p', () => {
    const p = defaultParameters();
    const a = strategyProbabilities(CTX, p).probabilities;
    const b = strategyProbabilities({ ...CTX, Dt: 0.9 }, p).probabilities; // Dt enters u_SS only
    expect(b.SS).toBeGreaterThan(a.SS);
    for (const o of OPTIONS) if (o !== 'SS') expect(b[o], o).toBeLessThan(a[o]);
  });

  it('P1: at T = 0 the probabilities do not depend on the context and NONE is modal', () => {
    const p = defaultParameters();
    const a = strategyProbabilities({ ...CTX, T: 0 }, p).probabilities;
    const b = strategyProbabilities({ ...CTX, T: 0, D: 1, Dt: 1, lam: 0, r: 0.99, A: 1, rhoI: 1, rhoE: 1, con: 1, allyT: true }, p)
      .probabilities;
    for (const o of OPTIONS) expect(b[o]).toBeCloseTo(a[o], 14);
    for (const o of OPTIONS) if (o !== 'NONE') expect(a.NONE).toBeGreaterThan(a[o]);
  });

  it('is pure: the same input gives the same output and the context is not modified', () => {
    const ctx: DecisionContext = { ...CTX, available: { SS: false } };
    const snapshot = JSON.stringify(ctx);
    const a = strategyProbabilities(ctx, defaultParameters());
    const b = strategyProbabilities(ctx, defaultParameters());
    expect(a).toEqual(b);
    expect(JSON.stringify(ctx)).toBe(snapshot);
  });
});
