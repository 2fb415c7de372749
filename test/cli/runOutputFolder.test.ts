import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliPath, hasStack, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** Every file of a folder, figures/ included, sorted. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

function runJsonFiles(dir: string): string[] {
  return (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { files: { name: string }[] }).files.map((f) => f.name);
}

function errorLines(stderr: string): string[] {
  return stderr.trim().split('\n').filter((l) => !l.startsWith('note: '));
}

describe('counterpoise run: the output folder (issue #11, items 3 and 4)', () => {
  it('refuses a folder that holds a sweep (exit 2, one line), keeps it, and replaces it with --overwrite', () => {
    const dir = join(tmp.dir, 'sweep-here');
    mkdirSync(dir);
    const manifest = JSON.stringify({ kind: 'counterpoise-sweep', complete: true });
    writeFileSync(join(dir, 'manifest.json'), manifest);
    writeFileSync(join(dir, 'runs.csv'), 'run\r\n0\r\n');
    const r = cli(['run', 'concert-of-europe', '--ticks', '3', '--out', dir]);
    expect(r.code).toBe(2);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dir);
    expect(lines[0]).toMatch(/holds a sweep; pass --overwrite to replace it, or choose another --out/);
    expect(hasStack(r.stderr)).toBe(false);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(readFileSync(join(dir, 'runs.csv'), 'utf8')).toBe('run\r\n0\r\n');

    const forced = cli(['run', 'concert-of-europe', '--ticks', '3', '--out', dir, '--overwrite', '--quiet']);
    expect(forced.code).toBe(0);
    expect(listing(dir)).toEqual([...runJsonFiles(dir)].sort());
  });

  it('refuses a folder that holds files run did not write, naming them', () => {
    const dir = join(tmp.dir, 'notes-here');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const r = cli(['run', 'concert-of-europe', '--ticks', '3', '--out', dir]);
    expect(r.code).toBe(2);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${dir}: holds files counterpoise run did not write (notes.txt)`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('a second run into the same folder leaves exactly the new run (no stale tables, report or figures)', () => {
    const dir = join(tmp.dir, 'again');
    expect(cli(['run', 'concert-of-europe', '--ticks', '6', '--seed', '42', '--format', 'csv,ndjson,arrow', '--report', '--out', dir, '--quiet']).code).toBe(0);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'states.arrow'))).toBe(true);
    // A report made afterwards by `counterpoise report` is the run's too: still replaceable.
    const r = cli(['run', 'concert-of-europe', '--ticks', '4', '--seed', '7', '--out', dir, '--quiet']);
    expect(r.code).toBe(0);
    expect(listing(dir)).toEqual([...runJsonFiles(dir)].sort());
    expect(listing(dir).some((f) => f.endsWith('.ndjson') || f.endsWith('.arrow') || f.startsWith('figures') || f === 'report.html')).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'))).toMatchObject({ seed: 7, ticks: 4 });
    // Nothing is left beside it either (the staged folder was renamed into place).
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('.again'))).toEqual([]);
  });
});

describe('counterpoise report: an incomplete run folder (issue #11, item 5)', () => {
  it('refuses a folder whose table was cut short: exit 2, one line naming the file', () => {
    const dir = join(tmp.dir, 'cut');
    expect(cli(['run', 'concert-of-europe', '--ticks', '5', '--out', dir, '--quiet']).code).toBe(0);
    truncateSync(join(dir, 'states.csv'), 100);
    const r = cli(['report', dir]);
    expect(r.code).toBe(2);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(join(dir, 'states.csv'));
    expect(lines[0]).toMatch(/incomplete: 100 bytes where run\.json records \d+/);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });
});

/**
 * A full disk: a 300 KiB tmpfs in a private mount namespace (as root: CI runs as root). Where
 * unshare or mount is not permitted, the tests say so on the console and are skipped.
 */
function tmpfsAvailable(): string | null {
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=300k tmpfs ${JSON.stringify(tmp.dir)} && echo ok`], { encoding: 'utf8' });
  return probe.stdout.trim() === 'ok' ? null : (probe.stderr.trim() || String(probe.error ?? 'unshare failed'));
}
const noTmpfs = tmpfsAvailable();
if (noTmpfs !== null) console.log(`full-disk tests skipped: cannot mount a small tmpfs here (unshare -m + mount, needs root): ${noTmpfs}`);

/** Runs a shell script with a 300 KiB tmpfs mounted on `mount` (a private namespace: gone afterwards). */
function onSmallDisk(mount: string, script: string): { code: number | null; stdout: string; stderr: string } {
  mkdirSync(mount, { recursive: true });
  const r = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=300k tmpfs ${mount} && ${script}`], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(noTmpfs !== null)('a full disk (issue #11, item 5)', () => {
  const node = JSON.stringify(process.execPath);
  const cliFile = JSON.stringify(cliPath);

  it('run: one line, exit 1, no cut file under a final name, and an earlier run in the folder is kept', () => {
    const mount = join(tmp.dir, 'disk-run');
    const out = join(mount, 'coe');
    const r = onSmallDisk(mount, [
      `${node} ${cliFile} run concert-of-europe --ticks 3 --out ${out} --quiet; echo "first=$?"`,
      `cp ${out}/run.json ${mount}/../run-before.json`,
      `${node} ${cliFile} run concert-of-europe --ticks 300 --format csv,ndjson,arrow --out ${out}; echo "second=$?"`,
      `ls -A ${mount}; echo ---; ls -A ${out}; cmp ${out}/run.json ${mount}/../run-before.json && echo kept`,
    ].join('; '));
    expect(r.stdout).toContain('first=0');
    expect(r.stdout).toContain('second=1');
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`counterpoise: ${out}: could not write the outputs: no space left on the device (ENOSPC); ${out} was left as it was`);
    expect(r.stderr).not.toContain('AsyncQueue');
    expect(hasStack(r.stderr)).toBe(false);
    const [top, inside] = r.stdout.split('---');
    expect(top.trim().split('\n').filter((l) => !l.includes('='))).toEqual(['coe']);
    expect(inside).toContain('kept');
    expect(inside).not.toContain('.arrow');
  });

  it('sweep: one line, exit 1 (the checkpoint stays for --resume)', () => {
    const mount = join(tmp.dir, 'disk-sweep');
    const spec = join(tmp.dir, 'disk-sweep.yaml');
    writeFileSync(spec, 'ticks: 150\nreplicates: 3\ndesign:\n  type: grid\n  parameters:\n    system.lambda: { min: 0, max: 1, levels: 3 }\n');
    const r = onSmallDisk(mount, `${node} ${cliFile} sweep concert-of-europe --design ${spec} --workers 1 --out ${mount}/sw --quiet; echo "code=$?"`);
    expect(r.stdout).toContain('code=1');
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^counterpoise: .*sw: could not write the outputs: no space left on the device \(ENOSPC\); make room, then run the same command with --resume/);
    expect(hasStack(r.stderr)).toBe(false);
  });
});
