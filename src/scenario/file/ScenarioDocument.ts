import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A 1-based line and column in a scenario file. */
export interface FilePosition {
  line: number;
  column: number;
}

type Key = string | number;

/**
 * A parsed scenario file: its plain value and the source positions of its nodes. YAML and JSON
 * alike, since both are parsed by the `yaml` package (JSON is YAML 1.2).
 * @internal
 */
export class ScenarioDocument {
  /** The file's content as plain data (what the schemas check). */
  readonly value: unknown;
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  constructor(doc: Document.Parsed, lines: LineCounter, value: unknown) {
    this.doc = doc;
    this.lines = lines;
    this.value = value;
  }

  /** Line and column of a character offset. */
  positionOfOffset(offset: number): FilePosition {
    const { line, col } = this.lines.linePos(offset);
    return line === 0 ? { line: 1, column: offset + 1 } : { line, column: col };
  }

  /**
   * Where the field at `path` is written: the key of a map entry (so a block value points at the
   * line that names it), an item of a list, or — for a path that is not in the file, such as a
   * missing required field or a field made from a data reference — the nearest ancestor that is.
   */
  positionOf(path: readonly Key[]): FilePosition {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const key of path) {
      node = this.deref(node);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(key));
        if (pair === undefined) break;
        offset = rangeStart(pair.key) ?? rangeStart(pair.value) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && key >= 0 && key < node.items.length) {
        node = node.items[key];
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
    }
    return this.positionOfOffset(offset);
  }

  /** The path of the deepest node written at `offset` (for syntax errors). */
  pathAtOffset(offset: number): Key[] {
    const path: Key[] = [];
    let node: unknown = this.doc.contents;
    for (;;) {
      node = this.deref(node);
      if (isMap(node)) {
        const pair = node.items.find((p) => contains(p.key, offset) || contains(p.value, offset));
        if (pair === undefined) return path;
        const key = keyText(pair.key);
        if (key === undefined) return path;
        path.push(key);
        if (contains(pair.key, offset)) return path;
        node = pair.value;
      } else if (isSeq(node)) {
        const index = node.items.findIndex((item) => contains(item, offset));
        if (index < 0) return path;
        path.push(index);
        node = node.items[index];
      } else {
        return path;
      }
    }
  }

  private deref(node: unknown): unknown {
    let n = node;
    for (let hops = 0; isAlias(n) && hops < 100; hops++) n = n.resolve(this.doc);
    return n;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return range !== undefined && range !== null && range[0] <= offset && offset < range[2];
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}
