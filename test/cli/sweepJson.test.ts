import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('counterpoise sweep --json', () => {
  it('prints one JSON document on stdout (out folder, runs done, files); progress stays on stderr', () => {
    const design = join(tmp.dir, 'grid.yaml');
    writeFileSync(design, 'ticks: 4\nreplicates: 2\nbaseSeed: 3\nformats: [csv]\ndesign:\n  type: grid\n  parameters:\n    system.lambda: { values: [0.2, 0.8] }\n');
    const out = join(tmp.dir, 'grid');
    const r = cli(['sweep', 'concert-of-europe', '--design', design, '--out', out, '--workers', '0', '--json']);
    expect(r.stderr).not.toContain('counterpoise:');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ out, scenario: 'concert-of-europe', runs: 4, designRuns: 4, executed: 4, resumed: 0, alreadyComplete: false, report: null });
    expect(result.files).toEqual(['runs.csv', 'ticks.csv', 'events.csv', 'summary.csv', 'manifest.json']);
    expect(r.stderr).toContain('sweep: done, 4 runs');

    const again = cli(['sweep', 'concert-of-europe', '--design', design, '--out', out, '--resume', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyComplete: true, executed: 0, runs: 4 });
  });
});
