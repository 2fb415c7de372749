/**
 * The threat and measurement properties of THEORY §6 (M1–M5) against the library's Walt threat
 * model, CINC shares and Ray & Singer's CON. broken/threat.broken.test.ts shows each can fail.
 */
import { describe, it } from 'vitest';
import { expectHolds } from './expectations.js';
import { TIMEOUT } from './fcSettings.js';

describe('threat and measurement properties (THEORY §6)', () => {
  // Source: Walt's four factors: "aggregate strength or power, including size, population, latent power, and economic capability;
  // geographic proximity; offensive capability; and offensive or hostile intention" [A: Wikipedia; greatpowerrelations]
  it('M1 threat lies in [0,1], rises with power, proximity, offence and intent, falls with distance and defence [Walt]', () => { expectHolds('M1'); }, TIMEOUT);

  // Source: states "will not balance against those that are rising in power but do not display offensive intentions" [A: Wikipedia]
  it('M2 no perceived intent, no threat, however great the power [Walt]', () => { expectHolds('M2'); }, TIMEOUT);

  // Source: Paul reason 2 and condition 5 [S1]: "the development of defensive technology (especially nuclear weapons)"; "the defensive advantage in military affairs"
  it('M3 defensive advantage lowers every threat and the odds of hard balancing [Paul]', () => { expectHolds('M3'); }, TIMEOUT);

  // Source: COW computation [A]: CINC is "computed by summing all observations on each of the 6 capability components for a given
  // year, converting each state's absolute component to a share of the international system, and then averaging across the [components]"
  it('M4 CINC shares sum to 1 and ignore the unit of each component [COW]', () => { expectHolds('M4'); }, TIMEOUT);

  // Source: Ray & Singer [A/M]: CON "runs from 0 (equal shares) to 1 (monopoly)" (§3)
  it('M5 CON lies in [0,1], is 0 exactly at equality and 1 exactly at monopoly, ignores order [Ray & Singer]', () => { expectHolds('M5'); }, TIMEOUT);
});
