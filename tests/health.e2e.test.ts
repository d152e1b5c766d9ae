import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, tokenFor } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';

let hub: TestHub;
const healthUrl = () => hub.gatewayUrl.replace(/graphql$/, 'health');

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo' });
});
afterAll(() => hub?.stop());

describe('gateway health', () => {
  it('answers 200 when every subgraph answers', async () => {
    const res = await fetch(healthUrl());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', subgraphs: { content: 'ok', organizations: 'ok', compliance: 'ok' } });
    for (const url of Object.values(hub.subgraphUrls)) {
      expect((await fetch(url.replace(/graphql$/, 'health'))).status).toBe(200);
    }
  });

  it('answers 503 naming the subgraph that is down, and still serves what the others own', async () => {
    await hub.subgraphs.compliance.service.stop();
    const res = await fetch(healthUrl());
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: string };
    expect(body.error).toContain('compliance');
    expect(body.error).not.toContain('organizations');

    const admin = await tokenFor('ADMIN');
    const partial = await gql<{ organizations: { edges: { node: { name: string; applicableRules: { severity: string }[] | null } }[] } }>(
      hub.gatewayUrl,
      '{ organizations(kind: EXECUTIVE_BODY, first: 2) { edges { node { name applicableRules { severity } } } } }',
      {},
      admin,
    );
    expect(partial.data?.organizations.edges).toHaveLength(2);
    expect(partial.data?.organizations.edges[0]!.node.name).toMatch(/Хабаровского края|Губернатора|Правительства/);
    expect(errorCodes(partial)).toContain('DOWNSTREAM_SERVICE_ERROR');
  });
});
