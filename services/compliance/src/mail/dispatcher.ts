import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock, Logger } from '@hub/common';
import type { Mailer } from './mailer.js';
import { claimDueLetters, markSent, recordFailures, type ClaimedLetter, type FailedLetter, type SentLetter } from '../data/outbox.repo.js';

export const MAX_ATTEMPTS = 8;
const CLAIM_MS = 2 * 60_000;
/**
 * Sent letters are recorded this many at a time: a statement and a commit per letter cost about
 * as much as sending it. A crash can leave at most this many sent but unrecorded, to go again
 * once their claim expires.
 */
const RECORD_SENT_EVERY = 10;

/** Exponential backoff with jitter: about 1, 2, 4 … minutes, capped at an hour. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Sends what the outbox has due. Rows are claimed with FOR UPDATE SKIP LOCKED and held for a
 * while, so two dispatchers never send the same letter; every outcome is recorded on the row.
 */
export async function dispatchDue(
  deps: { em: EntityManager; mailer: Mailer; clock: Clock; logger: Logger },
  batch = 50,
): Promise<{ sent: number; retried: number; failed: number }> {
  const tally = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const now = deps.clock();
    const claimed = await claimDueLetters(deps.em, now, new Date(now.getTime() + CLAIM_MS), batch);
    if (!claimed.length) return tally;
    // The mailer's pool sends several letters at once; one at a time left all but one connection idle.
    const sent: SentLetter[] = [];
    // Failures wait for the batch's end: during an SMTP outage every claimed letter fails, and a
    // statement per letter was most of the work. Their claims hold meanwhile.
    const failed: FailedLetter[] = [];
    const recordSent = () => markSent(deps.em, sent.splice(0), deps.clock());
    await Promise.all(
      claimed.map(async (row) => {
        const outcome = await send(deps, row, tally);
        if ('messageId' in outcome) {
          sent.push(outcome);
          if (sent.length >= RECORD_SENT_EVERY) await recordSent();
        } else {
          failed.push(outcome);
        }
      }),
    );
    await recordSent();
    await recordFailures(deps.em, failed);
  }
}

/** Sends one letter; the outcome, sent or failed, is returned for recording with the others'. */
async function send(
  deps: { em: EntityManager; mailer: Mailer; clock: Clock; logger: Logger },
  row: ClaimedLetter,
  tally: { sent: number; retried: number; failed: number },
): Promise<SentLetter | FailedLetter> {
  const outcome = await deps.mailer.send({
    messageId: `<${row.id}@regional-content-hub>`,
    to: row.to,
    cc: row.cc ?? [],
    subject: row.subject,
    html: row.html,
    text: row.text,
    attachments: row.attachments ?? [],
  });
  const attempts = row.attempts + 1;
  if (outcome.ok) {
    tally.sent++;
    return { id: row.id, attempts, messageId: `<${row.id}@regional-content-hub>` };
  }
  if (outcome.permanent || attempts >= MAX_ATTEMPTS) {
    tally.failed++;
    deps.logger.warn({ notification: row.id, error: outcome.error }, 'letter failed for good');
    return { id: row.id, attempts, error: outcome.error, status: 'FAILED', retryAt: null };
  }
  tally.retried++;
  // The backoff counts from the failed try, not from when the batch is recorded.
  return {
    id: row.id,
    attempts,
    error: outcome.error,
    status: 'PENDING',
    retryAt: new Date(deps.clock().getTime() + retryDelayMs(attempts)),
  };
}
