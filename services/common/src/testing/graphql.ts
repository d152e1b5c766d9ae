import { expect } from 'vitest';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Sends one GraphQL operation over HTTP, as a client would. */
export async function gql<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

/** The codes of a response's errors, for asserting what a user would be told. */
export const errorCodes = (res: GraphQLResponse<unknown>): string[] => (res.errors ?? []).map((e) => String(e.extensions?.code));

/**
 * Sends one GraphQL operation that must succeed: fails the test on any error (naming the
 * operation) and returns the data, for the many calls that only set up or read back.
 */
export async function gqlData<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
): Promise<T> {
  const res = await gql<T>(url, query, variables, token);
  expect(res.errors, query).toBeUndefined();
  return res.data as T;
}
