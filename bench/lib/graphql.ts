// The benchmarks' one GraphQL client: a one-shot request (fetch) and a kept-alive client (undici)
// for the scenarios that send many requests back to back. Both treat an answer the same way.
import { Agent, request } from 'undici';

export type Variables = Record<string, unknown>;

export interface GraphqlCall {
  url: string;
  token: string;
  query: string;
  variables?: Variables;
  /** More headers: the gateway's credential when a scenario asks a subgraph directly. */
  headers?: Record<string, string>;
}

export interface GraphqlClient {
  /** One GraphQL POST over a kept-alive connection; an answer with `errors` throws. */
  post<T = unknown>(call: GraphqlCall): Promise<T>;
  close(): Promise<void>;
}

const headers = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

/** The request body, `variables` only when there are some. */
export const graphqlBody = (query: string, variables?: Variables) => JSON.stringify(variables ? { query, variables } : { query });

/**
 * The answer's data. A GraphQL error still comes as HTTP 200: an answer carrying `errors` (or no
 * `data`) is a failure, as the load test counts it, and so is any status but 200.
 */
function dataOf<T>(call: GraphqlCall, status: number, body: { data?: T; errors?: unknown[] }): T {
  if (status !== 200 || body.errors || !body.data) {
    const what = /^\s*(?:query|mutation)\s+(\w+)/.exec(call.query)?.[1] ?? `${call.query.slice(0, 60)}…`;
    throw new Error(`${what} at ${call.url}: HTTP ${status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  }
  return body.data;
}

/** One GraphQL request on its own (Node's fetch). */
export async function graphql<T = unknown>(url: string, token: string, query: string, variables?: Variables): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: headers(token), body: graphqlBody(query, variables) });
  const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: unknown[] };
  return dataOf({ url, token, query, variables }, res.status, body);
}

/** A client whose requests share up to 32 kept-alive connections; close() it when done. */
export function graphqlClient(): GraphqlClient {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 32 });
  return {
    async post<T>(call: GraphqlCall): Promise<T> {
      const res = await request(call.url, {
        method: 'POST',
        dispatcher: agent,
        headers: { ...headers(call.token), ...call.headers },
        body: graphqlBody(call.query, call.variables),
      });
      const body = (await res.body.json().catch(() => ({}))) as { data?: T; errors?: unknown[] };
      return dataOf(call, res.statusCode, body);
    },
    close: () => agent.close(),
  };
}
