import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphFetcher } from '../../src/fetcher.js';

let server: http.Server;
let base: string;
let connections = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    if (req.url === '/hang') return; // never answers
    req.on('end', () => answer(req, res));
  });
  const answer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url === '/refuse') {
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ errors: [{ message: 'bad variable', extensions: { code: 'BAD_USER_INPUT' } }] }));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":{}}');
  };
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the gateway's subgraph fetcher", () => {
  it('reuses kept-alive connections instead of opening one per call', async () => {
    const { fetcher, close } = createSubgraphFetcher({ timeoutMs: 2000 });
    const before = connections;
    for (let i = 0; i < 20; i++) await (await fetcher(`${base}/ok`, { method: 'POST', body: '{}' })).text();
    // undici may open a second socket while the first is being released; never one per call.
    expect(connections - before).toBeLessThanOrEqual(2);
    await close();
  });

  it('gives up on a subgraph that does not answer within the timeout', async () => {
    const { fetcher, close } = createSubgraphFetcher({ timeoutMs: 300 });
    const started = Date.now();
    await expect(fetcher(`${base}/hang`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(2000);
    await close();
  });

  it("hands a subgraph's refusal on as a GraphQL answer with its error code", async () => {
    const { fetcher, close } = createSubgraphFetcher({ timeoutMs: 2000 });
    const res = await fetcher(`${base}/refuse`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    await close();
  });
});
