import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundledScenariosDir } from './bundledScenariosDir.js';

/** One scenario of the library, as {@link listBundledScenarios} describes it. */
export interface BundledScenario {
  /** The name `loadScenario` takes (the file name without `.yaml`). */
  readonly name: string;
  /** `meta.id` (the name, if the file has none). */
  readonly id: string;
  /** `meta.title`. */
  readonly title: string;
  /** The first sentence of `meta.description`, on one line. */
  readonly description: string;
  /** The absolute path of the file. */
  readonly path: string;
}

/** Options of {@link listBundledScenarios}. */
export interface ListBundledScenariosOptions {
  /** The folder to list; default: the package's `scenarios/`. */
  dir?: string;
}

/**
 * The bundled scenarios (`scenarios/*.yaml` in the package), sorted by name, with the id, title
 * and one-line description of each, read from `meta` without resolving the scenario (so a broken
 * file is still listed; `loadScenario` reports its problems). An absent folder lists nothing.
 */
export function listBundledScenarios(options: ListBundledScenariosOptions = {}): BundledScenario[] {
  const dir = options.dir ?? bundledScenariosDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.yaml'.length);
      const path = join(dir, f);
      const meta = readMeta(path);
      return {
        name,
        id: typeof meta.id === 'string' ? meta.id : name,
        title: typeof meta.title === 'string' ? meta.title : '',
        description: typeof meta.description === 'string' ? firstSentence(meta.description) : '',
        path,
      };
    });
}

function readMeta(path: string): Record<string, unknown> {
  try {
    const value: unknown = parse(readFileSync(path, 'utf8'));
    const meta = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).meta : undefined;
    return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The text up to the end of its first sentence, white space collapsed. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+[A-Z]|$)/.exec(flat);
  return end === null ? flat : flat.slice(0, end.index + 1);
}
