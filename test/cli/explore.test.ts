/**
 * `counterpoise explore`: writes one self-contained HTML file per scenario, prints its path, and
 * rejects bad input with exit 2 and no stack trace. (The page itself: test/explore/explore.test.ts.)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { COW_FILES, type CowFileKey } from '../../src/data/cowFiles.js';
import { loadScenario } from '../../src/node/loadScenario.js';
import { cli, hasStack, repoRoot, tempDir } from './cliHarness.js';

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
      // The worker's two chunks, loaded only when needed, are in the page as text.
      expect(html).toContain('<script type="text/plain" id="cp-chunk-math">');
      expect(html).toContain('<script type="text/plain" id="cp-chunk-scenario">');
      // Exactly seven script elements (scenario, library, data, worker, two chunks, page): no bundle closes its element early.
      expect(html.match(/<\/script>/g)).toHaveLength(7);
      // The picker's library: every other bundled scenario, resolved by the CLI and packed (gzip, base64).
      const library = JSON.parse(/<script type="application\/json" id="cp-library">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as
        { id: string; title: string; packed: string }[];
      const bundled = readdirSync(join(repoRoot, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
      expect(library.map((x) => x.id).sort()).toEqual(bundled.filter((id) => id !== 'concert-of-europe'));
      const indo = library.find((x) => x.id === 'indo-pacific');
      const unpacked = JSON.parse(gunzipSync(Buffer.from(indo?.packed ?? '', 'base64')).toString('utf8')) as unknown;
      expect(unpacked).toEqual(JSON.parse(JSON.stringify(loadScenario('indo-pacific'))));
      // Without --with-data the page carries no COW table.
      expect(/<script type="application\/json" id="cp-data">(.*?)<\/script>/s.exec(html)?.[1]).toBe('null');
    } finally {
      remove();
    }
  });

  it('--with-data carries every COW table a scenario file can reference, packed', () => {
    const { dir, remove } = tempDir();
    try {
      const r = cli(['explore', 'concert-of-europe', '--out', dir, '--with-data']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const html = readFileSync(join(dir, 'concert-of-europe.html'), 'utf8');
      const data = JSON.parse(/<script type="application\/json" id="cp-data">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as Record<string, string>;
      expect(Object.keys(data).sort()).toEqual(['alliances', 'igoMemberships', 'igos', 'majors', 'nmcV6', 'nmcV7', 'states', 'trade']);
      for (const [key, packed] of Object.entries(data)) {
        expect(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8'), key).toBe(readFileSync(join(repoRoot, 'data', COW_FILES[key as CowFileKey]), 'utf8'));
      }
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
