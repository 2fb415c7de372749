import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../src/cli/describeError.js';
import { importOptional, installCommand, isMissingPackage, MissingPackageError, OPTIONAL_PACKAGES } from '../../../src/node/optionalPackage.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>; optionalDependencies?: Record<string, string>;
};

/** What Node's import() and require() throw for a package that is not installed. */
const esmMissing = (name: string) => Object.assign(new Error(`Cannot find package '${name}' imported from /x/dist/chunk.js`), { code: 'ERR_MODULE_NOT_FOUND' });
const cjsMissing = (name: string) => Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- /x/dist/chunk.cjs`), { code: 'MODULE_NOT_FOUND' });

describe('optional packages (vega…, apache-arrow)', () => {
  it('are package.json optionalDependencies, not dependencies', () => {
    const optional = [...OPTIONAL_PACKAGES.report, ...OPTIONAL_PACKAGES.arrow].sort();
    expect(Object.keys(pkg.optionalDependencies ?? {}).sort()).toEqual(optional);
    for (const name of optional) expect(pkg.dependencies[name], name).toBeUndefined();
  });

  it('a missing one becomes a one-line MissingPackageError naming it and the npm command, with the ranges of package.json', async () => {
    const error = await importOptional('vega', 'report', () => Promise.reject(esmMissing('vega'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPackageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toBe(`reports and figures need the package "vega", which is not installed; install it with: npm install "vega@${pkg.optionalDependencies?.vega}" "vega-lite@${pkg.optionalDependencies?.['vega-lite']}" "vega-embed@${pkg.optionalDependencies?.['vega-embed']}"`);
    expect(installCommand('arrow')).toBe(`npm install "apache-arrow@${pkg.optionalDependencies?.['apache-arrow']}"`);
    const cjs = await importOptional('apache-arrow', 'arrow', () => Promise.reject(cjsMissing('apache-arrow'))).catch((e: unknown) => e);
    expect((cjs as Error).message).toMatch(/^Arrow output needs the package "apache-arrow", which is not installed; install it with: npm install "apache-arrow@/);
  });

  it('other failures pass through unchanged (a missing dependency of the package, a broken package)', async () => {
    const nested = esmMissing('vega-util');
    expect(isMissingPackage(nested, 'vega')).toBe(false);
    await expect(importOptional('vega', 'report', () => Promise.reject(nested))).rejects.toBe(nested);
    const broken = new SyntaxError('Unexpected token');
    await expect(importOptional('vega', 'report', () => Promise.reject(broken))).rejects.toBe(broken);
    expect(await importOptional('vega', 'report', () => Promise.resolve(42))).toBe(42);
  });

  it('the CLI shows it as one line with exit 1', () => {
    const report = describeError(new MissingPackageError('vega-embed', 'report'));
    expect(report.code).toBe(1);
    expect(report.lines).toHaveLength(1);
    expect(report.lines[0]).toMatch(/^reports and figures need the package "vega-embed", which is not installed; install it with: npm install /);
  });
});
