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

/** The most states a matrix's buffer holds: √(elements of its buffer). @internal */
export function matrixCapacity(m: SquareMatrix): number {
  return Math.floor(Math.sqrt(m.buffer.byteLength / m.BYTES_PER_ELEMENT));
}

/**
 * An n×n view over `old`'s buffer when it holds n² elements (its contents are left as they are:
 * the caller overwrites or fills them, and `old` must not be read afterwards), else a new
 * zero-filled matrix of max(capacity, n)² elements.
 * @internal
 */
export function matrixOver<T extends SquareMatrix>(old: T, n: number, capacity = n): T {
  const kind = old.constructor as MatrixConstructor<T>;
  if (old.byteOffset === 0 && old.buffer.byteLength >= n * n * kind.BYTES_PER_ELEMENT) return new kind(old.buffer, 0, n * n);
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
  const bytes = kind.BYTES_PER_ELEMENT;
  const needed = Math.max(on * on, n * n) * bytes;
  if (old.byteOffset !== 0 || old.buffer.byteLength < needed) {
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
  const all = new kind(old.buffer, 0, old.buffer.byteLength / bytes);
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
  return new kind(old.buffer, 0, n * n);
}
