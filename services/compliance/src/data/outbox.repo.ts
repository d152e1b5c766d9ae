import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRow, queryRows, sql } from '@hub/common';

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
 * a week's escalation letters are megabytes of HTML, cheaper for PostgreSQL to parse so than as
 * JSON rows (docs/PERFORMANCE.md).
 */
export async function queueLetters(em: EntityManager, letters: QueuedLetter[], now: Date): Promise<number> {
  if (!letters.length) return 0;
  const ids = letters.map(() => randomUUID());
  const links = letters.flatMap((letter, i) => (letter.escalationIds ?? []).map((escalationId) => [ids[i]!, escalationId] as const));
  const field = (of: (letter: QueuedLetter) => string) => letters.map(of);
  const row = await queryRow<{ queued: number }>(
    em,
    sql`with stored as (
          insert into compliance.notification (id, kind, dedup_key, "to", cc, subject, html, text, attachments, decree_items, next_attempt_at, created_at)
          select l.id, l.kind, l.dedup_key, l."to", array(select json_array_elements_text(l.cc::json)), l.subject, l.html, l.text, l.attachments::jsonb,
            array(select json_array_elements_text(l.decree_items::json)), ${now}, ${now}
          from unnest(${ids}::uuid[], ${field((l) => l.kind)}::text[], ${field((l) => l.dedupKey)}::text[], ${field((l) => l.to)}::text[],
                      ${field((l) => JSON.stringify(l.cc ?? []))}::text[], ${field((l) => l.subject)}::text[], ${field((l) => l.html)}::text[],
                      ${field((l) => l.text)}::text[], ${field((l) => JSON.stringify(l.attachments ?? []))}::text[],
                      ${field((l) => JSON.stringify(l.decreeItems ?? []))}::text[])
            as l(id, kind, dedup_key, "to", cc, subject, html, text, attachments, decree_items)
          on conflict (dedup_key) do nothing
          returning id
        ), linked as (
          insert into compliance.notification_escalation (notification_id, escalation_id)
          select link.notification_id, link.escalation_id
          from unnest(${links.map(([notificationId]) => notificationId)}::uuid[], ${links.map(([, escalationId]) => escalationId)}::uuid[])
            as link(notification_id, escalation_id)
          where link.notification_id in (select id from stored)
        )
        select count(*)::int as queued from stored`,
  );
  return row?.queued ?? 0;
}

export interface SentLetter {
  id: string;
  attempts: number;
  messageId: string;
}

/** Records letters as sent: one UPDATE for the lot. */
export async function markSent(em: EntityManager, letters: SentLetter[], at: Date): Promise<void> {
  if (!letters.length) return;
  await execSql(
    em,
    sql`update compliance.notification n
        set status = 'SENT', attempts = s.attempts, sent_at = ${at}, message_id = s.message_id, locked_until = null, last_error = null
        from unnest(${letters.map((l) => l.id)}::uuid[], ${letters.map((l) => l.attempts)}::int[], ${letters.map((l) => l.messageId)}::text[])
          as s(id, attempts, message_id)
        where n.id = s.id`,
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
  await execSql(
    em,
    sql`update compliance.notification n
        set status = case when f.status = 'FAILED' then 'FAILED' else n.status end,
            attempts = f.attempts, last_error = f.last_error,
            next_attempt_at = case when f.status = 'FAILED' then n.next_attempt_at else f.next_attempt_at end,
            locked_until = null
        from unnest(${letters.map((l) => l.id)}::uuid[], ${letters.map((l) => l.attempts)}::int[], ${letters.map((l) => l.error)}::text[],
                    ${letters.map((l) => l.retryAt)}::timestamptz[], ${letters.map((l) => l.status)}::text[])
          as f(id, attempts, last_error, next_attempt_at, status)
        where n.id = f.id`,
  );
}

/** A letter claimed for sending, with everything the mailer needs. */
export interface ClaimedLetter {
  id: string;
  to: string;
  cc: string[];
  subject: string;
  html: string;
  text: string;
  attempts: number;
  attachments: { filename: string; contentType: string; contentBase64: string }[];
}

/**
 * Claims up to `limit` letters due at `now`, oldest first, until `until`: FOR UPDATE SKIP LOCKED
 * and the claim keep two dispatchers from ever taking the same letter.
 */
export async function claimDueLetters(em: EntityManager, now: Date, until: Date, limit: number): Promise<ClaimedLetter[]> {
  return queryRows<ClaimedLetter>(
    em,
    sql`update compliance.notification n set locked_until = ${until}
        where n.id in (
          select id from compliance.notification
          where status = 'PENDING' and next_attempt_at <= ${now} and (locked_until is null or locked_until <= ${now})
          order by created_at, id limit ${limit} for update skip locked)
        returning n.id, n."to", n.cc, n.subject, n.html, n.text, n.attempts, n.attachments`,
  );
}

/** The channel the workers listen on for a letter that should not wait for the next minute's dispatch (a sign-in link). */
export const OUTBOX_CHANNEL = 'compliance_outbox';

/** Tells the workers to send the outbox now; inside a transaction, once it commits (PostgreSQL's NOTIFY). */
export async function wakeDispatcher(em: EntityManager): Promise<void> {
  await queryRow(em, sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}
