// No zod here: the CLI's error display loads this module at start-up.

/** @internal What a value of zod's expected type is, in the words of a scenario's reader. */
export const KINDS: Readonly<Record<string, string>> = {
  string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'a mapping',
  record: 'a mapping', map: 'a mapping', array: 'a list', tuple: 'a list', set: 'a list', null: 'null', date: 'a date',
};

/**
 * zod's default message for a missing field (`Invalid input: expected number, received undefined`),
 * as `requiredFieldMessage` words it (`required: a number`); any other message unchanged. For
 * messages of schemas parsed without that error map (the experiments' sweep specifications).
 * @internal
 */
export function rewordMissingField(message: string): string {
  const m = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  return m === null ? message : `required: ${KINDS[m[1]] ?? m[1]}`;
}
