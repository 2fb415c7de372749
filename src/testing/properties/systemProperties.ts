import fc from 'fast-check';
import { OPTION_COUNT } from '../../decision/options.js';
import { DRAWS_PER_TICK } from '../../random/StateStreams.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import type { ScenarioInput } from '../../scenario/scenarioSchema.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { scenarioInput } from '../arbitraries/scenarioInput.js';
import { Harness } from '../runtime/Harness.js';
import { defineProperty, expectThat, fmt, tolerance, type InternalProperty } from './defineProperty.js';

/** A permutation of 0…n−1 from sort keys (all-equal keys, the shrink target, give the identity). */
function permutation(keys: readonly number[], n: number): number[] {
  return [...Array(n).keys()].sort((a, b) => keys[a % keys.length] - keys[b % keys.length] || a - b);
}

/** The scenario with every state id renamed by `label` (dyads, perceptions and memberships follow). */
export function relabelScenario(input: ScenarioInput, label: (id: string) => string): ScenarioInput {
  return {
    ...input,
    states: input.states.map((st) => ({ ...st, id: label(st.id) })),
    dyads: (input.dyads ?? []).map((d) => ({ ...d, between: [label(d.between[0]), label(d.between[1])] as [string, string] })),
    perceptions: (input.perceptions ?? []).map((pr) => ({ ...pr, from: label(pr.from), to: label(pr.to) })),
    institutions: (input.institutions ?? []).map((q) => ({ ...q, members: q.members.map(label) })),
  };
}

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= tolerance(a, b);
}

/** S1: permutation equivariance. */
export const S1 = defineProperty({
  id: 'S1', family: 'system', type: 'engineering', tag: 'E', cite: 'THEORY §5.8',
  title: 'relabelling the states permutes the outputs',
  statement: 'Permutation equivariance: relabelling agents (with every matrix permuted the same way and RNG streams keyed by identity) permutes the outputs',
  source: 'synchronous updates "for determinism and permutation-equivariance" (§5.8)',
  method: 'Runs one whole tick (all ten phases) of a small random world twice: as drawn, and with the states renamed so that the engine holds them in a '
    + 'permuted order, every dyad, membership and perception renamed with them and each state\'s random stream and identity hash keyed '
    + 'by its original identity. Per tick, each state\'s choice probabilities, action, main threat, threat row and restraint must '
    + 'match its counterpart; at the end its capabilities, legitimacy, beliefs, trade, alliances, ententes, memberships, institution '
    + 'strengths and public goods (relative tolerance 10⁻⁹; sums in another order round differently). The worlds are generic (no exact '
    + 'ties, which the engine breaks by canonical id order); one tick keeps them so — over several ticks beliefs clipped at 0 create '
    + 'exact ties in T_kj, and partner and victim ties then follow the labels.',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput(), keys: fc.array(fc.nat(9), { minLength: 10, maxLength: 10 }),
    seed: fc.nat(1000),
  }),
  predicate: (rt, { parameters, world, keys, seed }) => {
    const ticks = 1;
    const n = world.states.length;
    const sigma = permutation(keys, n);
    const labelOf = new Map(world.states.map((st, k) => [st.id, `R${sigma[k]}`]));
    const identity = new Map([...labelOf].map(([id, label]) => [label, id]));
    const a = new Harness(resolveScenario(world), parameters, rt, { seed });
    const b = new Harness(resolveScenario(relabelScenario(world, (id) => labelOf.get(id) ?? id)), parameters, rt, { seed, identity });
    const ids = world.states.map((st) => st.id);
    const ia = ids.map((id) => a.index(id));
    const ib = ids.map((id) => b.index(labelOf.get(id) as string));
    const fromB = (label: string): string => label.replace(/R\d+/g, (m) => identity.get(m) ?? m);
    const sa = a.scratch;
    const sb = b.scratch;
    const wa = a.world;
    const wb = b.world;
    const same = (x: number, y: number, what: string): void => expectThat(close(x, y), `${what}: ${fmt(x)} as drawn, ${fmt(y)} relabelled (permutation ${sigma.join(',')})`);
    for (let t = 0; t < ticks; t++) {
      a.tick();
      b.tick();
      for (let k = 0; k < n; k++) {
        const [x, y] = [ia[k], ib[k]];
        for (let o = 0; o < OPTION_COUNT; o++) same(sa.prob[x * OPTION_COUNT + o], sb.prob[y * OPTION_COUNT + o], `tick ${t}: p_${o} of ${ids[k]}`);
        expectThat(sa.action[x] === sb.action[y], `tick ${t}: ${ids[k]} chose option ${sa.action[x]} as drawn, ${sb.action[y]} relabelled (permutation ${sigma.join(',')})`);
        expectThat(wa.ids[sa.target[x]] === fromB(wb.ids[sb.target[y]]), `tick ${t}: the main threat of ${ids[k]} differs after relabelling`);
        same(sa.restraint[x], sb.restraint[y], `tick ${t}: R of ${ids[k]}`);
        for (let l = 0; l < n; l++) same(sa.threat[x * n + ia[l]], sb.threat[y * n + ib[l]], `tick ${t}: T of ${ids[k]} toward ${ids[l]}`);
      }
    }
    for (let k = 0; k < n; k++) {
      const [x, y] = [ia[k], ib[k]];
      same(wa.mil[x], wb.mil[y], `mil of ${ids[k]}`);
      same(wa.eco[x], wb.eco[y], `eco of ${ids[k]}`);
      same(wa.pop[x], wb.pop[y], `pop of ${ids[k]}`);
      same(wa.leg[x], wb.leg[y], `leg of ${ids[k]}`);
      for (let l = 0; l < n; l++) {
        const [xl, yl] = [x * n + ia[l], y * n + ib[l]];
        same(wa.ahat[xl], wb.ahat[yl], `ahat of ${ids[k]} toward ${ids[l]}`);
        same(wa.trade[xl], wb.trade[yl], `trade ${ids[k]}–${ids[l]}`);
        same(wa.ent[xl], wb.ent[yl], `entente ${ids[k]}–${ids[l]}`);
        expectThat(wa.ally[xl] === wb.ally[yl], `the alliance ${ids[k]}–${ids[l]} differs after relabelling (permutation ${sigma.join(',')})`);
      }
    }
    const institutions = (w: typeof wa, rename: (s: string) => string): Map<string, { strength: number; members: string }> => {
      const out = new Map<string, { strength: number; members: string }>();
      for (let q = 0; q < w.instSlots; q++) {
        if (w.instAlive[q] === 0) continue;
        const members = w.ids.filter((_, i) => w.member[q * w.n + i] === 1).map(rename).sort().join(',');
        out.set(rename(w.instIds[q]), { strength: w.instStrength[q], members });
      }
      return out;
    };
    const qa = institutions(wa, (s) => s);
    const qb = institutions(wb, fromB);
    expectThat(qa.size === qb.size, `${qa.size} live institutions as drawn, ${qb.size} relabelled`);
    for (const [id, q] of qa) {
      const r = qb.get(id);
      expectThat(r !== undefined && r.members === q.members, `institution ${id} has members ${q.members} as drawn, ${r?.members ?? 'none'} relabelled`);
      same(q.strength, (r as { strength: number }).strength, `strength of ${id}`);
    }
    same(wa.publicGoods, wb.publicGoods, 'public goods');
  },
});

/** S2: determinism. */
export const S2 = defineProperty({
  id: 'S2', family: 'system', type: 'engineering', tag: 'E', cite: 'THEORY §5.8',
  title: 'the same seed and scenario give the same trajectory',
  statement: 'Determinism: the same seed and scenario give the same trajectory; every random draw comes from an RNG stream keyed by (seed, agent id, tick), as in §5.8',
  source: '"Each uses an RNG stream keyed by (seed, agent id, tick)" (§5.8)',
  method: 'Runs a small random world twice with the same seed for 1–4 ticks: every probability, action and target at every tick, and '
    + 'every capability, belief, legitimacy, trade, alliance, entente, membership, strength and public good at the end, must be '
    + 'bitwise equal. And the streams: a state\'s draws for the first three ticks are the same when the streams are built for a '
    + 'shuffled subset of the states (they depend on seed, id and tick only).',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput(), seed: fc.nat(), ticks: fc.integer({ min: 1, max: 4 }),
    keys: fc.array(fc.nat(9), { minLength: 10, maxLength: 10 }), drop: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
  }),
  predicate: (rt, { parameters, world, seed, ticks, keys, drop }) => {
    const scenario = resolveScenario(world);
    const a = new Harness(scenario, parameters, rt, { seed });
    const b = new Harness(scenario, parameters, rt, { seed });
    const equal = (x: ArrayLike<number>, y: ArrayLike<number>, what: string): void => {
      for (let k = 0; k < x.length; k++) expectThat(Object.is(x[k], y[k]), `${what}[${k}] is ${fmt(x[k])} in one run and ${fmt(y[k])} in the other (seed ${seed})`);
    };
    for (let t = 0; t < ticks; t++) {
      a.tick();
      b.tick();
      equal(a.scratch.prob, b.scratch.prob, `tick ${t}: probabilities`);
      equal(a.scratch.action, b.scratch.action, `tick ${t}: actions`);
      equal(a.scratch.target, b.scratch.target, `tick ${t}: targets`);
    }
    const [wa, wb] = [a.world, b.world];
    for (const key of ['mil', 'eco', 'pop', 'leg', 'ahat', 'trade', 'ally', 'ent', 'member', 'instStrength'] as const) equal(wa[key], wb[key], key);
    equal([wa.publicGoods, wa.lastMajorWar], [wb.publicGoods, wb.lastMajorWar], 'public goods, last major war');
    // The streams: keyed by (seed, id, tick), not by position or by who else is in the run.
    const ids = wa.ids;
    const order = permutation(keys, ids.length).filter((k) => !drop[k % drop.length]);
    const sub = order.map((k) => ids[k]);
    const all = rt.lib.createStreams(seed, ids);
    const part = rt.lib.createStreams(seed, sub);
    const dAll = new Float64Array(ids.length * DRAWS_PER_TICK);
    const dPart = new Float64Array(sub.length * DRAWS_PER_TICK);
    for (let t = 0; t < 3; t++) {
      all.drawTick(dAll);
      part.drawTick(dPart);
      sub.forEach((id, m) => {
        const k = ids.indexOf(id);
        for (let d = 0; d < DRAWS_PER_TICK; d++) {
          const x = dAll[k * DRAWS_PER_TICK + d];
          const y = dPart[m * DRAWS_PER_TICK + d];
          expectThat(Object.is(x, y), `tick ${t}: draw ${d} of ${id} is ${fmt(x)} with all states, ${fmt(y)} with ${sub.join(',')}`);
        }
      });
    }
  },
});

type Component = 'mil' | 'eco' | 'pop';

/** S3: scale invariance. */
export const S3 = defineProperty({
  id: 'S3', family: 'system', type: 'engineering', tag: 'E', cite: 'THEORY §5.2',
  title: 'rescaling a capability component leaves every choice probability unchanged',
  statement: 'Scale invariance: multiplying all mil (or eco with trade, or pop) by c > 0 leaves every choice probability unchanged',
  source: 'shares and ratios throughout §5.2 (CINC shares, W_ij = X_ij/eco_i)',
  method: 'Runs the perceive and decide phases of a small random world as drawn and with every mil (or every eco and every trade, or '
    + 'every pop) multiplied by c ∈ [0.01, 100]; every state\'s nine probabilities must agree within 10⁻⁹.',
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput(), seed: fc.nat(1000),
    component: fc.constantFrom<Component>('mil', 'eco', 'pop'), c: gridNumber(0.01, 100, 9999),
  }),
  predicate: (rt, { parameters, world, seed, component, c }) => {
    const scaled: ScenarioInput = {
      ...world,
      states: world.states.map((st) => {
        const cap = st.capabilities as { mil: number; eco: number; pop: number };
        return { ...st, capabilities: { ...cap, [component]: cap[component] * c } };
      }),
      dyads: component === 'eco' ? (world.dyads ?? []).map((d) => ({ ...d, trade: (d.trade ?? 0) * c })) : world.dyads,
    };
    const run = (input: ScenarioInput): Float64Array => {
      const h = new Harness(resolveScenario(input), parameters, rt, { seed });
      h.draw();
      h.run('perceive', 'decide');
      return h.scratch.prob.slice();
    };
    const p1 = run(world);
    const p2 = run(scaled);
    for (let k = 0; k < p1.length; k++) {
      expectThat(Math.abs(p1[k] - p2[k]) <= 1e-9,
        `p_${k % OPTION_COUNT} of S${Math.floor(k / OPTION_COUNT)} is ${fmt(p1[k])}, and ${fmt(p2[k])} with every ${component}${component === 'eco' ? ' and trade' : ''} × ${fmt(c)}`);
    }
  },
});

/** S1–S3 in order. @internal */
export const SYSTEM_PROPERTIES: readonly InternalProperty[] = [S1, S2, S3];
