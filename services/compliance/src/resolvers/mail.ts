import {
  assertCanRead,
  badInput,
  decodeCursor,
  encodeCursor,
  isInScope,
  isUuid,
  organizationRef,
  pageSize,
  requireRole,
  scopeRoot,
  toConnection,
} from '@hub/common';
import type { ComplianceContext } from '../context.js';
import type { EscalationResolvers, NotificationResolvers, OrganizationResolvers, QueryResolvers } from '../generated/graphql.js';
import type { EscalationView } from './mappers.js';
import { escalationById, escalationsOfPeriod, type EscalationRow } from '../data/escalations.repo.js';
import {
  notificationById,
  notificationPage,
  notificationsOfEscalation,
  type NotificationCursor,
  type NotificationRow,
} from '../data/notifications.repo.js';
import { escalationsKey } from '../loaders/escalations.loader.js';

export const toNotification = (r: NotificationRow) => ({
  id: r.id,
  kind: r.kind,
  to: r.to,
  cc: r.cc ?? [],
  decreeItems: r.decree_items ?? [],
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'PENDING' && r.next_attempt_at ? new Date(r.next_attempt_at) : null,
  sentAt: r.sent_at ? new Date(r.sent_at) : null,
  lastError: r.last_error,
  messageId: r.message_id,
  createdAt: new Date(r.created_at),
});
const toEscalation = (r: EscalationRow, ctx: ComplianceContext): EscalationView => ({
  id: r.id,
  level: r.level,
  rule: r.rule,
  period: r.period,
  consecutiveMisses: r.consecutive_misses,
  createdAt: new Date(r.created_at),
  severity: r.severity,
  decreeItem: r.decree_item,
  resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
  organization: organizationRef(r.organization_id),
  recipients: seesAddresses(ctx) ? r.recipients : [],
});

/** The hub's operators (ADMIN, ANALYST): they see letters' addresses and what SMTP servers answered. */
export const seesAddresses = (ctx: Pick<ComplianceContext, 'auth'>) => ctx.auth.role === 'ADMIN' || ctx.auth.role === 'ANALYST';

export const MailQuery: QueryResolvers = {
  escalations: async (_, args, ctx) => {
    const rows = await escalationsOfPeriod(ctx.em, { period: args.period, rule: args.rule, withinTreeOf: scopeRoot(ctx.auth) });
    return rows.map((r) => toEscalation(r, ctx));
  },

  notifications: async (_, args, ctx) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST');
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['instant', 'uuid']) as NotificationCursor | null;
    const { totalCount, rows } = await notificationPage(ctx.em, args.status, { size, after });
    return toConnection(rows.map(toNotification), size, totalCount, (n) => encodeCursor([n.createdAt.toISOString(), n.id]));
  },
};

/**
 * References (`_entities`) read as the root fields do (docs/SECURITY.md): an escalation within the
 * caller's scope, a letter for the hub's operators; anything else resolves to nothing. Without
 * these, a reference answered INTERNAL_SERVER_ERROR (non-null fields missing).
 */
export const Escalation: EscalationResolvers = {
  __resolveReference: async (ref, ctx) => {
    if (!isUuid(ref.id)) return null;
    const row = await escalationById(ctx.em, ref.id);
    return row && (await isInScope(ctx.auth, [row.organization_id], ctx.hierarchy)) ? toEscalation(row, ctx) : null;
  },
  notifications: async (e, _, ctx) => {
    if (!seesAddresses(ctx)) return [];
    return (await notificationsOfEscalation(ctx.em, e.id)).map(toNotification);
  },
};

/** Organization.escalations: one organization's, newest first, batched across a page of organizations. */
export const organizationEscalations: OrganizationResolvers['escalations'] = async (org, args, ctx) => {
  await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
  const last = args.last ?? 10;
  if (!Number.isInteger(last) || last < 0 || last > 500) throw badInput('last', 'last must be between 0 and 500');
  const rows = await ctx.escalations.load(escalationsKey(org.id, last));
  return rows.map((r) => toEscalation(r, ctx));
};

export const Notification: NotificationResolvers = {
  __resolveReference: async (ref, ctx) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST');
    if (!isUuid(ref.id)) return null;
    const row = await notificationById(ctx.em, ref.id);
    return row ? toNotification(row) : null;
  },
};
