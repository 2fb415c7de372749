// A fixed reference computation that tells how fast the machine is at the moment of a measurement.
//
// On a shared virtual machine the time per tick of the same build can be a third to a half higher
// for minutes at a time, whatever the code (benchmarks/README.md, "Last run on this machine"): the
// 10-state workload, whose world fits in the core's caches, slows by as much as the 200-state one.
// A benchmark that reports only its own time cannot tell such a stretch from a slower build. So each
// scaling repetition times this reference right before and right after its workload, in the same
// process, and the report shows it beside the workload's time. The reference does what the engine's
// hot path does, without the engine: a relaxation of a 200 × 200 matrix of beliefs toward a prior,
// a threat-like product with a second matrix and each row's argmax, plus one exponential a row —
// the same kind of arithmetic and memory traffic (640 KB, as the 200-state world's two n × n
// streams), and nothing that a change to src/ can make faster or slower.
//
// It is not used to adjust any number: the workload's times are reported as measured; the
// reference only says under what conditions they were measured.

const N = 200;

/** The reference's inputs: fixed numbers (a linear congruential sequence), made once per process. */
function inputs() {
  const a = new Float64Array(N * N);
  const g = new Float64Array(N * N);
  const prior = new Float64Array(N);
  let x = 12345;
  const next = () => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return x / 4294967296; };
  for (let k = 0; k < N * N; k++) { a[k] = next(); g[k] = next(); }
  for (let k = 0; k < N; k++) prior[k] = next() * 0.5;
  return { a, g, prior };
}

let data = null;

/** One pass over the matrix; returns a checksum so that the work cannot be optimised away. */
function pass(a, g, prior, decay) {
  let check = 0;
  for (let i = 0; i < N; i++) {
    const base = i * N;
    let best = -1;
    let bestT = -Infinity;
    for (let j = 0; j < N; j++) {
      const v = a[base + j] + (prior[j] - a[base + j]) * decay;
      a[base + j] = v;
      const t = v * (0.4 + 0.6 * g[base + j]);
      if (t > bestT) { bestT = t; best = j; }
    }
    check += best + Math.exp(-bestT);
  }
  return check;
}

/**
 * Times the reference: `blocks` blocks of one pass each (40,000 entries, about 0.15 ms — the
 * length of a 200-state tick), after `warmup` passes, and returns the median time per entry in
 * nanoseconds, with the range. Short blocks and their median make it measure what the workloads'
 * median per tick measures — how fast the core runs — and not how often the process is preempted
 * on a loaded machine (blocks of several milliseconds, as in a first version, were inflated 2–8× by
 * other processes when the workload's median per tick was not). The warm-up is long because the
 * second call, after a workload that ran many garbage collections, finds its compiled code flushed
 * (V8 drops the code of functions not run for several collections) and needs it optimised again.
 * @returns {{ nsPerEntry: number, min: number, max: number, checksum: number }}
 */
export function machineReference({ blocks = 200, warmup = 120 } = {}) {
  if (data === null) data = inputs();
  const { a, g, prior } = data;
  let checksum = 0;
  for (let p = 0; p < warmup; p++) checksum += pass(a, g, prior, 0.01);
  const times = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const t0 = process.hrtime.bigint();
    checksum += pass(a, g, prior, 0.01);
    times[b] = Number(process.hrtime.bigint() - t0) / (N * N);
  }
  times.sort();
  return { nsPerEntry: times[blocks >> 1], min: times[0], max: times[blocks - 1], checksum };
}
