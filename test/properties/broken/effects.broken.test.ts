/**
 * Every effect property (E1–E12) must be able to fail: each runs here against the library with one
 * phase wrapped or re-parameterised so that it breaks the property (a flipped sign, a dropped
 * guard, a missing cost), and fast-check must find a counterexample.
 */
import { describe, it } from 'vitest';
import { Z_DT, Z_SIZE } from '../../../src/decision/DecisionContext.js';
import { OPTION_INDEX } from '../../../src/decision/options.js';
import { setAlliance, setMember } from '../../../src/engine/createWorld.js';
import { CONDITION_KEYS } from '../../../src/index.js';
import { LIBRARY, withPhase } from '../../../src/testing/runtime/Library.js';
import { expectCounterexample, expectHolds } from '../expectations.js';
import { TIMEOUT } from '../fcSettings.js';

describe('effect properties catch broken variants', () => {
  it('E1 broken: restraint falls with the defensive advantage (Ω uses 1 − c5 instead of c5)', () => {
    expectCounterexample('E1', {}, withPhase(LIBRARY, 'restraint', (ctx, original) => {
      original(ctx);
      const { scratch: s, world: w, params: p } = ctx;
      const om = p.omega;
      const wsum = CONDITION_KEYS.reduce((t, k) => t + om[k], 0);
      for (let j = 0; j < w.n; j++) {
        const omega = s.omega[j] + (om.defence / wsum) * (1 - 2 * s.conditions[4]);
        s.restraint[j] = 1 - Math.exp(-p.kR * omega * (1 - w.ideo[j]) * s.press[j]);
      }
    }));
  }, TIMEOUT);

  it('E2 broken: non-compensatory effectiveness, Ω = the product of the seven conditions', () => {
    expectCounterexample('E2', {}, withPhase(LIBRARY, 'restraint', (ctx, original) => {
      original(ctx);
      const { scratch: s, world: w, params: p } = ctx;
      const product = s.conditions.reduce((t, c) => t * c, 1);
      for (let j = 0; j < w.n; j++) s.restraint[j] = 1 - Math.exp(-p.kR * product * (1 - w.ideo[j]) * s.press[j]);
    }));
  }, TIMEOUT);

  it('E3 broken: restraint uses ideo_j where §5.6 has (1 − ideo_j)', () => {
    expectCounterexample('E3', {}, withPhase(LIBRARY, 'restraint', (ctx, original) => {
      const w = ctx.world;
      const ideo = w.ideo.slice();
      for (let j = 0; j < w.n; j++) w.ideo[j] = 1 - ideo[j];
      original(ctx);
      w.ideo.set(ideo);
    }));
  }, TIMEOUT);

  it('E4 broken: aggression reads 1 − leg_j for leg_j (legitimacy deters the aggressor)', () => {
    expectCounterexample('E4', {}, withPhase(LIBRARY, 'aggression', (ctx, original) => {
      const w = ctx.world;
      const leg = w.leg.slice();
      for (let j = 0; j < w.n; j++) w.leg[j] = 1 - leg[j];
      original(ctx);
      w.leg.set(leg);
    }));
  }, TIMEOUT);

  it('E5 broken: legitimacy denial with its sign flipped (denial adds legitimacy)', () => {
    expectCounterexample('E5', {}, withPhase(LIBRARY, 'restraint', (ctx, original) => {
      original(ctx);
      for (let j = 0; j < ctx.world.n; j++) ctx.scratch.denial[j] = -ctx.scratch.denial[j];
    }));
  }, TIMEOUT);

  it('E6 broken: the target of a sanction loses only half of what the sender loses', () => {
    expectCounterexample('E6', {}, withPhase(LIBRARY, 'economy', (ctx, original) => {
      const { world: w, scratch: s, params: p } = ctx;
      const n = w.n;
      const refund: [number, number][] = [];
      for (let i = 0; i < n; i++) {
        if (s.action[i] !== OPTION_INDEX.SS) continue;
        const j = s.target[i];
        refund.push([j, 0.5 * p.s * Math.min(w.trade[i * n + j], w.eco[i], w.eco[j])]);
      }
      original(ctx);
      for (const [j, r] of refund) w.eco[j] += r;
    }));
  }, TIMEOUT);

  it('E7 broken: arming creates resources (the economy keeps what it converts)', () => {
    expectCounterexample('E7', {}, withPhase(LIBRARY, 'economy', (ctx, original) => {
      const { world: w, scratch: s, params: p } = ctx;
      const before = w.eco.slice();
      original(ctx);
      for (let i = 0; i < w.n; i++) if (s.action[i] === OPTION_INDEX.HI) w.eco[i] += p.phiH * before[i];
    }));
  }, TIMEOUT);

  it('E8 broken: soft and institutional provocation swapped (ε_S ↔ ε_I)', () => {
    expectCounterexample('E8', {}, withPhase(LIBRARY, 'update', (ctx, original) => {
      const p = ctx.params;
      ctx.params = { ...p, epsS: p.epsI, epsI: p.epsS };
      try { original(ctx); } finally { ctx.params = p; }
    }));
  }, TIMEOUT);

  it('E9 broken: exclusive balancing admits its target to the venue', () => {
    expectCounterexample('E9', {}, withPhase(LIBRARY, 'institutional-acts', (ctx, original) => {
      original(ctx);
      const s = ctx.scratch;
      for (let i = 0; i < ctx.world.n; i++) {
        if (s.action[i] === OPTION_INDEX.IE && s.venueUsed[i] >= 0) setMember(ctx.world, s.venueUsed[i], s.target[i], true);
      }
    }));
  }, TIMEOUT);

  it('E10 broken: alliances formed without the partner\'s consent', () => {
    expectCounterexample('E10', {}, withPhase(LIBRARY, 'alignment', (ctx, original) => {
      original(ctx);
      const s = ctx.scratch;
      for (let i = 0; i < ctx.world.n; i++) {
        if (s.action[i] === OPTION_INDEX.HE && s.partner[i] >= 0) setAlliance(ctx.world, i, s.partner[i], true);
      }
    }));
  }, TIMEOUT);

  it('E11 broken: public goods accrue with the MAD and ideology gates ignored', () => {
    expectCounterexample('E11', {}, withPhase(LIBRARY, 'institutions', (ctx, original) => {
      original(ctx);
      const s = ctx.scratch;
      ctx.world.publicGoods += ctx.params.epsPg * s.institutionalActs * (1 - s.gateMAD * s.gateIdeo);
    }));
  }, TIMEOUT);

  it('E12 broken: episodes counted from a single act and against non-threats (k = 1, T_min = 0)', () => {
    expectCounterexample('E12', {}, withPhase(LIBRARY, 'record', (ctx, original) => {
      const p = ctx.params;
      ctx.params = { ...p, episodeK: 1, tMin: 0 };
      try { original(ctx); } finally { ctx.params = p; }
    }));
  }, TIMEOUT);

  it('E13 broken: sanction pressure without the target\'s dependence, π_SS = s (E1 and E2 still hold)', () => {
    const noDt = withPhase(LIBRARY, 'restraint', (ctx, original) => {
      const { scratch: s, world: w } = ctx;
      const dt: number[] = [];
      for (let i = 0; i < w.n; i++) { dt.push(s.z[i * Z_SIZE + Z_DT]); if (s.action[i] === OPTION_INDEX.SS) s.z[i * Z_SIZE + Z_DT] = 1; }
      try { original(ctx); } finally { dt.forEach((x, i) => { s.z[i * Z_SIZE + Z_DT] = x; }); }
    });
    expectHolds('E1', {}, noDt);
    expectHolds('E2', {}, noDt);
    expectCounterexample('E13', {}, noDt);
  }, TIMEOUT);

  it('E14 broken: c6 at half its value, the mean over ordered pairs of a sum over unordered ones (E1 and E2 still hold)', () => {
    const halved = withPhase(LIBRARY, 'restraint', (ctx, original) => {
      original(ctx);
      const { scratch: s, world: w, params: p } = ctx;
      const om = p.omega;
      const wsum = CONDITION_KEYS.reduce((t, k) => t + om[k], 0);
      const c6 = s.conditions[5];
      s.conditions[5] = c6 / 2;
      for (let j = 0; j < w.n; j++) {
        s.omega[j] -= (om.interdependence / wsum) * (c6 / 2);
        s.restraint[j] = -Math.expm1(-p.kR * s.omega[j] * (1 - w.ideo[j]) * s.press[j]);
      }
    });
    expectHolds('E1', {}, halved);
    expectHolds('E2', {}, halved);
    expectCounterexample('E14', {}, halved);
  }, TIMEOUT);
});
