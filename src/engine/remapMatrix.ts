/** A row-major square matrix of the world or its scratch buffers. @internal */
export type SquareMatrix = Float64Array | Int32Array | Uint8Array;

/** Runs up to this length are copied by a loop: a native copy's call costs more than a few elements. */
const SHORT_RUN = 16;

type MatrixConstructor<T extends SquareMatrix> = {
  new (length: number): T;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

/**
 * A zero-filled n×n matrix, as a view of n² elements over a buffer of capacity² elements (capacity
 * ≥ n): a world rebuilt for more states (model note N43) then grows into the same buffer
 * ({@link remapMatrix}, {@link matrixOver}) instead of allocating its matrices again.
 * @internal
 */
export function newMatrix<T extends SquareMatrix>(kind: MatrixConstructor<T>, n: number, capacity = n): T {
  const c = Math.max(n, capacity);
  return new kind(new ArrayBuffer(c * c * kind.BYTES_PER_ELEMENT), 0, n * n);
}

/**
 * Regions of buffers that hold more than one matrix (the row kernel's memory holds ahat and
 * proximity, RowKernel.ts): byte offset → elements. A matrix in any other buffer owns it from offset 0.
 */
const regions = new WeakMap<ArrayBufferLike, Map<number, number>>();

/** Declares that `buffer` holds a matrix region of `elements` elements at `byteOffset`. @internal */
export function registerMatrixRegion(buffer: ArrayBufferLike, byteOffset: number, elements: number): void {
  let r = regions.get(buffer);
  if (r === undefined) { r = new Map(); regions.set(buffer, r); }
  r.set(byteOffset, elements);
}

/** Elements of the region a matrix starts (its byte offset to the region's end), or −1 when it is a view inside one. */
function regionElements(m: SquareMatrix): number {
  const r = regions.get(m.buffer);
  if (r !== undefined) return r.get(m.byteOffset) ?? -1;
  return m.byteOffset === 0 ? m.buffer.byteLength / m.BYTES_PER_ELEMENT : -1;
}

/** The most states a matrix's region holds: √(elements of its buffer, or of its region). @internal */
export function matrixCapacity(m: SquareMatrix): number {
  const e = regionElements(m);
  return Math.floor(Math.sqrt(e < 0 ? m.length : e));
}

/**
 * An n×n view over `old`'s buffer when it holds n² elements (its contents are left as they are:
 * the caller overwrites or fills them, and `old` must not be read afterwards), else a new
 * zero-filled matrix of max(capacity, n)² elements.
 * @internal
 */
export function matrixOver<T extends SquareMatrix>(old: T, n: number, capacity = n): T {
  const kind = old.constructor as MatrixConstructor<T>;
  if (regionElements(old) >= n * n) return new kind(old.buffer, old.byteOffset, n * n);
  return newMatrix(kind, n, capacity);
}

/**
 * The n×n matrix of a world rebuilt for a new set of states (model note N43) from the on×on matrix
 * `old`: entry (i, j) is old's (from[i], from[j]) for every pair of states that stay (from ≥ 0).
 * Entries of pairs with an entering state (from < 0) are left unspecified: the caller sets them.
 * The states that stay keep their relative order (from is increasing over them), so the copy runs
 * by rows in place, over old's buffer, when it holds n² elements: first the staying states are
 * compacted to the front (every entry moves to a lower position, copied in increasing order), then
 * spread to their new positions (every entry moves to a higher one, copied in decreasing order) —
 * native `copyWithin` runs, no allocation, and `old` is invalid afterwards. Otherwise the matrix is
 * copied into a new buffer of max(capacity, n)² elements and `old` is left untouched.
 * @internal
 */
export function remapMatrix<T extends SquareMatrix>(old: T, on: number, n: number, from: Int32Array, capacity = n): T {
  const kind = old.constructor as MatrixConstructor<T>;
  // The staying states: their old indices (increasing) and new indices (increasing).
  let m = 0;
  for (let i = 0; i < n; i++) if (from[i] >= 0) m++;
  const oldOf = new Int32Array(m);
  const newOf = new Int32Array(m);
  for (let i = 0, k = 0; i < n; i++) if (from[i] >= 0) { oldOf[k] = from[i]; newOf[k++] = i; }
  const region = regionElements(old);
  if (region < Math.max(on * on, n * n)) {
    const out = newMatrix(kind, n, capacity);
    for (let k = 0; k < m; k++) {
      const src = oldOf[k] * on;
      const dst = newOf[k] * n;
      for (let l = 0; l < m;) {
        let end = l + 1;
        while (end < m && oldOf[end] === oldOf[end - 1] + 1 && newOf[end] === newOf[end - 1] + 1) end++;
        out.set(old.subarray(src + oldOf[l], src + oldOf[end - 1] + 1), dst + newOf[l]);
        l = end;
      }
    }
    return out;
  }
  const all = new kind(old.buffer, old.byteOffset, region);
  // 1. Compact the staying states into an m×m block at the front (positions only decrease).
  if (m < on) {
    for (let k = 0; k < m; k++) {
      const src = oldOf[k] * on;
      for (let l = 0; l < m;) {
        let end = l + 1;
        while (end < m && oldOf[end] === oldOf[end - 1] + 1) end++;
        if (end - l > SHORT_RUN) all.copyWithin(k * m + l, src + oldOf[l], src + oldOf[end - 1] + 1);
        else for (let c = l; c < end; c++) all[k * m + c] = all[src + oldOf[c]]; // forward, like the run copy
        l = end;
      }
    }
  }
  // 2. Spread the m×m block to the staying states' new positions (positions only increase).
  if (m < n) {
    for (let k = m - 1; k >= 0; k--) {
      const dst = newOf[k] * n;
      for (let l = m - 1; l >= 0;) {
        let start = l;
        while (start > 0 && newOf[start - 1] === newOf[start] - 1) start--;
        if (l - start >= SHORT_RUN) all.copyWithin(dst + newOf[start], k * m + start, k * m + l + 1);
        else for (let c = l; c >= start; c--) all[dst + newOf[c]] = all[k * m + c]; // backward, like the run copy
        l = start - 1;
      }
    }
  }
  return new kind(old.buffer, old.byteOffset, n * n);
}
