import { Agent, fetch as undiciFetch } from 'undici';
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
  const fetcher = ((url: string, init?: Record<string, unknown>) =>
    undiciFetch(url, {
      ...(init as object),
      dispatcher: agent,
      signal: AbortSignal.timeout(options.timeoutMs),
    })) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}
