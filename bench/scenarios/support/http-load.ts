import { Agent, request } from 'undici';

export interface GraphqlCall {
  url: string;
  token: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface GraphqlClient {
  /** One GraphQL POST over a kept-alive connection; an answer with `errors` throws. */
  post<T = any>(call: GraphqlCall): Promise<T>;
  close(): Promise<void>;
}

export function graphqlClient(): GraphqlClient {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 32 });
  return {
    async post<T>(call: GraphqlCall): Promise<T> {
      const res = await request(call.url, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${call.token}` },
        body: JSON.stringify({ query: call.query, variables: call.variables }),
      });
      const body = (await res.body.json()) as { data?: T; errors?: unknown[] };
      if (res.statusCode !== 200 || body.errors || !body.data) {
        throw new Error(`${call.url}: HTTP ${res.statusCode} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
      }
      return body.data;
    },
    close: () => agent.close(),
  };
}

/**
 * Latencies of each operation, taken one request at a time and in turns (a, b, a, b…), so a
 * burst of load from elsewhere lands on every side alike.
 */
export async function interleavedLatencies<K extends string>(operations: Record<K, () => Promise<unknown>>, samples: number): Promise<Record<K, number[]>> {
  const keys = Object.keys(operations) as K[];
  const latencies = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < samples; i++) {
    for (const key of i % 2 === 0 ? keys : [...keys].reverse()) {
      const started = performance.now();
      await operations[key]();
      latencies[key].push(performance.now() - started);
    }
  }
  return latencies;
}

/** `connections` clients each running `operation` back to back for `durationMs`: completed operations per second. */
export async function closedLoopRate(operation: () => Promise<unknown>, connections: number, durationMs: number): Promise<number> {
  const deadline = performance.now() + durationMs;
  let completed = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      await operation();
      completed++;
    }
  }));
  return (completed * 1000) / (performance.now() - started);
}

