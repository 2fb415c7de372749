import type { SweepProgress } from './runSweep.js';

/** A writable text stream, as process.stderr. */
export interface ProgressStream {
  write(text: string): unknown;
  /** True on a terminal. */
  readonly isTTY?: boolean;
  /** Terminal width, when known. */
  readonly columns?: number;
}

/** Options of {@link createProgressPrinter}. */
export interface ProgressPrinterOptions {
  /** Where to print (default process.stderr). */
  stream?: ProgressStream;
  /** Draw a bar that redraws itself on one line (default: whether the stream is a terminal). */
  tty?: boolean;
  /** Colour the bar (default: on a terminal, unless NO_COLOR is set or TERM is dumb; https://no-color.org). */
  color?: boolean;
  /** Without a terminal: print a line at most this often, in ms (default 10,000). */
  intervalMs?: number;
  /** What the line begins with (default `sweep`). */
  label?: string;
}

/** Prints a sweep's progress; pass `update` as runSweep's `onProgress`. */
export interface ProgressPrinter {
  /** Takes a progress report (prints when due). */
  update(progress: SweepProgress): void;
  /** Ends the display (a final line; on a terminal, leaves the bar's line). */
  done(): void;
}

/** A duration as `1:02:03` or `2:03`, or `--:--` when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '--:--';
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

const rate = (p: SweepProgress): string => (p.runsPerSecond >= 100 ? p.runsPerSecond.toFixed(0) : p.runsPerSecond.toFixed(1));
const pct = (p: SweepProgress): string => (p.total === 0 ? '100.0' : ((100 * p.done) / p.total).toFixed(1));

/**
 * A progress display for sweeps (the library reports progress through `onProgress`; printing is
 * the runner's job). On a terminal: one line redrawn in place, at most ten times a second —
 * `sweep [█████████░░░░░░░░░░░] 45.2% 4521/10000 runs · 123.4 runs/s · ETA 0:44`. Elsewhere (CI,
 * pipes, log files): a plain line every `intervalMs` and at the end —
 * `sweep: 4521/10000 runs (45.2%), 123.4 runs/s, elapsed 0:36, ETA 0:44`.
 */
export function createProgressPrinter(options: ProgressPrinterOptions = {}): ProgressPrinter {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? stream.isTTY === true;
  const env = process.env;
  const color = options.color ?? (tty && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb');
  const interval = tty ? 100 : options.intervalMs ?? 10_000;
  const label = options.label ?? 'sweep';
  let last = -Infinity;
  let lastPhase = '';
  let drawn = false;
  let latest: SweepProgress | null = null;
  let shown = true;

  const plain = (p: SweepProgress): string => {
    if (p.phase === 'finishing') return `${label}: ${p.done}/${p.total} runs done; building ${p.detail ?? 'outputs'}`;
    if (p.phase === 'done') return `${label}: done, ${p.total} runs${p.resumed > 0 ? ` (${p.resumed} resumed)` : ''} in ${formatDuration(p.elapsedMs)}`;
    return `${label}: ${p.done}/${p.total} runs (${pct(p)}%), ${rate(p)} runs/s, elapsed ${formatDuration(p.elapsedMs)}, ETA ${formatDuration(p.etaMs)}`;
  };
  const bar = (p: SweepProgress): string => {
    if (p.phase !== 'running') return plain(p);
    const width = 24;
    const filled = p.total === 0 ? width : Math.round((width * p.done) / p.total);
    const body = '█'.repeat(filled) + '░'.repeat(width - filled);
    const shown = color ? `\u001b[32m${body}\u001b[39m` : body;
    return `${label} [${shown}] ${pct(p)}% ${p.done}/${p.total} runs · ${rate(p)} runs/s · ETA ${formatDuration(p.etaMs)}`;
  };
  const draw = (p: SweepProgress): void => {
    if (tty) {
      stream.write(`\r\u001b[2K${bar(p)}`);
      drawn = true;
    } else stream.write(`${plain(p)}\n`);
  };

  return {
    update(p: SweepProgress): void {
      latest = p;
      shown = false;
      const now = performance.now();
      const key = `${p.phase}:${p.detail ?? ''}`;
      if (key !== lastPhase || now - last >= interval) {
        lastPhase = key;
        last = now;
        draw(p);
        shown = true;
      }
    },
    done(): void {
      if (latest !== null && !shown) draw(latest);
      shown = true;
      if (tty && drawn) stream.write('\n');
      drawn = false;
    },
  };
}
