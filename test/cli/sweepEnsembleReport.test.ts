import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('counterpoise sweep --report of an ensemble (replicates, no swept parameter)', () => {
  it('the report has the band chart: each measure over ticks, mean and 95% band across seeds', () => {
    const design = join(tmp.dir, 'ensemble.yaml');
    writeFileSync(design, 'ticks: 12\nreplicates: 4\nbaseSeed: 5\nformats: [csv]\n');
    const out = join(tmp.dir, 'ensemble');
    const r = cli(['sweep', 'concert-of-europe', '--design', design, '--out', out, '--workers', '0', '--report', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    // (toBe on includes: a failure would otherwise print the whole page, vega included)
    expect(html.includes('Measures over time across the replicates')).toBe(true);
    expect(html.includes('"ensemble-bands"') || html.includes('id="ensemble-bands"')).toBe(true);
    expect(html.includes('the charts need at least one swept parameter')).toBe(false);
    expect(readdirSync(join(out, 'figures'))).toContain('ensemble-bands.svg');
    const svg = readFileSync(join(out, 'figures', 'ensemble-bands.svg'), 'utf8');
    expect(svg).toContain('meanThreat');

    // "counterpoise report" rebuilds the same report from the folder.
    const again = cli(['report', out, '--out', join(tmp.dir, 'rebuilt'), '--quiet']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(tmp.dir, 'rebuilt', 'report.html'), 'utf8') === html).toBe(true);
  });
});
