import type { SubgraphName } from '@hub/common';

export interface HealthReport {
  ok: boolean;
  subgraphs: Record<string, 'ok' | string>;
}

const healthUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql\/?$/, '') + '/health';

/** Asks every subgraph's /health at once; the report names each one that does not answer. */
export async function checkSubgraphs(urls: Record<SubgraphName, string>, timeoutMs: number): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const res = await fetch(healthUrl(url), { signal: AbortSignal.timeout(timeoutMs) });
        return [name, res.ok ? 'ok' : `HTTP ${res.status}`] as const;
      } catch (err) {
        return [name, (err as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable'] as const;
      }
    }),
  );
  const subgraphs = Object.fromEntries(entries);
  return { ok: entries.every(([, status]) => status === 'ok'), subgraphs };
}
