import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './cliHarness.js';
import { cliInProcess } from './inProcessCli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('a missing required field, as the commands print it', () => {
  it('validate: `required: …` with what the field is, not zod\'s "received undefined"', async () => {
    const file = join(tmp.dir, 'no-id.yaml');
    writeFileSync(file, 'meta:\n  title: no id\nstates:\n  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }\n  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }\n');
    const r = await cliInProcess(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${file}:1:1  meta.id  required: a string (scenario id, used in seeds and output file names (out/<id>))\n`);
  });

  it('sweep: a design file without ticks', async () => {
    const design = join(tmp.dir, 'design.yaml');
    writeFileSync(design, 'scenario: concert-of-europe\n');
    const r = await cliInProcess(['sweep', '--design', design, '--out', join(tmp.dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ticks  required: a number');
    expect(r.stderr).not.toMatch(/received undefined/);
  });
});
