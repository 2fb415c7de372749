import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundledDataDir } from './bundledData.js';

/**
 * The packages counterpoise needs only for some outputs (package.json "optionalDependencies"):
 * vega, vega-lite and vega-embed for reports and figures, apache-arrow for Arrow files. They are
 * loaded on first use, so `import 'counterpoise'` and the work that writes no report or Arrow file
 * run without them (e.g. after `npm install --omit=optional`).
 */
export const OPTIONAL_PACKAGES = {
  report: ['vega', 'vega-lite', 'vega-embed'],
  arrow: ['apache-arrow'],
} as const;

/** A feature that needs optional packages. */
export type OptionalFeature = keyof typeof OPTIONAL_PACKAGES;

const FEATURE_NAMES: Readonly<Record<OptionalFeature, string>> = {
  report: 'reports and figures need',
  arrow: 'Arrow output needs',
};

/**
 * Thrown when an optional package a feature needs is not installed. The message is one line: the
 * package and the npm command that installs what the feature needs.
 */
export class MissingPackageError extends Error {
  /** The package that could not be loaded. */
  readonly packageName: string;

  constructor(packageName: string, feature: OptionalFeature, options?: { cause?: unknown }) {
    super(`${FEATURE_NAMES[feature]} the package "${packageName}", which is not installed; install it with: ${installCommand(feature)}`, options);
    this.name = 'MissingPackageError';
    this.packageName = packageName;
  }
}

/** The version ranges of counterpoise's optional dependencies, from its package.json (empty if unreadable). */
function optionalRanges(): Readonly<Record<string, string>> {
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(bundledDataDir()), 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
    return pkg.optionalDependencies ?? {};
  } catch {
    return {};
  }
}

/** `npm install "vega@^6.4.0" …`: the packages of a feature, at the ranges counterpoise was built with. */
export function installCommand(feature: OptionalFeature): string {
  const ranges = optionalRanges();
  return `npm install ${OPTIONAL_PACKAGES[feature].map((p) => (ranges[p] === undefined ? p : `"${p}@${ranges[p]}"`)).join(' ')}`;
}

/** Whether an error of import() or require() says that `packageName` itself cannot be found. */
export function isMissingPackage(error: unknown, packageName: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  const message = error instanceof Error ? error.message : '';
  return message.includes(`'${packageName}'`) || message.includes(`"${packageName}"`) || message.includes(`'${packageName}/`);
}

/**
 * Loads an optional package with the given loader (an `import()` of it, kept literal so bundlers
 * and types see it), turning "not installed" into a {@link MissingPackageError}.
 * @internal
 */
export async function importOptional<T>(packageName: string, feature: OptionalFeature, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissingPackage(error, packageName)) throw new MissingPackageError(packageName, feature, { cause: error });
    throw error;
  }
}
