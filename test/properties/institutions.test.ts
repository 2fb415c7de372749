/**
 * The institution properties of model §6 (E15 on: dual track, statuses, accession, exit), run
 * through the engine's own phases on small random worlds. broken/institutions.broken.test.ts shows
 * each can fail.
 */
import { describe, it } from 'vitest';
import { expectHolds } from './expectations.js';
import { TIMEOUT } from './fcSettings.js';

describe('institution properties (model §6)', () => {
  // Source: He's inclusive institutional balancing binds the target inside an institution that includes it [S2: He 2008];
  // "NATO/EU function as channels of inclusive balancing" and "SCO/OTS operate as exclusive balancing" [S2]
  it('E15 a state in no institution with a great power is never dual-track toward it [He 2008; S2]', () => { expectHolds('E15'); }, TIMEOUT);

  // Source: He's inclusive balancing binds the target inside the institution [S2: He 2008]; statuses of issue #14 (model §5.11)
  it('E16 a candidate is never counted as a member for the inclusive/exclusive classification [He 2008; §5.11]', () => { expectHolds('E16'); }, TIMEOUT);

  // Source: the consensus rule as a blocking instrument (2022–2024 holds on the Nordic NATO bids; issue #14); He 2008 "dominating" [S2]
  it('E17 under consensus a single veto blocks accession [He 2008; §5.12]', () => { expectHolds('E17'); }, TIMEOUT);

  // Source: decision rules as instruments of institutional balancing (issue #14); He 2008 [S2]
  it('E18 under majority a single veto does not block accession [He 2008; §5.12]', () => { expectHolds('E18'); }, TIMEOUT);

  // Source: exclusive institutional balancing keeps the target out [S2: He 2008]; E9 extended to accession
  it('E19 a target is never admitted to a club against itself, by any procedure [He 2008; §5.12]', () => { expectHolds('E19'); }, TIMEOUT);

  // Source: membership sets have no duplicates (E9); exit "when membership costs more than it gives" and suspension (issue #14)
  it('E20 exit and suspension never leave duplicates in a membership set [§5.13]', () => { expectHolds('E20'); }, TIMEOUT);

  // Source: accession as a process, "applying is an act" (issue #14); exclusive balancing keeps the target out [S2: He 2008] (E9, E19)
  it('E21 an applicant is never a member until a vote admits it, and a club never receives an application from its own target [He 2008; §5.12]', () => { expectHolds('E21'); }, TIMEOUT);

  it('E23 a member holds a candidate exactly while it has a grievance against it [issue #14; §5.12, N61]', () => { expectHolds('E23'); }, TIMEOUT);

  it('E22 a veto holder\'s block alone keeps a candidate out; under majority another member\'s block alone does not [UN Charter Art. 27(3); §5.12]', () => { expectHolds('E22'); }, TIMEOUT);
});
