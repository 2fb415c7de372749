import fc from 'fast-check';
import type { ModelParameters } from '../../model/ModelParameters.js';
import { dyadDefence } from '../../perception/PerceptionModel.js';
import { decisionContext } from '../arbitraries/decisionContext.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { threatInputs, toPerceptionView, type ThreatInputs } from '../arbitraries/perceptionView.js';
import type { ModelRuntime } from '../runtime/ModelRuntime.js';
import { defineProperty, expectClose, expectNonIncreasing, expectThat, fmt, tolerance, type InternalProperty } from './defineProperty.js';
import { BELOW_HARD, HARD, fullMenu } from './optionGroups.js';

/** Threat properties check the threat model: they apply unless the model only replaces the decision rule. @internal */
export function threatModelApplies(rt: ModelRuntime): string | null {
  const s = rt.supplied;
  return (s.policy || s.utilities) && !s.perception && s.parameters === null
    ? 'a property of the threat model: the model supplies only a decision rule (the library\'s Walt model is checked in the default run)'
    : null;
}

/** Measurement identities of the library: checked for the library's model (any parameters), not for replaced parts. @internal */
function measurementApplies(rt: ModelRuntime): string | null {
  const s = rt.supplied;
  return s.policy || s.utilities || s.perception
    ? 'a measurement identity of the library (CINC, CON), independent of the supplied policy, utilities or threat model; checked in the default run'
    : null;
}

function threats(rt: ModelRuntime, x: ThreatInputs, p: ModelParameters): Float64Array {
  const out = new Float64Array(x.cinc.length * x.cinc.length);
  rt.perception.threatMatrix(toPerceptionView(x, p), out);
  return out;
}

type M1Change = 'P' | 'G' | 'off' | 'ahat' | 'd' | 'theta' | 'thetaNuc' | 'nuclear';

/** M1: Walt's four factors. */
export const M1 = defineProperty({
  id: 'M1', family: 'threat', type: 'theory', tag: 'T', cite: 'Walt',
  title: 'threat lies in [0,1], rises with power, proximity, offence and intent, falls with distance and defence',
  statement: 'T_ij ∈ [0,1]; non-decreasing in P_ij, G_ij, off_j and ahat_ij; non-increasing in d_ij and θ_ij',
  source: 'Walt\'s four factors [A: Wikipedia; greatpowerrelations]',
  method: 'Draws parameters and the inputs of a threat model for 2–5 states; checks every T_ij ∈ [0, 1]; raises one factor of one dyad '
    + '(cinc_j, hence P_ij; G_ij; off_j; ahat_ij) or lowers it (d_ij; θ, θ_nuc or both states nuclear, hence θ_ij) and checks the direction of T_ij.',
  applies: threatModelApplies,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), inputs: threatInputs(), pick: fc.nat(), u: gridNumber(0.001, 1, 999),
    change: fc.constantFrom<M1Change>('P', 'G', 'off', 'ahat', 'd', 'theta', 'thetaNuc', 'nuclear'),
  }),
  predicate: (rt, { parameters: p, inputs: x, pick, u, change }) => {
    const n = x.cinc.length;
    const i = pick % n;
    const j = (i + 1 + (Math.floor(pick / n) % (n - 1))) % n;
    const t = threats(rt, x, p);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        if (a !== b) expectThat(t[a * n + b] >= 0 && t[a * n + b] <= 1, `T_${a}${b} = ${fmt(t[a * n + b])} is outside [0, 1]`);
      }
    }
    const y: ThreatInputs = { ...x, cinc: [...x.cinc], distance: [...x.distance], off: [...x.off], nuclear: [...x.nuclear], ahat: [...x.ahat] };
    let q = p;
    let up = true;
    const ij = i * n + j;
    if (change === 'P') y.cinc[j] *= 1 + 3 * u;
    else if (change === 'G') { // G rises ⇔ the distance falls
      y.distance[ij] *= 1 - u;
      y.distance[j * n + i] = y.distance[ij];
    } else if (change === 'off') y.off[j] += (1 - y.off[j]) * u;
    else if (change === 'ahat') y.ahat[ij] += (1 - y.ahat[ij]) * u;
    else if (change === 'd') {
      y.distance[ij] += 10_000 * u;
      y.distance[j * n + i] = y.distance[ij];
      up = false;
    } else if (change === 'theta') { y.theta += (1 - y.theta) * u; up = false; }
    else if (change === 'thetaNuc') { q = { ...p, thetaNuc: p.thetaNuc + (1 - p.thetaNuc) * u }; up = false; }
    else { y.nuclear[i] = true; y.nuclear[j] = true; up = false; }
    const t2 = threats(rt, y, q);
    const what = `T_ij (i = ${i}, j = ${j}) after ${change === 'd' ? 'raising d_ij' : change === 'nuclear' ? 'making both nuclear' : `raising ${change}`}`;
    if (up) expectThat(t2[ij] >= t[ij] - tolerance(t[ij], t2[ij]), `${what} fell from ${fmt(t[ij])} to ${fmt(t2[ij])}`);
    else expectNonIncreasing(t[ij], t2[ij], what);
  },
});

/** M2: no intent, no threat. */
export const M2 = defineProperty({
  id: 'M2', family: 'threat', type: 'theory', tag: 'T', cite: 'Walt',
  title: 'no perceived intent, no threat, however great the power',
  statement: 'T_ij = 0 whenever ahat_ij = 0, however great j\'s power',
  source: 'states "will not balance against those that are rising in power but do not display offensive intentions" [A: Wikipedia]',
  method: 'Draws parameters and threat inputs; sets ahat_ij = 0 and gives j a dominant CINC share, full offensive posture and zero distance; '
    + 'checks T_ij = 0 exactly.',
  applies: threatModelApplies,
  arbitrary: (rt) => fc.record({ parameters: rt.parameters(), inputs: threatInputs(), pick: fc.nat(), dominance: gridNumber(0.5, 0.999, 499) }),
  predicate: (rt, { parameters: p, inputs: x, pick, dominance }) => {
    const n = x.cinc.length;
    const i = pick % n;
    const j = (i + 1 + (Math.floor(pick / n) % (n - 1))) % n;
    const others = x.cinc.reduce((s, c, k) => (k === j ? s : s + c), 0);
    const y: ThreatInputs = {
      ...x,
      cinc: x.cinc.map((c, k) => (k === j ? dominance : (c / others) * (1 - dominance))),
      off: x.off.map((o, k) => (k === j ? 1 : o)),
      distance: x.distance.map((d, k) => (k === i * n + j || k === j * n + i ? 0 : d)),
      ahat: x.ahat.map((a, k) => (k === i * n + j ? 0 : a)),
    };
    const t = threats(rt, y, p);
    expectThat(t[i * n + j] === 0, `ahat_ij = 0 but T_ij = ${fmt(t[i * n + j])} (j holds ${fmt(dominance)} of capabilities)`);
  },
});

type M3Change = 'theta' | 'thetaNuc' | 'nuclear';

/** M3: defence lowers threat and hard balancing. */
export const M3 = defineProperty({
  id: 'M3', family: 'threat', type: 'theory', tag: 'T', cite: 'Paul',
  title: 'defensive advantage lowers every threat and the odds of hard balancing',
  statement: 'Raising θ (defensive advantage or nuclear weapons) weakly lowers every T_ij and therefore (via P2) weakly lowers hard-balancing odds',
  source: 'Paul reason 2 and condition 5 [S1]',
  method: 'Draws parameters, threat inputs and a rise of θ, θ_nuc or of nuclear status (both states of a dyad); checks that no T_ij rises, '
    + 'then, for that dyad, feeds the threat model\'s T_ij and θ_ij into a drawn context before and after: log-odds(H : x) must not rise '
    + 'for H ∈ {HI, HE} and every x below the hard rung of P2\'s ladder (NONE, II, SE, SS, SL, IE).',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), inputs: threatInputs(), pick: fc.nat(), u: gridNumber(0.001, 1, 999),
    change: fc.constantFrom<M3Change>('theta', 'thetaNuc', 'nuclear'), ctx: decisionContext(),
  }),
  predicate: (rt, { parameters: p, inputs: x, pick, u, change, ctx }) => {
    const n = x.cinc.length;
    const i = pick % n;
    const j = (i + 1 + (Math.floor(pick / n) % (n - 1))) % n;
    const y: ThreatInputs = { ...x, nuclear: [...x.nuclear] };
    let q = p;
    if (change === 'theta') y.theta = x.theta + (1 - x.theta) * u;
    else if (change === 'thetaNuc') q = { ...p, thetaNuc: p.thetaNuc + (1 - p.thetaNuc) * u };
    else { y.nuclear[i] = true; y.nuclear[j] = true; }
    const t1 = threats(rt, x, p);
    const t2 = threats(rt, y, q);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) if (a !== b) expectNonIncreasing(t1[a * n + b], t2[a * n + b], `T_${a}${b} after raising ${change}`);
    }
    const th1 = dyadDefence(x.theta, p.thetaNuc, x.nuclear[i] ? 1 : 0, x.nuclear[j] ? 1 : 0);
    const th2 = dyadDefence(y.theta, q.thetaNuc, y.nuclear[i] ? 1 : 0, y.nuclear[j] ? 1 : 0);
    const c1 = fullMenu({ ...ctx, T: t1[i * n + j], theta: th1 });
    const c2 = fullMenu({ ...ctx, T: t2[i * n + j], theta: th2 });
    for (const h of HARD) {
      for (const b of BELOW_HARD) {
        expectNonIncreasing(rt.logOdds(c1, p, h, b), rt.logOdds(c2, q, h, b),
          `log-odds(${h} : ${b}) after raising ${change} (T ${fmt(c1.T)} → ${fmt(c2.T)}, θ_ij ${fmt(th1)} → ${fmt(th2)})`);
      }
    }
  },
});

/** M4: CINC shares. */
export const M4 = defineProperty({
  id: 'M4', family: 'threat', type: 'engineering', tag: 'E', cite: 'COW',
  title: 'CINC shares sum to 1 and ignore the unit of each component',
  statement: 'CINC shares sum to 1, and are unchanged when any single component is rescaled by c > 0 across all states',
  source: 'COW computation [A]',
  method: 'Draws 1–8 states with positive mil, eco, pop, a component and c ∈ [0.01, 100]; checks the shares sum to 1 (10⁻¹²) and are '
    + 'unchanged (relative 10⁻¹²) after rescaling the component.',
  applies: measurementApplies,
  arbitrary: () => fc.integer({ min: 1, max: 8 }).chain((n) => fc.record({
    mil: fc.array(gridNumber(0.01, 10, 999), { minLength: n, maxLength: n }),
    eco: fc.array(gridNumber(0.01, 10, 999), { minLength: n, maxLength: n }),
    pop: fc.array(gridNumber(0.01, 10, 999), { minLength: n, maxLength: n }),
    component: fc.constantFrom<'mil' | 'eco' | 'pop'>('mil', 'eco', 'pop'),
    c: gridNumber(0.01, 100, 9999),
  })),
  predicate: (rt, { mil, eco, pop, component, c }) => {
    const n = mil.length;
    const s1 = new Float64Array(n);
    rt.lib.writeCincShares(mil, eco, pop, s1);
    const sum = s1.reduce((a, b) => a + b, 0);
    expectThat(Math.abs(sum - 1) <= 1e-12, `CINC shares sum to ${fmt(sum)}`);
    const scale = (v: number[], k: 'mil' | 'eco' | 'pop'): number[] => (k === component ? v.map((x) => x * c) : v);
    const s2 = new Float64Array(n);
    rt.lib.writeCincShares(scale(mil, 'mil'), scale(eco, 'eco'), scale(pop, 'pop'), s2);
    for (let i = 0; i < n; i++) expectClose(s2[i], s1[i], `cinc_${i} after multiplying every ${component} by ${fmt(c)}`, 1e-12);
  },
});

/** M5: concentration. */
export const M5 = defineProperty({
  id: 'M5', family: 'threat', type: 'engineering', tag: 'E', cite: 'Ray & Singer',
  title: 'CON lies in [0,1], is 0 exactly at equality and 1 exactly at monopoly, ignores order',
  statement: 'CON ∈ [0,1]; CON = 0 iff all shares are equal; CON = 1 iff one state holds everything; invariant to permutation',
  source: 'Ray & Singer [A/M]',
  method: 'Draws 2–8 non-negative capabilities (a random, an all-equal or a one-holds-all profile), optionally a subset to compute over '
    + '(the great powers), and a permutation. Checks CON ∈ [0, 1]; CON ≤ 10⁻⁶ when all shares are equal and > 0 otherwise; CON = 1 '
    + '(10⁻¹²) when one state holds everything and < 1 otherwise; the same CON for the permuted states (10⁻¹²).',
  applies: measurementApplies,
  arbitrary: () => fc.integer({ min: 2, max: 8 }).chain((n) => fc.record({
    profile: fc.constantFrom<'random' | 'equal' | 'monopoly'>('random', 'equal', 'monopoly'),
    values: fc.array(gridNumber(0, 10, 1000), { minLength: n, maxLength: n }),
    level: gridNumber(0.01, 10, 999),
    subset: fc.option(fc.array(fc.boolean(), { minLength: n, maxLength: n })),
    order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
  })),
  predicate: (rt, { profile, values, level, subset, order }) => {
    const n = values.length;
    const include = subset === null ? undefined : subset.map((b) => (b ? 1 : 0));
    const members = [...Array(n).keys()].filter((k) => include === undefined || include[k] === 1);
    fc.pre(members.length >= 2);
    const v = profile === 'random' ? values
      : profile === 'equal' ? values.map((x, k) => (members.includes(k) ? level : x))
        : values.map((x, k) => (members.includes(k) ? (k === members[0] ? level : 0) : x));
    const total = members.reduce((s, k) => s + v[k], 0);
    fc.pre(total > 0);
    const con = rt.lib.concentration(v, include);
    expectThat(con >= 0 && con <= 1, `CON = ${fmt(con)} is outside [0, 1]`);
    const shares = members.map((k) => v[k] / total);
    const equal = shares.every((s) => Math.abs(s - shares[0]) <= 1e-12);
    const holders = shares.filter((s) => s > 0).length;
    if (equal) expectThat(con <= 1e-6, `all ${members.length} shares are equal but CON = ${fmt(con)}`);
    else expectThat(con > 0, `shares ${shares.map(fmt).join(', ')} differ but CON = 0`);
    if (holders === 1) expectClose(con, 1, 'CON when one state holds everything', 1e-12);
    else expectThat(con < 1, `${holders} states hold capabilities but CON = ${fmt(con)}`);
    const pv = order.map((k) => v[k]);
    const pi = include === undefined ? undefined : order.map((k) => include[k]);
    expectClose(rt.lib.concentration(pv, pi), con, 'CON of the permuted states', 1e-12);
  },
});

/** M1–M5 in order. @internal */
export const THREAT_PROPERTIES: readonly InternalProperty[] = [M1, M2, M3, M4, M5];
