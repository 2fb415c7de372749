import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledDataProvider } from '../../../../src/node/bundledDataProvider.js';
import { parseScenario, type ParseScenarioOptions } from '../../../../src/scenario/file/parseScenario.js';
import { ScenarioError, formatIssue, type ScenarioIssue } from '../../../../src/scenario/ScenarioError.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'scenarios');

/** Parses text and returns the formatted issues (fails the test if it parses). */
function problems(text: string, format: 'yaml' | 'json', options: ParseScenarioOptions = {}): string[] {
  return issues(text, format, options).map(formatIssue);
}

function issues(text: string, format: 'yaml' | 'json', options: ParseScenarioOptions = {}): readonly ScenarioIssue[] {
  try {
    parseScenario(text, format, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    if (e instanceof ScenarioError) return e.issues;
  }
  return expect.fail('parseScenario did not throw');
}

/** The formatted issues of a fixture in test/fixtures/scenarios/bad/, named by its file name. */
function fixtureProblems(name: string): string[] {
  const text = readFileSync(join(fixtures, 'bad', name), 'utf8');
  return problems(text, name.endsWith('.json') ? 'json' : 'yaml', { file: name, data: bundledDataProvider });
}

describe('parseScenario: a valid file', () => {
  it('YAML and JSON of the same scenario resolve to the same scenario', () => {
    const yaml = parseScenario(readFileSync(join(fixtures, 'minimal.yaml'), 'utf8'), 'yaml');
    const json = parseScenario(readFileSync(join(fixtures, 'minimal.json'), 'utf8'), 'json');
    expect(json).toEqual(yaml);
    expect(yaml.meta).toMatchObject({ id: 'minimal', title: 'Two states' });
    expect(yaml.states.map((s) => [s.id, s.capabilities, s.ideology])).toEqual([
      ['A', { mil: 2, eco: 1, pop: 1 }, 0],
      ['B', { mil: 1, eco: 2, pop: 1 }, 0.4],
    ]);
    expect(yaml.dyads).toEqual([{ between: ['A', 'B'], trade: 0.1, alliance: false, entente: 0 }]);
  });

  it('a file without data references needs no data provider; $schema and sources are documentation', () => {
    const r = parseScenario([
      '$schema: ../schema/scenario.schema.json',
      'meta: { id: t }',
      'states:',
      '  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 }, ideology: 0.2 }',
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      'sources:',
      '  - { field: states.A.ideology, value: 0.2, source: "Author (2000), p. 1" }',
    ].join('\n'), 'yaml');
    expect(r.states[0].ideology).toBe(0.2);
    expect(r.states[0].name).toBe('A');
  });

  it('YAML 1.2: NO is Norway, not false', () => {
    const r = parseScenario('meta: { id: t }\nstates:\n  - { id: NO, capabilities: { mil: 1, eco: 1, pop: 1 } }\n  - { id: SE, capabilities: { mil: 1, eco: 1, pop: 1 } }\n', 'yaml');
    expect(r.states.map((s) => s.id)).toEqual(['NO', 'SE']);
  });

  it('resolve options are passed on (allowInadmissible)', () => {
    const text = 'meta: { id: t }\nstates:\n  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }\n  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }\nparameters: { betaH: 2.1 }\n';
    expect(problems(text, 'yaml', { file: 'p.yaml' })[0]).toMatch(/^p\.yaml:5:15 {2}parameters\.betaH {2}outside the admissible set/);
    expect(parseScenario(text, 'yaml', { resolve: { allowInadmissible: true } }).warnings.length).toBeGreaterThan(0);
  });
});

describe('parseScenario: each kind of bad input, as file:line:column  path  message', () => {
  it('unknown field', () => {
    expect(fixtureProblems('unknown-field.yaml')).toEqual(['unknown-field.yaml:6:5  states[0].ideolgy  unknown field "ideolgy"']);
    expect(fixtureProblems('unknown-field.json')).toEqual(['unknown-field.json:4:68  states[0].ideolgy  unknown field "ideolgy"']);
  });

  it('wrong type (and the YAML 1.1 boolean hint)', () => {
    expect(fixtureProblems('wrong-type.yaml')).toEqual([
      'wrong-type.yaml:3:3  meta.startYear  Invalid input: expected number, received string',
      'wrong-type.yaml:7:5  states[0].nuclear  Invalid input: expected boolean, received string (YAML 1.2 reads yes as text: write true or false)',
    ]);
    expect(fixtureProblems('wrong-type.json')).toEqual([
      'wrong-type.json:2:33  meta.startYear  Invalid input: expected number, received string',
      'wrong-type.json:4:68  states[0].nuclear  Invalid input: expected boolean, received string (YAML 1.2 reads yes as text: write true or false)',
    ]);
  });

  it('non-finite numbers (.nan, .inf in YAML; 1e999 in JSON)', () => {
    expect(fixtureProblems('non-finite.yaml')).toEqual([
      'non-finite.yaml:5:21  states[0].capabilities.mil  must be a finite number, got NaN',
      'non-finite.yaml:9:7  states[1].capabilities.eco  must be a finite number, got Infinity',
    ]);
    expect(fixtureProblems('non-finite.json')).toEqual(['non-finite.json:4:36  states[0].capabilities.mil  must be a finite number, got Infinity']);
  });

  it('references to states or institutions that do not exist', () => {
    expect(fixtureProblems('unknown-reference.yaml')).toEqual([
      'unknown-reference.yaml:9:18  dyads[0].between[1]  unknown state "C"',
      'unknown-reference.yaml:12:21  institutions[0].members[2]  unknown state "D"',
      'unknown-reference.yaml:16:23  events[0].changes[0].institution  unknown institution "R" (neither in institutions nor founded by an event)',
    ]);
    expect(fixtureProblems('unknown-reference.json')).toEqual([
      'unknown-reference.json:7:32  dyads[0].between[1]  unknown state "C"',
      'unknown-reference.json:8:55  institutions[0].members[2]  unknown state "D"',
      'unknown-reference.json:10:58  events[0].changes[0].institution  unknown institution "R" (neither in institutions nor founded by an event)',
    ]);
  });

  it('duplicate ids', () => {
    expect(fixtureProblems('duplicate-ids.yaml')).toEqual([
      'duplicate-ids.yaml:6:5  states[1].id  duplicate state id "A"',
      'duplicate-ids.yaml:9:27  institutions[0].members[1]  "A" is listed twice',
      'duplicate-ids.yaml:10:7  institutions[1].id  duplicate institution id "Q"',
      'duplicate-ids.yaml:10:27  institutions[1].members[1]  "A" is listed twice',
    ]);
    expect(fixtureProblems('duplicate-ids.json')).toEqual(['duplicate-ids.json:5:7  states[1].id  duplicate state id "A"']);
  });

  it('duplicate keys (YAML and JSON)', () => {
    expect(fixtureProblems('duplicate-key.yaml')).toEqual(['duplicate-key.yaml:7:5  states[0].ideology  duplicate key "ideology" (keys must be unique)']);
    expect(fixtureProblems('duplicate-key.json')).toEqual(['duplicate-key.json:4:85  states[0].ideology  duplicate key "ideology" (keys must be unique)']);
  });

  it('syntax errors, with line and column', () => {
    expect(fixtureProblems('syntax.yaml')[0]).toBe(
      'syntax.yaml:5:19  (scenario)  syntax error: unclosed { (no matching } before 6:3)');
    expect(fixtureProblems('syntax.json')).toEqual(['syntax.json:5:68  (scenario)  not valid JSON: trailing comma (not allowed in JSON)']);
  });

  it('a JSON file must be JSON: YAML-only syntax is a syntax error', () => {
    expect(problems('{\n  "meta": { id: "x" }\n}', 'json', { file: 'a.json' }))
      .toEqual(['a.json:2:13  (scenario)  not valid JSON: expected a key in double quotes, found "i"']);
    expect(problems('{ "meta": {} } # note', 'json', { file: 'a.json' }))
      .toEqual(['a.json:1:16  (scenario)  not valid JSON: unexpected "#" after the end of the JSON value']);
  });

  it('locked-down expressions are rejected with their line (growth and system, YAML and JSON)', () => {
    const allowed = 'abs, sign, sqrt, cbrt, exp, log, log10, log2, pow, min, max, floor, ceil, round, mod, sin, cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh';
    expect(fixtureProblems('expressions.yaml')).toEqual([
      'expressions.yaml:8:7  states[0].growth.eco  property or index access is not allowed in "year.constructor"',
      `expressions.yaml:12:3  system.lambda  function "import" is not allowed in "import({}, {})"; allowed: ${allowed}`,
    ]);
    expect(fixtureProblems('expressions.json')).toEqual([
      'expressions.json:4:80  states[0].growth.eco  property or index access is not allowed in "year.constructor"',
      `expressions.json:7:15  system.lambda  function "import" is not allowed in "import({}, {})"; allowed: ${allowed}`,
    ]);
  });

  it('an event condition that is not allowed, with its line', () => {
    const text = [
      'meta: { id: t }',
      'states:',
      '  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }',
      'events:',
      '  - when: "meanThreat > 0.5 and evaluate(\'1\')"',
      '    changes: [{ type: set-system, field: lambda, value: 0.2 }]',
    ].join('\n');
    expect(problems(text, 'yaml', { file: 'e.yaml' })[0]).toMatch(/^e\.yaml:6:5 {2}events\[0\]\.when {2}function "evaluate" is not allowed/);
  });

  it('years outside the data, and a state not in the system that year', () => {
    expect(fixtureProblems('data-years.yaml')).toEqual([
      'data-years.yaml:6:34  states[0].capabilities.year  cow_nmc_v6.0_abridged.csv, year 1700: year is outside the file\'s coverage 1816–2016',
      'data-years.yaml:10:5  states[2].capabilities  cow_nmc_v6.0_abridged.csv, year 1850, state "CAN": state does not exist in this year (39 states in the file that year)',
      'data-years.yaml:11:1  trade  cow_trade_v4.0_national.csv, year 1850: year is outside the file\'s coverage 1870–2014 (the year is meta.startYear)',
    ]);
  });

  it('an empty file', () => {
    expect(problems('# nothing here\n', 'yaml', { file: 'e.yaml' })).toEqual(['e.yaml:1:1  (scenario)  the file holds no scenario (it is empty)']);
  });

  it('every problem at once: an unknown parameter does not hide an inadmissible one beside it', () => {
    const text = [
      'meta: { id: p15, startYear: 1816 }', //                                   1
      'states:', //                                                              2
      '  - { id: A, capabilities: { mil: 1, eco: 1, pop: 1 } }', //              3
      '  - { id: B, capabilities: { mil: 1, eco: 1, pop: 1 } }', //              4
      'parameters:', //                                                          5
      '  betah: 1', //                                                           6
      '  betaH: 1', //                                                           7
    ].join('\n');
    const found = problems(text, 'yaml', { file: 'p.yaml' });
    expect(found[0]).toBe('p.yaml:6:3  parameters.betah  unknown field "betah"');
    expect(found.slice(1).length).toBeGreaterThan(0);
    for (const line of found.slice(1)) expect(line).toMatch(/^p\.yaml:7:3  parameters\.betaH  outside the admissible set \(model §5\.4 C3\)/);
  });

  it('every problem at once, in file order, and a structured list on the error', () => {
    const text = [
      'meta:', //                                                             1
      '  id: many', //                                                         2
      '  colour: blue', //                                                     3
      'states:', //                                                            4
      '  - id: A', //                                                          5
      '    capabilities: { mil: -1, eco: 1, pop: 1 }', //                       6
      '  - id: B', //                                                          7
      '    capabilities: { source: nmc }', //                                   8
      'dyads:', //                                                             9
      '  - { between: [A, Z], trade: 2 }', //                                  10
      'system:', //                                                           11
      '  lambda: "year.constructor"', //                                      12
      '  theta: 2', //                                                        13
    ].join('\n');
    const found = issues(text, 'yaml', { file: 'm.yaml' });
    expect(found.map(formatIssue)).toEqual([
      'm.yaml:3:3  meta.colour  unknown field "colour"',
      'm.yaml:6:21  states[0].capabilities.mil  Too small: expected number to be >0',
      'm.yaml:8:5  states[1].capabilities  data references need a data provider: use loadScenario from counterpoise/node, or pass options.data',
      'm.yaml:10:20  dyads[0].between[1]  unknown state "Z"',
      'm.yaml:12:3  system.lambda  property or index access is not allowed in "year.constructor"',
      'm.yaml:13:3  system.theta  Too big: expected number to be <=1',
    ]);
    expect(found[1]).toEqual({ path: ['states', 0, 'capabilities', 'mil'], message: 'Too small: expected number to be >0', file: 'm.yaml', line: 6, column: 21 });
  });

  it('without a file name, issues still carry line and column', () => {
    const found = issues('meta: { id: t, x: 1 }\nstates: []\n', 'yaml');
    expect(found[0]).toMatchObject({ path: ['meta', 'x'], line: 1, column: 16 });
    expect(found[0].file).toBeUndefined();
  });

  it('a value of the wrong shape where a reference is allowed names what is expected', () => {
    const text = [
      'meta: { id: t, startYear: 1816 }',
      'states:',
      '  - { id: UKG, major: "yes", capabilities: { mil: 1, eco: 1, pop: 1 } }',
      '  - { id: FRN, major: { source: cow, year: 1816.5 }, capabilities: { source: nmx } }',
      'institutions:',
      '  - { id: Q, members: { source: igo, ioname: 5 } }',
    ].join('\n');
    expect(problems(text, 'yaml', { file: 's.yaml', data: bundledDataProvider })).toEqual([
      's.yaml:3:16  states[0].major  Invalid input: expected boolean or object, received string',
      's.yaml:4:38  states[1].major.year  Invalid input: expected int, received number',
      's.yaml:4:70  states[1].capabilities.source  unknown data source: capabilities are drawn from "nmc", or given inline without source',
      's.yaml:6:38  institutions[0].members.ioname  Invalid input: expected string, received number',
    ]);
  });
});

describe('parseScenario: hostile input (issue #11 items 3, 7, 8, 9)', () => {
  /** Two states and one conditional event; `meta.id`, a state id and the condition are filled in. */
  const scenario = (o: { id?: string; state?: string; when?: string; institution?: string }): string => [
    'meta:',
    `  id: ${JSON.stringify(o.id ?? 'hostile')}`,
    '  startYear: 2000',
    'states:',
    `  - id: ${JSON.stringify(o.state ?? 'A')}`,
    '    capabilities: { mil: 1, eco: 1, pop: 1 }',
    '  - id: B',
    '    capabilities: { mil: 1, eco: 1, pop: 1 }',
    '  - id: C',
    '    capabilities: { mil: 1, eco: 1, pop: 1 }',
    'events:',
    `  - when: ${JSON.stringify(o.when ?? 'tick > 3')}`,
    '    changes: [ { type: war-ends } ]',
    'institutions:',
    `  - id: ${JSON.stringify(o.institution ?? 'Q')}`,
    '    members: [B, C]',
    '',
  ].join('\n');
  const only = (text: string): string => {
    const found = problems(text, 'yaml', { file: 'f.yaml' });
    expect(found, found.join('\n')).toHaveLength(1);
    return found[0];
  };

  it('the template is valid', () => {
    expect(parseScenario(scenario({}), 'yaml').meta.id).toBe('hostile');
  });

  it('meta.id must be a safe file name (it names the output folder out/<meta.id>)', () => {
    for (const id of ['../victim', '..', '.', '.hidden', 'a/b', 'a\\b', '', ' x', 'x y', '-rf', 'é', 'x'.repeat(65), '/etc']) {
      expect(only(scenario({ id })), JSON.stringify(id)).toBe(
        'f.yaml:2:3  meta.id  must be a safe file name: letters, digits, ., _ and - (starting with a letter or digit, at most 64 characters)');
    }
    for (const id of ['a', 'era-1815_1853.v2', '1', 'x'.repeat(64)]) expect(parseScenario(scenario({ id }), 'yaml').meta.id).toBe(id);
  });

  it('state and institution ids: no control, invisible or bidirectional characters, ";" or "*"', () => {
    const cases: [string, string][] = [
      ['A\u0000', 'must not contain control characters'],
      ['A\u0007B', 'must not contain control characters'],
      ['A\u0085', 'must not contain control characters'],
      ['A\u200bB', 'must not contain invisible characters (zero-width, soft hyphen or bidirectional formatting)'],
      ['\u200dA', 'must not contain invisible characters (zero-width, soft hyphen or bidirectional formatting)'],
      ['A\u202eB', 'must not contain invisible characters (zero-width, soft hyphen or bidirectional formatting)'],
      ['A\u2066B\u2069', 'must not contain invisible characters (zero-width, soft hyphen or bidirectional formatting)'],
      ['\u2060A', 'must not contain invisible characters (zero-width, soft hyphen or bidirectional formatting)'],
      ['A\u00adB', 'must not contain invisible characters (zero-width, soft hyphen or bidirectional formatting)'],
      ['A;B', 'must not contain ";" (it separates ids in the members column of the events table)'],
      ['*', 'must not contain "*" (in a sweep parameter path, * stands for every state or institution)'],
      ['A*', 'must not contain "*" (in a sweep parameter path, * stands for every state or institution)'],
    ];
    for (const [id, message] of cases) {
      expect(only(scenario({ state: id })), JSON.stringify(id)).toBe(`f.yaml:5:5  states[0].id  ${message}`);
      expect(only(scenario({ institution: id })), JSON.stringify(id)).toBe(`f.yaml:15:5  institutions[0].id  ${message}`);
    }
    // Letters of any script, digits, -, _ and . stay allowed (a sweep names U.S. as states.U.S..nuclear).
    for (const id of ['TUR', 'Türkiye', 'ROK-2', 'a_b', '中国', 'U.S.']) expect(parseScenario(scenario({ state: id }), 'yaml').states[0].id).toBe(id);
  });

  it('an event may not found an institution whose id a sweep could not name', () => {
    const text = scenario({}).replace('changes: [ { type: war-ends } ]', 'changes: [ { type: found-institution, institution: "X*", members: [A, B] } ]');
    expect(only(text)).toBe('f.yaml:13:43  events[0].changes[0].institution  must not contain "*" (in a sweep parameter path, * stands for every state or institution)');
  });

  it('every expression is evaluated once at load: what would stop a run is an error at its line', () => {
    const cases: [string, RegExp][] = [
      ['abs(-1, 2)', /cannot be evaluated: Too many arguments in function abs/],
      ['min()', /cannot be evaluated/],
      ['max()', /cannot be evaluated/],
      ['atan2(1)', /cannot be evaluated: Too few arguments/],
      ['mod(5)', /cannot be evaluated/],
      ['2^2^2^2^2', /gave Infinity, not a finite number/],
      ['10^400', /gave Infinity/],
      ['pow(10, 400)', /gave Infinity/],
      ['exp(1000)', /gave Infinity/],
      ['1e308 * 10', /gave Infinity/],
      ['year ? 1e308 * 10 : 0', /gave Infinity/],
      ['sqrt(-1)', /gave the complex number i, not a finite number/],
      ['log(-1)', /gave the complex number/],
      ['acos(2)', /gave the complex number/],
      ['(-8)^(1/3)', /gave the complex number/],
      ['1e309', /the number .* is too large to be represented/],
      ['1 / 0', /gave Infinity/],
      ['0 / 0', /gave NaN/],
      ['tick / 0', /gave NaN/],
      ['1 / con', /gave Infinity/],
      ['log(0)', /gave -Infinity/],
      ['log(majorWars)', /gave -Infinity/],
      ['"text"', /only numbers are allowed as constants/],
      ['"a" == "a"', /only numbers are allowed as constants/],
      ['null', /only numbers are allowed as constants/],
      ['[1, 2]', /a matrix or array is not allowed/],
      ['[1, 2] > 0', /a matrix or array is not allowed/],
      ['{a: 1}', /an object is not allowed/],
      ['year.constructor', /property or index access is not allowed/],
      ['x = 1', /assignment is not allowed/],
      ['f(x) = 1', /defining a function is not allowed/],
      ['sum(1, 2)', /function "sum" is not allowed/],
      ['5 cm', /unknown name "cm"/],
      ['1 < 2 < 3', /a chained comparison is not allowed/],
      [Array.from({ length: 200_000 }, () => '1').join('+'), /is 399999 characters long; at most 1000 are allowed/],
      ['('.repeat(150) + 'tick' + ')'.repeat(150), /nested more than 100 levels deep/],
    ];
    for (const [when, message] of cases) {
      const line = only(scenario({ when }));
      expect(line.startsWith('f.yaml:12:5  events[0].when  '), when.slice(0, 40)).toBe(true);
      expect(line, when.slice(0, 40)).toMatch(message);
      expect(line.length, when.slice(0, 40)).toBeLessThan(500);
    }
    // Conditions that are fine at the start stay valid.
    for (const when of ['tick > 3', 'con > 0.5 and majorWars == 0', 'meanThreat / (1 + tick)', 'year >= 2001 ? 1 : 0']) {
      expect(parseScenario(scenario({ when }), 'yaml').events[0].when).toBe(when);
    }
  });

  it('growth and system expressions too (wrong arity, complex results)', () => {
    const text = scenario({}).replace('  - id: B\n    capabilities: { mil: 1, eco: 1, pop: 1 }',
      '  - id: B\n    capabilities: { mil: 1, eco: 1, pop: 1 }\n    growth: { mil: "abs(-1, 2)" }') + 'system:\n  lambda: "sqrt(-1)"\n';
    const found = problems(text, 'yaml', { file: 'f.yaml' });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^f\.yaml:9:15  states\[1\]\.growth\.mil  expression "abs\(-1, 2\)" cannot be evaluated: Too many arguments/);
    expect(found[1]).toMatch(/^f\.yaml:\d+:3  system\.lambda  expression "sqrt\(-1\)" gave the complex number i, not a finite number/);
  });
});
