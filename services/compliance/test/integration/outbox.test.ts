import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm, migrate, runSql, type Orm } from '@hub/common';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import { complianceSubgraph } from '../../src/server.js';
import { queueLetters, type QueuedLetter } from '../../src/data/outbox.repo.js';

let db: TestDatabase;
let orm: Orm;
let escalations: string[];
const now = new Date('2026-11-30T00:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({ databaseUrl: db.url, schema: 'compliance', entities: complianceSubgraph.entities, migrations: complianceSubgraph.migrations });
  await migrate(orm, 'compliance');
  const em = orm.em.fork();
  const [run] = await runSql<{ id: string }[]>(em, `insert into compliance.compliance_run (rule, period, trigger, triggered_by, started_at, status)
    values ('WEEKLY_PLACEMENTS', '2026-W48', 'MANUAL', 'test', now(), 'SUCCEEDED') returning id`);
  const rows = await runSql<{ id: string }[]>(em, `insert into compliance.escalation (organization_id, rule, period, level, consecutive_misses, recipients, run_id, created_at)
    select gen_random_uuid(), 'WEEKLY_PLACEMENTS', '2026-W48', 1, 1, '{}', ?, now() from generate_series(1, 3) returning id`, [run!.id]);
  escalations = rows.map((r) => r.id);
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

const stored = (key: string) => runSql<{ to: string; cc: string[]; subject: string; html: string; text: string; attachments: unknown; status: string }[]>(
  orm.em.fork(), 'select "to", cc, subject, html, text, attachments, status from compliance.notification where dedup_key = ?', [key]);
const links = (key: string) => runSql<{ escalation_id: string }[]>(orm.em.fork(),
  `select ne.escalation_id from compliance.notification_escalation ne join compliance.notification n on n.id = ne.notification_id
   where n.dedup_key = ? order by ne.escalation_id`, [key]);

describe('the outbox', () => {
  it('stores every field of a letter as given, whatever characters it holds', async () => {
    const awkward = 'Кавычки "двойные", \\обратная\\ черта, {скобки}, запятые, NULL, «ёлочки»\nи перевод строки';
    const letters: QueuedLetter[] = [
      { kind: 'TEST', dedupKey: 'a', to: 'head@example.ru', cc: ['one@example.ru', 'two"@example.ru'], subject: awkward, html: `<p>${awkward}</p>`, text: awkward,
        attachments: [{ filename: 'итоги.xlsx', contentType: 'application/octet-stream', contentBase64: 'UEsDBA==' }] },
      { kind: 'TEST', dedupKey: 'b', to: 'other@example.ru', subject: 'NULL', html: '', text: '' },
    ];
    expect(await queueLetters(orm.em.fork(), letters, now)).toBe(2);
    expect(await stored('a')).toEqual([{
      to: 'head@example.ru', cc: ['one@example.ru', 'two"@example.ru'], subject: awkward, html: `<p>${awkward}</p>`, text: awkward,
      attachments: [{ filename: 'итоги.xlsx', contentType: 'application/octet-stream', contentBase64: 'UEsDBA==' }], status: 'PENDING',
    }]);
    expect(await stored('b')).toEqual([{ to: 'other@example.ru', cc: [], subject: 'NULL', html: '', text: '', attachments: [], status: 'PENDING' }]);
  });

  it('links a new letter to its escalations, and leaves a letter already queued and its links alone', async () => {
    const digest = (subject: string, ids: string[]): QueuedLetter => ({ kind: 'ESCALATION_DIGEST', dedupKey: 'digest', to: 'head@example.ru', subject, html: 'h', text: 't', escalationIds: ids });
    expect(await queueLetters(orm.em.fork(), [digest('first', escalations.slice(0, 2))], now)).toBe(1);
    expect(await queueLetters(orm.em.fork(), [digest('second', escalations), { kind: 'TEST', dedupKey: 'c', to: 'x@example.ru', subject: 's', html: 'h', text: 't' }], now)).toBe(1);
    expect((await stored('digest'))[0]!.subject).toBe('first');
    expect((await links('digest')).map((l) => l.escalation_id)).toEqual([...escalations.slice(0, 2)].sort());
    expect(await stored('c')).toHaveLength(1);
  });

  it('queues nothing for no letters', async () => {
    expect(await queueLetters(orm.em.fork(), [], now)).toBe(0);
  });
});
