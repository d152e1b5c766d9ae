// The sign-in letter is sent as soon as it is asked for (docs/DESIGN.md, "Signing in"): the
// person waits at the sign-in page, so the worker is woken by the request rather than sending it
// at the next minute. The test hub's worker runs no schedule at all: only the wake-up sends it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, sql } from '@hub/common';
import { startTestHub, type TestHub } from './support/hub.js';
import { TestSmtpServer } from './support/smtp.js';

const now = new Date('2026-12-04T08:00:00Z');
let hub: TestHub;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  hub = await startTestHub({ seed: 'demo', worker: true, smtpUrl: smtp.url, clock: () => now });
}, 180_000);
afterAll(async () => {
  await hub?.stop();
  await smtp?.down();
});

const requestSignIn = (email: string) =>
  fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($email: String!) { requestSignIn(email: $email) }', variables: { email } }),
  });

describe('the sign-in letter', () => {
  it('reaches the mail server without waiting for the scheduled dispatch, and is marked sent', async () => {
    expect((await requestSignIn('editor2@khv-region.test')).status).toBe(200);
    await vi.waitFor(() => expect(smtp.to('editor2@khv-region.test')).toHaveLength(1), { timeout: 20_000, interval: 100 });
    const [letter] = smtp.to('editor2@khv-region.test');
    expect(letter!.text).toMatch(/\/sign-in\/[A-Za-z0-9_-]{43}/u);
    await vi.waitFor(async () => expect(await statusOf('editor2@khv-region.test')).toBe('SENT'), { timeout: 10_000 });
  });

  it('sends each of several requests made at once', async () => {
    const addresses = ['analyst@khv-region.test', 'analyst2@khv-region.test', 'editor@khv-region.test'];
    await Promise.all(addresses.map(requestSignIn));
    await vi.waitFor(() => expect(addresses.map((a) => smtp.to(a).length)).toEqual([1, 1, 1]), { timeout: 20_000, interval: 100 });
  });
});

async function statusOf(email: string): Promise<string | undefined> {
  const [row] = await queryRows<{ status: string }>(
    hub.subgraphs.compliance.orm.em.fork(),
    sql`select status from compliance.notification where kind = 'SIGN_IN' and "to" = ${email}`,
  );
  return row?.status;
}
