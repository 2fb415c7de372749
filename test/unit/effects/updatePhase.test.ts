import { describe, expect, it } from 'vitest';
import { restraintPhase } from '../../../src/effects/restraintPhase.js';
import { updatePhase } from '../../../src/effects/updatePhase.js';
import type { Option, ScenarioInput } from '../../../src/index.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

const world: ScenarioInput = {
  meta: { id: 'update' },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.6 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.2 },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.3 },
  ],
  dyads: [{ between: ['A', 'B'], trade: 0.4, entente: 0.5 }],
};

function afterOne(option: Option): { ahatAB: number; legA: number; ctx: ReturnType<typeof perceivedContext> } {
  const ctx = perceivedContext(world);
  everyoneIdle(ctx);
  setAction(ctx, 'B', option, 'A');
  restraintPhase(ctx);
  updatePhase(ctx);
  const n = ctx.world.n;
  return { ahatAB: ctx.world.ahat[ctx.index('A') * n + ctx.index('B')], legA: ctx.world.leg[ctx.index('A')], ctx };
}

describe('updatePhase (THEORY §5.5, §5.7)', () => {
  it('E8: provocation of the target from hard ≥ soft ≥ institutional ≥ none', () => {
    const hard = afterOne('HI').ahatAB;
    const soft = afterOne('SL').ahatAB;
    const inst = afterOne('II').ahatAB;
    const none = afterOne('NONE').ahatAB;
    expect(hard).toBeGreaterThan(soft);
    expect(soft).toBeGreaterThan(inst);
    expect(inst).toBeGreaterThan(none);
    const ctx = afterOne('NONE').ctx;
    // HI is arming aimed at A: the provocation ε_H and, in full, the arming evidence ε_arm (N31).
    expect(hard - none).toBeCloseTo(ctx.params.epsH + ctx.params.epsArm, 12);
  });

  describe('arming evidence (N31, the security dilemma)', () => {
    // A and B neighbours, C next to B, D across the world; B arms against A.
    const geo: ScenarioInput = {
      meta: { id: 'arming' },
      states: [
        { id: 'A', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.05, location: { lat: 50, lon: 10 } },
        { id: 'B', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.05, location: { lat: 50, lon: 14 } },
        { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.05, location: { lat: 48, lon: 16 } },
        { id: 'D', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.05, location: { lat: -40, lon: -120 } },
      ],
    };
    const beliefsAfter = (option: Option, parameters: Record<string, number> = {}): Record<string, number> => {
      const ctx = perceivedContext({ ...geo, parameters });
      everyoneIdle(ctx);
      setAction(ctx, 'B', option, 'A');
      restraintPhase(ctx);
      updatePhase(ctx);
      const n = ctx.world.n;
      const b = ctx.index('B');
      return Object.fromEntries(['A', 'C', 'D'].map((id) => [id, ctx.world.ahat[ctx.index(id) * n + b]]));
    };

    it('bystanders read arming by proximity: a neighbour more than a distant state, both more than after no act', () => {
      const armed = beliefsAfter('HI');
      const idle = beliefsAfter('NONE');
      const ctx = perceivedContext(geo);
      const n = ctx.world.n;
      const gCB = ctx.world.proximity[ctx.index('C') * n + ctx.index('B')];
      const gDB = ctx.world.proximity[ctx.index('D') * n + ctx.index('B')];
      expect(armed.C - idle.C).toBeCloseTo(ctx.params.epsArm * gCB, 12);
      expect(armed.D - idle.D).toBeCloseTo(ctx.params.epsArm * gDB, 12);
      expect(armed.C - idle.C).toBeGreaterThan(armed.D - idle.D);
      expect(armed.D - idle.D).toBeGreaterThan(0);
    });

    it('an aggression against an observer\'s ally counts in full; against a stranger, by proximity', () => {
      // B aggresses C; D is far from B. D allied with C reads the aggression in full, D alone by G_DB.
      const seen = (allied: boolean): number => {
        const ctx = perceivedContext({ ...geo, dyads: allied ? [{ between: ['C', 'D'], alliance: true }] : [] });
        everyoneIdle(ctx);
        const [b, c, d] = [ctx.index('B'), ctx.index('C'), ctx.index('D')];
        ctx.scratch.aggressed[b] = 1;
        ctx.scratch.victim[b] = c;
        restraintPhase(ctx);
        updatePhase(ctx);
        return ctx.world.ahat[d * ctx.world.n + b];
      };
      const ctx = perceivedContext(geo);
      const n = ctx.world.n;
      const eta = ctx.params.etaB;
      const gDB = ctx.world.proximity[ctx.index('D') * n + ctx.index('B')];
      expect(seen(true)).toBeCloseTo((1 - eta) * 0.05 + eta * 1, 12);
      expect(seen(false)).toBeCloseTo((1 - eta) * 0.05 + eta * Math.max(0.05, gDB), 12);
      expect(seen(true)).toBeGreaterThan(seen(false));
    });

    it('with ε_arm = 0 arming is seen only by its target (the provocation ε_H)', () => {
      const armed = beliefsAfter('HI', { epsArm: 0 });
      const idle = beliefsAfter('NONE', { epsArm: 0 });
      expect(armed.C).toBe(idle.C);
      expect(armed.D).toBe(idle.D);
      expect(armed.A - idle.A).toBeCloseTo(0.1, 12);
    });
  });

  it('E5: legitimacy denial never raises legitimacy; with λ = 0 it has no effect', () => {
    expect(afterOne('SL').legA).toBeLessThan(afterOne('NONE').legA);
    const ctx = perceivedContext({ ...world, system: { lambda: 0 } });
    everyoneIdle(ctx);
    restraintPhase(ctx);
    updatePhase(ctx);
    const idle = ctx.world.leg[ctx.index('A')];
    const ctx2 = perceivedContext({ ...world, system: { lambda: 0 } });
    everyoneIdle(ctx2);
    setAction(ctx2, 'B', 'SL', 'A');
    restraintPhase(ctx2);
    updatePhase(ctx2);
    expect(ctx2.world.leg[ctx2.index('A')]).toBe(idle);
  });

  it('bandwagoning raises the target\'s legitimacy and lowers the bandwagoner\'s belief faster', () => {
    const band = afterOne('BAND');
    const none = afterOne('NONE');
    expect(band.legA).toBeGreaterThan(none.legA);
    const n = band.ctx.world.n;
    const [a, b] = [band.ctx.index('A'), band.ctx.index('B')];
    expect(band.ctx.world.ahat[b * n + a]).toBeLessThan(none.ctx.world.ahat[b * n + a]);
  });

  it('beliefs relax toward the observable ideology (model note N2) and ententes decay by δ_E', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    const n = ctx.world.n;
    const [a, b] = [ctx.index('A'), ctx.index('B')];
    ctx.world.ahat[b * n + a] = 1;
    restraintPhase(ctx);
    updatePhase(ctx);
    expect(ctx.world.ahat[b * n + a]).toBeCloseTo((1 - ctx.params.etaB) * 1 + ctx.params.etaB * 0.6, 12);
    expect(ctx.world.ent[a * n + b]).toBeCloseTo(0.5 * (1 - ctx.params.deltaE), 12);
  });

  it('aggression raises the beliefs of nearby states and costs legitimacy ν·δ_agg', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    restraintPhase(ctx);
    const [a, b] = [ctx.index('A'), ctx.index('B')];
    const n = ctx.world.n;
    ctx.scratch.aggressed[a] = 1;
    const leg = ctx.world.leg[a];
    updatePhase(ctx);
    // no geography: G = 1, so obs = 1
    expect(ctx.world.ahat[b * n + a]).toBeCloseTo((1 - ctx.params.etaB) * 0.6 + ctx.params.etaB * 1, 12);
    expect(ctx.world.leg[a]).toBeCloseTo(leg + ctx.params.rhoL * (0.8 - leg) - 0.5 * ctx.params.deltaAgg, 12);
  });

  it('sanctioned trade recovers toward its scenario level at rate ρ_X', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    const n = ctx.world.n;
    const [a, b] = [ctx.index('A'), ctx.index('B')];
    ctx.world.trade[a * n + b] = ctx.world.trade[b * n + a] = 0.2;
    restraintPhase(ctx);
    updatePhase(ctx);
    expect(ctx.world.trade[a * n + b]).toBeCloseTo(0.2 + ctx.params.rhoX * 0.2, 12);
    expect(ctx.world.trade[b * n + a]).toBe(ctx.world.trade[a * n + b]);
  });
});
