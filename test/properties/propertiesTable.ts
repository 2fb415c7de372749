import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { THEORY_PROPERTIES, type TheoryProperty } from '../../src/testing/index.js';

/** Where each property is tested: the first file under `dir` with a test named `<id> …`. */
export function testFiles(root: string, dir: string, suffix = ''): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.test.ts')).sort()) {
    const text = readFileSync(path.join(root, dir, file), 'utf8');
    for (const p of THEORY_PROPERTIES) {
      if (new RegExp(`\\bit\\(\\s*'${p.id} ${suffix}`).test(text)) found.set(p.id, [...(found.get(p.id) ?? []), `${dir}/${file}`]);
    }
  }
  return found;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const TYPE: Record<TheoryProperty['type'], string> = { theory: 'theory', form: 'form', engineering: 'engineering', hypothesis: 'switchable hypothesis' };

/** docs/properties.md, generated from THEORY_PROPERTIES and the test files. */
export function propertiesTable(root: string): string {
  const tests = testFiles(root, 'test/properties');
  const broken = testFiles(root, 'test/properties/broken', 'broken');
  const lines = [
    '# Properties of the theory',
    '',
    '<!-- Generated from THEORY_PROPERTIES (src/testing/properties) and the test files by',
    '     test/properties/propertiesTable.test.ts. Do not edit: regenerate with',
    '     UPDATE_PROPERTIES_TABLE=1 npx vitest run test/properties/propertiesTable.test.ts -->',
    '',
    'Every property of THEORY.md §6 is a fast-check property in `counterpoise/testing` (`THEORY_PROPERTIES`),',
    'run by the test file named below against the reference model with parameters drawn from the admissible',
    'set 𝒫, and by a companion test in `test/properties/broken/` against a deliberately broken variant that it',
    'must catch. Types follow THEORY §6: theory (T), form (F), engineering (E), switchable hypothesis (H, tested',
    'with its switch on). See docs/testing.md for running the suite against your own model.',
    '',
    'P17–P20 and E13–E14 are not rows of THEORY §6: they are strict forms of its properties, added when mutation',
    'testing (docs/testing.md) showed that the weak inequalities of P1, P7, P13, P14, E1 and E2 still hold when a',
    'term with a nonzero coefficient vanishes or changes sign. Where §5.4–§5.6 give such a term a definite effect,',
    'they test it strictly and at its exact rate.',
    '',
    'P21–P23 are the properties of the reference model v2 (issue #13; docs/model.md §5.2 and §5.7, model notes N31',
    'and N32): beliefs inferred from behaviour with a half-life, the spiral of the security dilemma, and power shifts',
    'within Walt\'s aggregate-power factor. Each is strict where the model gives its term a definite effect.',
    '',
    '| id | statement | source | type | test file |',
    '|---|---|---|---|---|',
    ...THEORY_PROPERTIES.map((p) => `| ${p.id} | ${cell(p.statement)} | ${cell(p.source)} | ${TYPE[p.type]} (${p.tag}) | `
      + `${(tests.get(p.id) ?? ['—']).join(', ')}<br>${(broken.get(p.id) ?? ['—']).join(', ')} |`),
    '',
    '## How each property is tested',
    '',
    ...THEORY_PROPERTIES.map((p) => `- **${p.id}** — ${p.method}`),
    '',
    '## What the suite found',
    '',
    'The suite found four problems when it first ran, each fixed with a regression test',
    '(docs/model-notes.md, N27): C6 did not bound c_P by c_R (P8); R = 1 − exp(−x) rounded to 0 for',
    'tiny x (E2, now −expm1(−x)); the §5.7 escalation could make an institutional act more provoking',
    'than a soft one (E8, now ε_I + ε_esc ≤ ε_S in 𝒫); τ_W = 0 made c3 undefined (now τ_W > 0).',
    '',
  ];
  return lines.join('\n');
}
