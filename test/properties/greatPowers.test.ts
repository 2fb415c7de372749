/**
 * The property of more than one great power in view (P25, issue #13 item 4, model note N57), run
 * through the engine's own phases on small random worlds. broken/greatPowers.broken.test.ts shows it can fail.
 */
import { describe, it } from 'vitest';
import { expectHolds } from './expectations.js';
import { TIMEOUT } from './fcSettings.js';

describe('great-power properties (model §6)', () => {
  // Source: Walt: states balance against the greatest threat (§5.2, j* = argmax_j T_ij) [A]; He's inclusive balancing binds the
  // target inside an institution that includes it [S2: He 2008]; a candidate is not bound by the institution's decisions (issue #14)
  it('P25 every great power in view: the main threat is the largest of them, and positions need membership [Walt 1987; He 2008; N57]', () => { expectHolds('P25'); }, TIMEOUT);
});
