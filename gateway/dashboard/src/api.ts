/** The dashboard's one way to the gateway: POST /graphql with the bearer token, errors sorted by what the user can do. */
import type { TypedDocumentString } from './generated/graphql';

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

/** The gateway answered, but not with the data: the message says why. */
export class ApiError extends Error {}

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string };
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
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: query.toString(), variables }),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new GatewayUnavailableError();
  }
  if (UNAVAILABLE_STATUSES.has(response.status)) throw new GatewayUnavailableError(`HTTP ${response.status}`);
  let body: { data?: T | null; errors?: GraphQLError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    // A cut connection or a non-GraphQL page in between: nothing the user can fix but retry.
    throw new GatewayUnavailableError(`HTTP ${response.status}`);
  }
  const errors = body.errors ?? [];
  if (response.status === 401 || errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) throw new SessionExpiredError();
  const downstreamOnly = errors.length > 0 && errors.every((e) => e.extensions?.code === 'DOWNSTREAM_SERVICE_ERROR');
  if (body.data == null && !downstreamOnly) throw new ApiError(errors.map((e) => e.message).join('; ') || `HTTP ${response.status}`);
  return {
    data: body.data ?? null,
    missing: errors.map((e) => ({
      path: (e.path ?? []).join('.'),
      service: e.extensions?.code === 'DOWNSTREAM_SERVICE_ERROR' ? (e.extensions.serviceName ?? null) : null,
      message: e.message,
    })),
  };
}
