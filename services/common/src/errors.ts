import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

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
    const status = HTTP_STATUS[this.code];
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
export const conflict = (message: string, field?: string) =>
  new HubError('CONFLICT', message, field ? { field } : {});
export const unauthenticated = (message = 'A valid bearer token is required') =>
  new HubError('UNAUTHENTICATED', message);

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'DOWNSTREAM_SERVICE_ERROR',
]);

/** graphql-js gives up on a request's variables after 50 bad values with this error, which has no code. */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * The one error mapper: domain errors keep their code and details, known GraphQL errors pass,
 * anything else is an internal fault, masked outside development so no stack or SQL leaks.
 */
export function createErrorFormatter(options: { maskInternal: boolean; log: (err: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof HubError) {
      const mapped = original.toGraphQLError();
      return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions, http: undefined } };
    }
    const code = formatted.message === VARIABLE_ERROR_LIMIT ? 'BAD_USER_INPUT' : formatted.extensions?.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) {
      const { stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code, ...(options.maskInternal ? {} : { stacktrace }) } };
    }
    options.log(original);
    if (!options.maskInternal) return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
