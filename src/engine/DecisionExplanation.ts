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
  /**
   * Accession votes of the tick in which the state voted or was the candidate (model §5.12), with
   * the institution's rule: a block is an institutional act against the candidate.
   */
  votes: { institution: string; rule: string; candidate: string; voter: string; vote: 'block' | 'admit' }[];
  /** The perception model and policy used. */
  perception: string;
  policy: string;
}
