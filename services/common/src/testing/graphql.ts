import { expect } from 'vitest';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

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
export const gqlData = <T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string | null,
): Promise<T> => graphqlClient(url, token).data<T>(query, variables);

/** A generated typed document (tests/generated/contract.ts): its text, and the types of its answer and variables. */
export type TypedDocument<T, V> = DocumentTypeDecoration<T, V> & { toString(): string };
type Variables = Record<string, unknown>;

/** One caller of the hub's API: a URL and a bearer token (none for an anonymous caller). */
export interface GraphQLClient {
  /** The whole answer (status, data, errors), for asserting refusals. */
  request<T, V extends Variables>(document: TypedDocument<T, V>, variables: NoInfer<V>): Promise<GraphQLResponse<T>>;
  request<T = unknown>(document: string, variables?: Variables): Promise<GraphQLResponse<T>>;
  /** The data of an operation that must succeed: any error fails the test, naming the operation. */
  data<T, V extends Variables>(document: TypedDocument<T, V>, variables: NoInfer<V>): Promise<T>;
  data<T = unknown>(document: string, variables?: Variables): Promise<T>;
}

/** The test client: every e2e file talks to the gateway through one of these per caller. */
export function graphqlClient(url: string, token?: string | null, headers: Record<string, string> = {}): GraphQLClient {
  const request = <T>(document: string | TypedDocument<T, Variables>, variables: Variables = {}) =>
    gql<T>(url, document.toString(), variables, token, headers);
  return {
    request,
    data: async <T>(document: string | TypedDocument<T, Variables>, variables: Variables = {}) => {
      const res = await request<T>(document, variables);
      expect(res.errors, document.toString()).toBeUndefined();
      return res.data as T;
    },
  };
}
