/**
 * What one data reference of a scenario file became when it was expanded: the reference (its
 * path in the file), the COW file and year it was read from, and the values it produced. The
 * list of them is the provenance of a resolved scenario (`counterpoise validate --resolved`).
 */
export type DataProvenance =
  | StateIdentityProvenance
  | CapabilitiesProvenance
  | MajorProvenance
  | IgoMembersProvenance
  | AlliancesProvenance
  | TradeProvenance;

/** A state bound to its Correlates of War state (by its `cow` field, or its id being a COW abbreviation). */
export interface StateIdentityProvenance {
  readonly kind: 'cow-identity';
  /** Path of the state in the file, e.g. `states[2]`. */
  readonly reference: string;
  readonly state: string;
  readonly ccode: number;
  readonly stateabb: string;
  /** The COW name (the state's `name` when the file gives none). */
  readonly name: string;
}

/** `capabilities: { source: nmc }`: which NMC file and year gave the state's mil, eco and pop. */
export interface CapabilitiesProvenance {
  readonly kind: 'capabilities';
  readonly reference: string;
  readonly state: string;
  /** The NMC file, e.g. `NMC-60-abridged.csv`. */
  readonly file: string;
  readonly year: number;
  readonly ccode: number;
  /** The values the state got (shares of the whole system that year, or the reference's overrides). */
  readonly values: { readonly mil: number; readonly eco: number; readonly pop: number };
  /** Dimensions set by the reference itself instead of the data. */
  readonly overridden: readonly ('mil' | 'eco' | 'pop')[];
}

/** `major: { source: cow }`: whether the state was a COW major power in the year. */
export interface MajorProvenance {
  readonly kind: 'major';
  readonly reference: string;
  readonly state: string;
  readonly file: string;
  readonly year: number;
  readonly major: boolean;
}

/** `members: { source: igo }`: the scenario's states among an IGO's members in the year, then add and remove. */
export interface IgoMembersProvenance {
  readonly kind: 'igo-members';
  readonly reference: string;
  readonly institution: string;
  readonly file: string;
  readonly ioname: string;
  readonly year: number;
  readonly statuses: readonly string[];
  /** The scenario's states that were members in the data. */
  readonly fromData: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** The members the institution got. */
  readonly members: readonly string[];
}

/** One pair made allies (or entente partners) by `alliances:`, with the COW alliances behind it. */
export interface AlliancePairProvenance {
  readonly between: readonly [string, string];
  /** `alliance` (ally_ij = 1) or `entente` (ent_ij = ententeLevel). */
  readonly value: 'alliance' | 'entente';
  /** The COW alliances (`version4id`) the pair shared that year with a chosen obligation (entente: the entente-only pacts). */
  readonly allianceIds: readonly number[];
  /** The file's own dyad that sets this value itself (e.g. `dyads[0]`), when one does: the data's value is not used. */
  overriddenBy?: string;
}

/** `alliances:`: which COW alliances made which pairs allies. */
export interface AlliancesProvenance {
  readonly kind: 'alliances';
  readonly reference: string;
  readonly file: string;
  readonly year: number;
  readonly obligations: readonly string[];
  readonly pairs: readonly AlliancePairProvenance[];
}

/** `trade:`: each state's trade total τ and the proxy value X_ij of each pair. */
export interface TradeProvenance {
  readonly kind: 'trade';
  readonly reference: string;
  readonly file: string;
  readonly year: number;
  /** Σ τ over every state of the system with trade totals that year. */
  readonly worldTau: number;
  /** τ = (imports + exports) / 2 of each state included. */
  readonly tau: readonly { readonly state: string; readonly tau: number }[];
  readonly excluded: readonly string[];
  /** X_ij = τ_i·τ_j / (Σ_world τ)² of each pair (pairs with 0 are left out, as in the scenario). */
  readonly pairs: readonly { readonly between: readonly [string, string]; readonly trade: number; overriddenBy?: string }[];
}
