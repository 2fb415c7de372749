/**
 * The explorer in a real browser: Debian's Chromium driven by playwright-core, headless, with no
 * network (as test/report/browser.test.ts). Writes the explorer page with the CLI, opens it from a
 * file:// URL and checks that it loads offline (no request outside the page: its own file and the
 * Blob its Web Worker starts from), logs no error, steps with the button and the keyboard, that a
 * slider change changes the ticks after it and not those before, that an inadmissible parameter is
 * refused with its constraint named, that a dropped bad file shows its problems, and that clicking
 * a state shows its explanation. Screenshots go to test/explore/__screenshots__/ (gitignored) and
 * docs/images/explore.png (the README's picture). A benchmark plays multipolar-2020s (45 states) and
 * reports the ticks per second with every view updating (reported, not asserted).
 *
 * Needs Chromium: skipped with a note where it is absent, a failure with COUNTERPOISE_REQUIRE_BROWSER=1 (CI).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/Simulation.js';
import type { ResolvedScenario } from '../../src/model/ResolvedScenario.js';
import { loadScenario } from '../../src/node/loadScenario.js';
import { parseScenario } from '../../src/scenario/file/parseScenario.js';
import { cliPath, repoRoot } from '../cli/cliHarness.js';
import { browserTestMode, CHROMIUM, CHROMIUM_FLAGS, CHROMIUM_SKIP_NOTE } from '../support/chromium.js';

const mode = browserTestMode();
const shots = join(repoRoot, 'test', 'explore', '__screenshots__');

describe('the explorer in headless Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'counterpoise-explore-'));
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    if (mode === 'skip') return;
    if (mode === 'fail') {
      throw new Error(`${CHROMIUM} is missing: the explorer's browser test needs Debian's Chromium. `
        + 'Install it with `apt-get update && apt-get install -y chromium` (as root; .ci/run does this in CI and sets COUNTERPOISE_REQUIRE_BROWSER=1).');
    }
    expect(existsSync(cliPath), 'run `npm run build` first').toBe(true);
    for (const [scenario, out, flags] of [['concert-of-europe', work, []], ['multipolar-2020s', work, []], ['concert-of-europe', join(work, 'with-data'), ['--with-data']]] as const) {
      const r = spawnSync(process.execPath, [cliPath, 'explore', scenario, '--out', out, '--seed', '42', ...flags], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    mkdirSync(join(work, 'profile'));
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1,
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Opens a page and waits for the worker's first frame; collects errors and outside requests. */
  async function open(id: string, hash = ''): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    if (context === undefined) throw new Error('the browser did not start');
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
    await page.goto(`${pathToFileURL(join(work, `${id}.html`)).href}${hash}`);
    await page.waitForFunction(`document.body.dataset.ready === 'true'`, null, { timeout: 30_000 });
    return { page, problems, requests };
  }

  const tick = (page: Page): Promise<number> => page.evaluate<number>('window.__explore.frame.tick');
  const waitTick = (page: Page, n: number): Promise<unknown> => page.waitForFunction(`document.body.dataset.tick === '${n}'`, null, { timeout: 30_000 });
  const records = (page: Page): Promise<string[]> => page.evaluate<string[]>('window.__explore.records.map((r) => JSON.stringify(r))');
  const blur = (page: Page): Promise<unknown> => page.evaluate('document.activeElement && document.activeElement.blur()');
  async function stepKeys(page: Page, n: number): Promise<void> {
    const start = await tick(page);
    for (let k = 0; k < n; k++) await page.keyboard.press('ArrowRight');
    await waitTick(page, start + n);
  }

  it('loads offline, steps with the button and the keyboard, plays and pauses, with no error and no request', async (ctx) => {
    if (mode === 'skip') ctx.skip(CHROMIUM_SKIP_NOTE);
    const { page, problems, requests } = await open('concert-of-europe');
    await expect(page.title()).resolves.toContain('Concert of Europe');
    expect(await page.locator('#sliders input[type=range]').count()).toBe(8);
    await page.click('#step');
    await waitTick(page, 1);
    await blur(page);
    await stepKeys(page, 2);
    expect(await records(page)).toHaveLength(3);
    await page.keyboard.press(' ');
    await page.waitForFunction('window.__explore.frame.tick >= 8', null, { timeout: 30_000 });
    await page.keyboard.press(' ');
    const paused = await tick(page);
    await page.waitForTimeout(300);
    expect(await tick(page)).toBeLessThanOrEqual(paused + 1); // at most the frame in flight
    // Every view drew: family lines, CON, one bar per state, the threat matrix's 36 cells.
    expect(await page.locator('#families-chart path[data-series]').count()).toBe(4);
    expect(await page.locator('#con-chart path[data-series]').count()).toBe(2);
    expect(await page.locator('#states button.state').count()).toBe(6);
    expect(await page.locator('#threat-chart rect[fill]').count()).toBe(36);
    // The map: Natural Earth land, one circle per state, arrows to main threats.
    expect(await page.locator('#map-chart path[data-land]').count()).toBe(1);
    expect(await page.locator('#map-chart circle[data-state]').count()).toBe(6);
    expect(await page.locator('#map-chart line[data-arrow][opacity="0.7"]').count()).toBeGreaterThan(0);
    // The network: one node per state, one line per alliance, entente and membership of the frame.
    expect(await page.locator('#network-chart circle[data-node]').count()).toBe(6);
    const net = await page.evaluate<number[]>(`(() => { const f = window.__explore.frame;
      return [f.alliances.length, f.ententes.length, f.institutions.length, f.institutions.reduce((a, q) => a + q.members.length, 0)]; })()`);
    expect(net[0] + net[2]).toBeGreaterThan(0); // concert-of-europe starts with the Quadruple Alliance
    expect(await page.locator('#network-chart line[data-alliance]').count()).toBe(net[0]);
    expect(await page.locator('#network-chart line[data-entente]').count()).toBe(net[1]);
    expect(await page.locator('#network-chart rect[data-institution]').count()).toBe(net[2]);
    expect(await page.locator('#network-chart line[data-membership]').count()).toBe(net[3]);
    await page.keyboard.press('r');
    await waitTick(page, 0);
    expect(await records(page)).toEqual([]);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('a slider change changes the ticks after it; an inadmissible value is refused with its constraint', async (ctx) => {
    if (mode === 'skip') ctx.skip(CHROMIUM_SKIP_NOTE);
    const { page, problems } = await open('concert-of-europe');
    await stepKeys(page, 20);
    const unchanged = await records(page);
    await page.keyboard.press('r');
    await waitTick(page, 0);
    await stepKeys(page, 10);
    // λ to 0 with the keyboard (Home), applied before tick 10.
    const sets = await page.evaluate<number>('window.__explore.replies.set || 0');
    await page.focus('#slider-system-lambda');
    await page.keyboard.press('Home');
    await page.waitForFunction(`(window.__explore.replies.set || 0) > ${sets}`);
    expect(await page.inputValue('#slider-system-lambda')).toBe('0');
    expect(await page.getAttribute('#slider-system-lambda', 'aria-invalid')).toBe('false');
    await blur(page);
    await stepKeys(page, 10);
    const changed = await records(page);
    expect(changed.slice(0, 10)).toEqual(unchanged.slice(0, 10));
    expect(changed.slice(10)).not.toEqual(unchanged.slice(10));

    // β_H = 0 breaks C3: refused, the constraint named next to the slider.
    await page.focus('#slider-parameter-betaH');
    await page.keyboard.press('Home');
    await page.waitForFunction(`document.getElementById('slider-parameter-betaH-note').textContent !== ''`);
    expect(await page.textContent('#slider-parameter-betaH-note')).toMatch(/^not applied: C3: /);
    expect(await page.getAttribute('#slider-parameter-betaH', 'aria-invalid')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('a dropped bad file shows its problems as file:line:column  path  message; clicking a state explains it', async (ctx) => {
    if (mode === 'skip') ctx.skip(CHROMIUM_SKIP_NOTE);
    const { page, problems, requests } = await open('concert-of-europe');
    await stepKeys(page, 5);
    await page.click('button.state[data-state="UKG"]');
    await page.waitForFunction(`window.__explore.explanation !== null`);
    const why = await page.textContent('#explanation') ?? '';
    // The same breakdown as `counterpoise explain` prints for that tick.
    const explain = spawnSync(process.execPath, [cliPath, 'explain', 'concert-of-europe', '--state', 'UKG', '--tick', '4', '--seed', '42'],
      { cwd: repoRoot, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(explain.status).toBe(0);
    expect(why).toMatch(/^UKG at tick 4 \(\d{4}\), seed 42: chose /);
    expect(`${why}\n`).toBe(explain.stdout);
    // A state on the map explains too.
    await page.click('#map-chart circle[data-state="RUS"]');
    await page.waitForFunction(`window.__explore.explanation.state === 'RUS'`);
    expect(await page.textContent('#explanation')).toMatch(/^RUS at tick 4 /);

    const bad = 'meta:\n  id: bad\nstates:\n  - id: A\n    capabilities: { mil: -1, eco: 1, pop: 1 }\n  - id: B\n    capabilities: { mil: 1, eco: 1, pop: 1 }\n    ideology: 3\n';
    await page.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([${JSON.stringify(bad)}], 'bad.yaml', { type: 'text/yaml' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    })()`);
    await page.waitForSelector('#issues:not([hidden])');
    expect((await page.textContent('#issue-list'))?.split('\n')).toEqual([
      'bad.yaml:5:21  states[0].capabilities.mil  Too small: expected number to be >0',
      'bad.yaml:8:5  states[1].ideology  Too big: expected number to be <=1',
    ]);
    // The run shown is unchanged.
    expect(await tick(page)).toBe(5);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'explore-bad-file.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('the URL holds seed and sliders; the ticks export as CSV and a view as SVG', async (ctx) => {
    if (mode === 'skip') ctx.skip(CHROMIUM_SKIP_NOTE);
    if (context === undefined) throw new Error('the browser did not start');
    const plain = await open('concert-of-europe');
    await stepKeys(plain.page, 12);
    const seed42 = await records(plain.page);
    // A shared link: seed 7 and λ = 0.2 from tick 0.
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${pathToFileURL(join(work, 'concert-of-europe.html')).href}#scenario=concert-of-europe&seed=7&lambda=0.2`);
    await page.waitForFunction(`document.body.dataset.ready === 'true' && (window.__explore.replies.set || 0) >= 1`, null, { timeout: 30_000 });
    expect(await page.inputValue('#seed')).toBe('7');
    expect(await page.inputValue('#slider-system-lambda')).toBe('0.2');
    await stepKeys(page, 12);
    const linked = await records(page);
    expect(linked).not.toEqual(seed42);
    await page.click('button.state[data-state="AUH"]');
    await page.waitForFunction(`window.__explore.explanation !== null`);
    expect(await page.textContent('#explanation')).toMatch(/seed 7: chose[\s\S]*\n\s+λ\s+0\.200/);
    // Moving a slider writes it into the URL.
    await page.focus('#slider-system-nu');
    await page.keyboard.press('End');
    await page.waitForFunction(`location.hash.includes('nu=1')`);
    expect(new URLSearchParams((await page.evaluate<string>('location.hash')).slice(1)).get('lambda')).toBe('0.2');
    await blur(page);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(csv.suggestedFilename()).toBe('concert-of-europe-seed7-ticks.csv');
    const text = readFileSync(await csv.path(), 'utf8').trimEnd().split('\n');
    expect(text).toHaveLength(13);
    expect(text[0]).toMatch(/^tick,year,action_NONE,/);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-families')]);
    expect(svg.suggestedFilename()).toBe('concert-of-europe-families-tick12.svg');
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText.match(/data-series=/g)).toHaveLength(4);
    // PNG: the view rasterised in the page, 2 pixels per unit of its viewBox (families 560 × 180, map 560 × 320).
    for (const [view, width, height] of [['families', 1120, 360], ['map', 1120, 640]] as const) {
      const [png] = await Promise.all([page.waitForEvent('download'), page.click(`#export-png-${view}`)]);
      expect(png.suggestedFilename()).toBe(`concert-of-europe-${view}-tick12.png`);
      const bytes = readFileSync(await png.path());
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([width, height]);
      expect(bytes.length).toBeGreaterThan(5000); // drawn, not blank
    }

    // Ensemble mode: 6 seeds from the seed box, means and 95 % bands drawn.
    await page.fill('#ens-seeds', '6');
    await page.fill('#ens-ticks', '30');
    await page.click('#ens-run');
    await page.waitForFunction('window.__explore.ensemble !== null', null, { timeout: 60_000 });
    expect(await page.evaluate<number[]>('window.__explore.ensemble.seeds')).toEqual([7, 8, 9, 10, 11, 12]);
    expect(await page.locator('#ensemble-chart polygon[data-band]').count()).toBe(4);
    expect(await page.locator('#ensemble-chart path[data-series]').count()).toBe(4);
    await page.locator('#view-ensemble').screenshot({ path: join(shots, 'explore-ensemble.png') });
    expect(problems).toEqual([]);
  });

  /** Node's run of a resolved scenario: the records the page must show. */
  const nodeRecords = (scenario: ResolvedScenario, ticks: number, seed = 42): string[] =>
    createSimulation(scenario, { seed }).run(ticks).map((r) => JSON.stringify(r));
  /**
   * The page's records against Node's: every field byte for byte, the per-pair threats of
   * `greatPowers` (model note N57) and the means over per-pair threats included. T depends on
   * proximity, which the world computes from the locations; with the engine's Math.sin, Math.cos
   * and Math.asin, Chromium's V8 and Node 20's differed in the last bit for some pairs (up to the
   * ninth session these fields were compared to 1e-12 relative); the distances now use fdlibm's
   * functions written in TypeScript (src/model/fdlibmTrig.ts), the same bits in every engine.
   */
  const expectSameRecords = (page: string[], node: string[]): void => {
    expect(page).toHaveLength(node.length);
    for (let k = 0; k < node.length; k++) {
      if (page[k] === node[k]) continue;
      expect(differences(JSON.parse(page[k]), JSON.parse(node[k]), ''), `record ${k}: the fields that differ (page vs Node)`).toEqual([]);
      expect(page[k], `record ${k}`).toBe(node[k]);
    }
  };
  /** The paths at which two parsed records differ, with both values (the first 10). */
  const differences = (a: unknown, b: unknown, at: string): string[] => {
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      return keys.flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`)).slice(0, 10);
    }
    return Object.is(a, b) ? [] : [`${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
  };
  /** Drops a file with this text on the page. */
  const drop = (page: Page, name: string, text: string): Promise<unknown> => page.evaluate(`(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/yaml' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  })()`);
  const loads = (page: Page): Promise<number> => page.evaluate<number>('window.__explore.replies.loaded || 0');

  it('picks any bundled scenario in the page, and opens the one a link names', async (ctx) => {
    if (mode === 'skip') ctx.skip(CHROMIUM_SKIP_NOTE);
    const { page, problems, requests } = await open('concert-of-europe');
    const options = await page.locator('#scenario-pick option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    const bundled = readdirSync(join(repoRoot, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
    expect(options[0]).toBe('concert-of-europe');
    expect([...options].sort()).toEqual([...bundled].sort());
    const before = await loads(page);
    await page.selectOption('#scenario-pick', 'indo-pacific');
    await page.waitForFunction(`(window.__explore.replies.loaded || 0) > ${before}`);
    const indo = loadScenario('indo-pacific');
    expect(await page.evaluate<string>('window.__explore.info.id')).toBe('indo-pacific');
    expect(await page.locator('#states button.state').count()).toBe(indo.states.length);
    await blur(page);
    await stepKeys(page, 6);
    expectSameRecords(await records(page), nodeRecords(indo, 6));
    expect(new URLSearchParams((await page.evaluate<string>('location.hash')).slice(1)).get('scenario')).toBe('indo-pacific');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);

    // A link naming a bundled scenario opens it.
    const linked = await open('concert-of-europe', '#scenario=brics-plus&seed=3');
    expect(await linked.page.evaluate<string>('window.__explore.info.id')).toBe('brics-plus');
    expect(await linked.page.inputValue('#scenario-pick')).toBe('brics-plus');
    await stepKeys(linked.page, 3);
    expectSameRecords(await records(linked.page), nodeRecords(loadScenario('brics-plus'), 3, 3));
    expect(linked.problems).toEqual([]);
  });

  it('dropped files: expressions run (the math chunk loaded); data references need a --with-data page, which resolves them', async (ctx) => {
    if (mode === 'skip') ctx.skip(CHROMIUM_SKIP_NOTE);
    const { page, problems, requests } = await open('concert-of-europe');
    // Inline values with an expression of time: validated and run in the page as in Node.
    const inline = 'meta: { id: inline-expr }\nstates:\n  - { id: A, capabilities: { mil: 2, eco: 2, pop: 2 }, ideology: 0.6 }\n'
      + '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }\n  - { id: C, capabilities: { mil: 1.5, eco: 1, pop: 2 } }\nsystem: { lambda: "0.4 + 0.01 * tick" }\n';
    let before = await loads(page);
    await drop(page, 'inline.yaml', inline);
    await page.waitForFunction(`(window.__explore.replies.loaded || 0) > ${before}`);
    expect(await page.evaluate<string[]>('window.__explore.info.expressionFields')).toEqual(['lambda']);
    expect(await page.isDisabled('#slider-system-lambda')).toBe(true);
    await blur(page);
    await stepKeys(page, 8);
    expectSameRecords(await records(page), nodeRecords(parseScenario(inline, 'yaml', { file: 'inline.yaml' }), 8));

    // A file with data references on a page without the COW tables: the CLI's lines, saying how to get a page for it.
    const indoText = readFileSync(join(repoRoot, 'scenarios', 'indo-pacific.yaml'), 'utf8');
    const issues = await page.evaluate<number>('window.__explore.replies.issues || 0');
    await drop(page, 'indo-pacific.yaml', indoText);
    await page.waitForFunction(`(window.__explore.replies.issues || 0) > ${issues}`);
    const lines = (await page.textContent('#issue-list'))?.split('\n') ?? [];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^indo-pacific\.yaml:\d+:\d+  \S+  /);
      expect(line).toContain('`counterpoise explore indo-pacific.yaml --with-data`');
    }
    expect(await page.evaluate<string>('window.__explore.info.id')).toBe('inline-expr'); // the run shown is unchanged
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);

    // On a page built with --with-data, the same file resolves in the page as loadScenario does in Node.
    const withData = await open(join('with-data', 'concert-of-europe'));
    before = await loads(withData.page);
    await drop(withData.page, 'indo-pacific.yaml', indoText);
    await withData.page.waitForFunction(`(window.__explore.replies.loaded || 0) > ${before}`, null, { timeout: 60_000 });
    expect(await withData.page.evaluate<string>('window.__explore.info.id')).toBe('indo-pacific');
    await blur(withData.page);
    await stepKeys(withData.page, 6);
    expectSameRecords(await records(withData.page), nodeRecords(loadScenario('indo-pacific'), 6));
    expect(withData.problems).toEqual([]);
    expect(withData.requests).toEqual([]);
  });

  it('screenshots a run, and plays multipolar-2020s (45 states) for the benchmark (reported)', async (ctx) => {
    if (mode === 'skip') ctx.skip(CHROMIUM_SKIP_NOTE);
    const concert = await open('concert-of-europe');
    await stepKeys(concert.page, 40);
    await concert.page.click('button.state[data-state="FRN"]');
    await concert.page.waitForFunction(`window.__explore.explanation !== null`);
    mkdirSync(shots, { recursive: true });
    await concert.page.screenshot({ path: join(shots, 'explore.png'), fullPage: true });
    await concert.page.evaluate('window.scrollTo(0, 0)');
    await concert.page.screenshot({ path: join(shots, 'explore-top.png') });
    mkdirSync(join(repoRoot, 'docs', 'images'), { recursive: true });
    copyFileSync(join(shots, 'explore-top.png'), join(repoRoot, 'docs', 'images', 'explore.png'));

    const { page, problems } = await open('multipolar-2020s');
    expect(await page.locator('#states button.state').count()).toBe(45);
    await page.fill('#speed', '120').catch(async () => {
      await page.focus('#speed');
      await page.keyboard.press('End');
    });
    await blur(page);
    const start = Date.now();
    await page.keyboard.press(' ');
    await page.waitForTimeout(3000);
    await page.keyboard.press(' ');
    const ticks = await tick(page);
    const perSecond = ticks / ((Date.now() - start) / 1000);
    console.log(`explorer benchmark: multipolar-2020s (45 states) played at ${perSecond.toFixed(1)} ticks per second with every view updating (speed set to 120)`);
    expect(ticks).toBeGreaterThan(0);
    // 45 states: the page's engine runs the perceive pass in the WebAssembly row kernel (32 states or
    // more, RowKernel.ts), Node's too; every record played (up to 300: the old last-bit differences
    // of the engines' Math reached CON from tick 132) must be Node's, byte for byte.
    const compared = Math.min(ticks, 300);
    expect(compared, 'enough ticks played to compare').toBeGreaterThan(150);
    expectSameRecords((await records(page)).slice(0, compared), nodeRecords(loadScenario('multipolar-2020s'), compared));
    await page.screenshot({ path: join(shots, 'explore-multipolar-2020s.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
