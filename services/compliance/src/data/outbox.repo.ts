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
