import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExperimentError } from '../../../../src/experiments/ExperimentError.js';
import { assertRunTarget, defaultRunFolder, inspectRunTarget, StagedFolder } from '../../../../src/node/outputs/outputFolder.js';

const root = mkdtempSync(join(tmpdir(), 'counterpoise-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const runJson = JSON.stringify({ kind: 'counterpoise-run', files: [{ name: 'runs.csv' }, { name: 'run.json' }] });

describe('inspectRunTarget and assertRunTarget', () => {
  it('a missing or empty folder, or one holding only an earlier run (and its report), may be written', () => {
    expect(inspectRunTarget(join(root, 'nothing'))).toEqual({ kind: 'empty' });
    expect(inspectRunTarget(folder('empty', {}))).toEqual({ kind: 'empty' });
    const run = folder('run', { 'run.json': runJson, 'runs.csv': 'x', 'report.html': 'x', 'figures/a.svg': 'x' });
    expect(inspectRunTarget(run)).toEqual({ kind: 'run' });
    expect(() => assertRunTarget(run, false)).not.toThrow();
  });

  it('a sweep (its manifest, or an unfinished one) or a file the run did not list is refused unless overwrite', () => {
    const sweep = folder('sweep', { 'manifest.json': JSON.stringify({ kind: 'counterpoise-sweep' }), 'runs.csv': 'x' });
    const unfinished = folder('unfinished', { 'checkpoint.json': '{}', 'runs.csv.partial': 'x' });
    const extra = folder('extra', { 'run.json': runJson, 'runs.csv': 'x', 'thesis.docx': 'x' });
    expect(inspectRunTarget(sweep)).toEqual({ kind: 'sweep' });
    expect(inspectRunTarget(unfinished)).toEqual({ kind: 'sweep' });
    expect(inspectRunTarget(extra)).toEqual({ kind: 'foreign', names: ['thesis.docx'] });
    expect(() => assertRunTarget(sweep, false)).toThrow(ExperimentError);
    expect(() => assertRunTarget(extra, false)).toThrow(/holds files counterpoise run did not write \(thesis\.docx\)/);
    expect(() => assertRunTarget(sweep, true)).not.toThrow();
    expect(() => assertRunTarget(extra, true)).not.toThrow();
  });
});

describe('defaultRunFolder', () => {
  it('is out/<id> for a safe id and refuses ids that lead outside out/', () => {
    expect(defaultRunFolder('concert-of-europe')).toBe(join('out', 'concert-of-europe'));
    for (const id of ['../victim', '..', '.', 'a/b', '/etc', 'a\\b', '']) {
      expect(() => defaultRunFolder(id), id).toThrow(/is not a safe folder name under out\//);
    }
  });
});

describe('StagedFolder', () => {
  it('commit replaces the folder as a whole; discard leaves the earlier one as it was', () => {
    const dir = folder('staged', { 'old.csv': 'old' });
    const failed = new StagedFolder(dir);
    writeFileSync(join(failed.path, 'half.csv'), 'half');
    failed.discard();
    expect(readdirSync(dir)).toEqual(['old.csv']);
    const staged = new StagedFolder(dir);
    writeFileSync(join(staged.path, 'new.csv'), 'new');
    staged.commit();
    expect(readdirSync(dir)).toEqual(['new.csv']);
    expect(readFileSync(join(dir, 'new.csv'), 'utf8')).toBe('new');
    expect(readdirSync(root).filter((n) => n.startsWith('.staged'))).toEqual([]);
  });
});
