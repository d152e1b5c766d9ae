import { describe, expect, it } from 'vitest';
import { GraphQLError, buildSchema, getVariableValues, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { createErrorFormatter } from '../../src/errors.js';
import { hideServiceSdl } from '../../src/limits.js';

// docs/SECURITY.md, "What errors tell": graphql-js's own messages, produced here by graphql-js
// itself, as a production client reads them.
const schema = buildSchema(`
  type Query { secretField(secretArg: SecretEnum!, other: SecretInput): SecretObject, plain: Int, list(first: Int): [SecretObject!]! }
  type Mutation { doHidden(input: SecretInput!): Boolean }
  type SecretObject { hiddenName: String, nested: SecretObject }
  enum SecretEnum { HIDDEN_ONE HIDDEN_TWO }
  input SecretInput { requiredHidden: String!, optionalHidden: Int }
`);
const SCHEMA_NAMES = new Set([
  ...['Query', 'Mutation', 'SecretObject', 'SecretEnum', 'SecretInput', 'String', 'Int', 'Boolean', 'ID', 'Float'],
  ...['secretField', 'secretArg', 'other', 'plain', 'list', 'first', 'doHidden', 'input', 'hiddenName', 'nested'],
  ...['HIDDEN_ONE', 'HIDDEN_TWO', 'requiredHidden', 'optionalHidden', 'if'],
]);

const DOCUMENTS = [
  '{ secretFeld }',
  '{ secretField(secretArg: HIDDEN_ONE) }',
  '{ plain { x } }',
  '{ secretField { hiddenName } }',
  '{ secretField(secretArg: HIDDEN_ON, secretArgg: 1) { hiddenName } }',
  '{ secretField(secretArg: "HIDDEN_ONE") { hiddenName } }',
  '{ secretField(secretArg: HIDDEN_ONE, other: { optionalHiden: 1 }) { hiddenName } }',
  '{ secretField(secretArg: HIDDEN_ONE, other: 5) { hiddenName } }',
  '{ list(first: "x") { hiddenName } }',
  '{ list(first: 1) { hiddenName(x: 1) nestd } }',
  '{ ... on SecretObjec { hiddenName } }',
  '{ ... on SecretObject { hiddenName } }',
  'query($v: String) { secretField(secretArg: $v) { hiddenName } }',
  '{ a: plain a: list(first: 1) { hiddenName } }',
  '{ plain @skip }',
  '{ plain @include(iff: true, if: true) }',
  '{ _service { sdl } }',
  'query Q($u: Int, $u: Int) { ...F } fragment F on Int { a } { plain }',
];
const VARIABLES: [string, Record<string, unknown>][] = [
  ['query($e: SecretEnum!) { secretField(secretArg: $e) { hiddenName } }', { e: 'HIDDEN_ON' }],
  ['query($e: SecretEnum!) { secretField(secretArg: $e) { hiddenName } }', { e: 5 }],
  ['query($e: SecretEnum!) { secretField(secretArg: $e) { hiddenName } }', {}],
  ['query($e: SecretEnum!) { secretField(secretArg: $e) { hiddenName } }', { e: null }],
  ['mutation($i: SecretInput!) { doHidden(input: $i) }', { i: { optionalHiden: 1 } }],
  ['mutation($i: SecretInput!) { doHidden(input: $i) }', { i: 'x' }],
  ['mutation($i: SecretInput!) { doHidden(input: $i) }', { i: { requiredHidden: 5 } }],
  ['mutation($i: SecretInput!) { doHidden(input: $i) }', { i: { requiredHidden: null } }],
];

const production = createErrorFormatter({ maskInternal: true, log: () => undefined });
/** What a client reads of a graphql-js error, wrapped with a code as Apollo Server wraps it. */
const told = (error: GraphQLError, code: string) =>
  production(
    { message: error.message, extensions: { code } },
    new GraphQLError(error.message, { extensions: { code }, originalError: error }),
  ).message;
const names = (text: string) => new Set(text.match(/[_A-Za-z][_0-9A-Za-z]*/g));
/** Schema names a message quotes that the caller did not write. */
const revealed = (message: string, written: string) => {
  const mine = names(written);
  return [...message.matchAll(/"([^"]*)"/g)].flatMap(([, quoted]) =>
    [...names(quoted!)].filter((n) => SCHEMA_NAMES.has(n) && !mine.has(n)),
  );
};

describe("production's validation and variable messages", () => {
  const cases = [
    ...DOCUMENTS.flatMap((document) =>
      validate(schema, parse(document), [...specifiedRules, hideServiceSdl]).map((error) => ({
        written: document,
        original: error.message,
        message: told(error, 'GRAPHQL_VALIDATION_FAILED'),
      })),
    ),
    ...VARIABLES.flatMap(([document, variables]) => {
      const operation = parse(document).definitions[0] as OperationDefinitionNode;
      const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
      return (errors ?? []).map((error) => ({
        written: document + JSON.stringify(variables),
        original: error.message,
        message: told(error, 'BAD_USER_INPUT'),
      }));
    }),
  ];

  it('are produced for every kind of mistake probed', () => {
    expect(cases.length).toBeGreaterThan(30);
    // The probe meets what clairvoyance reads: types, suggestions, required arguments and fields.
    expect(cases.map((c) => c.original).join('\n')).toMatch(/Did you mean the enum value[^]*of required type[^]*on type "Query"/);
  });

  it('name nothing of the schema the caller did not write, and suggest nothing', () => {
    for (const c of cases) {
      expect(revealed(c.message, c.written), `${c.original} → ${c.message}`).toEqual([]);
      expect(c.message).not.toMatch(/did you mean|suggestion/i);
    }
  });

  it('each say what is wrong: every graphql-js message met here has a rewrite of its own, none is the generic one', () => {
    for (const c of cases) expect(c.message, c.original).not.toBe('The operation is not valid here.');
    expect(cases.map((c) => c.message)).toEqual(
      expect.arrayContaining([
        'Cannot query field "secretFeld" here.',
        'Field "secretField" must have a selection of subfields.',
        'Field "plain" must not have a selection.',
        'Field "secretField" is missing a required argument.',
        'Value "HIDDEN_ON" does not exist in this enum.',
        'Unknown argument "secretArgg" on field "secretField".',
        'Expected an enum value, found "HIDDEN_ONE".',
        'An input object is missing a required field.',
        'Field "optionalHiden" is not defined by this input object.',
        'Value 5 is not of the expected type.',
        'Value "x" is not of the expected type.',
        'Unknown type "SecretObjec".',
        'Fragment cannot be spread here.',
        'Variable "$v" of type "String" cannot be used here.',
        'Directive "@skip" is missing a required argument.',
        'Cannot query field "_service" here.',
        'Variable "$e" got invalid value "HIDDEN_ON"; Value "HIDDEN_ON" does not exist in this enum.',
        'Variable "$e" of required type "SecretEnum!" was not provided.',
        'Variable "$i" got invalid value { optionalHiden: 1 }; An input object is missing a required field.',
        'Variable "$i" got invalid value "x"; Expected an object.',
        'Variable "$i" got invalid value null at "i.requiredHidden"; Expected a non-null value.',
      ]),
    );
  });

  it('keep what was written for clients, and make a graphql-js message they do not know generic', () => {
    const own = (message: string, code = 'GRAPHQL_VALIDATION_FAILED') =>
      production(
        { message, extensions: { code } },
        new GraphQLError(message, {
          extensions: { code },
          originalError: new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } }),
        }),
      ).message;
    // graphql-armor's limit, a scalar of the hub, a subgraph's refusal relayed by the gateway.
    expect(own('Syntax Error: Query depth limit of 10 exceeded, found 11.')).toBe(
      'Syntax Error: Query depth limit of 10 exceeded, found 11.',
    );
    expect(own('Variable "$at" got invalid value "x"; Expected a real instant in ISO-8601', 'BAD_USER_INPUT')).toBe(
      'Variable "$at" got invalid value "x"; Expected a real instant in ISO-8601',
    );
    expect(own('period: must be a week such as 2026-W47', 'BAD_USER_INPUT')).toBe('period: must be a week such as 2026-W47');
    const unknown = new GraphQLError('Something new about "SecretObject".');
    expect(told(unknown, 'GRAPHQL_VALIDATION_FAILED')).toBe('The operation is not valid here.');
    expect(told(new GraphQLError('Variable "$v" got invalid value 1; Something new about "SecretObject".'), 'BAD_USER_INPUT')).toBe(
      'Variable "$v" got invalid value 1.',
    );
  });

  it('stay as graphql-js wrote them in development', () => {
    const development = createErrorFormatter({ maskInternal: false, log: () => undefined });
    for (const c of cases.slice(0, 5)) {
      const error = new GraphQLError(c.original, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(development({ message: c.original, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error).message).toBe(c.original);
    }
  });
});
