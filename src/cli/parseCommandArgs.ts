import { parseArgs } from 'node:util';
import { UsageError } from './CliError.js';
import type { CommandArgs, CommandOptions } from './Command.js';

/** The flags every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
  debug: { type: 'boolean' },
} as const satisfies CommandOptions;

/**
 * Parses a command's arguments strictly (unknown flags and missing values are usage errors) with
 * node's util.parseArgs, its own flags plus {@link COMMON_OPTIONS}.
 * @throws UsageError with a plain message naming the flag.
 */
export function parseCommandArgs(command: string, argv: readonly string[], options: CommandOptions): CommandArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true,
    });
    return { values, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`unknown option ${flag} for "${command}"`, command);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      // node: "Option '-t, --ticks <value>' argument missing" or "Option '--report' does not take an argument".
      const flag = /(--[\w-]+)/.exec(message)?.[1] ?? 'an option';
      throw new UsageError(/argument missing/.test(message) ? `${flag} needs a value` : `${flag} takes no value`, command);
    }
    throw new UsageError(message, command);
  }
}

/** A whole number ≥ `min` from a flag's text. @throws UsageError naming the flag. */
export function intFlag(command: string, flag: string, text: string | undefined, fallback: number, min = 0): number {
  if (text === undefined) return fallback;
  if (!/^[+-]?\d+$/.test(text.trim())) throw new UsageError(`--${flag} must be a whole number, got "${text}"`, command);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${flag} must be a whole number ≥ ${min}, got "${text}"`, command);
  return n;
}

/** The largest seed + 1: seeds are whole numbers in [0, 2^48), as the experiments' run seeds. */
const SEED_LIMIT = 2 ** 48;

/** A seed from --seed: a whole number in [0, 2^48). @throws UsageError naming the flag. */
export function seedFlag(command: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !(n < SEED_LIMIT)) throw new UsageError(`--seed must be a whole number in [0, 2^48), got "${text}"`, command);
  return n;
}

/** A comma-separated list flag (`--format csv,ndjson`), each item checked against `allowed`. */
export function listFlag<T extends string>(command: string, flag: string, text: string | undefined, allowed: readonly T[], fallback: T[]): T[] {
  if (text === undefined) return fallback;
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new UsageError(`--${flag} needs at least one of ${allowed.join(', ')}`, command);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new UsageError(`--${flag}: unknown value "${item}" (expected ${allowed.join(', ')})`, command);
    }
  }
  return [...new Set(items)] as T[];
}

/** The one positional a command takes. @throws UsageError when it is missing or there are more. */
export function onePositional(command: string, args: CommandArgs, what: string): string {
  if (args.positionals.length === 0) throw new UsageError(`missing ${what}`, command);
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument "${args.positionals[1]}" (give one ${what})`, command);
  return args.positionals[0];
}
