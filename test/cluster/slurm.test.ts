/**
 * Cluster scale, really run: a sweep as a Slurm array job on a real single-node Slurm.
 *
 * Starts MUNGE, slurmctld and slurmd on localhost, configured in a temporary folder
 * (test/support/slurm.ts); submits the sweep as `sbatch --array=0-(n−1)`, each task running
 * `counterpoise sweep --shard i/n --resume`; requeues one task mid-run (`scontrol requeue`: Slurm
 * kills it, it checkpoints on SIGTERM, and starts again, resuming); merges the shards with
 * `counterpoise merge`; and compares every merged file with the unsharded sweep's, byte for byte.
 *
 * Needs Debian's slurm-wlm and munge, and root: `.ci/run` installs them and sets
 * COUNTERPOISE_REQUIRE_SLURM=1, so there a missing Slurm fails; elsewhere the test skips with one
 * line saying how to install it. Every daemon is stopped in afterAll.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliPath } from '../cli/cliHarness.js';
import { LocalSlurm, SLURM_SKIP_NOTE, slurmTestMode } from '../support/slurm.js';
import { differingFiles } from '../support/sweepDirs.js';

const mode = slurmTestMode();
const SHARDS = 3;

/** 100 points × 3 replicates of 150 ticks: a few seconds per shard, so a task can be requeued mid-run. */
const DESIGN = `scenario: concert-of-europe
ticks: 150
replicates: 3
baseSeed: 2026
formats: [csv, arrow]
design:
  type: lhs
  samples: 100
  parameters:
    system.lambda: { min: 0, max: 1 }
    system.nu: { min: 0, max: 1 }
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function completedRuns(shardDir: string): number {
  try {
    return (JSON.parse(readFileSync(join(shardDir, 'checkpoint.json'), 'utf8')) as { completed: number }).completed;
  } catch {
    return 0; // not there yet, or being replaced
  }
}

describe('a sweep as a Slurm array job (real single-node Slurm)', () => {
  const work = mkdtempSync(join(tmpdir(), 'counterpoise-slurm-'));
  let cluster: LocalSlurm | null = null;

  beforeAll(async () => {
    if (mode === 'skip') return;
    if (mode === 'fail') {
      throw new Error('Slurm is missing: the cluster test needs Debian\'s slurm-wlm and munge, run as root. '
        + 'Install them with `apt-get update && apt-get install -y slurm-wlm munge` (.ci/run does this in CI and sets COUNTERPOISE_REQUIRE_SLURM=1).');
    }
    expect(existsSync(cliPath), 'run `npm run build` first').toBe(true);
    cluster = await LocalSlurm.start(join(work, 'slurm'));
  });

  afterAll(async () => {
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('sbatch --array runs the shards, one is requeued mid-run and resumes; the merge equals the unsharded sweep byte for byte', async (ctx) => {
    if (mode === 'skip') ctx.skip(SLURM_SKIP_NOTE);
    const slurm = cluster as LocalSlurm;
    const jobDir = join(slurm.dir, 'job');
    mkdirSync(jobDir);
    const design = join(jobDir, 'design.yaml');
    writeFileSync(design, DESIGN);
    const shardDir = (i: number) => join(jobDir, `shard-${i}`);
    // The batch script of docs/experiments.md: one task per shard, always --resume (a requeued task goes on).
    const script = join(jobDir, 'sweep.sh');
    writeFileSync(script, [
      '#!/bin/bash',
      'echo "start task $SLURM_ARRAY_TASK_ID restart ${SLURM_RESTART_COUNT:-0}"',
      `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} sweep --design ${JSON.stringify(design)} \\`,
      `  --shard "$SLURM_ARRAY_TASK_ID/${SHARDS}" --out "${jobDir}/shard-$SLURM_ARRAY_TASK_ID" --resume --workers 1 --checkpoint-ms 200 --quiet`,
      '',
    ].join('\n'), { mode: 0o755 });
    const job = slurm.must('/usr/bin/sbatch', [
      '--parsable', `--array=0-${SHARDS - 1}`, '--requeue', '--open-mode=append', '--cpus-per-task=1', `--chdir=${jobDir}`,
      `--output=${jobDir}/task-%a.log`, '--job-name=counterpoise-sweep', script,
    ]).trim().split(';')[0];
    expect(job).toMatch(/^\d+$/);

    // Requeue task 1 once it has checkpointed some runs but not finished.
    const victim = 1;
    let requeuedAt = -1;
    for (let k = 0; k < 1200 && requeuedAt < 0; k++) {
      const done = completedRuns(shardDir(victim));
      expect(existsSync(join(shardDir(victim), 'manifest.json')), 'the shard finished before it could be requeued').toBe(false);
      if (done > 0) {
        slurm.must('/usr/bin/scontrol', ['requeue', `${job}_${victim}`]);
        requeuedAt = done;
      } else await sleep(50);
    }
    expect(requeuedAt, `task ${victim} never checkpointed\n${slurm.logs()}`).toBeGreaterThan(0);
    // A requeued job waits about two minutes before it is eligible again: once it is back in the
    // queue (pending, waiting for its begin time), make it eligible now.
    let restarted = false;
    for (let k = 0; k < 300 && !restarted; k++) {
      const state = slurm.run('/usr/bin/squeue', ['-h', '-j', `${job}_${victim}`, '-o', '%T %r']).stdout.trim();
      if (state.startsWith('PENDING')) slurm.run('/usr/bin/scontrol', ['update', `jobid=${job}_${victim}`, 'StartTime=now']);
      else if (state === '' || (state.startsWith('RUNNING') && readFileSync(join(jobDir, `task-${victim}.log`), 'utf8').includes('restart 1'))) restarted = true;
      if (!restarted) await sleep(200);
    }
    expect(restarted, `task ${victim} did not start again after the requeue\n${slurm.logs()}`).toBe(true);
    const finished = await slurm.waitForEmptyQueue(150_000);
    expect(finished, `the array job did not finish\n${slurm.run('/usr/bin/squeue', []).stdout}\n${slurm.logs()}`).toBe(true);

    // The requeued task ran twice and resumed from its checkpoint; every shard is complete.
    const log = readFileSync(join(jobDir, `task-${victim}.log`), 'utf8');
    expect(log.match(/^start task 1 restart \d+$/gm), log).toEqual(['start task 1 restart 0', 'start task 1 restart 1']);
    expect(log).toMatch(/DUE TO JOB REQUEUE/);
    for (let i = 0; i < SHARDS; i++) {
      expect(existsSync(join(shardDir(i), 'manifest.json')), readFileSync(join(jobDir, `task-${i}.log`), 'utf8')).toBe(true);
    }

    const merged = join(work, 'merged');
    const m = cli(['merge', ...Array.from({ length: SHARDS }, (_, i) => shardDir(i)), '--out', merged, '--quiet']);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    const whole = join(work, 'whole');
    const w = cli(['sweep', '--design', design, '--out', whole, '--workers', '2', '--quiet']);
    expect(w.stderr).toBe('');
    expect(w.code).toBe(0);
    expect(differingFiles(merged, whole)).toEqual([]);
    expect(readFileSync(join(merged, 'runs.csv'), 'utf8').split('\r\n').length).toBe(1 + 300 + 1);
  }, 240_000);
});
