/**
 * The report in a real browser: Debian's Chromium (/usr/bin/chromium) driven by playwright-core,
 * headless, with no network. Builds a concert-of-europe run and its report with the CLI, opens the
 * HTML from a file:// URL, waits until every chart's vega view has drawn its marks, asserts that
 * the page logged no error (console or uncaught) and tried no network request, and saves a
 * screenshot of the page to test/report/__screenshots__/ (gitignored), and one of its first chart
 * to docs/images/concert-of-europe-report.png, the README's picture (committed).
 *
 * Needs Chromium: `.ci/run` installs it and sets COUNTERPOISE_REQUIRE_BROWSER=1, so there a missing
 * browser fails; elsewhere the tests skip with one line that says how to install it
 * (test/support/chromium.ts). It never downloads a browser.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../cli/cliHarness.js';
import { browserTestMode, CHROMIUM, CHROMIUM_FLAGS, CHROMIUM_SKIP_NOTE } from '../support/chromium.js';

const FLAGS = CHROMIUM_FLAGS;
const mode = browserTestMode();
const EXPECTED_CHARTS = ['strategy-families', 'strategy-options', 'capability-shares', 'threat-matrix', 'memberships', 'legitimacy-restraint'];

describe('the run report in headless Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'counterpoise-browser-'));
  const profile = join(work, 'profile');
  const runDir = join(work, 'concert-of-europe');
  const sweepDir = join(work, 'sweep');
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    if (mode === 'skip') return;
    if (mode === 'fail') {
      throw new Error(`${CHROMIUM} is missing: the report's browser test needs Debian's Chromium. `
        + 'Install it with `apt-get update && apt-get install -y chromium` (as root; .ci/run does this in CI and sets COUNTERPOISE_REQUIRE_BROWSER=1).');
    }
    expect(existsSync(cliPath), 'run `npm run build` first').toBe(true);
    const run = spawnSync(process.execPath, [cliPath, 'run', 'concert-of-europe', '--seed', '42', '--ticks', '100', '--out', runDir, '--report', '--quiet'],
      { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const design = join(work, 'design.yaml');
    writeFileSync(design, 'ticks: 10\nreplicates: 2\nformats: [csv]\ndesign:\n  type: grid\n  parameters:\n'
      + '    system.lambda: { values: [0.2, 0.5, 0.8] }\n    parameters.conOver: { values: [majors, all] }\n');
    const sweep = spawnSync(process.execPath, [cliPath, 'sweep', 'concert-of-europe', '--design', design, '--out', sweepDir, '--workers', '0', '--report', '--quiet'],
      { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
    expect(sweep.stderr).toBe('');
    expect(sweep.status).toBe(0);
    mkdirSync(profile);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1,
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Opens a report, waits for every chart, and returns the page, the charts and what went wrong. */
  async function open(html: string) {
    if (context === undefined) throw new Error('the browser did not start');
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(html).href);
    // Page-side code as strings (this project's TypeScript has no DOM types).
    await page.waitForFunction(`(() => {
      const charts = [...document.querySelectorAll('[data-chart]')];
      return charts.length > 0 && charts.every((c) => c.getAttribute('data-rendered') !== null);
    })()`, null, { timeout: 60_000 });
    const charts = await page.evaluate<{ id: string; rendered: string | null; marks: number; hasView: boolean }[]>(`
      [...document.querySelectorAll('[data-chart]')].map((c) => ({
        id: c.getAttribute('data-chart'),
        rendered: c.getAttribute('data-rendered'),
        marks: c.querySelectorAll('svg g[class*="mark-"] path, svg g[class*="mark-"] text, svg g[class*="mark-"] line').length,
        hasView: window.__counterpoiseViews[c.getAttribute('data-chart')] !== undefined,
      }))`);
    return { page, charts, problems, requests };
  }

  it('draws every chart of a run report, logs no error, makes no request, and is screenshotted', async (ctx) => {
    if (mode === 'skip') ctx.skip(CHROMIUM_SKIP_NOTE);
    const { page, charts, problems, requests } = await open(join(runDir, 'report.html'));
    expect(charts.map((c) => c.id)).toEqual(EXPECTED_CHARTS);
    for (const c of charts) {
      expect(c.rendered, c.id).toBe('true');
      expect(c.hasView, c.id).toBe(true);
      expect(c.marks, `${c.id} has marks`).toBeGreaterThan(5);
    }
    // The page reads as a report: title, parameters, summary, captions.
    await expect(page.title()).resolves.toContain('Concert of Europe');
    expect(await page.locator('#parameters td').first().textContent()).toBe('concert-of-europe');
    expect(await page.locator('figcaption').count()).toBe(EXPECTED_CHARTS.length);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);

    const shots = join(repoRoot, 'test', 'report', '__screenshots__');
    mkdirSync(shots, { recursive: true });
    const shot = join(shots, 'concert-of-europe-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    // The README's picture: the first chart of the report, as the page shows it.
    const readme = join(shots, 'concert-of-europe-strategy-families.png');
    await page.locator('#strategy-families').screenshot({ path: readme });
    mkdirSync(join(repoRoot, 'docs', 'images'), { recursive: true });
    copyFileSync(readme, join(repoRoot, 'docs', 'images', 'concert-of-europe-report.png'));
  });

  it('draws every chart of a sweep report (numeric and labelled parameters) without errors', async (ctx) => {
    if (mode === 'skip') ctx.skip(CHROMIUM_SKIP_NOTE);
    const { page, charts, problems, requests } = await open(join(sweepDir, 'report.html'));
    expect(charts.map((c) => c.id)).toEqual(['sweep-outcomes', 'sweep-strategies', 'sweep-capabilities']);
    for (const c of charts) {
      expect(c.rendered, c.id).toBe('true');
      expect(c.marks, `${c.id} has marks`).toBeGreaterThan(5);
    }
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    mkdirSync(join(repoRoot, 'test', 'report', '__screenshots__'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test', 'report', '__screenshots__', 'concert-of-europe-sweep-report.png'), fullPage: true });
  });
});
