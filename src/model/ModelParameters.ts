/**
 * Every coefficient of the reference model (THEORY §5.2–5.7), with its THEORY symbol.
 *
 * Model parameters describe how states decide and how actions work. They stay at their defaults
 * across historical scenarios; what changes between eras is the world ({@link SystemConditions}
 * and the states), never these (THEORY §5.10, issue "scenario library").
 *
 * All numbers are dimensionless unless a unit is given. Time is in years, never in ticks (model
 * note N28): decays, pulls and learning rates are shares per year, the effects and costs of an act
 * are per act, and the engine converts them to the scenario's `ticksPerYear` once, so the tick length
 * changes the resolution of a run, not its dynamics.
 */
export interface ModelParameters {
  // ---- THEORY §5.2: threat perception (Walt) ----
  /** w_P: weight of aggregate (relative) power in T_ij. wP + wG + wO = 1. */
  wP: number;
  /** w_G: weight of geographic proximity in T_ij. */
  wG: number;
  /** w_O: weight of offensive capability net of defence in T_ij. */
  wO: number;
  /** d0: distance scale of proximity G_ij = exp(−d_ij/d0), in the scenario's distance unit (km). */
  d0: number;
  /** θ_nuc: extra defensive advantage of a dyad in which both states are nuclear (MAD), in θ_ij. */
  thetaNuc: number;

  // ---- THEORY §5.4: choice rule ----
  /** μ: logit temperature (> 0). */
  mu: number;
  /** T*: existential threshold (0 < T* < 1). */
  tStar: number;
  /** W_sat: trade dependence at which D, Dt and c6 saturate at 1. */
  wSat: number;
  /** κ_BAND: fixed cost of bandwagoning. */
  kappaBAND: number;
  /** κ_HI: fixed cost of arming. */
  kappaHI: number;
  /** κ_HE: fixed cost of seeking a formal alliance. */
  kappaHE: number;
  /** κ_SE: fixed cost of a limited entente. */
  kappaSE: number;
  /** κ_SS: fixed cost of sanctions. */
  kappaSS: number;
  /** κ_SL: fixed cost of legitimacy denial. */
  kappaSL: number;
  /** κ_II: fixed cost of inclusive institutional balancing. */
  kappaII: number;
  /** κ_IE: fixed cost of exclusive institutional balancing. */
  kappaIE: number;
  /** κ_create: extra cost of IE when no exclusive venue exists and a club must be founded (THEORY §5.3, §5.5). */
  kappaCreate: number;
  /** b: bandwagoning's threat responsiveness in V_BAND. */
  b: number;
  /** ξ: extra weight of the existential part X on the hard options (ξ_HI = ξ_HE = ξ). */
  xi: number;
  /** β_H: baseline threat responsiveness of the hard options. */
  betaH: number;
  /** β_S: baseline threat responsiveness of the soft options. */
  betaS: number;
  /** β_I: baseline threat responsiveness of inclusive institutional balancing. */
  betaI: number;
  /** β_E: baseline threat responsiveness of exclusive institutional balancing. */
  betaE: number;
  /** d_H: how own dependence D deters hard balancing. */
  dH: number;
  /** p_H: how Paul's reasons P3 deter hard balancing. */
  pH: number;
  /** l_H: how the importance of legitimacy λ deters hard balancing. */
  lH: number;
  /** c_R: how relative capability r favours arming (u_HI). */
  cR: number;
  /** c_DH: how power disparity deters hard balancing. */
  cDH: number;
  /** η: how an alliance with the target deters hard balancing against it (P15). */
  eta: number;
  /** c_A: how ally availability A favours formal alliances (u_HE). */
  cA: number;
  /** d_S: how own dependence D favours soft and institutional balancing. */
  dS: number;
  /** p_S: how Paul's reasons P3 favour soft and institutional balancing. */
  pS: number;
  /** l_S: how λ favours soft and institutional balancing. */
  lS: number;
  /** c_A2: how ally availability A favours ententes (u_SE); C8 requires c_A ≥ c_A2. */
  cA2: number;
  /** c_D: how power disparity favours soft and institutional balancing. */
  cD: number;
  /** σ_C: the sender's own cost of sanctions, scaling with D (u_SS). */
  sigmaC: number;
  /** σ_E: sanctions' leverage, scaling with the target's dependence Dt (u_SS). */
  sigmaE: number;
  /** l_L: extra weight of λ on legitimacy denial (u_SL). */
  lL: number;
  /** d_I: extra weight of D on institutional balancing (u_II, u_IE). */
  dI: number;
  /** ζ: weight of the venue strength ρ_I / ρ_E on institutional balancing. */
  zeta: number;
  /** ε_C: switchable hypothesis P13 (exclusive rises with concentration CON). 0 = off (default). */
  epsC: number;
  /** c_P: switchable hypothesis P14 (Feng & He 2017: exclusive rises as relative position r falls). 0 = off (default). */
  cP: number;

  // ---- THEORY §5.5: effects ----
  /** φ_H: share of eco_i converted to arms by one HI act. */
  phiH: number;
  /** k_conv: conversion rate of economic into military capability (E7 needs k_conv ≤ 1 for conservation). */
  kConv: number;
  /** c_HE: share of eco_i spent by one HE act. */
  cHE: number;
  /** χ: weight of allies' CINC in the deterrent capability effCap_v. */
  chi: number;
  /** Cohesion bonus for partners who share an exclusive club against the target (THEORY §5.5 IE, "co-members count as potential allies"). [D] */
  chiClub: number;
  /** ε_E: entente increment of one SE act. */
  epsE: number;
  /** δ_E: share of an entente lost per year (decay). */
  deltaE: number;
  /**
   * L: years the threat that made a model-formed alliance must stay faded (both partners' threat
   * from the common target below T_min) before the alliance lapses (model note N29; > 0).
   */
  allianceLapseYears: number;
  /**
   * κ_a: how much a positive affinity a_ij lowers perceived threat (model note N54): T_ij is
   * multiplied by 1 − κ_a·max(0, a_ij). In [0, 1]. [D] 1: full alignment (a = 1) removes the threat.
   */
  affinityThreat: number;
  /**
   * a_min: the closeness threshold of affinity (model note N54): a state k with a_kj ≥ a_min is never a
   * partner (HE, SE) or club member against j, and two states with a_ik ≤ −a_min are never partners.
   * In (0, 1]. [D] 0.5.
   */
  affinityMin: number;
  /** Half-life in years of affinity's return to its seed (model note N54; > 0). [D] 10. */
  affinityHalfLife: number;
  /**
   * γ_c: cooperation's pull on affinity (N54): each cooperative act moves a_ij by γ_c·(1 − a_ij), and an
   * alliance or entente in force pulls at γ_c·min(1, ally_ij + ent_ij) per year. In [0, 1]. [D] 0.05.
   */
  affinityCoop: number;
  /** γ_x: each conflictual act moves a_ij by −γ_x·(1 + a_ij) (N54). In [0, 1]. [D] 0.1. */
  affinityConflict: number;
  /** Entente level above which two states count as entente partners in the coordination bonus (THEORY §5.6). [D] */
  entMin: number;
  /** s: sanction severity: both sides lose s·X_ij (E6). */
  s: number;
  /** s_red: share of the sanctioned trade that is cut by one SS act. */
  sRed: number;
  /** ρ_X: share of the gap to its scenario level that sanctioned trade recovers per year (model note N6). [D] */
  rhoX: number;
  /** α_L: legitimacy denial strength of SL. */
  alphaL: number;
  /** α_E: legitimacy denial strength of exclusive clubs (IE). */
  alphaE: number;
  /** α_B: legitimacy conferred on the target by bandwagoning. */
  alphaB: number;
  /** g_B: economic gain of bandwagoning, per unit of trade with the target. */
  gB: number;
  /** δ_band: extra decay of ahat_ij when i bandwagons with j ("ahat_ij decays faster"). */
  deltaBand: number;
  /** ε_dyn: strength added to an institution by one II or IE act in it. */
  epsDyn: number;
  /** Initial strength of a club founded during a run by IE. [D] */
  sNew: number;
  /** τ_join: threat from the target above which a state is invited to a new exclusive club. */
  tauJoin: number;
  /** v_C: voice of a candidate in the institution it applied to, relative to a member's (model §5.11). [D] */
  voiceCandidate: number;
  /** v_O: voice of an observer or dialogue partner (model §5.11). [D] */
  voiceObserver: number;
  /** v_A: voice of an associate (model §5.11). [D] */
  voiceAssociate: number;
  /** κ_block: share of its legitimacy a member loses per block of an accession (model §5.12; decisions are yearly). [D] */
  kappaBlock: number;
  /**
   * κ_exit: a member leaves an institution when what it gives, s_q·voice_iq, falls below κ_exit
   * (model §5.13; checked yearly). 0 (off) by default: no source fixes the cost of membership. [D]
   */
  kappaExit: number;
  /**
   * L_apply: years after which a candidacy a state chose (an application, model §5.12, note N59)
   * lapses when no vote has admitted it; 0 = never. Candidacies given as inputs never lapse. [D] 10 = 2K
   * (two episode windows), admissible: any finite number ≥ 0.
   */
  applicationLapseYears: number;
  /**
   * H_hold: years a grievance lasts for a hold (model §5.12, note N61). A member holds a candidate
   * (votes against it although it is not its main threat) while the candidate's most recent soft act
   * (sanctions or legitimacy denial) was against the member within the last H_hold years, or the
   * member's affinity with it is negative; the hold lifts when the grievance lapses. 0 = off (no
   * holds) [D]: the theory gives no sign. Admissible: any finite number ≥ 0.
   */
  holdYears: number;
  /** ε_block: provocation of the blocked candidate (its ahat toward the blocker) per block (model §5.12). [D] */
  epsBlock: number;
  /** ε_H: provocation of the target (its ahat toward the actor) by a hard act (E8: ε_H ≥ ε_S ≥ ε_I ≥ 0). */
  epsH: number;
  /** ε_S: provocation by a soft act. */
  epsS: number;
  /** ε_I: provocation by an institutional act. */
  epsI: number;

  // ---- THEORY §5.6: pressure, restraint, aggression ----
  /** w_SL: weight of legitimacy-denial pressure in Press_j. */
  wSL: number;
  /** w_SS: weight of sanction pressure. */
  wSS: number;
  /** w_SE: weight of entente pressure. */
  wSE: number;
  /** w_II: weight of inclusive institutional pressure. */
  wII: number;
  /** w_IE: weight of exclusive institutional pressure. */
  wIE: number;
  /** ε_coord: coordination bonus per entente partner also pressing the same target. */
  epsCoord: number;
  /** k_R: scale of restraint R_j = 1 − exp(−k_R·Ω_j·(1 − ideo_j)·Press_j). */
  kR: number;
  /** ω_c: weights of Paul's seven conditions in Ω_j (each > 0; they are renormalised to sum to 1). */
  omega: {
    lowThreat: number;
    legitimacy: number;
    aftermath: number;
    institutions: number;
    defence: number;
    interdependence: number;
    domesticSupport: number;
  };
  /** τ_W: memory of the last major war in years, in c3 = exp(−(t − tLastMajorWar)/τ_W). */
  tauW: number;
  /** ℓ: exponent of legitimacy in the probability of aggression p_agg. */
  ell: number;

  // ---- THEORY §5.7: beliefs, legitimacy, institutions, externalities ----
  /** η_b: belief learning rate, the share of the gap to the observation closed per year. */
  etaB: number;
  /**
   * ε_arm: evidence of hostile intent from an arming act (HI) of j, per act (model note N31): in full
   * for the state the arming is aimed at (j's main threat, on top of the provocation ε_H), weighted
   * by proximity G_ij for every other state i (the security dilemma, Jervis 1976). 0 turns it off.
   */
  epsArm: number;
  /**
   * w_Δ: weight of the power shift in Walt's aggregate-power factor, min(1, P_ij + w_Δ·max(0, P_ij − P_ij
   * `shiftWindow` years ago)) (model note N32; Organski & Kugler 1980). 0 turns it off.
   */
  wShift: number;
  /** W: the window of the power shift in whole years (≥ 1, model note N32). */
  shiftWindow: number;
  /** ε_reass: reassurance from sharing an institution with a state that complied (did not aggress). */
  epsReass: number;
  /** ρ_L: legitimacy's pull back to its baseline, the share of the gap closed per year. */
  rhoL: number;
  /** δ_agg: legitimacy lost by an aggressor, scaled by the territorial norm ν. */
  deltaAgg: number;
  /** δ_s: pull of institution strength toward its baseline, the share of the gap closed per year (model note N7). */
  deltaS: number;
  /** s_min: institutions weaker than this dissolve. */
  sMin: number;
  /** ε_pg: public goods per institutional act when both gates are open (He & Feng). */
  epsPg: number;
  /** ι*: ideological antagonism at which the ideology gate closes. */
  iotaStar: number;
  /** Escalation of the two leading rivals' ahat per unit share of institutional acts when the ideology gate is shut (§5.7 negative externality). [D] */
  epsEsc: number;

  // ---- THEORY §2.1, §3: classification and measures ----
  /** T_min: threat below which an act is friction, never soft balancing (E12). */
  tMin: number;
  /** k: acts needed in the window for an episode (≥ 2, so a single act never counts). */
  episodeK: number;
  /** K: length of the episode window in years (K·ticksPerYear ticks). */
  episodeWindow: number;
  /** π_pole: CINC share from which a state counts as a pole. */
  piPole: number;
  /** Which states CON is computed over: the great powers (COW majors, as in COW) or all states. */
  conOver: 'majors' | 'all';
}

/** The seven conditions' keys, in THEORY §5.6 order c1…c7. */
export const CONDITION_KEYS = [
  'lowThreat', 'legitimacy', 'aftermath', 'institutions', 'defence', 'interdependence', 'domesticSupport',
] as const;

/**
 * World-level conditions of THEORY §5.1 ("system"), set per scenario from history.
 */
export interface SystemConditions {
  /** λ ∈ [0,1]: importance of international legitimacy (Paul condition 2). */
  lambda: number;
  /** ν ∈ [0,1]: strength of the territorial-integrity norm (Paul reason 3). */
  nu: number;
  /** θ ∈ [0,1]: conventional defensive advantage (Paul reason 2, condition 5). */
  theta: number;
  /** Year of the last major war (for c3), or null when none is remembered. */
  lastMajorWar: number | null;
}
