import fc from 'fast-check';
import { OPTION_COUNT, OPTION_INDEX } from '../../decision/options.js';
import { threatEntry } from '../../perception/perceivePhase.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import type { ScenarioInput } from '../../scenario/scenarioSchema.js';
import { gridNumber } from '../arbitraries/gridNumber.js';
import { scenarioInput, stateId } from '../arbitraries/scenarioInput.js';
import { Harness } from '../runtime/Harness.js';
import { defineProperty, expectThat, type InternalProperty } from './defineProperty.js';
import { effectApplies } from './effectProperties.js';

// Properties of affinity (issue #13 item 3, model note N54).

const HE = OPTION_INDEX.HE;
const SE = OPTION_INDEX.SE;
const IE = OPTION_INDEX.IE;

/** A symmetric affinity seed for every pair of up to ten states, on a grid in [−1, 1]. */
const affinityGrid = (): fc.Arbitrary<number[]> => fc.array(gridNumber(-1, 1, 20), { minLength: 45, maxLength: 45 });

function withAffinity(world: ScenarioInput, values: readonly number[], scale = 1): ScenarioInput {
  const n = world.states.length;
  const pairs: { between: [string, string]; affinity: number }[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push({ between: [stateId(i), stateId(j)], affinity: values[k++ % values.length] * scale });
  return { ...world, affinity: { pairs } };
}

/** P24: affinity-bounded partners, and affinity lowers threat. */
export const P24 = defineProperty({
  id: 'P24', family: 'effect', type: 'theory', tag: 'T/D', cite: 'Walt 1987; Signorino & Ritter 1999; N54',
  title: 'a close partner of the target is never recruited against it, and a positive affinity strictly lowers threat',
  statement: 'Affinity (model note N54): (1) a state k with a_kg ≥ a_min toward a target g is never a member of an alliance formed, or '
    + 'of a club founded, against g in that tick — as actor, partner, founder or invitee; (2) with κ_a > 0, a_ij > 0 strictly lowers '
    + 'T_ij whenever T_ij > 0 (by the factor 1 − κ_a·a_ij), and a_ij ≤ 0 leaves it unchanged',
  source: 'states balance against threats, and "perceived intentions" — friendship and enmity — shape them [Walt 1987]; "a target\'s '
    + 'close partners are never recruited against it" (issue #13 item 3); alignment similarity as the measure of closeness [Signorino & Ritter 1999]',
  method: '(1) A small random world (3–8 states, up to two institutions) with a drawn symmetric affinity on every pair, after perception; '
    + 'each state\'s act is replaced by HE, SE or IE against its main threat where its mask allows (as the decide phase could draw it); '
    + 'then the alignment and institutional-acts phases run, 1–6 ticks. Every alliance-formed event (actor and partner) and every '
    + 'club-founded event (every member) is checked against the affinity at the tick\'s start. (2) Two worlds equal but for one pair\'s '
    + 'affinity (0 and a drawn a ∈ [−1, 1]), the same draws: after perception, T_ij of the pair in both directions is compared exactly '
    + '(to the factor 1 − κ_a·a when a > 0; equal when a ≤ 0 or κ_a = 0). A gate that ignores affinity, or a perception that ignores it, fails.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput({ minStates: 3, maxStates: 8, maxInstitutions: 2 }), seed: fc.nat(1000),
    affinity: affinityGrid(), ticks: fc.integer({ min: 1, max: 6 }), picks: fc.array(fc.nat(2), { minLength: 8, maxLength: 8 }),
    pair: fc.tuple(fc.nat(), fc.nat()), a: gridNumber(-1, 1, 40),
  }),
  predicate: (rt, { parameters: p, world, seed, affinity, ticks, picks, pair, a }) => {
    // (1) Partners.
    const h = new Harness(resolveScenario(withAffinity(world, affinity)), p, rt, { seed, events: true });
    const { world: w, scratch: s } = h;
    const n = w.n;
    const options = [HE, SE, IE];
    for (let t = 0; t < ticks; t++) {
      const before = w.affinity.slice();
      const close = (k: number, g: number): boolean => before[k * n + g] >= p.affinityMin;
      const seen = h.events.length;
      h.draw();
      h.run('perceive', 'decide');
      for (let i = 0; i < n; i++) {
        const option = options[picks[i % picks.length]];
        if (s.mask[i * OPTION_COUNT + option] === 1) s.action[i] = option;
      }
      h.run('alignment', 'institutional-acts', 'affinity');
      const index = (id: string): number => w.ids.indexOf(id);
      for (const e of h.events.slice(seen)) {
        if (e.type === 'alliance-formed') {
          const g = index(e.target);
          for (const m of [e.actor, e.partner]) {
            expectThat(!close(index(m), g), `${m} (a = ${before[index(m) * n + g]} ≥ a_min = ${p.affinityMin} toward ${e.target}) was allied against ${e.target}`);
          }
        } else if (e.type === 'club-founded') {
          const g = index(e.target);
          for (const m of e.members) {
            expectThat(!close(index(m), g), `${m} (a = ${before[index(m) * n + g]} ≥ a_min = ${p.affinityMin} toward ${e.target}) joined a club against ${e.target}`);
          }
        }
      }
      w.tick++;
    }
    // (2) Threat.
    const m = world.states.length;
    const i = pair[0] % m;
    const j = (i + 1 + (pair[1] % (m - 1))) % m;
    const single = (value: number): ScenarioInput => ({ ...world, affinity: { pairs: [{ between: [stateId(i), stateId(j)], affinity: value }] } });
    const threat = (value: number): [number, number] => {
      const g = new Harness(resolveScenario(single(value)), p, rt, { seed });
      g.draw();
      g.run('perceive');
      const x = g.index(stateId(i));
      const y = g.index(stateId(j));
      const at = (u: number, v: number): number => (g.scratch.threatStored ? g.scratch.threat[u * g.world.n + v] : threatEntry(g.world, g.scratch, u, v));
      return [at(x, y), at(y, x)];
    };
    const plain = threat(0);
    const moved = threat(a);
    for (let d = 0; d < 2; d++) {
      const [t0, t1] = [plain[d], moved[d]];
      if (a > 0 && p.affinityThreat > 0 && t0 > 0) {
        expectThat(t1 < t0, `a = ${a} > 0 did not lower T (${t1} vs ${t0} without affinity, κ_a = ${p.affinityThreat})`);
        expectThat(Math.abs(t1 - t0 * (1 - p.affinityThreat * a)) <= 1e-12 * t0, `T = ${t1} is not ${t0}·(1 − κ_a·a) with κ_a = ${p.affinityThreat}, a = ${a}`);
      } else expectThat(t1 === t0, `a = ${a} changed T from ${t0} to ${t1} (κ_a = ${p.affinityThreat})`);
    }
  },
});

/** The affinity properties (N54). @internal */
export const AFFINITY_PROPERTIES: readonly InternalProperty[] = [P24];
