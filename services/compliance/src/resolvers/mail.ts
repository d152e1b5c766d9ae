import {
  HubError, assertCanRead, badInput, decodeCursor, encodeCursor, isInScope, isUuid, notFound, organizationRef, pageSize, requireRole, runSql,
  scopeRoot, SUBTREE_SQL, toConnection, type RuleCode,
} from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { ESCALATION_COLUMNS, type EscalationRow } from '../data/escalations.repo.js';
import { escalationsKey } from '../loaders/escalations.loader.js';

interface NotificationRow {
  id: string; kind: string; to: string; cc: string[]; decree_items: string[]; subject: string; status: string; attempts: number;
  next_attempt_at: string | null; sent_at: string | null; last_error: string | null; message_id: string | null; created_at: string;
}

const toNotification = (r: NotificationRow) => ({
  id: r.id, kind: r.kind, to: r.to, cc: r.cc ?? [], decreeItems: r.decree_items ?? [], subject: r.subject, status: r.status, attempts: r.attempts,
  nextAttemptAt: r.status === 'PENDING' && r.next_attempt_at ? new Date(r.next_attempt_at) : null,
  sentAt: r.sent_at ? new Date(r.sent_at) : null, lastError: r.last_error, messageId: r.message_id, createdAt: new Date(r.created_at),
});
const toEscalation = (r: EscalationRow, ctx: ComplianceContext) => ({
  id: r.id, level: r.level, rule: r.rule, period: r.period, consecutiveMisses: r.consecutive_misses, createdAt: new Date(r.created_at),
  severity: r.severity, decreeItem: r.decree_item, resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
  organization: organizationRef(r.organization_id),
  recipients: seesAddresses(ctx) ? r.recipients : [],
});

const COLUMNS = 'id, kind, "to", cc, decree_items, subject, status, attempts, next_attempt_at, sent_at, last_error, message_id, created_at';
/** The hub's operators (ADMIN, ANALYST): they see letters' addresses and what SMTP servers answered. */
export const seesAddresses = (ctx: Pick<ComplianceContext, 'auth'>) => ctx.auth.role === 'ADMIN' || ctx.auth.role === 'ANALYST';

export const MailQuery = {
  escalations: async (_: unknown, args: { period: string; rule?: RuleCode | null }, ctx: ComplianceContext) => {
    const root = scopeRoot(ctx.auth);
    const rows = await runSql<EscalationRow[]>(
      ctx.em,
      `select ${ESCALATION_COLUMNS} from compliance.escalation
       where period = ? ${args.rule ? 'and rule = ?' : ''} ${root ? `and organization_id in (${SUBTREE_SQL})` : ''}
       order by level desc, consecutive_misses desc, organization_id`,
      [args.period, ...(args.rule ? [args.rule] : []), ...(root ? [root] : [])],
    );
    return rows.map((r) => toEscalation(r, ctx));
  },

  notifications: async (_: unknown, args: { status?: string | null; first?: number | null; after?: string | null }, ctx: ComplianceContext) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST');
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['instant', 'uuid']) as [string, string] | null;
    const where = args.status ? 'where status = ?' : '';
    const params = args.status ? [args.status] : [];
    const [count] = await runSql<{ n: number }[]>(ctx.em, `select count(*)::int as n from compliance.notification ${where}`, params);
    const keyset = after ? `${where ? 'and' : 'where'} (created_at, id) < (?::timestamptz, ?::uuid)` : '';
    const rows = await runSql<NotificationRow[]>(
      ctx.em,
      `select ${COLUMNS} from compliance.notification ${where} ${keyset} order by created_at desc, id desc limit ?`,
      [...params, ...(after ?? []), size + 1],
    );
    return toConnection(rows.map(toNotification), size, count?.n ?? 0, (n) => encodeCursor([n.createdAt.toISOString(), n.id]));
  },
};

/**
 * References (`_entities`) read as the root fields do (docs/SECURITY.md): an escalation within the
 * caller's scope, a letter for the hub's operators; anything else resolves to nothing. Without
 * these, a reference answered INTERNAL_SERVER_ERROR (non-null fields missing).
 */
export const Escalation = {
  __resolveReference: async (ref: { id: string }, ctx: ComplianceContext) => {
    if (!isUuid(ref.id)) return null;
    const [row] = await runSql<EscalationRow[]>(ctx.em, `select ${ESCALATION_COLUMNS} from compliance.escalation where id = ?`, [ref.id]);
    return row && (await isInScope(ctx.auth, [row.organization_id], ctx.hierarchy)) ? toEscalation(row, ctx) : null;
  },
  notifications: async (e: { id: string }, _: unknown, ctx: ComplianceContext) => {
    if (!seesAddresses(ctx)) return [];
    const rows = await runSql<NotificationRow[]>(
      ctx.em,
      `select ${COLUMNS} from compliance.notification n join compliance.notification_escalation ne on ne.notification_id = n.id
       where ne.escalation_id = ? order by n."to"`,
      [e.id],
    );
    return rows.map(toNotification);
  },
};

/** Organization.escalations: one organization's, newest first, batched across a page of organizations. */
export async function organizationEscalations(org: { id: string }, args: { last?: number | null }, ctx: ComplianceContext) {
  await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
  const last = args.last ?? 10;
  if (!Number.isInteger(last) || last < 0 || last > 500) throw badInput('last', 'last must be between 0 and 500');
  const rows = await ctx.escalations.load(escalationsKey(org.id, last));
  return rows.map((r) => toEscalation(r, ctx));
}

export const Notification = {
  __resolveReference: async (ref: { id: string }, ctx: ComplianceContext) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST');
    if (!isUuid(ref.id)) return null;
    const [row] = await runSql<NotificationRow[]>(ctx.em, `select ${COLUMNS} from compliance.notification where id = ?`, [ref.id]);
    return row ? toNotification(row) : null;
  },
};

export async function resendNotification(_: unknown, args: { id: string }, ctx: ComplianceContext) {
  requireRole(ctx.auth, 'ADMIN');
  const [row] = isUuid(args.id) ? await runSql<NotificationRow[]>(ctx.em, `select ${COLUMNS} from compliance.notification where id = ?`, [args.id]) : [];
  if (!row) throw notFound('Notification', args.id, 'id');
  if (row.status === 'PENDING') throw new HubError('CONFLICT', 'The letter is still waiting in the outbox', { id: args.id });
  const [updated] = await runSql<NotificationRow[]>(
    ctx.em,
    // A fresh set of attempts: kept ones would make the first failure after a resend wait out a long backoff (or fail it for good).
    `update compliance.notification set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null, locked_until = null
     where id = ? returning ${COLUMNS}`,
    [ctx.clock(), args.id],
  );
  return toNotification(updated!);
}
