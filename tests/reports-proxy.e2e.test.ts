import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';

/**
 * The gateway's /reports/ route is a proxy to the compliance subgraph with the caller's token
 * (docs/SECURITY.md, "Report exports"): whatever the request target says, it may reach the
 * compliance subgraph's two exports only, and nothing else may ever see the token.
 */

const now = new Date('2026-12-01T00:05:00Z');
let hub: TestHub;
let analyst: string;
let gateway: URL;
/** Every request target the compliance subgraph received, as its HTTP server saw it. */
const complianceSaw: string[] = [];

/** A host that is not the compliance subgraph: it records whatever reaches it. */
interface Bystander {
  port: number;
  requests: { url: string | undefined; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}
async function startBystander(): Promise<Bystander> {
  const requests: Bystander['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url, headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('internal secret');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Writes the request line exactly as given over a plain socket, as no HTTP client would. */
function rawGet(target: string, token: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(gateway.port), gateway.hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to GET ${target}`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body: rest.join('\r\n\r\n') });
    });
    socket.write(`GET ${target} HTTP/1.1\r\nHost: ${gateway.host}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`);
  });
}

/** node:http sends the path as written: no dot-segment removal, no re-encoding. */
function getPath(path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: gateway.hostname, port: gateway.port, path, method: 'GET', headers: { authorization: `Bearer ${token}` }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  hub = await startTestHub({ seed: 'none', clock: () => now });
  analyst = await tokenFor('ANALYST');
  gateway = new URL(hub.gatewayUrl);
  // Every request the compliance subgraph's express app handles passes app.handle.
  const app = hub.subgraphs.compliance.service.app as unknown as { handle: (req: http.IncomingMessage, ...rest: unknown[]) => unknown };
  const handle = app.handle.bind(app);
  app.handle = (req, ...rest) => {
    complianceSaw.push(req.url ?? '');
    return handle(req, ...rest);
  };
});
afterAll(() => hub?.stop());
afterEach(() => {
  complianceSaw.length = 0;
});

describe('GET /reports/ through the gateway', () => {
  it('refuses an absolute-form request target: the other host gets nothing, least of all the token', async () => {
    const bystander = await startBystander();
    try {
      const elsewhere = `http://127.0.0.1:${bystander.port}`;
      const targets = [`${elsewhere}/reports/x`, `${elsewhere}/reports/compliance.csv?period=2026-W48`];
      const answers = [];
      for (const target of targets) answers.push(await rawGet(target, analyst));
      // A protocol-relative target is no way there either.
      const relative = await rawGet(`//127.0.0.1:${bystander.port}/reports/compliance.csv?period=2026-W48`, analyst);
      // Even the gateway's own address in absolute form: the route takes a path and nothing else.
      const absoluteSelf = await rawGet(`${hub.gatewayUrl.replace(/\/graphql$/, '')}/reports/compliance.csv?period=2026-W48`, analyst);

      // Nothing reached the other host: not the request, not the caller's token.
      expect(bystander.requests.map((r) => ({ url: r.url, authorization: r.headers.authorization }))).toEqual([]);
      expect(complianceSaw).toEqual([]);
      expect([...answers, absoluteSelf].map((a) => a.status)).toEqual([400, 400, 400]);
      for (const answer of answers) expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
      expect([400, 404]).toContain(relative.status);
    } finally {
      await bystander.close();
    }
  });

  it('refuses dot segments, encoded or not, and backslashes: no other route of the subgraph is reached', async () => {
    const cases = [
      '/reports/%2e%2e',
      '/reports/%2E%2E%2Fgraphql',
      '/reports/..%2f..%2fhealth',
      '/reports/compliance.xlsx/../../x',
      '/reports/..',
      '/reports/%2e%2e%5chealth',
      '/reports/..\\..\\health',
      '/reports/compliance.csv%2f..%2f..%2fhealth?period=2026-W48',
    ];
    for (const path of cases) {
      const res = await getPath(path, analyst);
      // Refused by the gateway itself, with the route's JSON error, before anything is asked.
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect({ path, body: JSON.parse(res.body) }).toMatchObject({ path, body: { error: { code: 'BAD_REQUEST' } } });
      expect({ path, complianceSaw }).toEqual({ path, complianceSaw: [] });
    }
  });

  it('answers an unknown export itself, without asking the subgraph', async () => {
    const res = await getPath('/reports/compliance.pdf?period=2026-W48', analyst);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(complianceSaw).toEqual([]);
  });

  it('still downloads the export, asking the subgraph for the known parameters only', async () => {
    const res = await fetch(
      `${hub.gatewayUrl.replace(/\/graphql$/, '')}/reports/compliance.csv?period=2026-W48&rule=WEEKLY_PLACEMENTS&x=%2F..%2Fgraphql`,
      {
        headers: { authorization: `Bearer ${analyst}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await res.text()).split('\r\n')[0]).toContain('Организация;Вид;');
    expect(complianceSaw).toEqual(['/reports/compliance.csv?period=2026-W48&rule=WEEKLY_PLACEMENTS']);
  });
});
