import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './cliHarness.js';
import { cliInProcess } from './inProcessCli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

// A small morris design naming its scenario and asking for CSV and Arrow (Arrow needs the optional apache-arrow).
const DESIGN = 'scenario: concert-of-europe\nticks: 2\nreplicates: 1\nformats: [csv, arrow]\n'
  + 'design: { type: morris, trajectories: 2, levels: 4, parameters: { system.lambda: { min: 0, max: 1 }, system.nu: { min: 0, max: 1 } } }\n'
  + 'tables: { ticks: false, events: false }\n';

describe('sensitivity --format LIST: the sweep\'s table formats, overriding the design\'s (as sweep --format)', () => {
  it('--format ndjson writes the sweep\'s tables as NDJSON only, and the analysis beside them', async () => {
    const design = join(tmp.dir, 'morris.yaml');
    writeFileSync(design, DESIGN);
    const out = join(tmp.dir, 'ndjson-only');
    const r = await cliInProcess(['sensitivity', '--design', design, '--format', 'ndjson', '--out', out, '--workers', '0', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'runs.ndjson', 'sensitivity.csv', 'sensitivity.json', 'summary.ndjson']);
  });

  it('a list without csv or ndjson: exit 2 naming the flag; --help documents it', async () => {
    const design = join(tmp.dir, 'morris.yaml');
    writeFileSync(design, DESIGN);
    const arrow = await cliInProcess(['sensitivity', '--design', design, '--format', 'arrow']);
    expect(arrow.code).toBe(2);
    expect(arrow.stderr.split('\n')[0]).toBe('counterpoise: --format: include csv or ndjson (Arrow files are built from them)');
    const help = await cliInProcess(['sensitivity', '--help']);
    expect(help.stdout).toMatch(/^ {2}-f, --format LIST {6}the sweep's table formats/m);
  });
});
