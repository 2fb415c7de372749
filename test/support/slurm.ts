import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The programs a local Slurm needs (Debian's slurm-wlm, slurm-client and munge put them here). */
export const SLURM_PROGRAMS = ['/usr/sbin/munged', '/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/bin/sbatch', '/usr/bin/scontrol', '/usr/bin/squeue', '/usr/bin/sinfo', '/usr/bin/scancel'];

/** The note the Slurm test skips with when Slurm is absent: what is missing and how to get it. */
export const SLURM_SKIP_NOTE = 'cluster test: Slurm and MUNGE are not installed (or not running as root); install Debian\'s '
  + '(apt-get install -y slurm-wlm munge, as root) to run the sweep as a real Slurm array job';

/**
 * Whether the Slurm test runs. Without Slurm (or without root, which its daemons need here) it skips
 * with {@link SLURM_SKIP_NOTE}, so `npm test` passes on a machine with only Node and npm; with
 * COUNTERPOISE_REQUIRE_SLURM=1 (set by .ci/run, which installs Slurm) that is a failure instead.
 */
export function slurmTestMode(): 'run' | 'skip' | 'fail' {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && SLURM_PROGRAMS.every((p) => existsSync(p))) return 'run';
  return process.env.COUNTERPOISE_REQUIRE_SLURM === '1' ? 'fail' : 'skip';
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a command of the local cluster printed. */
export interface SlurmResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A single-node Slurm cluster on localhost, every file in one folder: a MUNGE daemon with its own key
 * and socket, slurmctld and slurmd on free loopback ports, one partition `cp` with the node
 * `localhost`, process tracking by /proc (proctrack/linuxproc, no cgroups), no accounting.
 */
export class LocalSlurm {
  private constructor(readonly dir: string, readonly conf: string, readonly cpus: number) {}

  /** The environment for Slurm's commands (they read SLURM_CONF). */
  get env(): NodeJS.ProcessEnv {
    return { ...process.env, SLURM_CONF: this.conf };
  }

  /** Runs one of Slurm's commands against this cluster. */
  run(program: string, args: readonly string[]): SlurmResult {
    const r = spawnSync(program, args, { env: this.env, encoding: 'utf8', timeout: 30_000 });
    return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error?.message ?? '') };
  }

  /** Like run, but throws with the command's stderr unless it succeeds; returns stdout. */
  must(program: string, args: readonly string[]): string {
    const r = this.run(program, args);
    if (r.code !== 0) throw new Error(`${program} ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}\n${this.logs()}`);
    return r.stdout;
  }

  /** The ends of the daemons' logs, for failure messages. */
  logs(): string {
    const tail = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').split('\n').slice(-15).join('\n') : '(none)');
    return ['munged.log', 'slurmctld.log', 'slurmd.log'].map((f) => `--- ${f}\n${tail(join(this.dir, 'log', f))}`).join('\n');
  }

  /** Writes the configuration, starts munged, slurmctld and slurmd, and waits until the node is idle. */
  static async start(dir: string, cpus = 2): Promise<LocalSlurm> {
    for (const d of ['munge-key', 'munge', 'state', 'spool', 'log']) mkdirSync(join(dir, d), { recursive: true });
    chmodSync(join(dir, 'munge-key'), 0o700);
    chmodSync(join(dir, 'munge'), 0o755);
    const key = join(dir, 'munge-key', 'munge.key');
    writeFileSync(key, randomBytes(1024), { mode: 0o400 });
    const socket = join(dir, 'munge', 'munge.sock');
    const munged = spawnSync('/usr/sbin/munged', [
      '--force', `--socket=${socket}`, `--key-file=${key}`, `--pid-file=${join(dir, 'munge', 'munged.pid')}`,
      `--log-file=${join(dir, 'log', 'munged.log')}`, `--seed-file=${join(dir, 'munge', 'munged.seed')}`,
    ], { encoding: 'utf8', timeout: 30_000 });
    if (munged.status !== 0) throw new Error(`munged did not start: ${munged.stderr}`);
    const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
    const conf = join(dir, 'slurm.conf');
    writeFileSync(conf, [
      'ClusterName=counterpoise-test',
      'SlurmctldHost=localhost(127.0.0.1)',
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${slurmdPort}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${socket}`,
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
      `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'SchedulerType=sched/builtin',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_CPU',
      'MpiDefault=none',
      'ReturnToService=2',
      'InactiveLimit=0',
      'MinJobAge=300',
      'KillWait=10',
      `NodeName=localhost NodeAddr=127.0.0.1 CPUs=${cpus} State=UNKNOWN`,
      'PartitionName=cp Nodes=localhost Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'));
    const cluster = new LocalSlurm(dir, conf, cpus);
    // -i: ignore any saved state (there is none: a new folder).
    cluster.must('/usr/sbin/slurmctld', ['-f', conf, '-i']);
    cluster.must('/usr/sbin/slurmd', ['-f', conf, '-N', 'localhost']);
    for (let k = 0; k < 150; k++) {
      const state = cluster.run('/usr/bin/sinfo', ['-h', '-n', 'localhost', '-o', '%T']).stdout.trim();
      if (state === 'idle') return cluster;
      await sleep(200);
    }
    throw new Error(`the local Slurm node did not become idle in 30 s\n${cluster.logs()}`);
  }

  /** Waits until no job of the cluster is pending or running (or the time is up). */
  async waitForEmptyQueue(timeoutMs: number): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const r = this.run('/usr/bin/squeue', ['-h', '-o', '%i']);
      if (r.code === 0 && r.stdout.trim() === '') return true;
      await sleep(250);
    }
    return false;
  }

  /** The pid in a pid file, if the file is there. */
  private pidOf(file: string): number | null {
    try {
      const pid = Number(readFileSync(join(this.dir, file), 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }

  /**
   * Stops everything this cluster started: cancels its jobs, shuts slurmctld and slurmd down, stops
   * munged, and kills (by pid) any process still working in this cluster's folder — a job step whose
   * daemon is gone. Never kills by name.
   */
  async stop(): Promise<void> {
    this.run('/usr/bin/scancel', ['--partition=cp']);
    await this.waitForEmptyQueue(20_000);
    const daemons = [this.pidOf('slurmctld.pid'), this.pidOf('slurmd.pid')];
    this.run('/usr/bin/scontrol', ['shutdown']);
    spawnSync('/usr/sbin/munged', ['--stop', `--socket=${join(this.dir, 'munge', 'munge.sock')}`], { timeout: 10_000 });
    const pids = [...daemons, this.pidOf(join('munge', 'munged.pid'))].filter((p): p is number => p !== null);
    const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    for (let k = 0; k < 40 && pids.some(alive); k++) await sleep(250);
    for (const pid of pids.filter(alive)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    for (const pid of stragglers(this.dir)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
  }
}

/** Processes whose working directory is inside `dir` (job steps of this cluster). */
function stragglers(dir: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cwd = readlinkSync(`/proc/${name}/cwd`).replace(/ \(deleted\)$/, '');
      if (cwd === dir || cwd.startsWith(`${dir}/`)) out.push(Number(name));
    } catch { /* gone, or not ours to read */ }
  }
  return out;
}
