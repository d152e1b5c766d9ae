import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePorts, loadConfig, type Clock } from '@hub/common';
import { TEST_JWT_SECRET, createTestDatabase, graphqlClient, type GraphQLClient } from '@hub/common/testing';
import { startHub, type RunningHub } from '@hub/infra/hub';

export interface TestHub extends RunningHub {
  dataDir: string;
  /** A caller of the gateway with this bearer token (null: anonymous). */
  client(token: string | null): GraphQLClient;
}

/**
 * The real hub for one test file: its own database, the four subgraphs and the gateway as
 * HTTP servers on free ports, and a real SMTP sink. `databaseUrl` runs it on a database the
 * caller owns (and stops) instead of a fresh one dropped on stop.
 */
export async function startTestHub(
  options: {
    seed?: 'demo' | 'none';
    clock?: Clock;
    worker?: boolean;
    smtpUrl?: string;
    databaseUrl?: string;
    /** More settings, e.g. the platforms' stand-in (README.md, "Settings"). */
    env?: Record<string, string>;
    /** Serve the platforms from the demo's stand-in, as `npm start` does without credentials. */
    platformStandIn?: boolean;
  } = {},
): Promise<TestHub> {
  const db = options.databaseUrl ? null : await createTestDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-e2e-'));
  const [gateway, content, organizations, compliance, monitoring] = await freePorts(5);
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl ?? db!.url,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    HUB_SEED: options.seed ?? 'none',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SMTP_URL: options.smtpUrl,
    GATEWAY_PORT: String(gateway),
    CONTENT_PORT: String(content),
    ORGANIZATIONS_PORT: String(organizations),
    COMPLIANCE_PORT: String(compliance),
    MONITORING_PORT: String(monitoring),
    ...options.env,
  });
  // A test's worker catches up at start and runs jobs when the test says: a job the real time of day
  // made due would run with the test's clock.
  const hub = await startHub(config, {
    clock: options.clock,
    worker: options.worker ?? false,
    runOnSchedule: false,
    platformStandIn: options.platformStandIn ?? false,
    // A platform that fails is retried after 10, 20 and 40 ms rather than 1, 2 and 4 s.
    platformHttp: { backoffMs: 10 },
  });
  return {
    ...hub,
    dataDir,
    client: (token) => graphqlClient(hub.gatewayUrl, token),
    stop: async () => {
      await hub.stop();
      await db?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
