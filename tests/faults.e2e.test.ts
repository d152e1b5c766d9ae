import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createLogger,
  createSubgraphServer,
  freePort,
  startEmbeddedPostgres,
  systemClock,
  type HttpService,
  type SubgraphName,
} from '@hub/common';
import { TEST_JWT_SECRET, errorCodes, gql, tokenFor } from '@hub/common/testing';
import { complianceSubgraph } from '@hub/compliance';
import { createGateway } from '@hub/gateway';
import { startTestHub, type TestHub } from './support/hub.js';

const logger = createLogger('faults', 'silent');
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function gatewayFor(
  subgraphUrls: Record<SubgraphName, string>,
  subgraphTimeoutMs = 5_000,
  production = false,
): Promise<{ url: string; health: string; service: HttpService }> {
  const service = await createGateway({ jwtSecret: TEST_JWT_SECRET, subgraphUrls, subgraphTimeoutMs, production, logger });
  const base = await service.listen(0, '127.0.0.1');
  cleanups.push(() => service.stop());
  return { url: `${base}/graphql`, health: `${base}/health`, service };
}

const FEDERATED = '{ organizations(kind: EXECUTIVE_BODY, first: 2) { edges { node { name applicableRules { severity } } } } }';
/** What FEDERATED selects: `applicableRules` comes from compliance, null when it fails. */
type Federated = { organizations: { edges: { node: { name: string; applicableRules: { severity: string }[] | null } }[] } };

describe('a subgraph down', () => {
  let hub: TestHub;

  it('does not stop the gateway from starting; it serves the rest, and everything once the subgraph is back', async () => {
    hub = await startTestHub({ seed: 'demo' });
    cleanups.push(() => hub.stop());
    const admin = await tokenFor('ADMIN');
    const complianceUrl = new URL(hub.subgraphUrls.compliance);
    await hub.subgraphs.compliance.service.stop();

    const gateway = await gatewayFor(hub.subgraphUrls);
    const partial = await gql<Federated>(gateway.url, FEDERATED, {}, admin);
    expect(partial.data!.organizations.edges).toHaveLength(2);
    expect(partial.data!.organizations.edges[0]!.node.applicableRules).toBeNull();
    expect(errorCodes(partial)).toContain('DOWNSTREAM_SERVICE_ERROR');
    const down = await fetch(gateway.health);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: string }).error).toContain('compliance');

    const runtime = {
      jwtSecret: TEST_JWT_SECRET,
      production: false,
      logger,
      clock: systemClock,
      timezone: 'Asia/Vladivostok',
      publicUrl: 'http://localhost',
    };
    const back = await createSubgraphServer(complianceSubgraph, hub.subgraphs.compliance.orm, runtime);
    await back.listen(Number(complianceUrl.port), '127.0.0.1');
    cleanups.push(() => back.stop());

    await expect.poll(async () => (await fetch(gateway.health)).status, { timeout: 10_000 }).toBe(200);
    const whole = await gql<Federated>(gateway.url, FEDERATED, {}, admin);
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.organizations.edges[0]!.node.applicableRules!.length).toBeGreaterThan(0);
  });
});

describe('a subgraph that hangs', () => {
  it('costs its own fields after the configured timeout, not the whole answer', async () => {
    const hub = await startTestHub({ seed: 'demo' });
    cleanups.push(() => hub.stop());
    // Accepts connections and never answers.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(resolve);
        }),
    );
    const { port } = silent.address() as net.AddressInfo;
    const gateway = await gatewayFor({ ...hub.subgraphUrls, compliance: `http://127.0.0.1:${port}/graphql` }, 1_000);

    const started = Date.now();
    const res = await gql<Federated>(gateway.url, FEDERATED, {}, await tokenFor('ADMIN'));
    const elapsed = Date.now() - started;
    expect(res.data!.organizations.edges).toHaveLength(2);
    expect(errorCodes(res)).toContain('DOWNSTREAM_SERVICE_ERROR');
    // It waited out the configured 1 s, not gatewayFor's 5 s nor the hub's default 10 s (it took ~1.3 s here).
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('PostgreSQL restarted under a running hub', () => {
  it('loses no acknowledged write, and the services reconnect by themselves', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-pg-restart-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await chmod(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach its directory
    const pgDir = path.join(dataDir, 'pg');
    const port = await freePort();
    let db = await startEmbeddedPostgres({ dir: pgDir, persistent: true, port });
    cleanups.push(() => db.stop());
    const hub = await startTestHub({ databaseUrl: db.url });
    cleanups.push(() => hub.stop());
    const admin = await tokenFor('ADMIN');
    const register = (name: string, url = hub.gatewayUrl) =>
      gql(
        url,
        'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id name } }',
        {
          input: {
            name,
            kind: 'EXECUTIVE_BODY',
            head: { fullName: 'Иванов Иван Иванович', position: 'Министр', email: 'minister@khv-region.test' },
          },
        },
        admin,
      );
    const before = await register('Министерство до перезапуска');
    expect(before.errors).toBeUndefined();

    await db.stop();
    // While it is down: an outage a client can tell from a bug, with a hint to retry (security review: it was a masked INTERNAL_SERVER_ERROR).
    const production = await gatewayFor(hub.subgraphUrls, 5_000, true);
    for (const url of [hub.gatewayUrl, production.url]) {
      const during = await register('Министерство во время простоя', url);
      const read = await gql(url, '{ organizations(first: 1) { totalCount } }', {}, admin);
      for (const res of [during, read]) {
        expect(errorCodes(res)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(res.errors![0]!.extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
        expect(res.errors![0]!.message).toMatch(/unavailable.*try again/i);
      }
    }
    const exported = await fetch(hub.gatewayUrl.replace(/graphql$/, 'reports/compliance.csv?period=2026-W47'), {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(exported.status).toBe(503);
    expect(await exported.json()).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/try again/), retryAfterSeconds: expect.any(Number) },
    });

    db = await startEmbeddedPostgres({ dir: pgDir, persistent: true, port });

    // The pools drop the connections the restart broke: the very next request finds a good one.
    const after = await register('Министерство после перезапуска');
    expect(after.errors).toBeUndefined();
    const list = await gql<{ organizations: { edges: { node: { name: string } }[] } }>(
      hub.gatewayUrl,
      '{ organizations(first: 10) { edges { node { name } } } }',
      {},
      admin,
    );
    expect(list.data!.organizations.edges.map((e) => e.node.name)).toEqual(
      expect.arrayContaining(['Министерство до перезапуска', 'Министерство после перезапуска']),
    );
    const health = await fetch(hub.gatewayUrl.replace(/graphql$/, 'health'));
    expect(health.status).toBe(200);
  });
});
