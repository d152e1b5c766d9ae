import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '@hub/common';

export interface QueuedLetter {
  kind: string;
  dedupKey: string;
  to: string;
  cc?: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; contentType: string; contentBase64: string }[];
}

/** Puts letters in the outbox once: a dedup key already there is left alone. Returns how many are new. */
export async function queueLetters(em: EntityManager, letters: QueuedLetter[], now: Date): Promise<number> {
  if (!letters.length) return 0;
  const result = await runSql<{ affectedRows: number }>(
    em,
    `insert into compliance.notification (kind, dedup_key, "to", cc, subject, html, text, attachments, next_attempt_at, created_at)
     select kind, dedup_key, "to", coalesce(cc, '{}'), subject, html, text, coalesce(attachments, '[]'), ?, ?
     from jsonb_to_recordset(?::jsonb) as l(kind text, dedup_key text, "to" text, cc text[], subject text, html text, text text, attachments jsonb)
     on conflict (dedup_key) do nothing`,
    [now, now, JSON.stringify(letters.map((l) => ({
      kind: l.kind, dedup_key: l.dedupKey, to: l.to, cc: l.cc ?? [], subject: l.subject, html: l.html, text: l.text, attachments: l.attachments ?? [],
    })))],
    'run',
  );
  return result.affectedRows;
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
