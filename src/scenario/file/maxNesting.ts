/**
 * How deeply the collections of a scenario file may nest (a scenario needs 6 levels:
 * `events[k].changes[c].between[0]`). Deeper files are rejected before they are read, so no
 * recursive reader can exhaust the call stack on them.
 * @internal
 */
export const MAX_NESTING = 64;

/** The message of a file nested deeper than {@link MAX_NESTING}. @internal */
export const tooDeepMessage = `nested more than ${MAX_NESTING} levels deep (objects and lists within one another); a scenario needs far fewer`;
