// The BenchContext scenarios get: the loaded database and a way to start the hub on it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, loadConfig, signToken } from '@hub/common';
import { startHub } from '@hub/infra/hub';
import type { BenchContext, DatasetInfo, HubHandle, HubLayout, Scale } from './scenario.js';
import { BENCH_JWT_SECRET, startDeployedHub } from './deployed-hub.js';
import { stderrLogger } from './engine.js';

export { BENCH_JWT_SECRET };

/** The subgraphs and the gateway in this process, on free ports, with the dataset's clock. */
async function startBenchHub(databaseUrl: string, dataset: DatasetInfo): Promise<HubHandle> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-'));
  const [gateway, content, organizations, compliance] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    AUTH_JWT_SECRET: BENCH_JWT_SECRET,
    HUB_SEED: 'none',
    HUB_TIMEZONE: dataset.timeZone,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    GATEWAY_PORT: String(gateway),
    CONTENT_PORT: String(content),
    ORGANIZATIONS_PORT: String(organizations),
    COMPLIANCE_PORT: String(compliance),
  });
  const now = dataset.now;
  const hub = await startHub(config, { clock: () => now, worker: false, logger: stderrLogger('bench-hub') });
  return {
    layout: 'one-process',
    gatewayUrl: hub.gatewayUrl,
    subgraphUrls: hub.subgraphUrls,
    token: (role, org = null) => signToken(BENCH_JWT_SECRET, { sub: `bench-${role.toLowerCase()}`, role, org }, '2h'),
    stop: async () => {
      await hub.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function createContext(options: {
  scale: Scale;
  databaseUrl: string;
  dataset: DatasetInfo;
  databaseFor: (name: string) => string;
  log: (message: string) => void;
}): BenchContext {
  const { scale, databaseUrl, dataset, databaseFor, log } = options;
  return {
    scale,
    databaseUrl,
    dataset,
    startHub: (layout: HubLayout = 'processes') =>
      layout === 'processes' ? startDeployedHub(databaseUrl, dataset) : startBenchHub(databaseUrl, dataset),
    databaseFor,
    log,
  };
}
