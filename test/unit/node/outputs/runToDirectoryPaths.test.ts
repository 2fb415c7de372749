import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../src/node/loadScenario.js';
import { runToDirectory } from '../../../../src/node/outputs/runToDirectory.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('runToDirectory: run.json records the paths the run followed (issue 12 item 6)', () => {
  it('their span, notes, and the year after which a longer run held the last values', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cp-paths-'));
    dirs.push(out);
    const scenario = loadScenario('test/fixtures/paths/history.yaml');
    await runToDirectory(scenario, { out, seed: 1, ticks: 52, source: 'history.yaml', version: 'test' });
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.paths).toEqual({ firstYear: 1890, lastYear: 1914, halfLife: 5, heldAfter: 1914, notes: scenario.paths!.notes });
    expect(manifest.paths.notes).toContainEqual(expect.objectContaining({ path: 'trade (GMY)', kind: 'interpolated', years: [1914] }));
  });

  it('a scenario without paths has no paths entry', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cp-paths-'));
    dirs.push(out);
    await runToDirectory(loadScenario('test/fixtures/scenarios/example.yaml'), { out, seed: 1, ticks: 2, source: 'example.yaml', version: 'test' });
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).paths).toBeUndefined();
  });
});
