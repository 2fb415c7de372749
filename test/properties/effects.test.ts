/**
 * The effect (transition) properties of THEORY §6 (E1–E12), run through the engine's own phases on
 * small random worlds (src/testing/runtime/Harness.ts), with parameters drawn from 𝒫.
 * broken/effects.broken.test.ts shows each can fail.
 */
import { describe, it } from 'vitest';
import { expectHolds } from './expectations.js';
import { TIMEOUT } from './fcSettings.js';

describe('effect properties (THEORY §6)', () => {
  // Source: seven conditions [S1]: "a low-threat environment, the importance of international legitimacy, the immediate aftermath of a
  // major conflict, the flourishing of institutions, the defensive advantage in military affairs, high economic interdependence and domestic support."
  it('E1 restraint lies in [0,1), is 0 without pressure and rises with pressure and each condition [Paul\'s seven conditions]', () => { expectHolds('E1'); }, TIMEOUT);

  // Source: "'These conditions are ideals, and not all of them need to be present for soft balancing to succeed.'" (Paul 2018, p. 33) [S1]
  // R = −expm1(−x), exact for tiny x (1 − exp(−x) would round to 0 below x ≈ 1.1e-16).
  it('E2 compensatory effectiveness: one condition suffices [Paul 2018]', () => { expectHolds('E2'); }, TIMEOUT);

  // Source: "This may very well be a function of the level of rivalry that exists among states and the ambitious nature of the threatening state." [S1]
  it('E3 restraint falls with the target\'s expansionism [S1]', () => { expectHolds('E3'); }, TIMEOUT);

  // Source: Paul's definition: "in order to make its aggressive actions less legitimate in the eyes of the world and hence its strategic
  // goals more difficult to obtain" [S1]; territorial norm (reason 3)
  it('E4 aggression is a probability, zero without revisionism, restrained by R, ν and the victim\'s allies, enabled by legitimacy [Paul]', () => { expectHolds('E4'); }, TIMEOUT);

  // Source: definition [S1]: "attempts at restraining a threatening power through diplomatic and institutional delegitimation"
  it('E5 legitimacy denial never raises legitimacy, does nothing when λ = 0, keeps leg in [0,1] [S1]', () => { expectHolds('E5'); }, TIMEOUT);

  // Source: sanction costs weighted by interdependence (§5.5) [D]: "SS: both sides lose s·X_ij in absolute terms"; W = trade/GDP [A]
  it('E6 sanctions cost sender and target the same absolute amount s·X_ij [Oneal]', () => { expectHolds('E6'); }, TIMEOUT);

  // Source: guns vs butter [D]: "HI: mil_i += φ_H·eco_i·k_conv; eco_i −= φ_H·eco_i" (§5.5)
  it('E7 arming moves resources without creating them and never lowers the military share [guns vs butter]', () => { expectHolds('E7'); }, TIMEOUT);

  // Source: soft balancing avoids "provoking military retribution" [S1]
  // Holds with the §5.7 escalation because 𝒫 requires ε_I + ε_esc ≤ ε_S (model note N27).
  it('E8 provocation ordering: hard ≥ soft ≥ institutional ≥ 0 [S1]', () => { expectHolds('E8'); }, TIMEOUT);

  // Source: He's definitions [S2]; dual track: "NATO/EU function as channels of inclusive balancing" and "SCO/OTS operate as exclusive balancing" [S2]
  it('E9 II never changes the target\'s membership, IE never admits it, dual-track membership allowed [He 2008; S2]', () => { expectHolds('E9'); }, TIMEOUT);

  // Source: "limited, informal ententes" vs formal alliances [S1]; Waltz external balancing: "states try to balance against their rivals
  // by forming alliances or arming themselves to ensure security (Waltz, 1979: 127)" [S2]
  it('E10 alliances are symmetric and consensual; ententes add no capability, alliances do [S1; Waltz]', () => { expectHolds('E10'); }, TIMEOUT);

  // Source: MAD and ideology conditions [S1]: "the continued logic of mutually assured destruction and the effective management of
  // ideological competition between the US and China"; He 2022 caveats [A]
  it('E11 public goods never fall, and accrue only under MAD and limited antagonism [S1; He 2022]', () => { expectHolds('E11'); }, TIMEOUT);

  // Source: "deliberately and consistently employed to constrain and delegitimize the aggressive behaviour of a threatening power for a
  // period of time"; sanctions "for retributional purposes or for signalling their disapproval" are not soft balancing [S1]
  it('E12 a single act, or an act against a non-threat, is never soft balancing [S1]', () => { expectHolds('E12'); }, TIMEOUT);

  // Strict forms (issue #13 item 7). Source: π_SS = s·Dt (§5.5) [D]; Dt, "the target's dependence on i (leverage)" [A: Oneal]
  it('E13 a sanction presses its target in proportion to the target\'s dependence on the sender [Oneal; §5.5]', () => { expectHolds('E13'); }, TIMEOUT);

  // Source: seven conditions, "not all of them need to be present" [S1]; the weak link min(W_ij, W_ji) for dyadic "high interdependence" (§3) [A: Oneal]
  it('E14 pressure, Paul\'s conditions, Ω and R are §5.5–§5.6\'s: c6 is the mean weak-link dependence [S1; Oneal]', () => { expectHolds('E14'); }, TIMEOUT);
});
