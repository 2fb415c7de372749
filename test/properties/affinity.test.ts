/**
 * The affinity property (issue #13 item 3, model note N54), run through the engine's own phases on
 * small random worlds with a drawn affinity. broken/affinity.broken.test.ts shows it can fail.
 */
import { describe, it } from 'vitest';
import { expectHolds } from './expectations.js';
import { TIMEOUT } from './fcSettings.js';

describe('affinity properties (model note N54)', () => {
  // Source: Walt 1987 (perceived intentions shape threat); issue #13 item 3, "a target's close partners are never recruited against it"
  it('P24 a close partner of the target is never recruited against it, and a positive affinity strictly lowers threat [Walt 1987; N54]', () => { expectHolds('P24'); }, TIMEOUT);
});
