import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execSql, initOrm, migrate, queryRows, sql, type Orm } from '@hub/common';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import { complianceSubgraph } from '../../src/server.js';
import { queueLetters, recordFailures, type QueuedLetter } from '../../src/data/outbox.repo.js';

let db: TestDatabase;
let orm: Orm;
let escalations: string[];
const now = new Date('2026-11-30T00:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({
    databaseUrl: db.url,
    schema: 'compliance',
    entities: complianceSubgraph.entities,
    migrations: complianceSubgraph.migrations,
  });
  await migrate(orm, 'compliance');
  const em = orm.em.fork();
  const [run] = await queryRows<{ id: string }>(
    em,
    sql`insert into compliance.compliance_run (rule, period, trigger, triggered_by, started_at, status)
    values ('WEEKLY_PLACEMENTS', '2026-W48', 'MANUAL', 'test', now(), 'SUCCEEDED') returning id`,
  );
  const rows = await queryRows<{ id: string }>(
    em,
    sql`insert into compliance.escalation (organization_id, rule, period, level, consecutive_misses, recipients, run_id, created_at)
    select gen_random_uuid(), 'WEEKLY_PLACEMENTS', '2026-W48', 1, 1, '{}', ${run!.id}, now() from generate_series(1, 3) returning id`,
  );
  escalations = rows.map((r) => r.id);
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

const stored = (key: string) =>
  queryRows<{ to: string; cc: string[]; subject: string; html: string; text: string; attachments: unknown; status: string }>(
    orm.em.fork(),
    sql`select "to", cc, subject, html, text, attachments, status from compliance.notification where dedup_key = ${key}`,
  );
const links = (key: string) =>
  queryRows<{ escalation_id: string }>(
    orm.em.fork(),
    sql`select ne.escalation_id from compliance.notification_escalation ne join compliance.notification n on n.id = ne.notification_id
   where n.dedup_key = ${key} order by ne.escalation_id`,
  );

describe('the outbox', () => {
  it('stores every field of a letter as given, whatever characters it holds', async () => {
    const awkward = 'Кавычки "двойные", \\обратная\\ черта, {скобки}, запятые, NULL, «ёлочки»\nи перевод строки';
    const letters: QueuedLetter[] = [
      {
        kind: 'TEST',
        dedupKey: 'a',
        to: 'head@example.ru',
        cc: ['one@example.ru', 'two"@example.ru'],
        subject: awkward,
        html: `<p>${awkward}</p>`,
        text: awkward,
        attachments: [{ filename: 'итоги.xlsx', contentType: 'application/octet-stream', contentBase64: 'UEsDBA==' }],
      },
      { kind: 'TEST', dedupKey: 'b', to: 'other@example.ru', subject: 'NULL', html: '', text: '' },
    ];
    expect(await queueLetters(orm.em.fork(), letters, now)).toBe(2);
    expect(await stored('a')).toEqual([
      {
        to: 'head@example.ru',
        cc: ['one@example.ru', 'two"@example.ru'],
        subject: awkward,
        html: `<p>${awkward}</p>`,
        text: awkward,
        attachments: [{ filename: 'итоги.xlsx', contentType: 'application/octet-stream', contentBase64: 'UEsDBA==' }],
        status: 'PENDING',
      },
    ]);
    expect(await stored('b')).toEqual([
      { to: 'other@example.ru', cc: [], subject: 'NULL', html: '', text: '', attachments: [], status: 'PENDING' },
    ]);
  });

  it('links a new letter to its escalations, and leaves a letter already queued and its links alone', async () => {
    const digest = (subject: string, ids: string[]): QueuedLetter => ({
      kind: 'ESCALATION_DIGEST',
      dedupKey: 'digest',
      to: 'head@example.ru',
      subject,
      html: 'h',
      text: 't',
      escalationIds: ids,
    });
    expect(await queueLetters(orm.em.fork(), [digest('first', escalations.slice(0, 2))], now)).toBe(1);
    expect(
      await queueLetters(
        orm.em.fork(),
        [digest('second', escalations), { kind: 'TEST', dedupKey: 'c', to: 'x@example.ru', subject: 's', html: 'h', text: 't' }],
        now,
      ),
    ).toBe(1);
    expect((await stored('digest'))[0]!.subject).toBe('first');
    expect((await links('digest')).map((l) => l.escalation_id)).toEqual([...escalations.slice(0, 2)].sort());
    expect(await stored('c')).toHaveLength(1);
  });

  it('queues nothing for no letters', async () => {
    expect(await queueLetters(orm.em.fork(), [], now)).toBe(0);
  });

  it('records a batch of failed tries in one go, each letter with its own attempts, error and outcome', async () => {
    const em = orm.em.fork();
    const letter = (key: string): QueuedLetter => ({
      kind: 'TEST',
      dedupKey: key,
      to: `${key}@example.ru`,
      subject: key,
      html: 'h',
      text: 't',
    });
    expect(await queueLetters(em, ['f1', 'f2', 'f3', 'f4', 'f5'].map(letter), now)).toBe(5);
    const claimedUntil = new Date(now.getTime() + 120_000);
    await execSql(
      em,
      sql`update compliance.notification set locked_until = ${claimedUntil}, attempts = case dedup_key when 'f1' then 0 when 'f2' then 3 when 'f3' then 7 else 1 end
      where dedup_key in ('f1', 'f2', 'f3', 'f4', 'f5')`,
    );
    const idOf = async (key: string) =>
      (await queryRows<{ id: string }>(em, sql`select id from compliance.notification where dedup_key = ${key}`))[0]!.id;
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    const awkward = '421 "busy", {try} later, NULL\\ — «ещё раз»';
    await recordFailures(em, [
      { id: await idOf('f1'), attempts: 1, error: 'connection refused', status: 'PENDING', retryAt: at(1) },
      { id: await idOf('f2'), attempts: 4, error: awkward, status: 'PENDING', retryAt: at(8) },
      { id: await idOf('f3'), attempts: 8, error: '451 temporary, but the last try', status: 'FAILED', retryAt: null },
      { id: await idOf('f4'), attempts: 2, error: '550 no such mailbox', status: 'FAILED', retryAt: null },
    ]);
    const rows = await queryRows<{
      dedup_key: string;
      status: string;
      attempts: number;
      last_error: string | null;
      next_attempt_at: string;
      locked_until: string | null;
    }>(
      em,
      sql`select dedup_key, status, attempts, last_error, next_attempt_at, locked_until from compliance.notification
       where dedup_key in ('f1', 'f2', 'f3', 'f4', 'f5') order by dedup_key`,
    );
    expect(
      rows.map((r) => ({
        ...r,
        next_attempt_at: new Date(r.next_attempt_at).toISOString(),
        locked_until: r.locked_until && new Date(r.locked_until).toISOString(),
      })),
    ).toEqual([
      {
        dedup_key: 'f1',
        status: 'PENDING',
        attempts: 1,
        last_error: 'connection refused',
        next_attempt_at: at(1).toISOString(),
        locked_until: null,
      },
      { dedup_key: 'f2', status: 'PENDING', attempts: 4, last_error: awkward, next_attempt_at: at(8).toISOString(), locked_until: null },
      // Given up on: FAILED, its next attempt left as it was (when it was queued).
      {
        dedup_key: 'f3',
        status: 'FAILED',
        attempts: 8,
        last_error: '451 temporary, but the last try',
        next_attempt_at: now.toISOString(),
        locked_until: null,
      },
      {
        dedup_key: 'f4',
        status: 'FAILED',
        attempts: 2,
        last_error: '550 no such mailbox',
        next_attempt_at: now.toISOString(),
        locked_until: null,
      },
      // Not in the batch: untouched, still claimed.
      {
        dedup_key: 'f5',
        status: 'PENDING',
        attempts: 1,
        last_error: null,
        next_attempt_at: now.toISOString(),
        locked_until: claimedUntil.toISOString(),
      },
    ]);
  });

  it('records nothing for no failures', async () => {
    await expect(recordFailures(orm.em.fork(), [])).resolves.toBeUndefined();
  });
});
