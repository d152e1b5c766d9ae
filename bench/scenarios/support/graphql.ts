/** One GraphQL call over HTTP; any `errors` in the answer fail the scenario rather than flatter it. */
export async function graphql<T = any>(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!res.ok || body.errors) throw new Error(`${query.trim().slice(0, 60)}…: HTTP ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data as T;
}
