/** A veto held by designated members (`vetoMembers`, model §5.12, note N60). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessionPhase } from '../../../src/institutions/accessionPhase.js';
import { STATUS_CANDIDATE, STATUS_SUSPENDED } from '../../../src/institutions/MembershipStatus.js';
import { setStatus } from '../../../src/engine/createWorld.js';
import { applyChange } from '../../../src/engine/applyChange.js';
import { loadScenario } from '../../../src/node/loadScenario.js';
import { parseScenario } from '../../../src/scenario/file/parseScenario.js';
import { ScenarioError, formatIssue } from '../../../src/scenario/ScenarioError.js';
import type { ScenarioInput } from '../../../src/index.js';
import { explainDecision } from '../../../src/engine/explainDecision.js';
import { formatExplanation } from '../../../src/cli/formatExplanation.js';
import { Terminal } from '../../../src/cli/Terminal.js';
import { perceivedContext } from '../../support/tickContext.js';

const world = (rule: 'consensus' | 'majority' | 'weighted', vetoMembers: string[]): ScenarioInput => ({
  meta: { id: 'veto', startYear: 2000 },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 } },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
    { id: 'D', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'E', capabilities: { mil: 1, eco: 1, pop: 1 } },
  ],
  institutions: [{ id: 'Q', members: ['A', 'B', 'C', 'D'], decisionRule: rule, strength: 0.5, vetoMembers }],
});

/** Makes E a candidate of Q, has `blocker` block it, runs the yearly decision; returns whether E was admitted. */
function decide(rule: 'consensus' | 'majority' | 'weighted', vetoMembers: string[], blocker: string): boolean {
  const ctx = perceivedContext(world(rule, vetoMembers));
  const n = ctx.world.n;
  const e = ctx.index('E');
  setStatus(ctx.world, 0, e, STATUS_CANDIDATE);
  for (let m = 0; m < n; m++) { ctx.scratch.target[m] = m === e ? 0 : e === (m + 1) % n ? (m + 2) % n : (m + 1) % n; ctx.scratch.tMain[m] = 0; }
  const b = ctx.index(blocker);
  ctx.scratch.target[b] = e;
  ctx.scratch.tMain[b] = 1;
  accessionPhase(ctx);
  return ctx.world.member[e] === 1;
}

describe('vetoMembers (model §5.12, note N60)', () => {
  it('under majority, a veto holder\'s block alone keeps the candidate out; a member without a veto is outvoted', () => {
    expect(decide('majority', [], 'A')).toBe(true);
    expect(decide('majority', ['A'], 'A')).toBe(false);
    expect(decide('majority', ['A'], 'B')).toBe(true);
  });

  it('under weighted, the same: the veto is decisive whatever the capability behind the others', () => {
    expect(decide('weighted', [], 'B')).toBe(true);
    expect(decide('weighted', ['B'], 'B')).toBe(false);
  });

  it('a veto holder is never suspended, and its vote against prevents another member\'s suspension', () => {
    const ctx = perceivedContext(world('majority', ['A']));
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map(ctx.index);
    ctx.scratch.aggressed[d] = 1;
    for (const k of [b, c]) { ctx.scratch.target[k] = d; ctx.scratch.tMain[k] = 1; }
    ctx.scratch.target[a] = b; ctx.scratch.tMain[a] = 1; // A does not vote to suspend: its veto prevents it
    accessionPhase(ctx);
    expect(ctx.world.member[d]).toBe(1);
    ctx.scratch.target[a] = d;
    accessionPhase(ctx);
    expect(ctx.world.status[d]).toBe(STATUS_SUSPENDED);
    const other = perceivedContext(world('majority', ['A']));
    other.scratch.aggressed[other.index('A')] = 1;
    for (const k of ['B', 'C', 'D'].map(other.index)) { other.scratch.target[k] = other.index('A'); other.scratch.tMain[k] = 1; }
    accessionPhase(other);
    expect(other.world.member[other.index('A')]).toBe(1);
  });

  it('explain marks a veto holder\'s block as a veto', () => {
    const ctx = perceivedContext(world('majority', ['A']));
    const [a, e] = [ctx.index('A'), ctx.index('E')];
    setStatus(ctx.world, 0, e, STATUS_CANDIDATE);
    for (let m = 0; m < ctx.world.n; m++) ctx.scratch.tMain[m] = 0;
    ctx.scratch.target[a] = e;
    ctx.scratch.tMain[a] = 1;
    accessionPhase(ctx);
    const explanation = explainDecision(ctx, a, ctx.world.ahat.subarray(a * ctx.world.n, (a + 1) * ctx.world.n));
    expect(explanation.votes).toContainEqual({ institution: 'Q', rule: 'majority', candidate: 'E', voter: 'A', vote: 'block', veto: true });
    expect(explanation.votes.filter((v) => v.voter !== 'A').every((v) => !v.veto)).toBe(true);
    const quiet = { write: () => true, isTTY: false };
    const lines = formatExplanation(explanation, 1, new Terminal({ stdout: quiet, stderr: quiet, env: {} } as unknown as ConstructorParameters<typeof Terminal>[0]));
    expect(lines).toContain('  Q (majority): A vetoes E');
  });

  it('found-institution sets the veto holders, and refuses one that is not a founding member', () => {
    const ctx = perceivedContext(world('majority', []));
    const index = new Map(ctx.world.ids.map((id, i) => [id, i]));
    applyChange(ctx.world, ctx.params, { type: 'found-institution', institution: 'R', members: ['A', 'B', 'C'], decisionRule: 'majority', vetoMembers: ['B'] }, index, null, 0);
    const q = ctx.world.instIds.indexOf('R');
    expect(Array.from(ctx.world.vetoHolder.subarray(q * ctx.world.n, (q + 1) * ctx.world.n))).toEqual([0, 1, 0, 0, 0]);
    expect(() => applyChange(ctx.world, ctx.params, { type: 'found-institution', institution: 'S', members: ['A', 'B'], vetoMembers: ['C'] }, index, null, 0)).toThrow(/"C" holds a veto in "S" but is not one of its members/);
  });

  it('the format example (docs/scenario-format.md) loads with its veto holders', () => {
    const scenario = loadScenario(join(__dirname, '..', '..', 'fixtures', 'veto', 'veto.yaml'));
    expect(scenario.institutions[0]).toMatchObject({ id: 'UN', decisionRule: 'majority', vetoMembers: ['USA', 'RUS', 'UKG'], statuses: [{ state: 'ITA', status: 'candidate' }] });
  });

  it('a veto holder that is not a member, or not a state, is an error at its file:line:column', () => {
    const text = [
      'meta: { id: v, startYear: 2000 }',
      'states:',
      '  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: C, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      'institutions:',
      '  - { id: Q, members: [A, B], vetoMembers: [C, X] }',
      'events:',
      '  - at: { year: 2001 }',
      '    changes:',
      '      - { type: found-institution, institution: R, members: [A, B], vetoMembers: [C] }',
      '',
    ].join('\n');
    let caught: unknown;
    try { parseScenario(text, 'yaml', { file: 'v.yaml' }); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).issues.map(formatIssue)).toEqual([
      'v.yaml:7:45  institutions[0].vetoMembers[0]  "C" holds a veto but is not a member of "Q": only members vote (model §5.12)',
      'v.yaml:7:48  institutions[0].vetoMembers[1]  unknown state "X"',
      'v.yaml:11:83  events[0].changes[0].vetoMembers[0]  "C" holds a veto but is not a founding member of "R": only members vote (model §5.12)',
    ]);
  });
});
