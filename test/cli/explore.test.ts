/**
 * `counterpoise explore`: writes one self-contained HTML file per scenario, prints its path, and
 * rejects bad input with exit 2 and no stack trace. (The page itself: test/explore/explore.test.ts.)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStack, tempDir } from './cliHarness.js';

describe('counterpoise explore', () => {
  it('writes <out>/<scenario id>.html with the scenario, the worker and the page inline, and prints its path', () => {
    const { dir, remove } = tempDir();
    try {
      const r = cli(['explore', 'concert-of-europe', '--out', dir, '--seed', '7']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const file = join(dir, 'concert-of-europe.html');
      expect(r.stdout).toBe(`${file}\n`);
      expect(readdirSync(dir)).toEqual(['concert-of-europe.html']); // no temporary file left
      const html = readFileSync(file, 'utf8');
      const data = JSON.parse(/<script type="application\/json" id="cp-scenario">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as
        { seed: number; scenario: { meta: { id: string }; states: unknown[] } };
      expect(data.seed).toBe(7);
      expect(data.scenario.meta.id).toBe('concert-of-europe');
      expect(data.scenario.states).toHaveLength(6);
      expect(html).toContain('<script type="text/plain" id="cp-worker">');
      // Offline: no external script, stylesheet or image.
      expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
      // Exactly three script elements: no bundle closes its element early.
      expect(html.match(/<\/script>/g)).toHaveLength(3);
    } finally {
      remove();
    }
  });

  it('defaults to concert-of-europe in out/explore', () => {
    const { dir, remove } = tempDir();
    try {
      const r = cli(['explore'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(existsSync(join(dir, 'out', 'explore', 'concert-of-europe.html'))).toBe(true);
    } finally {
      remove();
    }
  });

  it('an invalid scenario file: its problems as file:line:column  path  message, exit 2, no stack, no page', () => {
    const { dir, remove } = tempDir();
    try {
      writeFileSync(join(dir, 'bad.yaml'), 'meta:\n  id: bad\nstates:\n  - id: A\n    capabilities: { mil: -1, eco: 1, pop: 1 }\n');
      const r = cli(['explore', 'bad.yaml', '--out', 'pages'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('bad.yaml:5:21  states[0].capabilities.mil  Too small: expected number to be >0');
      expect(hasStack(r.stderr)).toBe(false);
      expect(existsSync(join(dir, 'pages'))).toBe(false);
    } finally {
      remove();
    }
  });

  it('a bad seed or a second scenario is a usage error (exit 2)', () => {
    expect(cli(['explore', 'concert-of-europe', '--seed', 'x']).code).toBe(2);
    const two = cli(['explore', 'concert-of-europe', 'indo-pacific']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('explore takes one scenario');
  });
});
