import { CST, Lexer } from 'yaml';
import { MAX_NESTING } from './maxNesting.js';

/** Tokens the lexer inserts that are not in the source. */
const SYNTHETIC = new Set<string>([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * The offset of the first `[` or `{` that opens a flow collection (JSON's arrays and objects are
 * YAML flow collections) nested deeper than {@link MAX_NESTING}, or `undefined`. It reads the
 * tokens of the `yaml` lexer, which is iterative, so brackets in quoted or plain text and comments
 * are not counted; the parser and composer, which recurse, then never see such a file.
 * @internal
 */
export function flowNestingTooDeep(text: string): number | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth++;
      if (depth > MAX_NESTING) return offset;
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    }
    if (!SYNTHETIC.has(token)) offset += token.length;
  }
  return undefined;
}
