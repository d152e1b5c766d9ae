// The hub as docker-compose.yml deploys it: each subgraph and the gateway in its own OS process,
// started from the TypeScript sources (the image runs the same entry points compiled), each
// process's CPU time read from the kernel. The workers are left out: they do no work on the reads
// the bench measures here (`npm run load` measures them idle), and their start-up catch-up would
// write to the bench's database while it is measured.
import { freePort, signToken } from '@hub/common';
import { startMeasuredProcess, type MeasuredProcess } from '../scenarios/support/measured-process.js';
import type { DatasetInfo, HubHandle } from './scenario.js';

export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-tokens';

const SUBGRAPHS = ['organizations', 'content', 'compliance', 'monitoring'] as const;

/** What every process of the bench's hub is given, as docker-compose.yml's `hub-env`. */
export function benchProcessEnv(databaseUrl: string, dataset: DatasetInfo): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_JWT_SECRET: BENCH_JWT_SECRET,
    HUB_TIMEZONE: dataset.timeZone,
    HUB_SEED: 'none',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    // The dataset's "now" (services/common/src/boot.ts): reads such as the heatmap take the clock's weeks.
    HUB_BENCH_FIXED_NOW: dataset.now.toISOString(),
  };
}

export async function startDeployedHub(databaseUrl: string, dataset: DatasetInfo): Promise<HubHandle> {
  const env = benchProcessEnv(databaseUrl, dataset);
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const))) as Record<
    (typeof SUBGRAPHS)[number],
    number
  >;
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`])) as Record<
    (typeof SUBGRAPHS)[number],
    string
  >;
  const processes: MeasuredProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
  };
  try {
    const started = await Promise.allSettled(
      SUBGRAPHS.map((name) =>
        startMeasuredProcess({
          name,
          entry: `services/${name}/src/main.ts`,
          port: ports[name],
          env: { ...env, [`${name.toUpperCase()}_PORT`]: String(ports[name]) },
        }),
      ),
    );
    for (const s of started) if (s.status === 'fulfilled') processes.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const gatewayPort = await freePort();
    const gateway = await startMeasuredProcess({
      name: 'gateway',
      entry: 'gateway/src/main.ts',
      port: gatewayPort,
      env: {
        ...env,
        GATEWAY_PORT: String(gatewayPort),
        ...Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, urls[name]])),
      },
    });
    processes.push(gateway);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    layout: 'processes',
    gatewayUrl: `${processes.find((p) => p.name === 'gateway')!.base}/graphql`,
    subgraphUrls: urls,
    token: (role, org = null) => signToken(BENCH_JWT_SECRET, { sub: `bench-${role.toLowerCase()}`, role, org }, '2h'),
    processes,
    stop,
  };
}
