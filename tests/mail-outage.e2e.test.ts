import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, execSql, queryRows, sql } from '@hub/common';
import { startWorker, type Worker } from '@hub/compliance/worker';
import { startTestHub, type TestHub } from './support/hub.js';
import { TestSmtpServer } from './support/smtp.js';

let now = new Date('2026-12-01T00:05:00Z');
const clock = () => now;
let hub: TestHub;
let smtp: TestSmtpServer;
const workers: Worker[] = [];
const LETTERS = 400;

const outbox = () =>
  queryRows<{ status: string; n: number; min_attempts: number }>(
    hub.subgraphs.compliance.orm.em.fork(),
    sql`select status, count(*)::int as n, min(attempts)::int as min_attempts from compliance.notification group by status`,
  );
const pending = async () => (await outbox()).find((r) => r.status === 'PENDING')?.n ?? 0;

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  hub = await startTestHub({ clock, smtpUrl: smtp.url });
  for (const name of ['outage-a', 'outage-b']) {
    workers.push(
      await startWorker({
        databaseUrl: hub.databaseUrl,
        timezone: 'Asia/Vladivostok',
        logger: createLogger('outage', 'silent'),
        clock,
        workerName: name,
        runOnSchedule: false, // the test fires jobs itself, with its own clock
        publicUrl: 'https://hub.khv-region.test',
        smtpUrl: smtp.url,
        mailFrom: 'hub@khv-region.test',
      }),
    );
  }
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await hub?.stop();
  await smtp?.down();
});

describe('SMTP refusing connections for a while, with hundreds of letters queued', () => {
  it('loses none and sends each exactly once after it is back, with two dispatchers at work', async () => {
    await execSql(
      hub.subgraphs.compliance.orm.em.fork(),
      sql`insert into compliance.notification (kind, dedup_key, "to", subject, html, text, next_attempt_at, created_at)
       select 'ESCALATION', 'outage:' || i, 'head' || i || '@khv-region.test', 'Письмо ' || i, '<p>Письмо ' || i || '</p>', 'Письмо ' || i, ${now}, ${now}
       from generate_series(1, ${LETTERS}) as i`,
    );
    await smtp.down();
    await Promise.all(workers.map((w) => w.dispatch()));
    expect(await outbox()).toEqual([{ status: 'PENDING', n: LETTERS, min_attempts: 1 }]);
    expect(smtp.received).toHaveLength(0);

    await smtp.up();
    for (let round = 0; round < 6 && (await pending()) > 0; round++) {
      now = new Date(now.getTime() + 2 * 60 * 60_000); // past every backoff so far
      await Promise.all(workers.map((w) => w.dispatch()));
    }
    expect(await outbox()).toEqual([{ status: 'SENT', n: LETTERS, min_attempts: 2 }]);
    const subjects = smtp.received.map((mail) => mail.subject);
    expect(subjects).toHaveLength(LETTERS);
    expect(new Set(subjects).size).toBe(LETTERS);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(LETTERS);
  });
});
