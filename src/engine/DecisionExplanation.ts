import type { DecisionContext } from '../decision/DecisionContext.js';
import type { Option } from '../decision/options.js';
import type { UtilityTerm } from '../decision/utilityTerms.js';

/** One threat a state perceived, with Walt's four components (THEORY §5.2). */
export interface ThreatExplanation {
  /** The state perceived as threatening. */
  state: string;
  /** T_ij. */
  threat: number;
  /** ahat_ij: perceived aggressive intent. */
  intent: number;
  /**
   * Walt's aggregate-power factor: P_ij = cinc_j/(cinc_i + cinc_j), raised by j's rise relative to i
   * over the last `shiftWindow` years, min(1, P_ij + w_Δ·max(0, P_ij − P⁰_ij)) (model note N32).
   */
  power: number;
  /** G_ij: proximity. */
  proximity: number;
  /** O_ij = off_j·(1 − θ_ij): offensive capability net of defence. */
  offence: number;
}

/**
 * One great power as the state saw it in the tick (model §5.2, note N57): its threat with Walt's
 * components, its place in the state's threat ranking and the state's institutions on each side of it.
 */
export interface GreatPowerExplanation extends ThreatExplanation {
  /** Place of T_ig in the state's ranking of all its threats: 1 for the main threat j*, then by T (ties: canonical order). */
  rank: number;
  /** Whether the power is the state's main threat. */
  main: boolean;
  /** Live institutions (ids) of which the state is a full member and the power too (after the tick). */
  inclusive: string[];
  /** Live institutions (ids) of which the state is a full member and the power is not (after the tick). */
  exclusive: string[];
}

/**
 * Whom the chosen act was taken with (model §5.5): the ally sought by HE, the entente partner of
 * SE, the members of the club an IE act used.
 */
export interface PartnerExplanation {
  /** `ally` (HE), `entente` (SE) or `club` (IE: the venue's other members). */
  kind: 'ally' | 'entente' | 'club';
  /** The partner states (ids): one for HE and SE; the club's other full members after the tick for IE. */
  states: string[];
  /**
   * HE: whether the alliance is in force after the tick (the partner consented, or had chosen HE
   * against the same threat within the year); SE: whether the entente is at or above entMin; IE: true.
   */
  inForce: boolean;
}

/** One option of the menu as the state saw it. */
export interface OptionExplanation {
  option: Option;
  available: boolean;
  /** V_a of THEORY §5.4. */
  utility: number;
  /** V_a broken into its additive terms. */
  terms: UtilityTerm[];
  /** p_a (0 when masked). */
  probability: number;
}

/** Why a state acted as it did in one tick: threat, context, utilities, probabilities, the draw. */
export interface DecisionExplanation {
  tick: number;
  year: number;
  state: string;
  /** The main threat j* with its components (null for a state alone in the system). */
  mainThreat: ThreatExplanation;
  /** The next strongest threats, for context (up to four). */
  otherThreats: ThreatExplanation[];
  /**
   * Every great power of the tick other than the state (note N57), strongest threat first (ties:
   * canonical order), each with T_ig — the tick's per-great-power threat, equal to `mainThreat.threat`
   * for the main threat when it is a great power — its components, rank and the state's institutions on each side.
   */
  greatPowers: GreatPowerExplanation[];
  /** The context z toward j* (THEORY §5.2), with P3 = (θ_ij + ν + (1 − ideo_j))/3. */
  context: DecisionContext & { P3: number; X: number };
  /** The nine options in menu order. */
  options: OptionExplanation[];
  /** The option drawn. */
  chosen: Option;
  /** The uniform draw that chose it (inverse CDF over the menu order). */
  draw: number;
  /** For II and IE, the institution used (null when none: a club not founded, or another option). */
  venue: string | null;
  /** The partner of the chosen act (HE, SE, IE with a venue), or null (another option, or no partner was available). */
  partner: PartnerExplanation | null;
  /**
   * Accession votes of the tick in which the state voted or was the candidate (model §5.12), with
   * the institution's rule: a block is an institutional act against the candidate.
   */
  votes: {
    /** `hold`: a vote against a candidate that is not the voter's main threat, over a grievance (note N61). */
    institution: string; rule: string; candidate: string; voter: string; vote: 'block' | 'admit' | 'hold';
    /** The voter holds a veto in the institution (`vetoMembers`, note N60): its block is decisive under any rule. */
    veto: boolean;
  }[];
  /**
   * The institution the state applied to in the tick by its II or IE act (model §5.12, note N59),
   * or null when it did not apply.
   */
  application: string | null;
  /** The perception model and policy used. */
  perception: string;
  policy: string;
}
