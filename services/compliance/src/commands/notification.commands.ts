import { HubError, isUuid, notFound, requireRole } from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { notificationById, requeueNotification, type NotificationRow } from '../data/notifications.repo.js';

/** Puts a sent or failed letter back in the outbox (ADMIN); one still waiting there is a CONFLICT. */
export async function resendNotification(ctx: ComplianceContext, id: string): Promise<NotificationRow> {
  requireRole(ctx.auth, 'ADMIN');
  const row = isUuid(id) ? await notificationById(ctx.em, id) : undefined;
  if (!row) throw notFound('Notification', id, 'id');
  if (row.status === 'PENDING') throw new HubError('CONFLICT', 'The letter is still waiting in the outbox', { id });
  const updated = await requeueNotification(ctx.em, id, ctx.clock());
  return updated!;
}
