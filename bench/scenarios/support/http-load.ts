// Load shapes over any request function; the GraphQL client itself is bench/lib/graphql.ts.

/**
 * Latencies of each operation, taken one request at a time and in turns (a, b, a, b…), so a
 * burst of load from elsewhere lands on every side alike.
 */
export async function interleavedLatencies<K extends string>(
  operations: Record<K, () => Promise<unknown>>,
  samples: number,
): Promise<Record<K, number[]>> {
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
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await operation();
        completed++;
      }
    }),
  );
  return (completed * 1000) / (performance.now() - started);
}
