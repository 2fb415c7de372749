/** The tick's procedures per (institution, state): applications, admissions, lapses, blocks (model §5.12, N59). */
import { describe, expect, it } from 'vitest';
import { accessionPhase } from '../../../src/institutions/accessionPhase.js';
import { applicationPhase } from '../../../src/institutions/applicationPhase.js';
import { procedureRecords } from '../../../src/metrics/procedureRecords.js';
import type { ScenarioInput } from '../../../src/index.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

const world: ScenarioInput = {
  meta: { id: 'procedures', startYear: 2000 },
  states: [
    { id: 'A', capabilities: { mil: 8, eco: 8, pop: 8 }, ideology: 0.9, offensive: 0.9 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
    { id: 'D', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'E', capabilities: { mil: 1, eco: 1, pop: 1 } },
  ],
  institutions: [{ id: 'R', members: ['B', 'C'], strength: 0.4, decisionRule: 'consensus' }],
};

describe('procedureRecords (model §5.12, note N59)', () => {
  it('lists each state\'s application, admission and the blocks it cast and received, per institution, in id order', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    const [b, d, e] = [ctx.index('B'), ctx.index('D'), ctx.index('E')];
    const a = ctx.index('A');
    expect(ctx.scratch.target[d]).toBe(a);
    setAction(ctx, 'D', 'IE', 'A'); ctx.scratch.tMain[d] = 1;
    setAction(ctx, 'E', 'IE', 'A'); ctx.scratch.tMain[e] = 1;
    applicationPhase(ctx);
    expect(ctx.scratch.applications).toBe(2);
    ctx.scratch.target[b] = e; ctx.scratch.tMain[b] = 1; // B blocks E: under consensus E stays a candidate
    accessionPhase(ctx);
    expect(procedureRecords(ctx.world, ctx.scratch)).toEqual([
      { institution: 'R', state: 'B', applied: 0, admitted: 0, lapsed: 0, blocksCast: 1, blocksReceived: 0 },
      { institution: 'R', state: 'D', applied: 1, admitted: 1, lapsed: 0, blocksCast: 0, blocksReceived: 0 },
      { institution: 'R', state: 'E', applied: 1, admitted: 0, lapsed: 0, blocksCast: 0, blocksReceived: 1 },
    ]);
  });

  it('is empty in a tick without procedures', () => {
    const ctx = perceivedContext(world);
    everyoneIdle(ctx);
    applicationPhase(ctx);
    accessionPhase(ctx);
    expect(procedureRecords(ctx.world, ctx.scratch)).toEqual([]);
  });
});
