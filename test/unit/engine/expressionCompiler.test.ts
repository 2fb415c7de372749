/**
 * The engine's expression compiler registry (src/engine/expressionCompiler.ts): a scenario needs
 * the compiler when it has expressions or conditional events; without one registered, the engine
 * refuses it with an error that says how to load it. Fresh module instances (vi.resetModules), so
 * that nothing has registered mathjs yet.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedScenario } from '../../../src/model/ResolvedScenario.js';
import { resolveScenario } from '../../../src/scenario/resolveScenario.js';

const states = [{ id: 'A', capabilities: { mil: 2, eco: 2, pop: 2 } }, { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } }];
// Resolved with counterpoise (which registers mathjs in its own module instances), passed on as JSON.
const json = (s: ResolvedScenario): ResolvedScenario => JSON.parse(JSON.stringify(s)) as ResolvedScenario;
const plain = json(resolveScenario({ meta: { id: 'plain' }, states }));
const timed = json(resolveScenario({ meta: { id: 'timed' }, states, system: { lambda: '0.4 + 0.01 * tick' } }));
const conditional = json(resolveScenario({ meta: { id: 'cond' }, states, events: [{ label: 'e', when: 'tick > 3', changes: [{ type: 'set-system', field: 'nu', value: 0.9 }] }] }));

describe('expressionCompiler', () => {
  beforeEach(() => { vi.resetModules(); });

  it('needsExpressions: expressions of time or conditional events, nothing else', async () => {
    const { needsExpressions } = await import('../../../src/engine/expressionCompiler.js');
    expect([needsExpressions(plain), needsExpressions(timed), needsExpressions(conditional)]).toEqual([false, true, true]);
  });

  it('without a compiler the engine runs a scenario without expressions and refuses one with them, saying how to load it', async () => {
    const { hasExpressionCompiler, registerExpressionCompiler, expressionCompilerFor } = await import('../../../src/engine/expressionCompiler.js');
    const { createSimulation } = await import('../../../src/engine/Simulation.js');
    expect(hasExpressionCompiler()).toBe(false);
    expect(createSimulation(plain, { seed: 1 }).run(3)).toHaveLength(3);
    expect(() => createSimulation(timed, { seed: 1 })).toThrow(/^scenario "timed" has expressions .*`await loadExpressions\(\)`/);
    expect(() => createSimulation(conditional, { seed: 1 })).toThrow(/^scenario "cond" has expressions/);
    const compile = vi.fn((source: string) => ({ source, variables: [], evaluate: () => 0.5 }));
    registerExpressionCompiler(compile);
    expect(expressionCompilerFor(timed)).toBe(compile);
    createSimulation(timed, { seed: 1 }).run(2);
    expect(compile).toHaveBeenCalledWith('0.4 + 0.01 * tick', ['year', 'tick']);
  });
});
