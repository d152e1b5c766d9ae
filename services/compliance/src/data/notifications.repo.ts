import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage, queryRow, queryRows, sql, type KeysetColumn } from '@hub/common';

/** A letter of the outbox (compliance.notification) as the API shows it: without its body. */
export interface NotificationRow {
  id: string;
  kind: string;
  to: string;
  cc: string[];
  decree_items: string[];
  subject: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  attempts: number;
  next_attempt_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
}

const COLUMNS = sql`id, kind, "to", cc, decree_items, subject, status, attempts, next_attempt_at, sent_at, last_error, message_id, created_at`;

/** Newest first: the creation instant, then the id among letters of the same instant. */
export type NotificationCursor = [createdAt: string, id: string];

const NEWEST_FIRST: KeysetColumn[] = [
  { by: sql`created_at`, key: 'instant', desc: true },
  { by: sql`id`, key: 'uuid', desc: true },
];

/** A page of the outbox's letters (of one status when given) and their total. */
export async function notificationPage(
  em: EntityManager,
  status: string | null | undefined,
  page: { size: number; after: NotificationCursor | null },
): Promise<{ totalCount: number; rows: NotificationRow[] }> {
  return keysetPage<NotificationRow>(em, {
    select: COLUMNS,
    from: sql`compliance.notification`,
    where: status ? sql`status = ${status}` : sql`true`,
    order: NEWEST_FIRST,
    ...page,
  });
}

export async function notificationById(em: EntityManager, id: string): Promise<NotificationRow | undefined> {
  return queryRow<NotificationRow>(em, sql`select ${COLUMNS} from compliance.notification where id = ${id}`);
}

/** The letters that told of one escalation, by addressee. */
export async function notificationsOfEscalation(em: EntityManager, escalationId: string): Promise<NotificationRow[]> {
  return queryRows<NotificationRow>(
    em,
    sql`select ${COLUMNS} from compliance.notification n join compliance.notification_escalation ne on ne.notification_id = n.id
        where ne.escalation_id = ${escalationId} order by n."to"`,
  );
}

/**
 * Puts a letter back in the outbox with a fresh set of attempts: kept ones would make the first
 * failure after a resend wait out a long backoff (or fail it for good).
 */
export async function requeueNotification(em: EntityManager, id: string, now: Date): Promise<NotificationRow | undefined> {
  return queryRow<NotificationRow>(
    em,
    sql`update compliance.notification set status = 'PENDING', attempts = 0, next_attempt_at = ${now}, last_error = null, locked_until = null
        where id = ${id} returning ${COLUMNS}`,
  );
}
