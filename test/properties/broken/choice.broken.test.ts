/**
 * Every choice property (F1–F4, P1–P16) must be able to fail: each runs here against a deliberately
 * broken variant — a flipped sign, a dropped mask, a missing term — and fast-check must find a
 * counterexample.
 */
import { describe, it } from 'vitest';
import { FAMILY_OF, OPTIONS, strategyProbabilities, type Option } from '../../../src/index.js';
import { expectCounterexample, expectHolds } from '../expectations.js';
import { TIMEOUT } from '../fcSettings.js';
import { dispOf, logit, policyModel, utilitiesWith, withLogit } from './brokenVariants.js';

const HARD: Option[] = ['HI', 'HE'];
const SOFT: Option[] = ['SE', 'SS', 'SL'];

describe('choice properties catch broken variants', () => {
  it('F1 broken: a logit that drops the mask gives masked options probability > 0', () => {
    expectCounterexample('F1', {}, withLogit((v, _available, mu) => logit(v, v.map(() => true), mu)));
  }, TIMEOUT);

  it('F2 broken: a logit with a flipped sign, p ∝ exp(−V/μ)', () => {
    expectCounterexample('F2', {}, withLogit((v, available, mu) => logit(v, available, mu, -1)));
  }, TIMEOUT);

  it('F3 broken: a logit that ignores the temperature μ', () => {
    expectCounterexample('F3', {}, withLogit((v, available) => logit(v, available, 1)));
  }, TIMEOUT);

  it('F4 broken: a nested logit with the four families as nests (not IIA across families)', () => {
    const lambda = 0.4; // nest parameter < 1: options of one family are closer substitutes
    expectCounterexample('F4', policyModel('nested logit', (ctx, p) => {
      const { utilities } = strategyProbabilities(ctx, p);
      const available = OPTIONS.filter((o) => o === 'NONE' || ctx.available?.[o] !== false);
      const weight = (o: Option): number => Math.exp(utilities[o] / p.mu / lambda);
      const nests = new Map<string, Option[]>();
      for (const o of available) nests.set(FAMILY_OF[o], [...(nests.get(FAMILY_OF[o]) ?? []), o]);
      const size = new Map([...nests].map(([f, os]) => [f, os.reduce((s, o) => s + weight(o), 0)]));
      const total = [...size.values()].reduce((s, w) => s + w ** lambda, 0);
      const out: Partial<Record<Option, number>> = {};
      for (const [f, os] of nests) {
        const w = size.get(f) as number;
        for (const o of os) out[o] = ((w ** lambda) / total) * (weight(o) / w);
      }
      return out;
    }));
  }, TIMEOUT);

  it('P1 broken: own dependence D enters V_SE without the factor T (context matters at T = 0)', () => {
    expectCounterexample('P1', utilitiesWith('D leaks', (v, ctx) => { v.SE += 0.5 * ctx.D; }));
  }, TIMEOUT);

  it('P2 broken: arming loses appeal as threat rises, V_HI = −κ_HI − T·u_HI (flipped sign)', () => {
    expectCounterexample('P2', utilitiesWith('HI flipped', (v, ctx, p) => { v.HI = -p.kappaHI - (v.HI + p.kappaHI); }));
  }, TIMEOUT);

  it('P3 broken: the existential term applied below T* (ξ·T instead of ξ·X)', () => {
    expectCounterexample('P3', utilitiesWith('ξ below T*', (v, ctx, p) => {
      const X = ctx.T > p.tStar ? (ctx.T - p.tStar) / (1 - p.tStar) : 0;
      for (const h of HARD) v[h] += p.xi * (ctx.T - X);
    }));
  }, TIMEOUT);

  it('P4 broken: own dependence favours the hard options, +d_H·D (flipped sign)', () => {
    expectCounterexample('P4', utilitiesWith('d_H flipped', (v, ctx, p) => { for (const h of HARD) v[h] += 2 * ctx.T * p.dH * ctx.D; }));
  }, TIMEOUT);

  it('P5 broken: own dependence deters institutional balancing, −(d_S + d_I)·D (flipped sign)', () => {
    expectCounterexample('P5', utilitiesWith('d_I flipped', (v, ctx, p) => {
      for (const o of ['II', 'IE'] as const) v[o] -= 2 * ctx.T * (p.dS + p.dI) * ctx.D;
    }));
  }, TIMEOUT);

  it('P6 broken: the sender\'s own sanction cost rewards it, (d_S + σ_C)·D (flipped sign)', () => {
    expectCounterexample('P6', utilitiesWith('σ_C flipped', (v, ctx, p) => { v.SS += 2 * ctx.T * p.sigmaC * ctx.D; }));
  }, TIMEOUT);

  it('P7 broken: available allies deter formal alliances, −c_A·A (flipped sign)', () => {
    expectCounterexample('P7', utilitiesWith('c_A flipped', (v, ctx, p) => { v.HE -= 2 * ctx.T * p.cA * ctx.A; }));
  }, TIMEOUT);

  it('P8 broken: capability deters arming, −c_R·r (flipped sign)', () => {
    expectCounterexample('P8', utilitiesWith('c_R flipped', (v, ctx, p) => { v.HI -= 2 * ctx.T * p.cR * ctx.r; }));
  }, TIMEOUT);

  it('P9 broken: the disparity terms dropped (c_D on soft options, c_DH on arming)', () => {
    expectCounterexample('P9', utilitiesWith('no disparity', (v, ctx, p) => {
      for (const s of SOFT) v[s] -= ctx.T * p.cD * dispOf(ctx);
      v.HI += ctx.T * p.cDH * dispOf(ctx);
    }));
  }, TIMEOUT);

  it('P10 broken: legitimacy denial loses appeal as legitimacy matters, (l_S − l_L)·λ (flipped sign)', () => {
    expectCounterexample('P10', utilitiesWith('l_L flipped', (v, ctx, p) => { v.SL -= 2 * ctx.T * p.lL * ctx.lam; }));
  }, TIMEOUT);

  it('P11 broken: a stronger shared institution deters inclusive balancing, −ζ·ρI (flipped sign)', () => {
    expectCounterexample('P11', utilitiesWith('ζ flipped', (v, ctx, p) => { v.II -= 2 * ctx.T * p.zeta * ctx.rhoI; }));
  }, TIMEOUT);

  it('P12 broken: exclusive balancing without threat responsiveness (T·u_IE dropped)', () => {
    expectCounterexample('P12', utilitiesWith('IE flat', (v, ctx, p) => { v.IE = -p.kappaIE - p.kappaCreate * (ctx.newClub ? 1 : 0); }));
  }, TIMEOUT);

  it('P13 broken: concentration favours inclusive balancing, ∓ε_C·CON swapped between IE and II', () => {
    expectCounterexample('P13', utilitiesWith('ε_C flipped', (v, ctx, p) => {
      v.IE -= 2 * ctx.T * p.epsC * ctx.con;
      v.II += 2 * ctx.T * p.epsC * ctx.con;
    }));
  }, TIMEOUT);

  it('P14 broken: a better relative position favours exclusive balancing, ±c_P·r swapped between IE and II', () => {
    expectCounterexample('P14', utilitiesWith('c_P flipped', (v, ctx, p) => {
      v.IE += 2 * ctx.T * p.cP * ctx.r;
      v.II -= 2 * ctx.T * p.cP * ctx.r;
    }));
  }, TIMEOUT);

  it('P15 broken: an alliance with the target also deters soft balancing (η on SE, SS, SL)', () => {
    expectCounterexample('P15', utilitiesWith('η on soft', (v, ctx, p) => { if (ctx.allyT) for (const s of SOFT) v[s] -= ctx.T * p.eta; }));
  }, TIMEOUT);

  it('P16 broken: an interaction of own dependence and defence, D·θ in V_SE', () => {
    expectCounterexample('P16', utilitiesWith('D·θ', (v, ctx) => { v.SE += ctx.T * ctx.D * ctx.theta; }));
  }, TIMEOUT);

  it('P17 broken: ε_C·CON enters V_II with IE\'s sign, so the two terms cancel in log-odds(IE : II) (P13 still holds)', () => {
    const cancelled = utilitiesWith('ε_C sign on II', (v, ctx, p) => { v.II += 2 * ctx.T * p.epsC * ctx.con; });
    expectHolds('P13', cancelled);
    expectCounterexample('P17', cancelled);
  }, TIMEOUT);

  it('P18 broken: c_P·r enters V_II with IE\'s sign, so the two terms cancel in log-odds(IE : II) (P14 still holds)', () => {
    const cancelled = utilitiesWith('c_P sign on II', (v, ctx, p) => { v.II -= 2 * ctx.T * p.cP * ctx.r; });
    expectHolds('P14', cancelled);
    expectCounterexample('P18', cancelled);
  }, TIMEOUT);

  it('P19 broken: a V_BAND never written (0), and one with (1 + r) for (1 − r) (P1 and P7 still hold for both)', () => {
    const unwritten = utilitiesWith('V_BAND = 0', (v) => { v.BAND = 0; });
    const onePlusR = utilitiesWith('(1 + r)', (v, ctx, p) => { v.BAND = -p.kappaBAND + ctx.T * p.b * (1 + ctx.r) * (1 - ctx.A) * ctx.G; });
    for (const broken of [unwritten, onePlusR]) {
      expectHolds('P1', broken);
      expectHolds('P7', broken);
      expectCounterexample('P19', broken);
    }
  }, TIMEOUT);

  it('P20 broken: κ_create charged to IE whether or not an exclusive venue exists', () => {
    expectCounterexample('P20', utilitiesWith('κ_create always', (v, ctx, p) => { if (!ctx.newClub) v.IE -= p.kappaCreate; }));
  }, TIMEOUT);
});
