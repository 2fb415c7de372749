/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no white space, numbers as
 * `JSON.stringify` writes them (the shortest string that reads back to the same double), keys
 * whose value is `undefined` left out. Two values that are equal as data give the same text, so its
 * hash identifies a scenario, a design or a run's key whatever the order its fields were written in.
 *
 * @throws TypeError for a non-finite number, a function, a symbol or a bigint (no canonical form).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      if (ArrayBuffer.isView(value)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}
