/**
 * The statuses a state can hold in an institution (model §5.11): full member, candidate,
 * observer or dialogue partner, associate. Each has stated effects on voice, vote, binding,
 * legitimacy and information (model §5.11, note N51); only full members are members (M_q).
 */
export type MembershipStatus = 'member' | 'candidate' | 'observer' | 'associate' | 'suspended';

/** The statuses, in the order of their codes 1…4 (0 is no status). */
export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ['member', 'candidate', 'observer', 'associate', 'suspended'];

/** Code of no status in `World.status`. @internal */
export const STATUS_NONE = 0;
/** Code of full membership in `World.status` (the `member` bitmap is 1 exactly here). @internal */
export const STATUS_MEMBER = 1;
/** Code of candidacy. @internal */
export const STATUS_CANDIDATE = 2;
/** Code of observer or dialogue partner. @internal */
export const STATUS_OBSERVER = 3;
/** Code of associate. @internal */
export const STATUS_ASSOCIATE = 4;
/** Code of a suspended member (model §5.13): no voice, no vote, not in M_q. @internal */
export const STATUS_SUSPENDED = 5;

/** The engine code of a status (1…4). @internal */
export function statusCode(status: MembershipStatus): number {
  return MEMBERSHIP_STATUSES.indexOf(status) + 1;
}

/** The status of an engine code, or null for 0 (none). @internal */
export function statusOfCode(code: number): MembershipStatus | null {
  return code >= 1 && code <= MEMBERSHIP_STATUSES.length ? MEMBERSHIP_STATUSES[code - 1] : null;
}

/**
 * The voice of a status code relative to a member's (model §5.11): 1 for a member, v_C, v_O, v_A
 * for a candidate, an observer or dialogue partner and an associate, 0 for none. @internal
 */
export function statusVoice(p: { voiceCandidate: number; voiceObserver: number; voiceAssociate: number }, code: number): number {
  switch (code) {
    case STATUS_MEMBER: return 1;
    case STATUS_CANDIDATE: return p.voiceCandidate;
    case STATUS_OBSERVER: return p.voiceObserver;
    case STATUS_ASSOCIATE: return p.voiceAssociate;
    default: return 0;
  }
}
