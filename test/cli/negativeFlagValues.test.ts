import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/parseCommandArgs.js';
import { cliInProcess } from './inProcessCli.js';

const OPTIONS = { seed: { type: 'string', short: 's' }, ticks: { type: 'string', short: 't' }, report: { type: 'boolean' } } as const;

describe('a negative number as a flag\'s value', () => {
  it('is taken as the flag\'s value (`--seed -1`, `-t -3`), so the flag\'s own check can name its range', () => {
    expect(parseCommandArgs('run', ['x', '--seed', '-1', '-t', '-3'], OPTIONS).values).toMatchObject({ seed: '-1', ticks: '-3' });
    expect(parseCommandArgs('run', ['--seed', '-.5'], OPTIONS).values.seed).toBe('-.5');
    // After `--` everything is a positional.
    expect(parseCommandArgs('run', ['--', '--seed', '-1'], OPTIONS).positionals).toEqual(['--seed', '-1']);
  });

  it('a flag followed by another flag says it needs a value, naming the long flag', () => {
    expect(() => parseCommandArgs('run', ['--seed', '--report'], OPTIONS)).toThrow('--seed needs a value (for a value starting with "-", write --seed=-…)');
    expect(() => parseCommandArgs('run', ['-s', '-x'], OPTIONS)).toThrow('--seed needs a value');
    expect(() => parseCommandArgs('run', ['--report=yes'], OPTIONS)).toThrow('--report takes no value');
  });

  it('run --seed -1: exit 2, the seed\'s range, naming the flag', async () => {
    const r = await cliInProcess(['run', 'concert-of-europe', '--seed', '-1']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('counterpoise: --seed must be a whole number in [0, 2^48), got "-1"');
    expect(r.stderr).toContain('Run "counterpoise run --help" for usage.');
  });

  it('explain --tick -3 and run -t -3: exit 2, a whole number ≥ 0 (≥ 1), naming the flag', async () => {
    const explain = await cliInProcess(['explain', 'concert-of-europe', '--state', 'UKG', '--tick', '-3']);
    expect(explain.code).toBe(2);
    expect(explain.stderr.split('\n')[0]).toBe('counterpoise: --tick must be a whole number ≥ 0, got "-3"');
    const run = await cliInProcess(['run', 'concert-of-europe', '-t', '-3']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('counterpoise: --ticks must be a whole number ≥ 1, got "-3"');
  });
});
