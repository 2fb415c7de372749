/** A scenario with four mistakes (used by the run and validate tests). */
export const BAD_SCENARIO = `meta:
  id: bad-example
  startYear: 1900
states:
  - id: AAA
    capabilities: { mil: -1, eco: 2, pop: 3 }
    ideology: 1.7
  - id: BBB
    capabilities: { mil: 1, eco: 2, pop: 3 }
    colour: red
institutions:
  - id: CLUB
    members: [AAA, ZZZ]
    strength: 0.5
`;
