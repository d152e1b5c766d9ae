import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql, runSqlBound } from '@hub/common';

export interface QueuedLetter {
  kind: string;
  dedupKey: string;
  to: string;
  cc?: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; contentType: string; contentBase64: string }[];
  /** The decree items the letter speaks of (e.g. 3.1, 4). */
  decreeItems?: string[];
  /** The escalations this letter tells of (an escalation digest), linked when the letter is new. */
  escalationIds?: string[];
}

/**
 * Puts letters in the outbox once: a dedup key already there is left alone (and so are its
 * links). Returns how many are new. One statement; each field travels as one array parameter:
 * a week's escalation letters are megabytes of HTML, and as JSON rows PostgreSQL spent twice as
 * long parsing them (bench weekly-check).
 */
export async function queueLetters(em: EntityManager, letters: QueuedLetter[], now: Date): Promise<number> {
  if (!letters.length) return 0;
  const ids = letters.map(() => randomUUID());
  const links = letters.flatMap((letter, i) => (letter.escalationIds ?? []).map((escalationId) => [ids[i]!, escalationId] as const));
  const { rows } = await runSqlBound<{ queued: number }>(
    em,
    `with stored as (
       insert into compliance.notification (id, kind, dedup_key, "to", cc, subject, html, text, attachments, decree_items, next_attempt_at, created_at)
       select l.id, l.kind, l.dedup_key, l."to", array(select json_array_elements_text(l.cc::json)), l.subject, l.html, l.text, l.attachments::jsonb,
         array(select json_array_elements_text(l.decree_items::json)), ?, ?
       from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
         as l(id, kind, dedup_key, "to", cc, subject, html, text, attachments, decree_items)
       on conflict (dedup_key) do nothing
       returning id
     ), linked as (
       insert into compliance.notification_escalation (notification_id, escalation_id)
       select link.notification_id, link.escalation_id from unnest(?::uuid[], ?::uuid[]) as link(notification_id, escalation_id)
       where link.notification_id in (select id from stored)
     )
     select count(*)::int as queued from stored`,
    [
      now, now, ids,
      letters.map((l) => l.kind), letters.map((l) => l.dedupKey), letters.map((l) => l.to), letters.map((l) => JSON.stringify(l.cc ?? [])),
      letters.map((l) => l.subject), letters.map((l) => l.html), letters.map((l) => l.text), letters.map((l) => JSON.stringify(l.attachments ?? [])),
      letters.map((l) => JSON.stringify(l.decreeItems ?? [])),
      links.map(([notificationId]) => notificationId), links.map(([, escalationId]) => escalationId),
    ],
  );
  return rows[0]?.queued ?? 0;
}

export interface SentLetter {
  id: string;
  attempts: number;
  messageId: string;
}

/** Records letters as sent: one UPDATE for the lot. */
export async function markSent(em: EntityManager, letters: SentLetter[], at: Date): Promise<void> {
  if (!letters.length) return;
  await runSql(
    em,
    `update compliance.notification n
     set status = 'SENT', attempts = s.attempts, sent_at = ?, message_id = s.message_id, locked_until = null, last_error = null
     from jsonb_to_recordset(?::jsonb) as s(id uuid, attempts int, message_id text)
     where n.id = s.id`,
    [at, JSON.stringify(letters.map((l) => ({ id: l.id, attempts: l.attempts, message_id: l.messageId })))],
    'run',
  );
}

export interface FailedLetter {
  id: string;
  attempts: number;
  error: string;
  /** FAILED: given up on (next_attempt_at left as it was); PENDING: to be tried again at retryAt. */
  status: 'FAILED' | 'PENDING';
  retryAt: Date | null;
}

/**
 * Records failed tries: one UPDATE for the lot, each row its own attempts, error and outcome.
 * A letter given up on becomes FAILED; one to be retried keeps its status and waits until its
 * retryAt. Either way its claim is released.
 */
export async function recordFailures(em: EntityManager, letters: FailedLetter[]): Promise<void> {
  if (!letters.length) return;
  await runSqlBound(
    em,
    `update compliance.notification n
     set status = case when f.status = 'FAILED' then 'FAILED' else n.status end,
         attempts = f.attempts, last_error = f.last_error,
         next_attempt_at = case when f.status = 'FAILED' then n.next_attempt_at else f.next_attempt_at end,
         locked_until = null
     from unnest(?::uuid[], ?::int[], ?::text[], ?::timestamptz[], ?::text[]) as f(id, attempts, last_error, next_attempt_at, status)
     where n.id = f.id`,
    [
      letters.map((l) => l.id), letters.map((l) => String(l.attempts)), letters.map((l) => l.error),
      // A null element of a string[] goes as NULL; a retry always has its time.
      letters.map((l) => (l.retryAt ? l.retryAt.toISOString() : null)) as string[], letters.map((l) => l.status),
    ],
  );
}
