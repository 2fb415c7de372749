import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { Cell, Column } from '../../experiments/tables.js';
import { importOptional } from '../optionalPackage.js';

/** Rows per Arrow record batch: large enough for fast readers, small enough to keep memory bounded. */
export const ARROW_BATCH_ROWS = 65_536;

type ArrowModule = typeof import('apache-arrow');

let arrowModule: Promise<ArrowModule> | null = null;
/**
 * apache-arrow, loaded on first use only (it is an optional dependency, needed only when Arrow
 * output is asked for). @throws MissingPackageError when it is not installed. @internal
 */
export function loadArrow(): Promise<ArrowModule> {
  arrowModule ??= importOptional('apache-arrow', 'arrow', () => import('apache-arrow'));
  arrowModule.catch(() => { arrowModule = null; });
  return arrowModule;
}

const encoder = new TextEncoder();

/**
 * One column of one batch, written straight into typed arrays as rows arrive (no per-cell boxing),
 * with a validity bitmap for nulls; built into Arrow Data when the batch is full.
 */
class ColumnBuffer {
  private length = 0;
  private nulls = 0;
  private valid = new Uint8Array(ARROW_BATCH_ROWS >> 3);
  private readonly numbers: Float64Array | null;
  private readonly strings: (string | null)[] | null;
  private readonly bits: Uint8Array | null;

  constructor(readonly column: Column) {
    const t = column.type;
    this.numbers = t === 'int' || t === 'int64' || t === 'float' ? new Float64Array(ARROW_BATCH_ROWS) : null;
    this.strings = t === 'string' ? [] : null;
    this.bits = t === 'bool' ? new Uint8Array(ARROW_BATCH_ROWS >> 3) : null;
  }

  push(v: Cell): void {
    const i = this.length++;
    if (v === null) { this.nulls++; if (this.strings !== null) this.strings.push(null); return; }
    this.valid[i >> 3] |= 1 << (i & 7);
    if (this.numbers !== null) this.numbers[i] = typeof v === 'number' ? v : Number(v);
    else if (this.strings !== null) this.strings.push(String(v));
    else if (v === true && this.bits !== null) this.bits[i >> 3] |= 1 << (i & 7);
  }

  build(A: ArrowModule): ReturnType<ArrowModule['makeData']> {
    const n = this.length;
    const bytes = (n + 7) >> 3;
    const nullCount = this.nulls;
    const nullBitmap = nullCount > 0 ? this.valid.slice(0, bytes) : undefined;
    let data: ReturnType<ArrowModule['makeData']>;
    const nums = this.numbers;
    switch (this.column.type) {
      case 'int':
        data = A.makeData({ type: new A.Int32(), length: n, nullCount, nullBitmap, data: Int32Array.from((nums as Float64Array).subarray(0, n)) });
        break;
      case 'int64': {
        const out = new BigInt64Array(n);
        for (let i = 0; i < n; i++) out[i] = BigInt((nums as Float64Array)[i]);
        data = A.makeData({ type: new A.Int64(), length: n, nullCount, nullBitmap, data: out });
        break;
      }
      case 'float':
        data = A.makeData({ type: new A.Float64(), length: n, nullCount, nullBitmap, data: (nums as Float64Array).slice(0, n) });
        break;
      case 'bool':
        data = A.makeData({ type: new A.Bool(), length: n, nullCount, nullBitmap, data: (this.bits as Uint8Array).slice(0, bytes) });
        break;
      case 'string': {
        const list = this.strings as (string | null)[];
        const encoded = list.map((v) => (v === null ? new Uint8Array(0) : encoder.encode(v)));
        const offsets = new Int32Array(n + 1);
        let total = 0;
        for (let i = 0; i < n; i++) { total += encoded[i].length; offsets[i + 1] = total; }
        const chars = new Uint8Array(total);
        for (let i = 0; i < n; i++) chars.set(encoded[i], offsets[i]);
        data = A.makeData({ type: new A.Utf8(), length: n, nullCount, nullBitmap, valueOffsets: offsets, data: chars });
        break;
      }
    }
    this.length = 0;
    this.nulls = 0;
    this.valid.fill(0);
    this.bits?.fill(0);
    if (this.strings !== null) this.strings.length = 0;
    return data;
  }

  get size(): number { return this.length; }
}

/**
 * Writes rows as an Arrow IPC file (the Feather v2 format: `pyarrow.feather.read_table`,
 * `pandas.read_feather`, R `arrow::read_ipc_file` / `read_feather`) in record batches of
 * {@link ARROW_BATCH_ROWS} rows, streaming: memory holds one batch. Column types: int → Int32,
 * int64 → Int64, float → Float64 (NaN kept), bool → Bool, string → Utf8; null cells are nulls.
 * The file is fsync'd before the promise resolves. @internal
 */
export async function writeArrowFile(rows: AsyncIterable<readonly Cell[]>, columns: readonly Column[], dest: string): Promise<number> {
  const A = await loadArrow();
  const typeOf = (c: Column) => (c.type === 'int' ? new A.Int32() : c.type === 'int64' ? new A.Int64() : c.type === 'float' ? new A.Float64()
    : c.type === 'bool' ? new A.Bool() : new A.Utf8());
  const fields = columns.map((c) => new A.Field(c.name, typeOf(c), true));
  const schema = new A.Schema(fields);
  const writer = new A.RecordBatchFileWriter();
  const fd = openSync(dest, 'w');
  let failed: unknown = null;
  // The writer is an async queue of byte chunks: drain it to the file as batches are written.
  const pump = (async () => {
    try {
      for await (const chunk of writer) writeSync(fd, chunk);
    } catch (error) {
      failed = error;
    }
  })();
  const buffers = columns.map((c) => new ColumnBuffer(c));
  let count = 0;
  let batches = 0;
  const flush = async (): Promise<void> => {
    const length = buffers[0]?.size ?? 0;
    const children = buffers.map((b) => b.build(A));
    // A failed write to the file (ENOSPC…) closes the writer's queue: report that error, not the queue's.
    if (failed !== null) throw failed;
    try {
      writer.write(new A.RecordBatch(schema, A.makeData({ type: new A.Struct(fields), length, nullCount: 0, children })));
    } catch (error) {
      throw failed ?? error;
    }
    batches++;
    await new Promise((resolve) => setImmediate(resolve));
    if (failed !== null) throw failed;
  };
  try {
    writer.reset(undefined, schema);
    for await (const row of rows) {
      for (let k = 0; k < buffers.length; k++) buffers[k].push(row[k]);
      count++;
      if (buffers[0].size >= ARROW_BATCH_ROWS) await flush();
    }
    if (buffers[0].size > 0 || batches === 0) await flush();
    if (failed !== null) throw failed;
    try {
      writer.finish();
    } catch (error) {
      throw failed ?? error;
    }
    await pump;
    if (failed !== null) throw failed;
    fsyncSync(fd);
  } catch (error) {
    try { writer.abort(error); } catch { /* already failed */ }
    throw error;
  } finally {
    closeSync(fd);
  }
  return count;
}
