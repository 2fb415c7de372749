/** CITATION.cff: valid CFF 1.2.0 fields, and the same version and licence as package.json (it ships in the package). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string; license: string; files: string[] };

describe('CITATION.cff', () => {
  const cff = parse(readFileSync(new URL('CITATION.cff', root), 'utf8')) as Record<string, unknown>;

  it('has the fields CFF 1.2.0 requires and the ones this project gives', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    expect(typeof cff.message).toBe('string');
    expect(cff.type).toBe('software');
    expect(typeof cff.title).toBe('string');
    expect(typeof cff.abstract).toBe('string');
    expect(cff.authors).toEqual([{ name: 'The counterpoise developers' }]);
    expect(Array.isArray(cff.keywords) && cff.keywords.length > 0).toBe(true);
    expect(Object.keys(cff).filter((k) => !['cff-version', 'message', 'type', 'title', 'abstract', 'authors', 'version', 'license', 'keywords'].includes(k))).toEqual([]);
  });

  it('states the version and licence of package.json, and ships in the package', () => {
    expect(cff.version).toBe(pkg.version);
    expect(cff.license).toBe(pkg.license);
    expect(pkg.files).toContain('CITATION.cff');
  });
});
