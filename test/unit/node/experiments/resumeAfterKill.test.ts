import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweepFromSpec } from '../../../../src/node/experiments/runSweepFromSpec.js';
import { differingFiles, repoRoot, requireBuiltWorker, tempDir } from '../../../support/sweepDirs.js';
import { randomWorld } from '../../../support/randomWorld.js';

// A real crash: the sweep runs in a child process (examples/sweep.mjs on the built package, two
// worker threads, a checkpoint every 50 ms) and is killed with SIGKILL — no handler runs, buffered
// rows are lost, files may end mid-row. Twice. Then `--resume` must end with exactly the files of
// an uninterrupted sweep: no row lost, none duplicated.

const runner = path.join(repoRoot, 'examples', 'sweep.mjs');
const RUNS = 200;
let tmp: ReturnType<typeof tempDir>;
let spec: string;

interface Exit { code: number | null; signal: NodeJS.Signals | null; stderr: string }

function startSweep(out: string, extra: string[] = []) {
  const child = spawn(process.execPath, [runner, 'run', spec, '--out', out, '--workers', '2', '--checkpoint-ms', '50', '--quiet', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

function completed(out: string): number {
  try {
    return (JSON.parse(readFileSync(path.join(out, 'checkpoint.json'), 'utf8')) as { completed: number }).completed;
  } catch {
    return -1; // not there yet, or being replaced
  }
}

/** Starts a sweep and SIGKILLs it once its checkpoint shows at least `atLeast` runs. */
async function killMidway(out: string, atLeast: number, resume: boolean): Promise<number> {
  const { child, exited } = startSweep(out, resume ? ['--resume'] : []);
  let seen = -1;
  let finished = false;
  void exited.then(() => { finished = true; });
  while (!finished) {
    seen = completed(out);
    if (seen >= atLeast) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  if (finished) throw new Error(`the sweep ended before it could be killed (at ${seen} runs): ${(await exited).stderr}`);
  child.kill('SIGKILL');
  const exit = await exited;
  expect(exit.signal).toBe('SIGKILL');
  return seen;
}

beforeAll(() => {
  requireBuiltWorker();
  tmp = tempDir('counterpoise-kill-');
  writeFileSync(path.join(tmp.dir, 'world.json'), JSON.stringify(randomWorld(31, { states: 7, institutions: 2 })));
  spec = path.join(tmp.dir, 'spec.json');
  writeFileSync(spec, JSON.stringify({
    scenario: 'world.json', ticks: 25, replicates: 50, baseSeed: 3,
    design: { type: 'grid', parameters: { 'system.lambda': { values: [0.3, 0.7] }, 'states.S000.domesticSupport': { values: [0.2, 0.8] } } },
  }));
});
afterAll(() => tmp.cleanup());

describe('resume after a real SIGKILL', () => {
  it('ends with exactly the rows of an uninterrupted sweep, and never leaves a file looking complete', async () => {
    const out = path.join(tmp.dir, 'killed');
    const first = await killMidway(out, 30, false);
    expect(first).toBeLessThan(RUNS);
    // Killed: nothing has a final name, nothing says complete.
    const names = readdirSync(out);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
    expect(names.filter((n) => /\.(csv|ndjson|arrow)$/.test(n))).toEqual([]);

    const second = await killMidway(out, Math.max(first + 30, 120), true);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(RUNS);

    const { exited } = startSweep(out, ['--resume']);
    const exit = await exited;
    expect(exit.stderr).toBe('');
    expect(exit.code).toBe(0);

    const reference = path.join(tmp.dir, 'reference');
    const report = await runSweepFromSpec(spec, { out: reference, workers: 0 });
    expect(report.manifest.files['runs.csv'].rows).toBe(RUNS);
    expect(differingFiles(reference, out)).toEqual([]);
  });
});
