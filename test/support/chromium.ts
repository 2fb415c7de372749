import { existsSync } from 'node:fs';

/** Where the browser tests look for Debian's Chromium (they never download a browser). */
export const CHROMIUM = process.env.COUNTERPOISE_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium's flags for a headless run on a machine with a closed network. */
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** The note a browser test skips with when Chromium is absent: what is missing and how to get it. */
export const CHROMIUM_SKIP_NOTE = `browser test: ${CHROMIUM} not found; install Debian's Chromium (apt-get install -y chromium, as root) to run it`;

/**
 * Whether the browser tests run. Without Chromium they skip with {@link CHROMIUM_SKIP_NOTE}, so
 * `npm test` passes on a machine with only Node and npm; with COUNTERPOISE_REQUIRE_BROWSER=1 (set
 * by .ci/run) a missing Chromium is a failure instead.
 */
export function browserTestMode(): 'run' | 'skip' | 'fail' {
  if (existsSync(CHROMIUM)) return 'run';
  return process.env.COUNTERPOISE_REQUIRE_BROWSER === '1' ? 'fail' : 'skip';
}
