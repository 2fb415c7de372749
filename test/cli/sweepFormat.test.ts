import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './cliHarness.js';
import { cliInProcess } from './inProcessCli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const DESIGN = 'ticks: 2\nreplicates: 1\ndesign: { type: grid, parameters: { system.lambda: { values: [0.3, 0.6] } } }\n';

describe('sweep --format LIST: the table formats, overriding the design\'s (default csv, ndjson and arrow)', () => {
  it('--format csv writes CSV only (no apache-arrow needed), for a design naming its scenario', async () => {
    const design = join(tmp.dir, 'design.yaml');
    writeFileSync(design, `scenario: concert-of-europe\n${DESIGN}`);
    const out = join(tmp.dir, 'csv-only');
    const r = await cliInProcess(['sweep', '--design', design, '--format', 'csv', '--out', out, '--workers', '0', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['events.csv', 'manifest.json', 'runs.csv', 'summary.csv', 'ticks.csv']);
  });

  it('the design\'s scenario file is still found beside the design; a scenario given here works too', async () => {
    const folder = join(tmp.dir, 'designs');
    mkdirSync(folder);
    copyFileSync(join(repoRoot, 'scenarios', 'concert-of-europe.yaml'), join(folder, 'coe.yaml'));
    writeFileSync(join(folder, 'design.yaml'), `scenario: coe.yaml\nformats: [csv, arrow]\n${DESIGN}`);
    const out = join(tmp.dir, 'relative');
    const r = await cliInProcess(['sweep', '--design', join(folder, 'design.yaml'), '-f', 'ndjson', '--out', out, '--workers', '0', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['events.ndjson', 'manifest.json', 'runs.ndjson', 'summary.ndjson', 'ticks.ndjson']);
    const given = join(tmp.dir, 'given');
    const g = await cliInProcess(['sweep', 'concert-of-europe', '--design', join(folder, 'design.yaml'), '--format', 'csv', '--out', given, '--workers', '0', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    expect(readdirSync(given).filter((f) => !f.endsWith('.csv'))).toEqual(['manifest.json']);
  });

  it('a bad list: exit 2 naming the flag; --help documents it', async () => {
    const design = join(tmp.dir, 'design.yaml');
    const arrow = await cliInProcess(['sweep', '--design', design, '--format', 'arrow']);
    expect(arrow.code).toBe(2);
    expect(arrow.stderr.split('\n')[0]).toBe('counterpoise: --format: include csv or ndjson (Arrow files are built from them)');
    const unknown = await cliInProcess(['sweep', '--design', design, '--format', 'csv,parquet']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('counterpoise: --format: unknown value "parquet" (expected csv, ndjson, arrow)');
    const help = await cliInProcess(['sweep', '--help']);
    expect(help.stdout).toMatch(/^ {2}-f, --format LIST {6}table formats, comma-separated: csv, ndjson, arrow/m);
  });
});
