/**
 * Validation and variable errors in production say what is wrong with the caller's document
 * without naming what the caller did not write (docs/SECURITY.md, "What errors tell"). graphql-js
 * names the parent type of an unknown field, the type of a field that needs a selection, a
 * required argument or input field with its type, the type a position expects, and suggests
 * fields, arguments, types and enum values: together a tool such as clairvoyance rebuilds the
 * schema from them with introspection off. Each graphql-js message (16.x) is rewritten here to
 * name only the field, argument, variable, fragment, type or value the caller wrote; a message
 * of graphql-js this list does not know becomes a generic one rather than passing unread.
 */

/** `$1`… of the match, in order; names never contain a quote, a caller's value may. */
type Rewrite = [RegExp, (...groups: string[]) => string];

const REWRITES: Rewrite[] = [
  [/^Cannot query field "([^"]+)" on type "[^"]+"\./, (f) => `Cannot query field "${f}" here.`],
  [/^Field "([^"]+)" must not have a selection since type "[^"]+" has no subfields\./, (f) => `Field "${f}" must not have a selection.`],
  [/^Field "([^"]+)" of type "[^"]+" must have a selection of subfields\./, (f) => `Field "${f}" must have a selection of subfields.`],
  [
    /^Field "([^"]+)" of type "[^"]+" must have at least one field selected\./,
    (f) => `Field "${f}" must have at least one field selected.`,
  ],
  [/^Unknown argument "([^"]+)" on field "[^"]*\.([^".]+)"\./, (a, f) => `Unknown argument "${a}" on field "${f}".`],
  [/^Unknown argument "([^"]+)" on directive "(@[^"]+)"\./, (a, d) => `Unknown argument "${a}" on directive "${d}".`],
  [/^Unknown type "([^"]+)"\./, (t) => `Unknown type "${t}".`],
  [/^Fragment "([^"]+)" cannot be spread here as objects of type /, (f) => `Fragment "${f}" cannot be spread here.`],
  [/^Fragment cannot be spread here as objects of type /, () => 'Fragment cannot be spread here.'],
  // Which argument or input field is missing, and its type, is what the caller did not write.
  [
    /^Field "([^"]+)" argument "[^"]+" of type "[^"]+" is required, but it was not provided\./,
    (f) => `Field "${f}" is missing a required argument.`,
  ],
  [/^Directive "(@[^"]+)" argument "[^"]+" of type "[^"]+" is required/, (d) => `Directive "${d}" is missing a required argument.`],
  [/^Field "[^"]+" of required type "[^"]+" was not provided\./, () => 'An input object is missing a required field.'],
  [/^Field "([^"]+)" is not defined by type "[^"]+"\./, (f) => `Field "${f}" is not defined by this input object.`],
  [/^Field "(?:[^"]*\.)?([^".]+)" must be non-null\./, (f) => `Field "${f}" must be non-null.`],
  [/^OneOf Input Object "[^"]+" must specify exactly one key\./, () => 'This input object must specify exactly one key.'],
  [/^Exactly one key must be specified for OneOf type "[^"]+"\./, () => 'This input object must specify exactly one key.'],
  [/^Value "(.*)" does not exist in "[^"]+" enum\./s, (v) => `Value "${v}" does not exist in this enum.`],
  [
    /^Enum "[^"]+" cannot represent non-(?:enum|string) value: (.*?)\.(?: Did you mean .*)?$/s,
    (v) => `Expected an enum value, found ${v}.`,
  ],
  [/^(?:Int|Float|String|Boolean|ID) cannot represent [^:]*: (.*)$/s, (v) => `Value ${v} is not of the expected type.`],
  [/^Expected value of type "[^"]+", found (.*?)(?:\.|; .*)$/s, (v) => `Value ${v} is not of the expected type.`],
  [/^Expected non-nullable type "[^"]+" not to be null\./, () => 'Expected a non-null value.'],
  [/^Expected type "[^"]+" to be an object\./, () => 'Expected an object.'],
  [/^Expected type "[^"]+"\./, () => 'The value is not of the expected type.'],
  [
    /^Variable "(\$[^"]+)" of type "([^"]+)" used in position expecting type "[^"]+"\./,
    (v, t) => `Variable "${v}" of type "${t}" cannot be used here.`,
  ],
  [
    /^Variable "(\$[^"]+)" is of type "[^"]+" but must be non-nullable to be used for OneOf/,
    (v) => `Variable "${v}" must be non-nullable here.`,
  ],
  [
    /^Fields "([^"]+)" conflict because .*Use different aliases/s,
    (f) => `Fields "${f}" conflict: use different aliases on the fields to fetch both if this was intentional.`,
  ],
  [/^GraphQL introspection is not allowed/, () => 'GraphQL introspection is not allowed here.'],
];

/** graphql-js's messages that name only what the caller wrote (its variables' types among them), as they are. */
const AS_WRITTEN = [
  /^Unknown (?:directive|fragment) "[^"]+"\.$/,
  /^Directive "@[^"]+" may not be used on [A-Z_]+\.$/,
  /^The directive "@[^"]+" can only be used once at this location\.$/,
  /^There can be only one (?:argument|fragment|input field|operation|variable) named "[^"]+"\.$/,
  /^Variable "\$[^"]+" (?:is not defined|is never used|cannot be non-input type|of required type|of non-null type|expected value of type)/,
  /^Fragment (?:"[^"]+" )?cannot condition on non composite type "[^"]+"\.$/,
  /^Fragment "[^"]+" is never used\.$/,
  /^Cannot spread fragment "[^"]+" within itself/,
  /^This anonymous operation must be the only defined operation\.$/,
  /^The (?:"[^"]+"|\S+) definition is not executable\.$/,
  /^(?:Subscription "[^"]+"|Anonymous Subscription) must (?:not )?select /,
  /^Maximum introspection depth exceeded$/,
  /^Too many (?:validation )?errors/,
];

const GENERIC = 'The operation is not valid here.';

function rewrite(message: string): string | null {
  for (const [pattern, replace] of REWRITES) {
    const match = pattern.exec(message);
    if (match) return replace(...match.slice(1));
  }
  return AS_WRITTEN.some((pattern) => pattern.test(message)) ? message : null;
}

/**
 * A GRAPHQL_VALIDATION_FAILED or BAD_USER_INPUT message as a production client sees it.
 * `ownWords`: the error was written for clients by whoever raised it (a scalar of the hub,
 * graphql-armor's limits, a subgraph's answer relayed by the gateway: each carries its own code,
 * graphql-js's never do), so what graphql-js's patterns do not cover is kept. A BAD_USER_INPUT
 * is graphql-js's only for a variable; any other is a resolver's refusal, kept.
 */
export function clientMessage(message: string, code: 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT', ownWords: boolean): string {
  if (code === 'BAD_USER_INPUT' && !message.startsWith('Variable "$')) return message;
  // graphql-js's variable errors: what the caller sent (its value, where in it), then why.
  const variable = /^(Variable "\$[^"]+" got invalid value .*?); (.*)$/s.exec(message);
  if (variable) {
    const why = rewrite(variable[2]!) ?? (ownWords ? variable[2] : null);
    return why ? `${variable[1]}; ${why}` : `${variable[1]}.`;
  }
  return rewrite(message) ?? (ownWords ? message : GENERIC);
}
