import { registerMatrixRegion } from '../engine/remapMatrix.js';
import { ROW_KERNEL_WASM } from './rowKernelWasm.js';

/** The kernel's row function (rowKernel.wat): row i, its tie draw, the belief's keep factor, the byte addresses of
 * the row's observations and offence terms, the seed of the argmax (−1: none), how many guessed columns to collect (0: none), and how
 * many states of the arming list add their evidence to the row's observations (0: none). */
type RowFunction = (i: number, u: number, keep: number, obs: number, off: number, seed: number, guesses: number, armed: number) => number;

/** The kernel's per-tick constants (rowKernel.wat `setup`): byte addresses, the number of states, the weights. */
type SetupFunction = (
  ahat: number, proximity: number, cinc: number, past: number, affinity: number, idHash: number, guessList: number,
  guessOut: number, armList: number, arm: number, armSaved: number, n: number, wP: number, wG: number, wShift: number,
) => void;

/** The part of the WebAssembly JavaScript API the kernel uses (Node and browsers; not in lib ES2022). */
interface WasmMemory { readonly buffer: ArrayBuffer }
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** The kernel's guessed-columns function (rowKernel.wat): row i's entries T_ij toward the first `count` states of the list, into guessOut. */
type GuessFunction = (i: number, off: number, count: number) => void;

/** Worlds of fewer states than this keep their matrices in ordinary arrays and the JavaScript row pass. */
let minStates = 32;
/** The compiled module: undefined until first needed, null where WebAssembly (with SIMD) is unavailable. */
let compiled: object | null | undefined;
/** The kernel whose memory holds a buffer's matrices (the world's ahat and proximity). */
const kernels = new WeakMap<ArrayBufferLike, RowKernel>();
const F64 = 8;
/** Bytes a WebAssembly memory (32-bit) can address. */
const MAX_BYTES = 2 ** 32 - 2 ** 16;

/**
 * The perceive phase's row pass in WebAssembly with SIMD (docs/model.md §5.2, §5.7; source
 * rowKernel.wat): the same arithmetic as `fusedRow` in perceivePhase.ts, bit for bit, about twice as
 * fast. It works on the world's own matrices: ahat and proximity are views into the kernel's memory
 * (regions of capacity² elements, so a rebuilt world remaps them in place, note N43), beside vectors
 * of n entries that the pass fills per tick or per row (observations with the arming evidence, offence terms,
 * shares, affinity factors, identity hashes). The memory is allocated once, when the world is
 * created, and never grows (growing would detach the matrices' buffer).
 * @internal
 */
export class RowKernel {
  readonly capacity: number;
  readonly buffer: ArrayBuffer;
  readonly row: RowFunction;
  readonly guesses: GuessFunction;
  readonly setup: SetupFunction;
  /** T_ij* of the last row (address 0). */
  readonly result: Float64Array;
  readonly ahatAt: number;
  readonly proximityAt: number;
  readonly obs: Float64Array;
  readonly obsAt: number;
  readonly obsShared: Float64Array;
  readonly obsSharedAt: number;
  readonly obsInside: Float64Array;
  readonly obsInsideAt: number;
  /** Always zero: the observations of a row with nothing pending. */
  readonly zeroAt: number;
  readonly offOpen: Float64Array;
  readonly offOpenAt: number;
  readonly offNuc: Float64Array;
  readonly offNucAt: number;
  readonly cinc: Float64Array;
  readonly cincAt: number;
  readonly past: Float64Array;
  readonly pastAt: number;
  readonly affinity: Float64Array;
  readonly affinityAt: number;
  readonly idHash: Uint32Array;
  readonly idHashAt: number;
  /** The states whose columns the row pass collects (last tick's targets and the great powers), and the row's entries toward them. */
  readonly guessList: Int32Array;
  readonly guessListAt: number;
  readonly guessOut: Float64Array;
  readonly guessOutAt: number;
  /** The states that armed (N31), their arming evidence by state, and the row's observations they replace while it runs. */
  readonly armList: Int32Array;
  readonly armListAt: number;
  readonly arm: Float64Array;
  readonly armAt: number;
  readonly armSavedAt: number;

  constructor(api: WasmApi, module: object, capacity: number, memory: WasmMemory) {
    this.capacity = capacity;
    this.buffer = memory.buffer;
    const instance = new api.Instance(module, { env: { memory } });
    this.row = instance.exports.row as RowFunction;
    this.guesses = instance.exports.guesses as GuessFunction;
    this.setup = instance.exports.setup as SetupFunction;
    const c = capacity;
    let at = 64;
    const take = (elements: number, bytes = F64): number => { const a = at; at += elements * bytes; return a; };
    this.result = new Float64Array(this.buffer, 0, 1);
    this.ahatAt = take(c * c);
    this.proximityAt = take(c * c);
    const vector = (): [Float64Array, number] => { const a = take(c); return [new Float64Array(this.buffer, a, c), a]; };
    [this.obs, this.obsAt] = vector();
    [this.obsShared, this.obsSharedAt] = vector();
    [this.obsInside, this.obsInsideAt] = vector();
    this.zeroAt = vector()[1];
    [this.offOpen, this.offOpenAt] = vector();
    [this.offNuc, this.offNucAt] = vector();
    [this.cinc, this.cincAt] = vector();
    [this.past, this.pastAt] = vector();
    [this.affinity, this.affinityAt] = vector();
    [this.guessOut, this.guessOutAt] = vector();
    [this.arm, this.armAt] = vector();
    this.armSavedAt = vector()[1];
    this.guessListAt = take(c, 4);
    this.guessList = new Int32Array(this.buffer, this.guessListAt, c);
    this.armListAt = take(c, 4);
    this.armList = new Int32Array(this.buffer, this.armListAt, c);
    this.idHashAt = take(c, 4);
    this.idHash = new Uint32Array(this.buffer, this.idHashAt, c);
    registerMatrixRegion(this.buffer, this.ahatAt, c * c);
    registerMatrixRegion(this.buffer, this.proximityAt, c * c);
    kernels.set(this.buffer, this);
  }

  /** The n×n ahat matrix (zero-filled) in the kernel's memory. */
  ahat(n: number): Float64Array { return new Float64Array(this.buffer, this.ahatAt, n * n); }

  /** The n×n proximity matrix (zero-filled) in the kernel's memory. */
  proximity(n: number): Float64Array { return new Float64Array(this.buffer, this.proximityAt, n * n); }
}

/** Bytes of a kernel's memory for `capacity` states. */
function kernelBytes(capacity: number): number {
  return 64 + 2 * capacity * capacity * F64 + 12 * capacity * F64 + 3 * capacity * 4;
}

/**
 * A row kernel for worlds of up to `capacity` states, or null where the JavaScript pass is used: fewer
 * states than the threshold, no WebAssembly with SIMD, more than 4 GB of matrices, or no memory.
 * @internal
 */
export function createRowKernel(capacity: number): RowKernel | null {
  if (capacity < minStates) return null;
  const bytes = kernelBytes(capacity);
  if (bytes > MAX_BYTES) return null;
  if (compiled === undefined) {
    try {
      compiled = wasm !== undefined ? new wasm.Module(ROW_KERNEL_WASM) : null;
    } catch {
      compiled = null; // a runtime without SIMD: the JavaScript pass computes the same numbers
    }
  }
  if (compiled === null || wasm === undefined) return null;
  try {
    return new RowKernel(wasm, compiled, capacity, new wasm.Memory({ initial: Math.ceil(bytes / 65536) }));
  } catch {
    return null; // no memory for it: the JavaScript pass
  }
}

/**
 * The kernel holding the world's ahat and proximity, or null (then the JavaScript row pass): a world
 * created below the threshold, or whose matrices were replaced by ordinary arrays.
 * @internal
 */
export function rowKernelOf(ahat: Float64Array, proximity: Float64Array): RowKernel | null {
  const k = kernels.get(ahat.buffer);
  return k !== undefined && proximity.buffer === k.buffer && ahat.byteOffset === k.ahatAt && proximity.byteOffset === k.proximityAt ? k : null;
}

/**
 * Sets the smallest world that gets a row kernel (default 32; `Infinity`: none) and returns the
 * previous value. For tests and benchmarks that compare the two passes; a world keeps what it was
 * created with.
 * @internal
 */
export function setRowKernelMinStates(states: number): number {
  const previous = minStates;
  minStates = states;
  return previous;
}
