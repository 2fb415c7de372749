import { MAX_NESTING, tooDeepMessage } from './maxNesting.js';

/** Where a text stops being JSON, and why. */
export interface JsonSyntaxError {
  /** 0-based character offset of the problem. */
  readonly offset: number;
  readonly message: string;
}

/**
 * Checks that a text is strict JSON (RFC 8259) and returns the first place where it is not, or
 * `undefined`. Scenario JSON files are parsed by the `yaml` package (for positions), which also
 * accepts YAML-only syntax — comments, trailing commas, unquoted or single-quoted strings — so
 * this check keeps a `.json` file JSON. It validates only; it builds no value. `JSON.parse` is
 * not used because its messages give no position for several errors. Iterative (an explicit stack
 * of open objects and arrays), and objects and arrays may nest at most {@link MAX_NESTING} deep.
 * @internal
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail = (message: string, offset = at): never => { throw { offset, message } satisfies JsonSyntaxError; };
  const space = (): void => { while (at < text.length && ' \t\n\r'.includes(text[at])) at++; };
  const describe = (): string => (at >= text.length ? 'the end of the file' : JSON.stringify(text[at]));
  /** The closing character of every object and array open around `at`, innermost last. */
  const open: ('}' | ']')[] = [];

  const scalar = (): void => {
    if (text[at] === '"') { string('a value'); return; }
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at, at + 400));
    if (literal === null) {
      fail(`expected a value (a number, "text" in double quotes, true, false, null, an object or an array), found ${describe()}`);
    } else if (/[A-Za-z0-9_.$+-]/.test(text[at + literal[0].length] ?? '')) {
      fail(`not a JSON value: ${JSON.stringify(/^[^\s,:\]}]*/.exec(text.slice(at))?.[0] ?? '')}`);
    }
    at += (literal as RegExpExecArray)[0].length;
  };
  const key = (): void => { string('a key in double quotes'); space(); expect(':'); };
  const string = (what: string): void => {
    if (text[at] !== '"') fail(`expected ${what}, found ${describe()}`);
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) fail('control character in a string (write \\n, \\t)');
      if (text[at] === '\\') {
        if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(at + 1, at + 6))) fail('invalid escape in a string');
        at += text[at + 1] === 'u' ? 6 : 2;
      } else {
        at++;
      }
    }
    if (at >= text.length) fail('unterminated string', start);
    at++;
  };
  const expect = (c: string): void => {
    if (text[at] !== c) fail(`expected "${c}", found ${describe()}`);
    at++;
  };

  /** Reads one value; an object or array is only opened (its first key read), not finished. */
  const beginValue = (): void => {
    for (;;) {
      space();
      const c = text[at];
      if (c !== '{' && c !== '[') { scalar(); return; }
      if (open.length >= MAX_NESTING) fail(tooDeepMessage);
      const close = c === '{' ? '}' : ']';
      at++;
      space();
      if (text[at] === close) { at++; return; }
      open.push(close);
      if (close === '}') key();
    }
  };

  try {
    if (text.charCodeAt(0) === 0xfeff) at = 1;
    beginValue();
    while (open.length > 0) {
      // After a value inside the innermost open object or array: a comma and the next item, or its end.
      const close = open[open.length - 1];
      space();
      if (text[at] === ',') {
        const comma = at;
        at++;
        space();
        if (text[at] === close) fail('trailing comma (not allowed in JSON)', comma);
        if (close === '}') key();
        beginValue();
      } else if (text[at] === close) {
        at++;
        open.pop();
      } else {
        fail(`expected "," or "${close}", found ${describe()}`);
      }
    }
    space();
    if (at < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error) return error as JsonSyntaxError;
    throw error;
  }
}
