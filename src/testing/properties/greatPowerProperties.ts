import fc from 'fast-check';
import { OPTIONS } from '../../decision/options.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import { scenarioInput } from '../arbitraries/scenarioInput.js';
import { Harness } from '../runtime/Harness.js';
import { defineProperty, expectThat, type InternalProperty } from './defineProperty.js';
import { effectApplies } from './effectProperties.js';

// More than one great power in view (issue #13 item 4, model §5.2 and §5.9, note N57).

/** P25: the per-great-power threats and positions are the model's own. */
export const P25 = defineProperty({
  id: 'P25', family: 'threat', type: 'theory', tag: 'T/E', cite: 'Walt 1987; He 2008; N57',
  title: 'every great power in view: the main threat is the largest of them, and positions need membership',
  statement: 'More than one great power in view (model §5.2, §5.9, note N57): when a state\'s main threat j* is a great power, its '
    + 'threat T = T_ij* equals the largest entry of its row of threats toward the great powers, and that row\'s entry for j*; and a '
    + 'state that is a full member of no live institution with the great power g as a full member is never counted in g\'s '
    + 'inclusive positions (a candidate, observer or associate status, on either side, does not make an institution inclusive)',
  source: 'Walt: states balance against the greatest threat, j* = argmax_j T_ij (§5.2) [A]; He\'s inclusive institutional balancing '
    + 'binds the target inside an institution that includes it [S2: He 2008]; a candidate is not bound by the institution\'s '
    + 'decisions (issue #14)',
  method: 'A small random world with up to four institutions, some great powers (COW major drawn per state, at least one), drawn '
    + 'statuses short of membership granted in drawn institutions, run for 0–3 whole ticks so beliefs and memberships move; then '
    + 'perception and the record phase. For every state whose main threat is a great power: T equals, exactly, the maximum of its '
    + 'row of the per-great-power buffer and the row\'s entry for j*; every entry equals T_ig of the tick. For every (state, great '
    + 'power): the inclusive count is 0 when no live institution has both as full members (from the status array itself), and the '
    + 'inclusive and exclusive counts equal those of the full memberships. A row written for the wrong great powers, or status '
    + 'holders counted as members, fail.',
  applies: effectApplies,
  arbitrary: (rt) => fc.record({
    parameters: rt.parameters(), world: scenarioInput({ minStates: 3, maxInstitutions: 4 }), seed: fc.nat(1000), ticks: fc.nat(3),
    majors: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    grants: fc.array(fc.record({ q: fc.nat(), state: fc.nat(), status: fc.constantFrom('candidate' as const, 'observer' as const, 'associate' as const) }), { maxLength: 4 }),
  }),
  predicate: (rt, { parameters: p, world, seed, ticks, majors, grants }) => {
    const h = new Harness(resolveScenario(world), p, rt, { seed });
    const { world: w, scratch: s } = h;
    const n = w.n;
    for (let i = 0; i < n; i++) w.major[i] = majors[i % majors.length] ? 1 : 0;
    w.major[seed % n] = 1;
    const live = [...Array(w.instSlots).keys()].filter((q) => w.instAlive[q] === 1);
    for (const g of live.length > 0 ? grants : []) {
      const q = live[g.q % live.length];
      const i = g.state % n;
      if (w.member[q * n + i] === 1) continue;
      h.change({ type: 'set-status', institution: w.instIds[q], state: w.ids[i], status: g.status });
    }
    for (let t = 0; t < ticks; t++) h.tick();
    h.draw();
    h.run('perceive');
    const G = s.gpCount;
    const gp = [...Array(n).keys()].filter((k) => w.major[k] === 1);
    expectThat(G === gp.length && gp.every((k, g) => s.gpStates[g] === k), `great powers listed ${Array.from(s.gpStates.subarray(0, G)).join(',')}, the world has ${gp.join(',')}`);
    for (let i = 0; i < n; i++) {
      const j = s.target[i];
      let max = -Infinity;
      for (let g = 0; g < G; g++) {
        const t = s.gpThreat[i * G + g];
        if (t > max) max = t;
        if (s.threatStored) expectThat(t === s.threat[i * n + gp[g]], `${w.ids[i]} toward great power ${w.ids[gp[g]]}: row entry ${t}, T_ig = ${s.threat[i * n + gp[g]]}`);
      }
      if (w.major[j] !== 1) continue;
      expectThat(s.gpThreat[i * G + s.gpSlot[j]] === s.tMain[i] && max === s.tMain[i],
        `${w.ids[i]}'s main threat ${w.ids[j]} is a great power with T = ${s.tMain[i]}, but its great-power row has ${s.gpThreat[i * G + s.gpSlot[j]]} for it and maximum ${max}`);
    }
    for (let i = 0; i < n; i++) s.action[i] = OPTIONS.indexOf('NONE');
    h.run('record');
    const full = (q: number, k: number): boolean => w.status[q * n + k] === 1;
    for (let i = 0; i < n; i++) {
      for (let g = 0; g < G; g++) {
        const k = gp[g];
        if (k === i) continue;
        let inc = 0;
        let exc = 0;
        for (let q = 0; q < w.instSlots; q++) {
          if (w.instAlive[q] === 0 || !full(q, i)) continue;
          if (full(q, k)) inc++; else exc++;
        }
        const counted = s.gpInclusive[i * G + g];
        if (inc === 0) expectThat(counted === 0, `${w.ids[i]} is in no institution with ${w.ids[k]} as members, yet is counted in ${counted} inclusive position(s) toward it`);
        expectThat(counted === inc && s.gpExclusive[i * G + g] === exc,
          `${w.ids[i]} toward ${w.ids[k]}: counted ${counted} inclusive and ${s.gpExclusive[i * G + g]} exclusive, the full memberships give ${inc} and ${exc}`);
      }
    }
  },
});

/** The properties of more than one great power in view (note N57). @internal */
export const GREAT_POWER_PROPERTIES: readonly InternalProperty[] = [P25];
