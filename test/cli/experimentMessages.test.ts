import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/describeError.js';
import { ExperimentError } from '../../src/experiments/ExperimentError.js';
import { tempDir } from './cliHarness.js';
import { cliInProcess } from './inProcessCli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('the messages of sweeps and merges, as the command line says them', () => {
  it('a folder holding a complete sweep: `folder: message` (one separator, as prose), naming the flags with --', async () => {
    const design = join(tmp.dir, 'design.yaml');
    writeFileSync(design, 'scenario: concert-of-europe\nticks: 2\nreplicates: 1\nformats: [csv]\ndesign: { type: grid, parameters: {} }\n');
    const out = join(tmp.dir, 'out');
    const first = await cliInProcess(['sweep', '--design', design, '--out', out, '--workers', '0', '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const again = await cliInProcess(['sweep', '--design', design, '--out', out, '--workers', '0', '--quiet']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`counterpoise: ${out}: holds a complete sweep; choose another directory, or pass --overwrite (or --resume, to check it is the same sweep)\n`);
  });

  it('every library option named in a message becomes its flag; a field\'s problem keeps the two-space column', () => {
    const lines = (code: ConstructorParameters<typeof ExperimentError>[0], path: string, message: string): string[] =>
      describeError(new ExperimentError(code, [{ path, message }])).lines;
    expect(lines('output-exists', 'out/x', 'holds an unfinished sweep; pass resume to continue it, or overwrite to start again'))
      .toEqual(['out/x: holds an unfinished sweep; pass --resume to continue it, or --overwrite to start again']);
    expect(lines('resume-mismatch', 'out/x/runs.csv.partial', 'missing: cannot resume (start again with overwrite)'))
      .toEqual(['out/x/runs.csv.partial: missing: cannot resume (start again with --overwrite)']);
    expect(lines('aborted', 'out/x', 'stopped after 3 of 8 runs; resume to continue'))
      .toEqual(['out/x: stopped after 3 of 8 runs; run again with --resume to continue']);
    expect(lines('output-exists', 'out/y', 'already holds sweep files; choose another directory or pass overwrite'))
      .toEqual(['out/y: already holds sweep files; choose another directory or pass --overwrite']);
    expect(lines('spec', 'design.samples', 'must be a power of two')).toEqual(['design.samples  must be a power of two']);
    expect(lines('spec', 'lambda-mu', 'no such design file, nor a bundled design of that name (bundled: lambda-nu)'))
      .toEqual(['lambda-mu: no such design file, nor a bundled design of that name (bundled: lambda-nu)']);
  });
});
