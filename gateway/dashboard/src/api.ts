/** The dashboard's one way to the gateway: POST /graphql with the bearer token, errors sorted by what the user can do. */
import type { TypedDocumentString } from './generated/graphql.js';

/** The token expired or is not valid: sign in again. */
export class SessionExpiredError extends Error {
  constructor() {
    super('Срок действия токена истёк или токен недействителен. Войдите снова.');
  }
}

/** The gateway cannot be reached (down, restarting, a proxy in between answering 502–504): retry later. */
export class GatewayUnavailableError extends Error {
  constructor(detail?: string) {
    super(`Шлюз недоступен${detail ? ` (${detail})` : ''}. Проверьте подключение и повторите попытку.`);
  }
}

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string; field?: string; index?: number };
}

/** The gateway answered, but not with the data: the message says why, `errors` what a form can point at (code, field). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly errors: readonly GraphQLError[] = [],
  ) {
    super(message);
  }
}

/** A part of the answer that did not come: where it was and, when a subgraph failed, which one. */
export interface MissingPart {
  path: string;
  service: string | null;
  message: string;
}

export interface QueryResult<T> {
  /** Null when a subgraph that owns a required part did not answer: `missing` says which. */
  data: T | null;
  missing: MissingPart[];
}

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * The bearer header of a pasted token; none for a session opened by a sign-in link (the token is
 * then COOKIE_SESSION, and the browser sends the HttpOnly session cookie itself).
 */
export const authorizationHeader = (token: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/**
 * What every request to the gateway (GraphQL or an export) can meet that the user acts on the same
 * way: a session to renew (401 or UNAUTHENTICATED), or no gateway to talk to (a 502–504 without the
 * hub's own error in the body, i.e. from something in between). Null when the answer is neither.
 */
export function sessionOrReachFailure(status: number, codes: readonly (string | undefined)[], hubAnswered: boolean): Error | null {
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return new SessionExpiredError();
  if (!hubAnswered && UNAVAILABLE_STATUSES.has(status)) return new GatewayUnavailableError(`HTTP ${status}`);
  return null;
}

/** Sends one of queries.ts: its result and variables are typed from the schema (`npm run codegen`). */
export async function graphql<T, V>(
  token: string,
  query: TypedDocumentString<T, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<QueryResult<T>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorizationHeader(token) },
      body: JSON.stringify({ query: query.toString(), variables }),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new GatewayUnavailableError();
  }
  const body = await graphqlAnswerOf<T>(response);
  const errors = body?.errors ?? [];
  const failure = sessionOrReachFailure(
    response.status,
    errors.map((e) => e.extensions?.code),
    body !== null,
  );
  if (failure) throw failure;
  if (!body) throw new GatewayUnavailableError(`HTTP ${response.status}`);
  const downstreamOnly = errors.length > 0 && errors.every((e) => e.extensions?.code === 'DOWNSTREAM_SERVICE_ERROR');
  if (body.data == null && !downstreamOnly)
    throw new ApiError(errors.map((e) => e.message).join('; ') || `HTTP ${response.status}`, errors);
  return {
    data: body.data ?? null,
    missing: errors.map((e) => ({
      path: (e.path ?? []).join('.'),
      service: e.extensions?.code === 'DOWNSTREAM_SERVICE_ERROR' ? (e.extensions.serviceName ?? null) : null,
      message: e.message,
    })),
  };
}

/** The body as a GraphQL answer, or null when it is not one: a cut connection or a page from something in between. */
async function graphqlAnswerOf<T>(response: Response): Promise<{ data?: T | null; errors?: GraphQLError[] } | null> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    return null;
  }
  const isAnswer = typeof body === 'object' && body !== null && ('data' in body || 'errors' in body);
  return isAnswer ? (body as { data?: T | null; errors?: GraphQLError[] }) : null;
}
