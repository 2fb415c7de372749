import { describe, expect, it } from 'vitest';
import { OPTION_INDEX } from '../../../src/decision/options.js';
import { restraintPhase } from '../../../src/effects/restraintPhase.js';
import type { ScenarioInput } from '../../../src/index.js';
import { STATUS_OBSERVER } from '../../../src/institutions/MembershipStatus.js';
import { everyoneIdle, perceivedContext } from '../../support/tickContext.js';

// The pressure and legitimacy denial of an institutional act by a holder of a status short of
// membership (docs/model.md §5.11): voice v_s·cinc_i/(cinc_i + Σ_{m∈M_q} cinc_m), and an exclusive
// act lends v_s of the club's weight. D stays outside Q, so that cinc_C + Σ members is not 1.
const input: ScenarioInput = {
  meta: { id: 'voice', startYear: 2000 },
  states: [
    { id: 'A', capabilities: { mil: 5, eco: 5, pop: 5 }, ideology: 0.9, offensive: 0.9 },
    { id: 'B', capabilities: { mil: 1, eco: 1, pop: 1 } },
    { id: 'C', capabilities: { mil: 2, eco: 2, pop: 2 } },
    { id: 'D', capabilities: { mil: 4, eco: 4, pop: 4 } },
  ],
  institutions: [{ id: 'Q', members: ['A', 'B'], strength: 0.6, statuses: [{ state: 'C', status: 'observer' }] }],
  system: { lambda: 0.7 },
};

describe('restraintPhase: an observer\'s institutional acts (docs/model.md §5.11)', () => {
  it.each(['II', 'IE'] as const)('%s: pressure v_O·s_q·cinc_C/(cinc_C + Σ members); IE also denies legitimacy α_E·λ·s_q·Σ members·leg_A·v_O', (act) => {
    const ctx = perceivedContext(input);
    const { world: w, scratch: s, params: p } = ctx;
    const [a, c] = ['A', 'C'].map(ctx.index);
    expect(w.status[0 * w.n + c]).toBe(STATUS_OBSERVER);
    const members = s.instCinc[0];
    expect(members).toBeCloseTo(s.cinc[a] + s.cinc[ctx.index('B')], 15);
    expect(s.cinc[c] + members).toBeLessThan(0.9); // D's share is outside
    everyoneIdle(ctx);
    s.action[c] = OPTION_INDEX[act];
    s.target[c] = a;
    s.venueUsed[c] = 0;
    restraintPhase(ctx);
    const weight = act === 'II' ? p.wII : p.wIE;
    expect(s.pressureOut[c]).toBeCloseTo(weight * 0.6 * p.voiceObserver * s.cinc[c] / (s.cinc[c] + members), 14);
    const denial = act === 'IE' ? p.alphaE * 0.7 * 0.6 * members * w.leg[a] * p.voiceObserver : 0;
    expect(s.denial[a]).toBeCloseTo(denial, 14);
    expect(p.voiceObserver).toBeGreaterThan(0);
    expect(p.voiceObserver).toBeLessThan(1);
  });
});
