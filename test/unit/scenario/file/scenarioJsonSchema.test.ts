import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioFileSchema } from '../../../../src/scenario/file/scenarioFileSchema.js';
import { scenarioJsonSchema } from '../../../../src/scenario/file/scenarioJsonSchema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'scenarios');
const committedPath = join(root, 'schema', 'scenario.schema.json');

// ajv is CommonJS: its module object is the class, and also carries it as `default`.
const Ajv2020 = Ajv2020Module.default;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(scenarioJsonSchema());

const read = (file: string): unknown => parse(readFileSync(file, 'utf8'));
const files = (dir: string): string[] => (existsSync(dir)
  ? readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => join(dir, f))
  : []);

describe('schema/scenario.schema.json', () => {
  it('is the committed copy of a fresh generation from the zod file schema', () => {
    const fresh = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : '(missing)';
    expect(committed === fresh, 'schema/scenario.schema.json is out of date: run `npm run schema` and commit the result').toBe(true);
  });

  it('is draft 2020-12, describes its fields, and requires what the zod schema requires', () => {
    const schema = scenarioJsonSchema() as { $schema: string; required: string[]; properties: Record<string, { description?: string }> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['meta', 'states']);
    for (const key of ['meta', 'states', 'dyads', 'alliances', 'trade', 'institutions', 'system', 'parameters', 'events', 'sources']) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
    }
  });
});

describe('the JSON Schema and the zod schema agree', () => {
  const good = [...files(fixtures), ...files(join(root, 'scenarios'))];

  it.each(good.map((f) => [f.slice(root.length + 1), f]))('both accept %s', (_name, file) => {
    const value = read(file);
    expect(scenarioFileSchema.safeParse(value).success).toBe(true);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  const base = { meta: { id: 't' }, states: [{ id: 'A', capabilities: { mil: 1, eco: 1, pop: 1 } }, { id: 'B', capabilities: { source: 'nmc', year: 1816 } }] };
  const bad: [string, unknown][] = [
    ['unknown field (fixture)', read(join(fixtures, 'bad', 'unknown-field.yaml'))],
    ['wrong type (fixture)', read(join(fixtures, 'bad', 'wrong-type.json'))],
    ['unknown data source', { ...base, states: [base.states[0], { id: 'B', capabilities: { source: 'nmx' } }] }],
    ['source with inline components', { ...base, states: [base.states[0], { id: 'B', capabilities: { source: 'nmc', milex: 3 } }] }],
    ['members reference without ioname', { ...base, institutions: [{ id: 'Q', members: { source: 'igo' } }] }],
    ['major as text', { ...base, states: [{ ...base.states[0], major: 'yes' }, base.states[1]] }],
    ['unknown alliance obligation', { ...base, alliances: { source: 'cow', obligations: ['friendship'] } }],
    ['NMC version as a number', { ...base, data: { nmc: 7 } }],
    ['a source note without source', { ...base, sources: [{ field: 'x' }] }],
    ['one state', { ...base, states: [base.states[0]] }],
  ];

  it.each(bad)('both reject: %s', (_name, value) => {
    expect(scenarioFileSchema.safeParse(value).success).toBe(false);
    expect(validate(value)).toBe(false);
  });

  it('a plain core scenario is a valid file', () => {
    const core = { ...base, states: [base.states[0], { id: 'B', capabilities: { milex: 1, milper: 1, irst: 1, pec: 1, tpop: 1, upop: 1 } }] };
    expect(scenarioFileSchema.safeParse(core).success).toBe(true);
    expect(validate(core)).toBe(true);
  });
});
