import { defaultParameters } from '../model/defaultParameters.js';
import type { ModelParameters } from '../model/ModelParameters.js';
import { checkAdmissible } from '../decision/checkAdmissible.js';
import { applySanction } from '../effects/economicPhase.js';
import { CAPABILITY_RANGE, MAX_GROWTH, timesPowerOfTwo } from '../model/capabilityLimits.js';
import { boundCapabilities, largestCapability } from './boundCapabilities.js';
import { addInstitution, dissolveInstitution, setAlliance, setMember, setStatus } from './createWorld.js';
import { STATUS_MEMBER, STATUS_NONE, statusCode } from '../institutions/MembershipStatus.js';
import type { SimulationEvent } from './SimulationEvent.js';
import { perTickGrowth } from './TickRates.js';
import type { World } from './World.js';
import type { WorldChange } from './WorldChange.js';

const NUMERIC_PARAMETERS = new Set(Object.entries(defaultParameters()).filter(([, v]) => typeof v === 'number').map(([k]) => k));

/** Raised when a change cannot be applied (unknown id, value out of its domain). */
export class WorldChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorldChangeError';
  }
}

/**
 * Applies one change to the world between ticks, validating it first (nothing is changed when it
 * is invalid). Memberships, alliances and trade stay symmetric and consistent.
 * @internal
 */
export function applyChange(
  w: World, params: ModelParameters, change: WorldChange, index: ReadonlyMap<string, number>,
  events: SimulationEvent[] | null, year: number,
): void {
  const n = w.n;
  const tick = w.tick;
  const state = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new WorldChangeError(`unknown state "${id}"`);
    return i;
  };
  const institution = (id: string): number => {
    for (let q = 0; q < w.instSlots; q++) if (w.instAlive[q] === 1 && w.instIds[q] === id) return q;
    throw new WorldChangeError(`no live institution "${id}"`);
  };
  const unit = (what: string, v: unknown): number => {
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new WorldChangeError(`${what} must be a number in [0, 1] (got ${String(v)})`);
    return v;
  };
  /** A capability or trade value of the scenario in the world's unit, refused when it cannot be represented there. */
  const inWorldUnit = (what: string, v: number): number => {
    const x = timesPowerOfTwo(v, -w.capabilityExponent);
    const largest = largestCapability(w);
    if (v > 0 && !(x >= largest / CAPABILITY_RANGE)) {
      throw new WorldChangeError(`${what} = ${v} is too small beside the current capabilities to be represented (below 2^−384 of the largest)`);
    }
    if (!(x <= largest * CAPABILITY_RANGE)) {
      throw new WorldChangeError(`${what} = ${v} is too large beside the current capabilities to be represented (above 2^384 times the largest)`);
    }
    return x;
  };
  switch (change.type) {
    case 'set-state': {
      const i = state(change.state);
      const { field, value } = change;
      switch (field) {
        case 'offensive': case 'revisionism': case 'ideology': case 'legitimacy': case 'legitimacyBaseline': case 'domesticSupport': {
          const arrays = { offensive: w.off, revisionism: w.rev, ideology: w.ideo, legitimacy: w.leg, legitimacyBaseline: w.legBase, domesticSupport: w.dom };
          arrays[field][i] = unit(field, value);
          return;
        }
        case 'nuclear': case 'major':
          if (typeof value !== 'boolean') throw new WorldChangeError(`${field} must be true or false (got ${String(value)})`);
          (field === 'nuclear' ? w.nuc : w.major)[i] = value ? 1 : 0;
          return;
        case 'mil': case 'eco': case 'pop':
          if (typeof value !== 'number' || !(value > 0 && Number.isFinite(value))) throw new WorldChangeError(`${field} must be a finite number > 0 (got ${String(value)})`);
          ({ mil: w.mil, eco: w.eco, pop: w.pop })[field][i] = inWorldUnit(field, value);
          boundCapabilities(w, largestCapability(w));
          return;
        case 'growth.mil': case 'growth.eco': case 'growth.pop':
          if (typeof value !== 'number' || !(value > -1 && value <= MAX_GROWTH)) throw new WorldChangeError(`${field} must be a number > −1 and ≤ 2^64 (got ${String(value)})`);
          // a yearly rate, held per tick (N28)
          ({ 'growth.mil': w.growthMil, 'growth.eco': w.growthEco, 'growth.pop': w.growthPop })[field][i] = perTickGrowth(value, w.ticksPerYear);
          return;
        default:
          throw new WorldChangeError(`unknown state field "${String(field)}"`);
      }
    }
    case 'set-system': {
      const v = unit(change.field, change.value);
      if (change.field === 'lambda') w.lambda = v;
      else if (change.field === 'nu') w.nu = v;
      else if (change.field === 'theta') w.theta = v;
      else throw new WorldChangeError(`unknown system field "${String(change.field)}"`);
      return;
    }
    case 'set-parameter': {
      if (!NUMERIC_PARAMETERS.has(change.key)) throw new WorldChangeError(`unknown numeric model parameter "${change.key}"`);
      const next = { ...params, [change.key]: change.value } as ModelParameters;
      const violations = checkAdmissible(next);
      if (violations.length > 0) throw new WorldChangeError(`parameters.${change.key} = ${change.value} leaves the admissible set: ${violations[0].message}`);
      (params as unknown as Record<string, number>)[change.key] = change.value;
      w.parameterVersion++; // the engine converts the yearly rates again before the next tick (N28)
      return;
    }
    case 'join':
    case 'leave': {
      const q = institution(change.institution);
      const i = state(change.state);
      const joining = change.type === 'join';
      if ((w.member[q * n + i] === 1) === joining) return; // already so: nothing to do
      if (joining && w.instAgainst[q] === i) throw new WorldChangeError(`"${change.state}" cannot join ${change.institution}, a club founded against it`);
      setMember(w, q, i, joining);
      events?.push({ tick, type: joining ? 'institution-joined' : 'institution-left', institution: change.institution, state: change.state });
      if (!joining && w.memberCount[q] < 2) {
        dissolveInstitution(w, q);
        events?.push({ tick, type: 'institution-dissolved', institution: change.institution });
      }
      return;
    }
    case 'set-status': {
      const q = institution(change.institution);
      const i = state(change.state);
      if (change.status === 'member') { applyChange(w, params, { type: 'join', institution: change.institution, state: change.state }, index, events, year); return; }
      const code = change.status === 'none' ? STATUS_NONE : statusCode(change.status);
      if (change.status === 'candidate' && w.instAgainst[q] === i) throw new WorldChangeError(`"${change.state}" cannot be a candidate of ${change.institution}, a club founded against it`);
      const old = w.status[q * n + i];
      if (old === code) return;
      // A cited candidacy of a state the run has already admitted (by a vote, N59) is moot: it stays a member.
      if (change.status === 'candidate' && old === STATUS_MEMBER) return;
      setStatus(w, q, i, code);
      if (old === STATUS_MEMBER) events?.push({ tick, type: 'institution-left', institution: change.institution, state: change.state });
      events?.push({ tick, type: 'institution-status', institution: change.institution, state: change.state, status: change.status });
      if (old === STATUS_MEMBER && w.memberCount[q] < 2) {
        dissolveInstitution(w, q);
        events?.push({ tick, type: 'institution-dissolved', institution: change.institution });
      }
      return;
    }
    case 'found-institution': {
      for (let q = 0; q < w.instSlots; q++) {
        if (w.instAlive[q] === 1 && w.instIds[q] === change.institution) throw new WorldChangeError(`institution "${change.institution}" already exists`);
      }
      const members = [...new Set(change.members)].map(state);
      if (members.length < 2) throw new WorldChangeError(`institution "${change.institution}" needs at least two members`);
      const strength = unit('strength', change.strength ?? 0.5);
      const q = addInstitution(w, change.institution, change.name ?? change.institution, change.kind ?? 'general',
        change.decisionRule ?? 'consensus', unit('strictness', change.strictness ?? 0), strength, strength, -1);
      for (const i of members) setMember(w, q, i, true);
      for (const v of change.vetoMembers ?? []) {
        const i = state(v);
        if (w.member[q * w.n + i] === 0) { dissolveInstitution(w, q); throw new WorldChangeError(`"${v}" holds a veto in "${change.institution}" but is not one of its members`); }
        w.vetoHolder[q * w.n + i] = 1;
      }
      events?.push({ tick, type: 'institution-founded', institution: change.institution, members: members.sort((a, b) => a - b).map((i) => w.ids[i]) });
      return;
    }
    case 'dissolve-institution': {
      dissolveInstitution(w, institution(change.institution));
      events?.push({ tick, type: 'institution-dissolved', institution: change.institution });
      return;
    }
    case 'set-institution': {
      const q = institution(change.institution);
      const v = unit(change.field, change.value);
      if (change.field === 'strength') { w.instStrength[q] = v; w.instBase[q] = v; } else w.instStrictness[q] = v;
      return;
    }
    case 'alliance': {
      const [a, b] = [state(change.between[0]), state(change.between[1])];
      if (a === b) throw new WorldChangeError('an alliance needs two different states');
      if (!setAlliance(w, a, b, change.inForce)) return;
      const [x, y] = a < b ? [a, b] : [b, a];
      events?.push({ tick, type: change.inForce ? 'alliance-begun' : 'alliance-ended', between: [w.ids[x], w.ids[y]] });
      return;
    }
    case 'set-trade': {
      const [a, b] = [state(change.between[0]), state(change.between[1])];
      if (a === b) throw new WorldChangeError('trade needs two different states');
      if (!(change.value >= 0 && Number.isFinite(change.value))) throw new WorldChangeError(`trade must be a finite number ≥ 0 (got ${change.value})`);
      const x = inWorldUnit('trade', change.value);
      const key = Math.min(a, b) * n + Math.max(a, b);
      if (w.tradeBase[key] === 0 && w.trade[key] === 0 && x > 0) w.tradePairs.push(key);
      w.trade[a * n + b] = w.trade[b * n + a] = x;
      w.tradeBase[a * n + b] = w.tradeBase[b * n + a] = x;
      return;
    }
    case 'sanction': {
      const [a, b] = [state(change.sender), state(change.target)];
      if (a === b) throw new WorldChangeError('a sanction needs two different states');
      applySanction(w, params, a, b);
      return;
    }
    case 'set-intent': {
      const [a, b] = [state(change.from), state(change.to)];
      if (a === b) throw new WorldChangeError('a state has no perception of itself');
      w.ahat[a * n + b] = unit('intent', change.value);
      return;
    }
    case 'war-ends': {
      const y = change.year ?? year;
      if (!Number.isFinite(y)) throw new WorldChangeError(`war-ends needs a finite year (got ${y})`);
      w.lastMajorWar = y;
      return;
    }
    default: {
      const never: never = change;
      throw new WorldChangeError(`unknown change ${JSON.stringify(never)}`);
    }
  }
}
