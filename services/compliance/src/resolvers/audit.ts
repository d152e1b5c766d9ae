import { badInput, decodeCursor, encodeCursor, idFilter, organizationRef, pageSize, requireRole, toConnection } from '@hub/common';
import { auditPage, type AuditCursor, type AuditRow } from '../data/audit.repo.js';
import type { QueryAuditLogArgs, QueryResolvers } from '../generated/graphql.js';

type AuditLogArgs = Partial<QueryAuditLogArgs>;

const FIELD_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function checkFilter(args: AuditLogArgs): void {
  if (args.actor !== null && args.actor !== undefined && (!args.actor.trim() || args.actor.length > 200)) {
    throw badInput('actor', 'actor must be a token subject of 1 to 200 characters');
  }
  if (args.operation !== null && args.operation !== undefined && !FIELD_NAME.test(args.operation)) {
    throw badInput('operation', 'operation must be a mutation name, e.g. reportPlacements');
  }
  idFilter(args.targetId, 'targetId');
  if (args.from && args.until && args.from >= args.until) throw badInput('until', 'until must be later than from');
}

function auditCursor(after: string | null | undefined): AuditCursor | null {
  return decodeCursor(after, ['instant', 'uuid']) as AuditCursor | null;
}

const toAuditEntry = (row: AuditRow) => ({
  id: row.id,
  actor: row.actor,
  role: row.role,
  organization: organizationRef(row.org),
  subgraph: row.subgraph,
  operation: row.operation,
  targetIds: row.target_ids,
  inputSummary: row.input_summary === null ? null : JSON.stringify(row.input_summary),
  succeeded: row.succeeded,
  errorCode: row.error_code,
  at: new Date(row.at),
});

export const AuditQuery: QueryResolvers = {
  auditLog: async (_, args, ctx) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST');
    checkFilter(args);
    const size = pageSize(args.first);
    const after = auditCursor(args.after);
    const { totalCount, rows } = await auditPage(ctx.em, args, { size, after });
    return toConnection(rows.map(toAuditEntry), size, totalCount, (e) => encodeCursor([e.at.toISOString(), e.id]));
  },
};
