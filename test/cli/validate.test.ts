import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, hasStack, tempDir } from './cliHarness.js';
import { BAD_SCENARIO } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('counterpoise validate', () => {
  it('a valid file: exit 0 and one line saying so', () => {
    const r = cli(['validate', 'scenarios/concert-of-europe.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^scenarios\/concert-of-europe\.yaml: valid — concert-of-europe, 6 states/);
  });

  it('a bundled name is accepted too; --quiet prints nothing for a valid file', () => {
    const r = cli(['validate', 'multipolar-2020s', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('a file with several mistakes: exit 2, every problem on its own line with file:line:column and field path', () => {
    const file = join(tmp.dir, 'bad.yaml');
    writeFileSync(file, BAD_SCENARIO);
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:6:21  states[0].capabilities.mil  Too small: expected number to be >0`,
      `${file}:7:5  states[0].ideology  Too big: expected number to be <=1`,
      `${file}:10:5  states[1].colour  unknown field "colour"`,
      `${file}:13:20  institutions[0].members[1]  unknown state "ZZZ"`,
    ]);
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('a YAML syntax error: exit 2 with its position', () => {
    const file = join(tmp.dir, 'syntax.yaml');
    writeFileSync(file, 'meta:\n  id: x\nstates: [\n');
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+  `));
  });

  it('a missing file: exit 2 and one clear line, no stack trace', () => {
    const r = cli(['validate', join(tmp.dir, 'missing.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`counterpoise: ${join(tmp.dir, 'missing.yaml')}: cannot read the scenario file: no such file (${join(tmp.dir, 'missing.yaml')})\n`);
  });

  it('no file given: exit 2 with a usage hint', () => {
    const r = cli(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('counterpoise: missing scenario file\nRun "counterpoise validate --help" for usage.\n');
  });
});

describe('counterpoise validate and run on hostile files (issue #11 items 3, 7, 8, 9)', () => {
  /** Two states and a conditional event; meta.id, the first state's id and the condition filled in. */
  const scenario = (o: { id?: string; state?: string; when?: string }): string => [
    'meta:',
    `  id: ${JSON.stringify(o.id ?? 'hostile')}`,
    '  startYear: 2000',
    'states:',
    `  - id: ${JSON.stringify(o.state ?? 'A')}`,
    '    capabilities: { mil: 1, eco: 1, pop: 1 }',
    '  - id: B',
    '    capabilities: { mil: 1, eco: 1, pop: 1 }',
    'events:',
    `  - when: ${JSON.stringify(o.when ?? 'tick > 3')}`,
    '    changes: [ { type: war-ends } ]',
    '',
  ].join('\n');
  const deepBlock = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:\n`).join('') + `${' '.repeat(n)}1\n`;
  const tooDeep = 'nested more than 64 levels deep (objects and lists within one another); a scenario needs far fewer';
  const cases: [string, string, string][] = [
    ['JSON nested 10,000 deep', 'deep.json', `1:65  (scenario)  ${tooDeep}`],
    ['YAML flow nested 10,000 deep', 'deep-flow.yaml', `1:${3 + 65}  (scenario)  ${tooDeep}`],
    ['YAML block nested 2,000 deep', 'deep-block.yaml', `65:65  (scenario)  ${tooDeep}`],
    ['a 200,000-term expression', 'long.yaml', '10:5  events[0].when  expression "1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1…" is 399999 characters long; at most 1000 are allowed'],
    ['meta.id ../victim', 'victim.yaml', '2:3  meta.id  must be a safe file name: letters, digits, ., _ and - (starting with a letter or digit, at most 64 characters)'],
    ['a state id with a bidi override', 'bidi.yaml', '5:5  states[0].id  must not contain invisible characters (zero-width, soft hyphen or bidirectional formatting)'],
    ['a state id with ";"', 'semicolon.yaml', '5:5  states[0].id  must not contain ";" (it separates ids in the members column of the events table)'],
    ['a state id "*"', 'star.yaml', '5:5  states[0].id  must not contain "*" (in a sweep parameter path, * stands for every state or institution)'],
    ['when: abs(-1, 2)', 'arity.yaml', '10:5  events[0].when  expression "abs(-1, 2)" cannot be evaluated: Too many arguments in function abs (expected: 1, actual: 2)'],
    ['when: min()', 'min.yaml', '10:5  events[0].when  expression "min()" cannot be evaluated: '],
    ['when: 2^2^2^2^2', 'pow.yaml', '10:5  events[0].when  expression "2^2^2^2^2" gave Infinity, not a finite number'],
    ['when: sqrt(-1)', 'sqrt.yaml', '10:5  events[0].when  expression "sqrt(-1)" gave the complex number i, not a finite number'],
    ['when: 1e309', 'huge.yaml', '10:5  events[0].when  the number '],
  ];
  const texts: Record<string, string> = {
    'deep.json': '['.repeat(10_000) + ']'.repeat(10_000),
    'deep-flow.yaml': `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    'deep-block.yaml': deepBlock(2000),
    'long.yaml': scenario({ when: Array.from({ length: 200_000 }, () => '1').join('+') }),
    'victim.yaml': scenario({ id: '../victim' }),
    'bidi.yaml': scenario({ state: 'A\u202eB' }),
    'semicolon.yaml': scenario({ state: 'A;B' }),
    'star.yaml': scenario({ state: '*' }),
    'arity.yaml': scenario({ when: 'abs(-1, 2)' }),
    'min.yaml': scenario({ when: 'min()' }),
    'pow.yaml': scenario({ when: '2^2^2^2^2' }),
    'sqrt.yaml': scenario({ when: 'sqrt(-1)' }),
    'huge.yaml': scenario({ when: '1e309' }),
  };
  for (const [name, file, line] of cases) {
    it(`${name}: exit 2, one line file:line:column  path  message, no stack trace`, () => {
      const path = join(tmp.dir, file);
      writeFileSync(path, texts[file]);
      const r = cli(['validate', path]);
      expect(r.code).toBe(2);
      expect(hasStack(r.stderr)).toBe(false);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`${path}:${line}`), lines[0]).toBe(true);
    });
  }

  it('run refuses them the same way before simulating: ../victim writes nothing outside out/, abs(-1, 2) does not start', () => {
    const cwd = join(tmp.dir, 'work');
    mkdirSync(cwd);
    for (const file of ['victim.yaml', 'arity.yaml']) {
      const r = cli(['run', join(tmp.dir, file), '--ticks', '3'], { cwd });
      expect(r.code, file).toBe(2);
      expect(hasStack(r.stderr)).toBe(false);
      expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^${join(tmp.dir, file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(2:3  meta\\.id|10:5  events\\[0\\]\\.when)  `));
    }
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(join(tmp.dir, 'victim'))).toBe(false);
  });
});
