/**
 * The choice properties of THEORY §6 (F1–F4, P1–P16) against the library's reference model, with
 * parameters drawn from the admissible set 𝒫 (C1–C8, switches at random; P13 and P14 with their
 * switch on). Log-odds are computed from utility differences (V_b − V_a)/μ, never from rounded
 * probabilities. The definitions live in src/testing/properties; broken/choice.broken.test.ts shows
 * that each one can fail.
 */
import { describe, it } from 'vitest';
import { expectHolds } from './expectations.js';
import { TIMEOUT } from './fcSettings.js';

describe('choice properties (THEORY §6)', () => {
  // Source: regular QRE "interiority" [A: GHP]
  it('F1 probabilities sum to 1, lie in (0,1) over available options, masked options get 0 [GHP]', () => { expectHolds('F1'); }, TIMEOUT);

  // Source: regular QRE "responsiveness, monotonicity" [A: GHP]
  it('F2 raising V_a raises p_a and lowers every other p_b [GHP]', () => { expectHolds('F2'); }, TIMEOUT);

  // Source: logit form (McKelvey & Palfrey 1995)
  it('F3 invariant to a common shift and to option order; μ→0 gives argmax, μ→∞ uniform [McKelvey & Palfrey 1995]', () => { expectHolds('F3'); }, TIMEOUT);

  // Source: MNL — "By Independence of Irrelevant Alternatives (IIA), pairwise log-odds are exactly (V_a − V_b)/μ, whatever else is on the menu." (§5.4)
  it('F4 masking or adding an option leaves every other ratio p_a/p_b unchanged (IIA) [MNL]', () => { expectHolds('F4'); }, TIMEOUT);

  // Source: "The common thread is the threat level" [S1]; He 2008: balancing is "countering pressures or threats"
  it('P1 zero threat makes NONE modal and the context irrelevant [S1; He 2008]', () => { expectHolds('P1'); }, TIMEOUT);

  // Source: He 2012: "The higher the threat perception, the more likely … positive balancing"; Levick & Schulz: binding
  // "when the threat level was low … soft balancing when the threats were perceived to be high" [S1]; Paul: existential threats lead to hard balancing [S1]
  it('P2 threat ladder: log-odds of a higher rung rise with threat [He 2012; Levick & Schulz; Paul]', () => { expectHolds('P2'); }, TIMEOUT);

  // Source: "Intense threats of the existential variety often produce hard balancing, but non-existential threats are confronted by soft balancing mechanisms" [S1]
  it('P3 existential kink: hard log-odds steepen by ξ/(μ(1−T*)) at T* [S1]', () => { expectHolds('P3'); }, TIMEOUT);

  // Source: four reasons [S1]; "lack of internal balancing capabilities or of external allies" [S1]
  it('P4 the hard-balancing threshold T_c moves with Paul\'s reasons, allies and capability [S1]', () => { expectHolds('P4'); }, TIMEOUT);

  // Source: He 2008/2009: "deepening economic interdependence creates a condition under which states are more likely to conduct
  // a new balancing strategy—institutional balancing" [A]; "cost-effective and flexible strategies over direct military balancing
  // as the international economic system became more integrated" [S2]; Papayoanou [A]
  it('P5 interdependence favours institutions over arms [He 2008]', () => { expectHolds('P5'); }, TIMEOUT);

  // Source: sanction costs scale with interdependence (§5.5) [D]; Oneal's dependence definition [A]
  it('P6 sanctions fall with own dependence and rise with the target\'s [Oneal]', () => { expectHolds('P6'); }, TIMEOUT);

  // Source: "external allies willing to form formal military alliances" [S1]; Walt: "Greater probabilities of allied support
  // increase tendencies to balance"; bandwagoning "if no allies are available" [A]
  it('P7 available allies favour formal alliances and deter bandwagoning [S1; Walt]', () => { expectHolds('P7'); }, TIMEOUT);

  // Source: "lack of internal balancing capabilities" [S1]; middle powers "lack the relative material capabilities" [S1]
  // Holds over 𝒫 with C6 amended by c_P ≤ c_R (model note N27).
  it('P8 capability favours arming over soft and institutional balancing [S1]', () => { expectHolds('P8'); }, TIMEOUT);

  // Source: He & Feng 2008: "The higher the power disparity and economic dependence, the more likely a state chooses soft balancing" [A]
  it('P9 disparity V-shape: soft balancing against arming is lowest at parity [He & Feng 2008]', () => { expectHolds('P9'); }, TIMEOUT);

  // Source: Paul condition "importance of international legitimacy" [S1]; institutions "important sources of international
  // legitimacy" [S1]; "gains legitimacy in contexts where military force is less preferred" [S2]
  it('P10 the importance of legitimacy favours denial and institutions over arms [S1; S2]', () => { expectHolds('P10'); }, TIMEOUT);

  // Source: Paul condition "flourishing of institutions" [S1]; inclusive/exclusive definitions [S2]: "inclusive, where a targeted
  // power's influence is limited through norms within institutions that include it, and exclusive, where a rival is prevented
  // from participation in new or alternative structures (He, 2008: 493)"
  it('P11 institutional venues: stronger venues favour institutional balancing; no shared institution, no II [S1; S2]', () => { expectHolds('P11'); }, TIMEOUT);

  // Source: Levick & Schulz [S1]; "states balance against perceived threats but bind their friends" [A]
  it('P12 exclusive over inclusive institutional balancing rises with threat [Levick & Schulz]', () => { expectHolds('P12'); }, TIMEOUT);

  // Source: He 2008 case pairing (incipient multipolarity ↔ inclusive; unipolarity ↔ exclusive) [A]; direction [M]. Switch ε_C on.
  it('P13 exclusive over inclusive rises with concentration (switch ε_C on) [He 2008]', () => { expectHolds('P13'); }, TIMEOUT);

  // Source: Feng & He 2017, "disadvantageous prospects" → exclusive [A]. Switch c_P on.
  it('P14 exclusive over inclusive falls with relative position (switch c_P on) [Feng & He 2017]', () => { expectHolds('P14'); }, TIMEOUT);

  // Source: "it can be practised against allies" [S1]; "allies can also be targeted for soft balancing if there is a perceived threat to national interests" [S1]
  it('P15 against an ally, soft and institutional options gain exactly T·η/μ over hard ones [S1]', () => { expectHolds('P15'); }, TIMEOUT);

  // Source: "all four variables may be present at the same time, producing an additive effect" [S1]
  it('P16 Paul\'s reasons combine additively [Paul]', () => { expectHolds('P16'); }, TIMEOUT);

  // Strict forms (issue #13 item 7): a nonzero coefficient must have its effect, at its rate.
  // Source: He 2008 case pairing [A]; u_IE = … + ε_C·con, u_II = … − ε_C·con (§5.4). Switch ε_C on.
  it('P17 with ε_C on, concentration moves IE up and II down strictly, at ε_C·T/μ each [He 2008]', () => { expectHolds('P17'); }, TIMEOUT);

  // Source: Feng & He 2017, "disadvantageous prospects" → exclusive [A]; u_IE = … − c_P·r, u_II = … + c_P·r (§5.4 C6). Switch c_P on.
  it('P18 with c_P on, relative position moves IE down and II up strictly, at c_P·T/μ each [Feng & He 2017]', () => { expectHolds('P18'); }, TIMEOUT);

  // Source: Walt: states bandwagon when weak, when "no allies are available", and against proximate threats [A]; V_BAND (§5.4)
  it('P19 bandwagoning is for the threatened, weak, isolated and near: strictly so when b > 0 [Walt]', () => { expectHolds('P19'); }, TIMEOUT);

  // Source: IE "creates a club if none exists; costs more" (§5.3); "if none, create one … cost κ_create" (§5.5) [D]
  it('P20 κ_create: exclusive balancing costs κ_create more exactly when no exclusive venue exists [S2; §5.3]', () => { expectHolds('P20'); }, TIMEOUT);
});
