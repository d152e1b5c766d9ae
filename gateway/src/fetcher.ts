import { Agent, Response, fetch as undiciFetch } from 'undici';
import type { Fetcher } from '@apollo/utils.fetcher';

/**
 * The gateway's calls to subgraphs: connections kept alive and reused (a federated query makes
 * several calls), and every call bounded by a timeout so a hanging subgraph cannot hang the gateway.
 */
export function createSubgraphFetcher(options: { timeoutMs: number; connections?: number }): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connections: options.connections ?? 64,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  const fetcher = (async (url: string, init?: Record<string, unknown>) => {
    const response = await undiciFetch(url, {
      ...(init as object),
      dispatcher: agent,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return passRequestErrorsThrough(response);
  }) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/**
 * A subgraph answers a request it refuses (a variable that does not coerce, a missing token) with
 * HTTP 4xx and a GraphQL `errors` body, as GraphQL over HTTP prescribes. The gateway would replace
 * that with a bare "400: Bad Request"; handing it on as an ordinary GraphQL answer keeps the
 * subgraph's error code and field for the client.
 */
async function passRequestErrorsThrough(response: Response): Promise<Response> {
  if (response.status < 400 || response.status >= 500) return response;
  if (!response.headers.get('content-type')?.includes('json')) return response;
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    if (Array.isArray(body.errors)) {
      return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
    }
  } catch {
    // not a GraphQL body: fall through with the original status
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}
