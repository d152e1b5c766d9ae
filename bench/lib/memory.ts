/**
 * The process's resident memory sampled while `work` runs: the peak above where it started.
 * Sampling between awaits sees what a query's rows cost once they are in JS.
 */
export async function peakRssDuring<T>(
  work: () => Promise<T>,
  everyMs = 2,
): Promise<{ result: T; peakRssDeltaMb: number; heapDeltaMb: number }> {
  const before = process.memoryUsage();
  let peak = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, everyMs);
  try {
    const result = await work();
    sample();
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return { result, peakRssDeltaMb: mb(peak - before.rss), heapDeltaMb: mb(peakHeap - before.heapUsed) };
  } finally {
    clearInterval(timer);
  }
}
