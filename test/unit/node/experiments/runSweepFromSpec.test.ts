import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentError } from '../../../../src/experiments/ExperimentError.js';
import { loadSweepSpec, runSweepFromSpec, specOutputDir } from '../../../../src/node/experiments/runSweepFromSpec.js';
import { tempDir } from '../../../support/sweepDirs.js';
import { randomWorld } from '../../../support/randomWorld.js';

let tmp: ReturnType<typeof tempDir>;
const file = (name: string) => path.join(tmp.dir, name);

beforeAll(() => {
  tmp = tempDir('counterpoise-spec-');
  writeFileSync(file('world.json'), JSON.stringify(randomWorld(51, { states: 5, institutions: 1 })));
  writeFileSync(file('good.yaml'), [
    '# a sweep over one state field, seeds derived from base seed "abc"',
    'scenario: world.json',
    'ticks: 4',
    'replicates: 2',
    'baseSeed: abc',
    'design: { type: oat, parameters: { states.S001.domesticSupport: { values: [0, 1] } } }',
    'formats: [csv]',
  ].join('\n'));
  writeFileSync(file('bad.yaml'), 'scenario: world.json\nticks: 0\ndesign: { type: grid, parameters: { system.lambda: { values: [] } } }\n');
});
afterAll(() => tmp.cleanup());

describe('sweeps from design files', () => {
  it('resolve the scenario relative to the file and run the sweep', async () => {
    const report = await runSweepFromSpec(file('good.yaml'), { out: file('out'), workers: 0 });
    expect(report.manifest.shardRuns).toBe(6); // the baseline and two levels, two replicates each
    const runs = readFileSync(path.join(file('out'), 'runs.csv'), 'utf8').split('\r\n');
    expect(runs[0].startsWith('run,point,replicate,seed,states.S001.domesticSupport,')).toBe(true);
    const support = runs.slice(1, 7).map((r) => r.split(',')[4]);
    // The baseline (the scenario's own value) first, then each level.
    expect(support.slice(2)).toEqual(['0.0', '0.0', '1.0', '1.0']);
    expect(support[0]).toBe(support[1]);
    expect(Number(support[0])).toBe(randomWorld(51, { states: 5, institutions: 1 }).states[1].domesticSupport);
  });

  it('report every problem of a file with the file and the field', () => {
    try {
      loadSweepSpec(file('bad.yaml'));
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ExperimentError);
      const paths = (error as ExperimentError).issues.map((i) => i.path);
      expect(paths).toEqual([`${file('bad.yaml')}: ticks`, `${file('bad.yaml')}: design.parameters.system.lambda.values`]);
    }
  });

  it('put each shard in its own directory by default', () => {
    const loaded = loadSweepSpec(file('good.yaml'));
    expect(specOutputDir(loaded)).toBe(path.join('out', 'good'));
    expect(specOutputDir(loaded, { shard: '2/8' })).toBe(path.join('out', 'good', 'shard-2-of-8'));
    expect(specOutputDir(loaded, { out: 'x', shard: '2/8' })).toBe('x');
  });
});
