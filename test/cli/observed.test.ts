import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStack, tempDir } from './cliHarness.js';

describe('counterpoise observed', () => {
  it('--out writes the CSV of every state-year in the span (header, one line each) and says what it wrote', () => {
    const { dir, remove } = tempDir();
    try {
      const file = join(dir, 'sub', 'observed.csv');
      const r = cli(['observed', '--from', '1945', '--to', '1955', '--out', file]);
      expect(r.code, r.stderr).toBe(0);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('ccode,stateId,year,category,HE,HI,SE,IE,II,buildup,mainThreatCcode,mainThreat,alliancesJoined,igosJoined');
      expect(lines.slice(1).every((l) => /^\d+,[A-Z]{3},19(4[5-9]|5[0-5]),(HE|HI|SE|IE|II|NONE),/.test(l))).toBe(true);
      expect(lines).toContain('640,TUR,1952,IE,0,0,0,1,0,-0.103058,365,RUS,,NATO');
      expect(r.stdout).toMatch(new RegExp(`observed\\.csv: ${lines.length - 1} state-years 1945–1955; HE \\d+, HI \\d+, SE \\d+, IE \\d+, II \\d+, NONE \\d+`));
      expect(readdirSync(join(dir, 'sub'))).toEqual(['observed.csv']); // no temporary file left
    } finally {
      remove();
    }
  });

  it('--json gives the span, the counts per category and the file', () => {
    const { dir, remove } = tempDir();
    try {
      const file = join(dir, 'o.csv');
      const r = cli(['observed', '--from', '1816', '--to', '2012', '--out', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { from: number; to: number; stateYears: number; counts: Record<string, number>; file: string };
      expect(doc).toMatchObject({ from: 1816, to: 2012, file });
      expect(Object.keys(doc.counts)).toEqual(['HE', 'HI', 'SE', 'IE', 'II', 'NONE']);
      expect(Object.values(doc.counts).reduce((a, b) => a + b, 0)).toBe(doc.stateYears);
      expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(doc.stateYears + 1);
    } finally {
      remove();
    }
  });

  it('without --out prints the CSV (and --json the rows, with null where a value is absent)', () => {
    const r = cli(['observed', '--from', '1902', '--to', '1902']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ccode,stateId,year,category,/);
    expect(r.stdout).toContain('\n740,JPN,1902,HE,1,0,0,0,0,');
    const j = JSON.parse(cli(['observed', '--from', '1816', '--to', '1816', '--json']).stdout) as { rows: Record<string, unknown>[] };
    expect(j.rows[0]).toMatchObject({ ccode: 2, stateId: 'USA', year: 1816, buildup: null });
  });

  it('bad years: exit 2, one line naming the flag, no stack trace, an earlier file kept', () => {
    const { dir, remove } = tempDir();
    try {
      const file = join(dir, 'keep.csv');
      writeFileSync(file, 'earlier\n');
      for (const [args, message] of [
        [['--from', '1800'], /--from: 1800 is outside the years the bundled data cover together, 1816–2012/],
        [['--to', '2020'], /--to: 2020 is outside/],
        [['--from', '1950', '--to', '1940'], /from: 1950 is after to: 1940/],
        [['--from', 'soon'], /--from: "soon" is not a year/],
      ] as const) {
        const r = cli(['observed', ...args, '--out', file]);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(hasStack(r.stderr)).toBe(false);
      }
      expect(readFileSync(file, 'utf8')).toBe('earlier\n');
      expect(existsSync(`${file}.tmp-0`)).toBe(false);
    } finally {
      remove();
    }
  });
});
