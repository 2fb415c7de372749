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
  const all = { ...COMMON_OPTIONS, ...options };
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(argv, all), options: all, allowPositionals: true, strict: true,
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
      // node: "Option '-t, --ticks <value>' argument missing", "Option '--report' does not take an argument",
      // or "Option '--seed' argument is ambiguous" (the next argument starts with "-": `--seed --quiet`).
      const flag = longFlag(/'(-[^' ,]+)/.exec(message)?.[1], all) ?? 'an option';
      if (/argument missing/.test(message)) throw new UsageError(`${flag} needs a value`, command);
      if (/ambiguous/.test(message)) {
        throw new UsageError(`${flag} needs a value (for a value starting with "-", write ${flag}=-…)`, command);
      }
      throw new UsageError(`${flag} takes no value`, command);
    }
    throw new UsageError(message, command);
  }
}

/** `--name` for a flag as node's messages name it (`-t` or `--ticks`). */
function longFlag(flag: string | undefined, options: CommandOptions): string | undefined {
  if (flag === undefined || flag.startsWith('--')) return flag;
  const name = Object.entries(options).find(([, o]) => o.short === flag.slice(1))?.[0];
  return name === undefined ? flag : `--${name}`;
}

/** A negative number as a flag's value: `-1`, `-3.5`, `-.5`, `-1e3`. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * Joins a value-taking flag and a negative number after it (`--seed -1`, `-t -3`) into one
 * argument (`--seed=-1`), which node's parseArgs would otherwise reject as ambiguous; the flag's
 * own check then says what range it takes. Arguments after `--` are left alone.
 */
function joinNegativeValues(argv: readonly string[], options: CommandOptions): string[] {
  const takesValue = (arg: string): string | undefined => {
    const name = arg.startsWith('--') ? arg.slice(2)
      : /^-[^-]$/.test(arg) ? Object.entries(options).find(([, o]) => o.short === arg.slice(1))?.[0] : undefined;
    return name !== undefined && Object.hasOwn(options, name) && options[name].type === 'string' ? name : undefined;
  };
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { out.push(...argv.slice(i)); break; }
    const name = takesValue(arg);
    const next = argv[i + 1];
    if (name !== undefined && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
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
