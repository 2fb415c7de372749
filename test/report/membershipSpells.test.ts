import { describe, expect, it } from 'vitest';
import { dualTrackStates, membershipSpells } from '../../src/report/membershipSpells.js';
import type { MembershipRow } from '../../src/report/RunTables.js';

const row = (tick: number, state: string, group: string, relation: MembershipRow['relation'], kind: MembershipRow['kind'] = 'institution'): MembershipRow =>
  ({ tick, year: 2000 + tick, state, kind, group, mainThreat: 'X', relation });

describe('membershipSpells and dualTrackStates', () => {
  it('joins consecutive ticks; a gap or a change of relation starts a new spell', () => {
    const rows = [
      row(0, 'A', 'UN', 'inclusive'), row(1, 'A', 'UN', 'inclusive'), row(2, 'A', 'UN', 'exclusive'),
      row(4, 'A', 'UN', 'exclusive'), row(0, 'B', 'UN', 'inclusive'),
    ].sort((a, b) => a.tick - b.tick);
    expect(membershipSpells(rows, ['B', 'A']).map((s) => [s.state, s.group, s.relation, s.fromTick, s.toTick])).toEqual([
      ['B', 'UN', 'inclusive', 0, 0],
      ['A', 'UN', 'inclusive', 0, 1],
      ['A', 'UN', 'exclusive', 2, 2],
      ['A', 'UN', 'exclusive', 4, 4],
    ]);
  });

  it('a dual-track state is inside an inclusive and an exclusive institution in the same tick (alliances do not count)', () => {
    const rows = [
      row(0, 'A', 'UN', 'inclusive'), row(0, 'A', 'CLUB', 'exclusive'),
      row(0, 'B', 'UN', 'inclusive'), row(0, 'B', 'C', 'exclusive', 'alliance'),
      row(1, 'A', 'UN', 'inclusive'), row(1, 'B', 'UN', 'inclusive'), row(1, 'B', 'CLUB', 'exclusive'),
      row(2, 'A', 'UN', 'inclusive'), row(2, 'A', 'CLUB', 'exclusive'),
    ];
    expect(dualTrackStates(rows, ['A', 'B', 'C'])).toEqual([{ state: 'A', ticks: 2 }, { state: 'B', ticks: 1 }]);
    expect(dualTrackStates(rows.filter((r) => r.group !== 'CLUB'), ['A', 'B'])).toEqual([]);
  });
});
