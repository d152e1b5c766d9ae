import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { createErrorFormatter } from '../../src/errors.js';

// Found by tests/property-inputs.e2e.test.ts: 501 placements with a bad publishedAt each came back as INTERNAL_SERVER_ERROR.
describe('the error mapper', () => {
  it('codes graphql-js giving up on too many bad variables as BAD_USER_INPUT, not as an internal fault', () => {
    const logged: unknown[] = [];
    for (const maskInternal of [true, false]) {
      const format = createErrorFormatter({ maskInternal, log: (err) => logged.push(err) });
      const formatted = format({ message: 'Too many errors processing variables, error limit reached. Execution aborted.' }, new Error());
      expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(logged).toEqual([]);
  });
});

/** What node-postgres throws, as MikroORM passes it on (its exceptions copy these fields). */
const pgError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
/** A resolver's error as Apollo hands it to formatError. */
const fromResolver = (err: Error) => new GraphQLError(err.message, { path: ['grantExemption'], originalError: err });
const INTERNAL = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

// Security review: races and outages came back as INTERNAL_SERVER_ERROR, and enum suggestions leaked.
describe('database errors', () => {
  it('maps a unique violation to CONFLICT naming what exists, or a generic one for an unknown constraint', () => {
    const logged: unknown[] = [];
    const format = createErrorFormatter({ maskInternal: true, log: (err) => logged.push(err) });
    const known = pgError('duplicate key value violates unique constraint "exemption_active_unique"', {
      code: '23505',
      constraint: 'exemption_active_unique',
    });
    expect(format({ ...INTERNAL, path: ['grantExemption'] }, fromResolver(known))).toMatchObject({
      message: 'An active exemption for this organization, rule and period already exists',
      extensions: { code: 'CONFLICT' },
      path: ['grantExemption'],
    });
    // Only the message names it.
    const named = pgError('duplicate key value violates unique constraint "organization_inn_key"', { code: '23505' });
    expect(format(INTERNAL, fromResolver(named)).extensions).toMatchObject({ code: 'CONFLICT', field: 'inn' });
    const unknown = pgError('duplicate key value violates unique constraint "something_new_key"', {
      code: '23505',
      constraint: 'something_new_key',
    });
    const generic = format(INTERNAL, fromResolver(unknown));
    expect(generic).toMatchObject({ message: expect.stringMatching(/already exists/), extensions: { code: 'CONFLICT' } });
    expect(generic.message).not.toContain('something_new_key');
    expect(logged).toEqual([]);
  });

  it.each([
    ['ECONNREFUSED', pgError('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' })],
    ['ECONNRESET', pgError('read ECONNRESET', { code: 'ECONNRESET' })],
    ['admin shutdown', pgError('terminating connection due to administrator command', { code: '57P01' })],
    ['cannot connect now', pgError('the database system is starting up', { code: '57P03' })],
    ['too many connections', pgError('sorry, too many clients already', { code: '53300' })],
    ['connection terminated', new Error('Connection terminated unexpectedly')],
    [
      'pool timeout',
      Object.assign(
        new Error('Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?'),
        { name: 'KnexTimeoutError' },
      ),
    ],
    ['a wrapped cause', new Error('query failed', { cause: pgError('connect ECONNREFUSED ::1:5432', { code: 'ECONNREFUSED' }) })],
    ['dual-stack refusal', Object.assign(new AggregateError([pgError('connect ECONNREFUSED ::1:5432', { code: 'ECONNREFUSED' })], ''), {})],
  ])('tells an outage (%s) as SERVICE_UNAVAILABLE with a retry hint, in production and development', (_name, err) => {
    for (const maskInternal of [true, false]) {
      const logged: unknown[] = [];
      const format = createErrorFormatter({ maskInternal, log: (e) => logged.push(e) });
      const formatted = format({ ...INTERNAL, message: err.message }, fromResolver(err));
      expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: expect.any(Number) });
      expect(formatted.message).toMatch(/unavailable.*try again/i);
      expect(logged).toEqual([err]);
    }
  });

  it('keeps other errors internal', () => {
    const format = createErrorFormatter({ maskInternal: true, log: () => undefined });
    const syntax = pgError('syntax error at or near "selec"', { code: '42601' });
    expect(format({ ...INTERNAL, message: syntax.message }, fromResolver(syntax))).toMatchObject(INTERNAL);
    // A subgraph the gateway cannot reach keeps its own code.
    const downstream = { message: 'The compliance service is unavailable', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } };
    expect(format(downstream, fromResolver(pgError('connect ECONNREFUSED', { code: 'ECONNREFUSED' })))).toMatchObject(downstream);
  });
});

describe('suggestions', () => {
  // graphql-js's messages as Apollo hands them over, and what a production client reads of each:
  // no suggestion, and no type the caller did not write (services/common/test/unit/client-messages.test.ts
  // holds every graphql-js message to that).
  const messages = [
    [
      'GRAPHQL_VALIDATION_FAILED',
      'Value "EXECUTIVE_BODI" does not exist in "OrganizationKind" enum. Did you mean the enum value "EXECUTIVE_BODY"?',
      'Value "EXECUTIVE_BODI" does not exist in this enum.',
    ],
    [
      'BAD_USER_INPUT',
      'Variable "$kind" got invalid value "COMITTEE"; Value "COMITTEE" does not exist in "OrganizationKind" enum. Did you mean the enum value "COMMITTEE" or "CONTENT_CENTER"?',
      'Variable "$kind" got invalid value "COMITTEE"; Value "COMITTEE" does not exist in this enum.',
    ],
    [
      'GRAPHQL_VALIDATION_FAILED',
      'Cannot query field "organisations" on type "Query". Did you mean "organizations" or "organization"?',
      'Cannot query field "organisations" here.',
    ],
    [
      'GRAPHQL_VALIDATION_FAILED',
      'Unknown type "Organisation". Did you mean "Organization", "OrganizationKind", or "OrganizationEdge"?',
      'Unknown type "Organisation".',
    ],
  ] as const;

  it('tells no suggestion and no type in production', () => {
    const format = createErrorFormatter({ maskInternal: true, log: () => undefined });
    for (const [code, message, told] of messages) {
      // Apollo's ValidationError and UserInputError wrap graphql-js's error, which has no code.
      const error = new GraphQLError(message, { extensions: { code }, originalError: new GraphQLError(message) });
      expect(format({ message, extensions: { code } }, error).message).toBe(told);
    }
  });

  it('strips a suggestion from a message written for clients too', () => {
    const format = createErrorFormatter({ maskInternal: true, log: () => undefined });
    const relayed = 'period: not a week. Did you mean "2026-W47"?';
    expect(format({ message: relayed, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(relayed)).message).toBe(
      'period: not a week.',
    );
  });

  it('keeps them in development', () => {
    const format = createErrorFormatter({ maskInternal: false, log: () => undefined });
    const [, message] = messages[0]!;
    expect(format({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message)).message).toBe(message);
  });
});
