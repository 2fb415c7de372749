import { describe, expect, it } from 'vitest';
import { OPTION_COUNT } from '../../../src/decision/options.js';
import { createSimulation, resolveScenario, type TickRecord } from '../../../src/index.js';
import type { Engine } from '../../../src/engine/Simulation.js';
import { randomWorld } from '../../support/randomWorld.js';

const TICKS = 10_000;

function allFinite(record: TickRecord): boolean {
  const values: number[] = [];
  for (const v of Object.values(record)) {
    if (typeof v === 'number') values.push(v);
    else if (Array.isArray(v)) values.push(v.length); // dualTrack: the pairs (strings), counted by dualTrackPairs
    else values.push(...Object.values(v as Record<string, number>));
  }
  return values.every(Number.isFinite);
}

describe('invariants over 10,000 ticks of random worlds', () => {
  const worlds: [number, number | undefined][] = [[101, undefined], [202, undefined], [303, undefined], [404, 2], [505, 3], [606, 40]];
  for (const [seed, states] of worlds) {
    it(`world ${seed} (${states ?? 'random'} states): finite, normalised, non-negative, symmetric and consistent at every tick`, () => {
      const scenario = resolveScenario(randomWorld(seed, states === undefined ? {} : { states }));
      const sim = createSimulation(scenario, { seed }) as Engine;
      const n = sim.internals.world.n;
      const failures: string[] = [];
      const fail = (tick: number, what: string): void => { if (failures.length < 10) failures.push(`tick ${tick}: ${what}`); };
      for (let t = 0; t < TICKS; t++) {
        const record = sim.step();
        // Read the buffers after each tick: `internals` completes what the engine's fused path
        // leaves pending (the belief update, the stored threat matrix).
        const { world: w, scratch: s } = sim.internals;
        if (!allFinite(record)) fail(t, 'a record value is NaN or infinite');
        // Choice probabilities sum to 1 over available options; masked options get exactly 0 (F1).
        for (let i = 0; i < n; i++) {
          let sum = 0;
          for (let a = 0; a < OPTION_COUNT; a++) {
            const p = s.prob[i * OPTION_COUNT + a];
            if (s.mask[i * OPTION_COUNT + a] === 0 && p !== 0) fail(t, `masked option ${a} of state ${i} has p = ${p}`);
            if (!(p >= 0 && p <= 1)) fail(t, `p = ${p}`);
            sum += p;
          }
          if (Math.abs(sum - 1) > 1e-12) fail(t, `probabilities of state ${i} sum to ${sum}`);
        }
        // CINC shares sum to 1 (M4); capabilities stay positive and finite.
        let cinc = 0;
        for (let i = 0; i < n; i++) {
          cinc += s.cinc[i];
          for (const c of [w.mil[i], w.eco[i], w.pop[i]]) if (!(c > 0 && Number.isFinite(c))) fail(t, `capability ${c} of state ${i}`);
          for (const v of [w.leg[i], s.restraint[i]]) if (!(v >= 0 && v <= 1)) fail(t, `legitimacy or restraint ${v} out of [0,1]`);
        }
        if (Math.abs(cinc - 1) > 1e-9) fail(t, `CINC shares sum to ${cinc}`);
        // Alliances and ententes symmetric; beliefs, threats and trade in range.
        for (let i = 0; i < n; i++) {
          if (w.ally[i * n + i] !== 0) fail(t, `state ${i} allied with itself`);
          for (let j = 0; j < n; j++) {
            const ij = i * n + j;
            const ji = j * n + i;
            if (w.ally[ij] !== w.ally[ji]) fail(t, `alliance ${i}-${j} asymmetric`);
            if (w.ent[ij] !== w.ent[ji] || !(w.ent[ij] >= 0 && w.ent[ij] <= 1)) fail(t, `entente ${i}-${j}`);
            if (w.trade[ij] !== w.trade[ji] || !(w.trade[ij] >= 0 && Number.isFinite(w.trade[ij]))) fail(t, `trade ${i}-${j}`);
            if (!(w.ahat[ij] >= 0 && w.ahat[ij] <= 1)) fail(t, `ahat ${i}-${j} = ${w.ahat[ij]}`);
            if (!(s.threat[ij] >= 0 && s.threat[ij] <= 1)) fail(t, `T ${i}-${j} = ${s.threat[ij]}`);
          }
        }
        // Memberships consistent: counts match the bitmaps, live institutions have ≥ 2 members and
        // strength in [s_min, 1], clubs never contain their target (E9).
        let alive = 0;
        for (let q = 0; q < w.instSlots; q++) {
          let count = 0;
          let held = 0;
          for (let i = 0; i < n; i++) {
            count += w.member[q * n + i];
            if (w.status[q * n + i] !== 0 && w.status[q * n + i] !== 1) held++;
            if ((w.status[q * n + i] === 1) !== (w.member[q * n + i] === 1)) fail(t, `institution ${q}: status and member bitmap disagree for ${i}`);
          }
          if (count !== w.memberCount[q]) fail(t, `institution ${q} count ${w.memberCount[q]} ≠ ${count}`);
          if (held !== w.statusCount[q]) fail(t, `institution ${q} status count ${w.statusCount[q]} ≠ ${held}`);
          if (w.instAlive[q] === 0) { if (count !== 0) fail(t, `dissolved institution ${q} keeps members`); continue; }
          alive++;
          if (count < 2) fail(t, `live institution ${q} has ${count} members`);
          if (!(w.instStrength[q] >= scenario.parameters.sMin && w.instStrength[q] <= 1)) fail(t, `strength ${w.instStrength[q]}`);
          if (w.instAgainst[q] >= 0 && w.member[q * n + w.instAgainst[q]] === 1) fail(t, `club ${q} admitted its target`);
        }
        if (alive !== record.institutions) fail(t, `record says ${record.institutions} institutions, ${alive} alive`);
        if (failures.length >= 10) break;
      }
      expect(failures).toEqual([]);
      expect(sim.tick).toBe(TICKS);
    });
  }
});
