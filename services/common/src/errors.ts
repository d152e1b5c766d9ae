import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { clientMessage } from './client-messages.js';

export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'SERVICE_UNAVAILABLE';

/** The HTTP status of a refusal outside GraphQL (an export, a refused request), by code. */
const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};
export const httpStatusOf = (code: ErrorCode): number => HTTP_STATUS[code];

/** A GraphQL answer is 200 with its errors, unless nothing could be answered: no valid token, or the service is down. */
const GRAPHQL_HTTP_STATUS = new Set<ErrorCode>(['UNAUTHENTICATED', 'SERVICE_UNAVAILABLE']);

/** A domain error the client may see: a code, a Russian-agnostic message, and where it came from. */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; index?: number; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'HubError';
  }

  toGraphQLError(): GraphQLError {
    const status = GRAPHQL_HTTP_STATUS.has(this.code) ? HTTP_STATUS[this.code] : undefined;
    return new GraphQLError(this.message, {
      extensions: { code: this.code, ...this.details, ...(status ? { http: { status } } : {}) },
    });
  }
}

export const badInput = (field: string, message: string, index?: number) =>
  new HubError('BAD_USER_INPUT', message, index === undefined ? { field } : { field, index });
export const notFound = (what: string, id: string, field?: string) =>
  new HubError('NOT_FOUND', `${what} ${id} not found`, field ? { id, field } : { id });
export const forbidden = (message = 'Not allowed for this role or organization') => new HubError('FORBIDDEN', message);
export const conflict = (message: string, field?: string) => new HubError('CONFLICT', message, field ? { field } : {});
export const unauthenticated = (message = 'A valid bearer token is required') => new HubError('UNAUTHENTICATED', message);

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'DOWNSTREAM_SERVICE_ERROR',
]);

/** graphql-js gives up on a request's variables after 50 bad values with this error, which has no code. */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * What a unique constraint or index means to the client, by its name (the migrations name them;
 * a column's `unique` is named `<table>_<column>_key`). Any other one: a generic 'already exists'.
 */
const UNIQUE_CONSTRAINTS: Record<string, { message: string; field?: string }> = {
  exemption_active_unique: { message: 'An active exemption for this organization, rule and period already exists' },
  compliance_result_pkey: { message: 'A result for this organization, rule and period already exists' },
  escalation_unique: { message: 'An escalation of this level for this organization, rule and period already exists' },
  notification_dedup_key_key: { message: 'This letter is already in the outbox' },
  placement_material_page_unique: { message: 'This material is already placed on this page' },
  media_publication_unique: { message: 'This media publication is already recorded for the organization' },
  organization_inn_key: { message: 'inn: already registered', field: 'inn' },
  official_page_normalized_url_key: { message: 'url: this page is already registered', field: 'url' },
};

/** SQLSTATEs of a database that is not there: connection exceptions (08…), shutting down or starting (57P…), too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300']);
/** Socket errors on the way to PostgreSQL. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** What node-postgres and knex's pool say when the connection is gone or none can be had. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Connection ended unexpectedly/i,
  /Timeout acquiring a connection/i,
  /Client has encountered a connection error and is not queryable/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];
/** How long a client should wait before it tries again, told with SERVICE_UNAVAILABLE. */
export const RETRY_AFTER_SECONDS = 5;

/** The error and what it wraps: MikroORM's exceptions copy the driver error's fields; others keep it as `cause`, AggregateError as `errors`. */
function* errorChain(err: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (!err || typeof err !== 'object' || depth > 5) return;
  const e = err as Record<string, unknown>;
  yield e;
  yield* errorChain(e.cause, depth + 1);
  yield* errorChain(e.previous, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* errorChain(inner, depth + 1);
}

/**
 * A database driver's error as what it means to a client, or null when it is no such error:
 * a unique violation (SQLSTATE 23505) is a CONFLICT naming what exists, a database that cannot
 * be reached is SERVICE_UNAVAILABLE with a retry hint. The one place driver errors get a code:
 * the error formatter of every service uses it, and so do the HTTP routes beside GraphQL.
 */
export function fromDatabaseError(err: unknown): HubError | null {
  for (const e of errorChain(err)) {
    if (e instanceof GraphQLError || e instanceof HubError) return null;
    const code = typeof e.code === 'string' ? e.code : undefined;
    const message = typeof e.message === 'string' ? e.message : '';
    if (code === '23505') {
      const constraint = typeof e.constraint === 'string' ? e.constraint : /unique constraint "([^"]+)"/.exec(message)?.[1];
      const known = constraint ? UNIQUE_CONSTRAINTS[constraint] : undefined;
      return known ? conflict(known.message, known.field) : conflict('This record already exists');
    }
    const unavailable =
      (code !== undefined && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) ||
      e.name === 'KnexTimeoutError' ||
      UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
    if (unavailable) {
      return new HubError('SERVICE_UNAVAILABLE', `The database is unavailable; try again in ${RETRY_AFTER_SECONDS} seconds`, {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    }
  }
  return null;
}

/**
 * Whether the error a client is told of was written for clients: the innermost error it wraps
 * (Apollo wraps graphql-js's, the gateway a subgraph's answer) carries a code of its own.
 */
function inOwnWords(error: unknown): boolean {
  let inner = error as { originalError?: unknown; extensions?: { code?: unknown } } | undefined;
  for (let depth = 0; depth < 5 && inner?.originalError && typeof inner.originalError === 'object'; depth++) {
    inner = inner.originalError as typeof inner;
  }
  return typeof inner?.extensions?.code === 'string';
}

/** graphql-js's suggestions (`Did you mean "x"?`, `Did you mean the enum value "X"?`, `… or "Y"?`) name the schema's fields, types and enum values. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
export const withoutSuggestions = (message: string): string => message.replace(SUGGESTION, '').trim();

/**
 * The one error mapper: domain errors keep their code and details, known GraphQL errors pass,
 * database errors a client can act on get their code (fromDatabaseError), anything else is an
 * internal fault, masked outside development so no stack or SQL leaks. Outside development no
 * message suggests names of the schema either, and a document's validation and variable errors
 * name only what the caller wrote (clientMessage).
 */
export function createErrorFormatter(options: { maskInternal: boolean; log: (err: unknown) => void }) {
  const map = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof HubError) {
      const mapped = original.toGraphQLError();
      return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions, http: undefined } };
    }
    const code = formatted.message === VARIABLE_ERROR_LIMIT ? 'BAD_USER_INPUT' : formatted.extensions?.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) {
      const { stacktrace, ...extensions } = formatted.extensions ?? {};
      // docs/SECURITY.md, "What errors tell".
      const message =
        options.maskInternal && (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT')
          ? clientMessage(formatted.message, code, inOwnWords(error))
          : formatted.message;
      return { ...formatted, message, extensions: { ...extensions, code, ...(options.maskInternal ? {} : { stacktrace }) } };
    }
    // Apollo Server's own refusals of a request (a persisted query's hash that does not match, say)
    // carry an HTTP 4xx and no code: the client's fault, not an internal one to log.
    const status = (error as { extensions?: { http?: { status?: unknown } } } | undefined)?.extensions?.http?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_REQUEST' } };
    }
    const database = fromDatabaseError(original);
    if (database) {
      // An outage is the operators' business; a lost race is the client's.
      if (database.code === 'SERVICE_UNAVAILABLE') options.log(original);
      const mapped = database.toGraphQLError();
      return {
        message: mapped.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...mapped.extensions, http: undefined },
      };
    }
    options.log(original);
    if (!options.maskInternal) return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = map(formatted, error);
    return options.maskInternal ? { ...result, message: withoutSuggestions(result.message) } : result;
  };
}
