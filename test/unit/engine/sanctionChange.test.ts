import { describe, expect, it } from 'vitest';
import { applyChange, WorldChangeError } from '../../../src/engine/applyChange.js';
import { economicPhase } from '../../../src/effects/economicPhase.js';
import { parseScenario } from '../../../src/scenario/file/parseScenario.js';
import { formatIssue, ScenarioError } from '../../../src/scenario/ScenarioError.js';
import type { ScenarioInput } from '../../../src/index.js';
import { everyoneIdle, perceivedContext, setAction } from '../../support/tickContext.js';

const input = (trade: number): ScenarioInput => ({
  meta: { id: 'sanction' },
  states: [
    { id: 'A', capabilities: { mil: 2, eco: 4.3, pop: 1 }, ideology: 0.5 },
    { id: 'B', capabilities: { mil: 1, eco: 1.7, pop: 1 }, ideology: 0.5 },
    { id: 'C', capabilities: { mil: 1, eco: 2, pop: 1 }, ideology: 0.5 },
  ],
  dyads: [{ between: ['A', 'B'], trade }, { between: ['B', 'C'], trade: 0.9 }],
});

/** Every capability and trade value of the world, to compare bit for bit. */
function state(ctx: ReturnType<typeof perceivedContext>): number[] {
  const w = ctx.world;
  return [...w.mil, ...w.eco, ...w.pop, ...w.trade, ...w.tradeBase];
}

describe('the sanction world change (issue #11 item 13)', () => {
  for (const trade of [0.37, 3.1, 1e-12]) {
    it(`equals the model's own sanctions act on the pair, bit for bit (X = ${trade})`, () => {
      const model = perceivedContext(input(trade));
      everyoneIdle(model);
      setAction(model, 'A', 'SS', 'B');
      economicPhase(model);

      const change = perceivedContext(input(trade));
      const index = new Map(change.world.ids.map((id, i) => [id, i]));
      const before = state(change);
      applyChange(change.world, change.params, { type: 'sanction', sender: 'A', target: 'B' }, index, null, 0);
      expect(state(change)).not.toEqual(before);
      expect(state(change)).toEqual(state(model));
      const [a, b] = [index.get('A') as number, index.get('B') as number];
      expect(Object.is(change.world.eco[a], model.world.eco[a]) && Object.is(change.world.eco[b], model.world.eco[b])).toBe(true);
    });
  }

  it('trade then recovers toward its baseline: the baseline is not cut', () => {
    const ctx = perceivedContext(input(0.5));
    const index = new Map(ctx.world.ids.map((id, i) => [id, i]));
    const [a, b] = [index.get('A') as number, index.get('B') as number];
    applyChange(ctx.world, ctx.params, { type: 'sanction', sender: 'B', target: 'A' }, index, null, 0);
    expect(ctx.world.trade[a * ctx.world.n + b]).toBe(0.5 * (1 - ctx.params.sRed));
    expect(ctx.world.tradeBase[b * ctx.world.n + a]).toBe(0.5);
  });

  it('refuses unknown states and a state sanctioning itself, changing nothing', () => {
    const ctx = perceivedContext(input(0.5));
    const index = new Map(ctx.world.ids.map((id, i) => [id, i]));
    const before = state(ctx);
    expect(() => applyChange(ctx.world, ctx.params, { type: 'sanction', sender: 'A', target: 'Z' }, index, null, 0)).toThrow(/unknown state "Z"/);
    expect(() => applyChange(ctx.world, ctx.params, { type: 'sanction', sender: 'A', target: 'A' }, index, null, 0)).toThrow(WorldChangeError);
    expect(state(ctx)).toEqual(before);
  });

  it('a scenario file\'s sanction is validated with file:line:column', () => {
    const text = [
      'meta: { id: s }', //                                                              1
      'states:', //                                                                      2
      '  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }', //                      3
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }', //                      4
      'events:', //                                                                      5
      '  - at: { tick: 2 }', //                                                          6
      '    changes:', //                                                                 7
      '      - { type: sanction, sender: A, target: Q }', //                             8
      '      - { type: sanction, sender: B, target: B }', //                             9
      '      - { type: sanction, sender: A }', //                                       10
      '      - { type: sanction, sender: A, target: B, value: 2 }', //                  11
    ].join('\n');
    let problems: string[] = [];
    try {
      parseScenario(text, 'yaml', { file: 's.yaml' });
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      if (e instanceof ScenarioError) problems = e.issues.map(formatIssue);
    }
    expect(problems).toEqual([
      's.yaml:8:38  events[0].changes[0].target  unknown state "Q"',
      's.yaml:9:38  events[0].changes[1].target  a sanction needs two different states (got "B" as sender and target)',
      's.yaml:10:9  events[0].changes[2].target  required: a string (the sanctioned state)',
      's.yaml:11:49  events[0].changes[3].value  unknown field "value"',
    ]);
  });

  it('a valid scenario file\'s sanction runs as an event', () => {
    const text = [
      'meta: { id: s }',
      'states:',
      '  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      'dyads: [{ between: [A, B], trade: 0.4 }]',
      'events:',
      '  - { at: { tick: 0 }, changes: [{ type: sanction, sender: A, target: B }] }',
    ].join('\n');
    const scenario = parseScenario(text, 'yaml', { file: 's.yaml' });
    expect(scenario.events[0].changes).toEqual([{ type: 'sanction', sender: 'A', target: 'B' }]);
  });
});
