/**
 * docs/scenario-format.md cannot rot: its example is the fixture that loads, and it documents
 * every field of the file schema and every model parameter with its current default.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../../../src/model/defaultParameters.js';
import { loadScenario } from '../../../../src/node/loadScenario.js';
import {
  affinitySeedReferenceSchema, alliancesReferenceSchema, dataSettingsSchema, historySchema, igoMembersReferenceSchema, nmcCapabilitiesReferenceSchema, scenarioFileSchema,
  sourceNoteSchema, tradeReferenceSchema,
} from '../../../../src/scenario/file/scenarioFileSchema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const doc = readFileSync(join(root, 'docs', 'scenario-format.md'), 'utf8');
const examplePath = join(root, 'test', 'fixtures', 'scenarios', 'example.yaml');

/** The keys of an object schema, unwrapping defaults, optionals and arrays. */
function keysOf(schema: z.ZodType): string[] {
  let s = schema as unknown as { shape?: Record<string, z.ZodType>; unwrap?: () => z.ZodType; element?: z.ZodType; _zod: { def: { type: string; innerType?: z.ZodType } } };
  for (let hops = 0; s.shape === undefined && hops < 5; hops++) {
    const inner = s._zod.def.innerType ?? s.element;
    if (inner === undefined) break;
    s = inner as unknown as typeof s;
  }
  return Object.keys(s.shape ?? {});
}

/** The rows of the markdown table that follows `## heading` (first column, without backticks). */
function documentedFields(heading: string): string[] {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, `section "## ${heading}"`).toBeGreaterThan(-1);
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]);
}

describe('docs/scenario-format.md', () => {
  it('embeds test/fixtures/scenarios/example.yaml verbatim, and the example loads', () => {
    const marker = '<!-- example: test/fixtures/scenarios/example.yaml -->\n```yaml\n';
    const at = doc.indexOf(marker);
    expect(at).toBeGreaterThan(-1);
    const embedded = doc.slice(at + marker.length, doc.indexOf('```\n', at + marker.length));
    expect(embedded).toBe(readFileSync(examplePath, 'utf8'));
    const scenario = loadScenario(examplePath);
    expect(scenario.meta.id).toBe('example');
    expect(scenario.states).toHaveLength(6);
  });

  it('embeds test/fixtures/parameters/with-fitted.yaml verbatim, and it loads with the fitted values', () => {
    const marker = '<!-- example: test/fixtures/parameters/with-fitted.yaml -->\n```yaml\n';
    const at = doc.indexOf(marker);
    expect(at).toBeGreaterThan(-1);
    const file = join(root, 'test', 'fixtures', 'parameters', 'with-fitted.yaml');
    expect(doc.slice(at + marker.length, doc.indexOf('```\n', at + marker.length))).toBe(readFileSync(file, 'utf8'));
    const scenario = loadScenario(file);
    expect(scenario.parameters.kappaHI).toBe(1.90075);
    expect(scenario.parameters.kappaSE).toBe(1.6);
  });

  it('embeds test/fixtures/paths/history.yaml verbatim, and it loads with its paths', () => {
    const marker = '<!-- example: test/fixtures/paths/history.yaml -->\n```yaml\n';
    const at = doc.indexOf(marker);
    expect(at).toBeGreaterThan(-1);
    const file = join(root, 'test', 'fixtures', 'paths', 'history.yaml');
    expect(doc.slice(at + marker.length, doc.indexOf('```\n', at + marker.length))).toBe(readFileSync(file, 'utf8'));
    const scenario = loadScenario(file);
    expect(scenario.paths?.capabilities.map((c) => c.state)).toEqual(['UKG', 'GMY', 'FRN', 'RUS', 'USA', 'BUL']);
    expect(scenario.paths?.lastYear).toBe(1914);
  });

  it('embeds test/fixtures/paths/nil.yaml and absorption.yaml verbatim, and they load', () => {
    for (const name of ['nil', 'absorption']) {
      const marker = `<!-- example: test/fixtures/paths/${name}.yaml -->\n\`\`\`yaml\n`;
      const at = doc.indexOf(marker);
      expect(at, name).toBeGreaterThan(-1);
      const file = join(root, 'test', 'fixtures', 'paths', `${name}.yaml`);
      expect(doc.slice(at + marker.length, doc.indexOf('```\n', at + marker.length))).toBe(readFileSync(file, 'utf8'));
    }
    const nil = loadScenario(join(root, 'test', 'fixtures', 'paths', 'nil.yaml'));
    expect(nil.paths?.notes.map((n) => [n.path, n.kind, n.years.length])).toEqual([['states[2].capabilities.eco', 'smallest', 7]]);
    const absorbed = loadScenario(join(root, 'test', 'fixtures', 'paths', 'absorption.yaml'));
    expect(absorbed.states.map((st) => st.spells?.[0]?.into)).toEqual([undefined, undefined, undefined, 'GMY', 'ITA']);
  });

  it('embeds test/fixtures/statuses/statuses.yaml verbatim, and it loads with its statuses and status event (model §5.11)', () => {
    const marker = '<!-- example: test/fixtures/statuses/statuses.yaml -->\n```yaml\n';
    const at = doc.indexOf(marker);
    expect(at).toBeGreaterThan(-1);
    const file = join(root, 'test', 'fixtures', 'statuses', 'statuses.yaml');
    expect(doc.slice(at + marker.length, doc.indexOf('```\n', at + marker.length))).toBe(readFileSync(file, 'utf8'));
    const scenario = loadScenario(file);
    const eu = scenario.institutions.find((q) => q.id === 'EU');
    expect(eu?.members).toEqual(['GMY', 'FRN']);
    expect(eu?.statuses).toEqual([{ state: 'TUR', status: 'candidate' }]);
    expect(scenario.events[0].changes).toEqual([{ type: 'set-status', institution: 'SCO', state: 'TUR', status: 'observer' }]);
  });

  it('embeds test/fixtures/veto/veto.yaml verbatim, and it loads with its veto holders (model §5.12, note N60)', () => {
    const marker = '<!-- example: test/fixtures/veto/veto.yaml -->\n```yaml\n';
    const at = doc.indexOf(marker);
    expect(at).toBeGreaterThan(-1);
    const file = join(root, 'test', 'fixtures', 'veto', 'veto.yaml');
    expect(doc.slice(at + marker.length, doc.indexOf('```\n', at + marker.length))).toBe(readFileSync(file, 'utf8'));
    const un = loadScenario(file).institutions[0];
    expect(un).toMatchObject({ id: 'UN', decisionRule: 'majority', vetoMembers: ['USA', 'RUS', 'UKG'] });
  });

  it('embeds test/fixtures/affinity/example.yaml verbatim, and it loads with the seeds combined (N54)', () => {
    const marker = '<!-- example: test/fixtures/affinity/example.yaml -->\n```yaml\n';
    const at = doc.indexOf(marker);
    expect(at).toBeGreaterThan(-1);
    const file = join(root, 'test', 'fixtures', 'affinity', 'example.yaml');
    expect(doc.slice(at + marker.length, doc.indexOf('```\n', at + marker.length))).toBe(readFileSync(file, 'utf8'));
    const pairs = new Map(loadScenario(file).affinity?.pairs.map((p) => [p.between.join('-'), p.value]));
    expect(pairs.get('BLR-RUS')).toBe(0.8);
    expect(pairs.get('CHN-RUS')).toBe(0.6);
    expect(pairs.get('RUS-UKR')).toBe(-0.5);
    expect(pairs.get('BLR-UKR')).toBeGreaterThan(0); // from the data: both in the CIS treaties of 2012
  });

  it('documents every section and every field of the file schema', () => {
    const shape = scenarioFileSchema.shape;
    expect(documentedFields('The sections').sort()).toEqual(Object.keys(shape).sort());
    const cases: [string, z.ZodType[]][] = [
      ['meta', [shape.meta]],
      ['data', [dataSettingsSchema]],
      ['states', [shape.states]],
      ['dyads', [shape.dyads]],
      ['alliances', [alliancesReferenceSchema]],
      ['trade', [tradeReferenceSchema]],
      ['history: data that move year by year', [historySchema]],
      ['perceptions', [shape.perceptions]],
      ['affinity', [shape.affinity, affinitySeedReferenceSchema]],
      ['institutions', [shape.institutions, igoMembersReferenceSchema]],
      ['system', [shape.system]],
      ['events', [shape.events]],
      ['sources', [sourceNoteSchema]],
    ];
    for (const [heading, schemas] of cases) {
      const documented = new Set(documentedFields(heading));
      for (const schema of schemas) expect(keysOf(schema).length, heading).toBeGreaterThan(0);
      for (const key of schemas.flatMap(keysOf)) expect(documented.has(key), `${heading}: ${key}`).toBe(true);
    }
    // The capability reference's fields are described in the states section's prose.
    for (const key of keysOf(nmcCapabilitiesReferenceSchema)) expect(doc).toContain(key);
  });

  it('lists every model parameter with its current default', () => {
    const rows = new Map([...doc.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()]));
    for (const [key, value] of Object.entries(defaultParameters())) {
      if (key === 'omega') continue;
      expect(rows.get(key), key).toBe(String(value));
    }
  });
});
