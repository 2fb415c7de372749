import { describe, expect, it } from 'vitest';
import { createProgressPrinter, formatDuration } from '../../../../src/node/experiments/progressPrinter.js';
import type { SweepProgress } from '../../../../src/node/experiments/runSweep.js';

const sink = (isTTY: boolean) => {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (t: string) => chunks.push(t) }, chunks };
};
const at = (done: number, phase: SweepProgress['phase'] = 'running'): SweepProgress => ({
  phase, done, total: 200, resumed: 0, elapsedMs: done * 10, runsPerSecond: 100, etaMs: (200 - done) * 10,
});

describe('progress display', () => {
  it('formats durations', () => {
    expect(formatDuration(44_000)).toBe('0:44');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('--:--');
  });

  it('on a terminal: one bar redrawn in place with percent, runs/s and ETA; colour unless NO_COLOR', () => {
    const { stream, chunks } = sink(true);
    const p = createProgressPrinter({ stream, color: false });
    p.update(at(50));
    p.update(at(51)); // within 100 ms: not redrawn
    p.done();
    expect(chunks[0]).toBe('\r\u001b[2Ksweep [██████░░░░░░░░░░░░░░░░░░] 25.0% 50/200 runs · 100 runs/s · ETA 0:02');
    expect(chunks[1]).toContain('51/200');
    expect(chunks.at(-1)).toBe('\n');
    const coloured = sink(true);
    createProgressPrinter({ stream: coloured.stream, color: true }).update(at(50));
    expect(coloured.chunks[0]).toContain('\u001b[32m');
  });

  it('elsewhere: plain lines, at most one per interval, and at each phase', () => {
    const { stream, chunks } = sink(false);
    const p = createProgressPrinter({ stream, intervalMs: 60_000 });
    for (let k = 1; k <= 200; k++) p.update(at(k));
    p.update({ ...at(200, 'finishing'), detail: 'ticks.arrow' });
    p.update(at(200, 'done'));
    p.done();
    expect(chunks).toEqual([
      'sweep: 1/200 runs (0.5%), 100 runs/s, elapsed 0:00, ETA 0:02\n',
      'sweep: 200/200 runs done; building ticks.arrow\n',
      'sweep: done, 200 runs in 0:02\n',
    ]);
  });
});
