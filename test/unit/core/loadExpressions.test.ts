/**
 * loadExpressions (counterpoise/core): loads mathjs's compiler as a separate chunk and gives it to
 * the engine; afterwards a scenario with expressions runs exactly as under counterpoise. Fresh
 * module instances (vi.resetModules), so that nothing has registered mathjs before the call.
 */
import { describe, expect, it, vi } from 'vitest';
import { createSimulation as fullCreate } from '../../../src/engine/Simulation.js';
import type { ResolvedScenario } from '../../../src/model/ResolvedScenario.js';
import { resolveScenario } from '../../../src/scenario/resolveScenario.js';

const states = [{ id: 'A', capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.6 }, { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } }];
const resolved = resolveScenario({ meta: { id: 'timed' }, states, system: { lambda: '0.4 + 0.01 * tick' } });
const timed = JSON.parse(JSON.stringify(resolved)) as ResolvedScenario;

describe('loadExpressions', () => {
  it('registers the compiler once; the run is then the one counterpoise gives', async () => {
    vi.resetModules();
    const core = await import('../../../src/core/index.js');
    const { hasExpressionCompiler } = await import('../../../src/engine/expressionCompiler.js');
    expect(hasExpressionCompiler()).toBe(false);
    expect(() => core.createSimulation(timed, { seed: 4 })).toThrow(/loadExpressions/);
    await core.loadExpressions();
    expect(hasExpressionCompiler()).toBe(true);
    await core.loadExpressions(); // a second call resolves at once
    expect(core.createSimulation(timed, { seed: 4 }).run(10)).toEqual(fullCreate(resolved, { seed: 4 }).run(10));
  });
});
