import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStack, repoRoot, tempDir } from './cliHarness.js';

const COMMANDS = ['run', 'validate', 'list', 'explain', 'report', 'observed', 'explore', 'calibrate'];

describe('counterpoise (the executable)', () => {
  it('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const r = cli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(version);
      expect(r.stderr).toBe('');
    }
  });

  it('--help (and no arguments) lists every command, the exit codes and examples', () => {
    for (const args of [['--help'], ['-h'], []]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
      expect(r.stdout).toContain('Exit codes: 0 success, 1 run failure, 2 bad input or usage');
      expect(r.stdout).toContain('Examples:');
    }
  });

  it.each(COMMANDS)('%s --help shows its usage, options, examples and exit codes', (command) => {
    const r = cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: counterpoise ${command}`));
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stderr).toBe('');
    // `help <command>` is the same.
    expect(cli(['help', command]).stdout).toBe(r.stdout);
  });

  it('an unknown command: exit 2, one line naming it, and a usage hint', () => {
    const r = cli(['rnu', 'concert-of-europe']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('counterpoise: unknown command "rnu" (did you mean run?)');
    expect(lines[1]).toBe('Run "counterpoise --help" for usage.');
    expect(lines).toHaveLength(2);
  });

  it('an unknown flag: exit 2, one line naming it, and the command\'s usage hint', () => {
    const r = cli(['run', 'concert-of-europe', '--seeed', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('counterpoise: unknown option --seeed for "run"\nRun "counterpoise run --help" for usage.\n');
    expect(cli(['--frobnicate']).code).toBe(2);
  });

  it('a flag without its value, and a malformed number: exit 2 with a usage hint', () => {
    const missing = cli(['run', 'concert-of-europe', '--ticks']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe('counterpoise: --ticks needs a value');
    expect(missing.stderr).toContain('Run "counterpoise run --help" for usage.');
    const bad = cli(['run', 'concert-of-europe', '--ticks', 'ten']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('counterpoise: --ticks must be a whole number, got "ten"');
    expect(hasStack(bad.stderr)).toBe(false);
  });

  it('errors carry no stack trace unless --debug is given', () => {
    const plain = cli(['report', join(repoRoot, 'package.json')]);
    expect(plain.code).toBe(2);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStack(plain.stderr)).toBe(false);
    const debug = cli(['report', join(repoRoot, 'package.json'), '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toBe(plain.stderr.split('\n')[0]);
    expect(hasStack(debug.stderr)).toBe(true);
  });

  it('colours: none when NO_COLOR is set (even with FORCE_COLOR), ANSI codes with FORCE_COLOR alone, none when piped', () => {
    const tmp = tempDir();
    const args = ['run', 'concert-of-europe', '--ticks', '3', '--out', join(tmp.dir, 'run')];
    const forced = cli(args, { env: { FORCE_COLOR: '1' } });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('\u001b[');
    const noColor = cli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.code).toBe(0);
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(noColor.stderr).not.toContain('\u001b[');
    const piped = cli(args);
    expect(piped.stdout).not.toContain('\u001b[');
    // Same text once the codes are stripped.
    // eslint-disable-next-line no-control-regex
    expect(forced.stdout.replace(/\u001b\[\d+m/g, '')).toBe(noColor.stdout);
    const errColour = cli(['nope'], { env: { FORCE_COLOR: '1' } });
    expect(errColour.stderr).toContain('\u001b[31m');
    expect(cli(['nope'], { env: { FORCE_COLOR: '1', NO_COLOR: 'yes' } }).stderr).not.toContain('\u001b[');
    tmp.remove();
  });
});
