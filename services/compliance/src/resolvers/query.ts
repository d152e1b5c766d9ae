import {
  decodeCursor, encodeCursor, idFilter, pageSize, parsePeriod, requireRole, scopeRoot, SUBTREE_SQL, toConnection,
  type OrganizationKind, type RuleCode,
} from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { ComplianceResultEntity } from '../entities/compliance-result.entity.js';
import { ComplianceRunEntity } from '../entities/compliance-run.entity.js';
import { ExemptionEntity } from '../entities/exemption.entity.js';
import { ruleTimeZone } from '../engine/run-check.js';
import { weekProgress } from '../engine/week-progress.js';
import { readScheduledJobs } from '../data/jobs.repo.js';
import { seesAddresses } from './mail.js';
import { CHECK_SCHEDULE, DISTRIBUTION_DIGEST_JOB, MAIL_DISPATCH_JOB, REMINDER_JOB, SUMMARY_JOB } from '../schedule.js';

interface ReportArgs {
  period: string;
  rule: RuleCode;
  status?: 'MET' | 'MISSED' | 'EXEMPT' | null;
  kind?: OrganizationKind | null;
  parentId?: string | null;
  municipalityId?: string | null;
  first?: number | null;
  after?: string | null;
}

export const Query = {
  complianceRules: (_: unknown, __: unknown, ctx: ComplianceContext) => ctx.rules.load('all'),

  complianceReport: async (_: unknown, args: ReportArgs, ctx: ComplianceContext) => {
    // The roles of complianceSummary (its counts are this report's) and of the report's XLSX/CSV export.
    requireRole(ctx.auth, 'ADMIN', 'ANALYST', 'HEAD', 'OPERATOR');
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['int', 'uuid']) as [number, string] | null;
    const rule = (await ctx.rules.load('all')).find((r) => r.code === args.rule)!;
    const period = parsePeriod(args.period, ruleTimeZone(rule, ctx.timezone), { field: 'period', kinds: [rule.periodKind] });
    const query = ctx.em.getKnex()('compliance.compliance_result as r').where({ 'r.rule': args.rule, 'r.period': period.label });
    if (args.status) query.where('r.status', args.status);
    if (args.kind) query.where('r.organization_kind', args.kind);
    const parentId = idFilter(args.parentId, 'parentId');
    const municipalityId = idFilter(args.municipalityId, 'municipalityId');
    if (parentId) query.where('r.parent_id', parentId);
    if (municipalityId) query.where('r.municipality_id', municipalityId);
    const root = scopeRoot(ctx.auth);
    if (root) query.whereRaw(`r.organization_id in (${SUBTREE_SQL})`, [root]);
    const [{ count }] = (await query.clone().count({ count: '*' })) as [{ count: string }];
    const page = query.clone().select('r.*')
      .orderBy([{ column: 'r.consecutive_misses', order: 'desc' }, { column: 'r.organization_id', order: 'asc' }])
      .limit(size + 1);
    if (after) page.whereRaw('(r.consecutive_misses < ? or (r.consecutive_misses = ? and r.organization_id > ?::uuid))', [after[0], after[0], after[1]]);
    const rows = (await page).map((row) => ctx.em.map(ComplianceResultEntity, row));
    return toConnection(rows, size, Number(count), (r) => encodeCursor([r.consecutiveMisses, r.organizationId]));
  },

  complianceRuns: async (_: unknown, args: { rule?: RuleCode | null; period?: string | null; first?: number | null }, ctx: ComplianceContext) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST', 'EDITOR');
    const where: Record<string, unknown> = {};
    if (args.rule) where.rule = args.rule;
    if (args.period) where.period = args.period;
    return ctx.em.find(ComplianceRunEntity, where, { orderBy: { startedAt: 'desc', id: 'desc' }, limit: pageSize(args.first) });
  },

  exemptions: async (_: unknown, args: { rule?: RuleCode | null; period?: string | null; includeRevoked?: boolean | null }, ctx: ComplianceContext) => {
    const where: Record<string, unknown> = {};
    if (args.rule) where.rule = args.rule;
    if (args.period) where.period = args.period;
    if (!args.includeRevoked) where.revokedAt = null;
    const found = await ctx.em.find(ExemptionEntity, where, { orderBy: { grantedAt: 'desc' } });
    const root = scopeRoot(ctx.auth);
    if (!root) return found;
    const visible = await Promise.all(found.map((e) => ctx.hierarchy.isWithin(root, [e.organizationId])));
    return found.filter((_, i) => visible[i]);
  },

  scheduledJobs: async (_: unknown, __: unknown, ctx: ComplianceContext) => {
    const jobs = await readScheduledJobs(ctx.em, [...CHECK_SCHEDULE.map((job) => job.name), DISTRIBUTION_DIGEST_JOB.name, REMINDER_JOB.name, SUMMARY_JOB.name, MAIL_DISPATCH_JOB], ctx.clock());
    // A job's last error may quote an SMTP server's refusal, recipient included: operators of the hub only.
    const seesErrors = seesAddresses(ctx);
    return seesErrors ? jobs : jobs.map((job) => ({ ...job, lastError: null }));
  },

  weekAtRisk: async (_: unknown, args: { kind?: OrganizationKind | null; first?: number | null }, ctx: ComplianceContext) => {
    const progress = [...(await weekProgress(ctx.engine, await ctx.rules.load('all'))).values()].filter((p) => p.atRisk);
    const root = scopeRoot(ctx.auth);
    const kinds = args.kind ? await kindsOf(ctx, progress.map((p) => p.organizationId)) : null;
    const inScope = root ? await Promise.all(progress.map((p) => ctx.hierarchy.isWithin(root, [p.organizationId]))) : null;
    return progress
      .filter((p, i) => (!inScope || inScope[i]) && (!kinds || kinds.get(p.organizationId) === args.kind))
      .sort((a, b) => b.remaining - a.remaining || a.organizationId.localeCompare(b.organizationId))
      .slice(0, pageSize(args.first ?? 500))
      .map(toWeekProgress);
  },
};

async function kindsOf(ctx: ComplianceContext, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { id: string; kind: string }[] = await ctx.em.getKnex()('organizations.directory').select('id', 'kind').whereIn('id', ids);
  return new Map(rows.map((r) => [r.id, r.kind]));
}

export function toWeekProgress(p: import('../engine/week-progress.js').Progress) {
  return { ...p, week: p.week.label, organization: { __typename: 'Organization', id: p.organizationId } };
}
